import type { MessageKey } from '../../i18n/messages';

/**
 * One extra field of the pre-chat form (the name field is always there).
 *
 * @example
 * ```tsx
 * <ChatWidget
 *   startChat={startChat}
 *   preChatForm={{ fields: [{ name: 'email', label: 'Email', type: 'email', required: true }] }}
 * />
 * ```
 */
export interface PreChatField {
  /** Key of the value in `PreChatValues.fields` (e.g. a contact attribute name). */
  name: string;
  /** Visible label. */
  label: string;
  /** Input kind. Defaults to `text`. */
  type?: 'text' | 'email' | 'tel' | 'textarea' | 'select';
  /** Choices of a `select`. */
  options?: readonly string[];
  /** Must be filled in. Defaults to `false`. */
  required?: boolean;
  /** HTML `autocomplete` token, e.g. `email`. */
  autoComplete?: string;
  /** Extra check; return an error message to show, or `undefined` when the value is fine. */
  validate?: (value: string) => string | undefined;
}

/**
 * What the pre-chat form collected.
 *
 * @example
 * ```tsx
 * <ChatWidget
 *   preChatForm={{ fields: [{ name: 'email', label: 'Email', type: 'email' }] }}
 *   startChat={(values) => api.startChat({ name: values?.name, email: values?.fields.email })}
 * />
 * ```
 */
export interface PreChatValues {
  /** The customer's name (trimmed), for `ParticipantDetails.DisplayName`. */
  name: string;
  /** The extra fields by `name` (trimmed), e.g. for contact attributes. */
  fields: Readonly<Record<string, string>>;
}

/**
 * A field's problem: a catalog key, or a message from the field's own `validate`.
 *
 * @example
 * ```ts
 * const problems = validatePreChatForm(values, fields);
 * for (const [name, problem] of Object.entries(problems)) showError(name, 'key' in problem ? t(problem.key) : problem.message);
 * ```
 */
export type PreChatProblem = { key: MessageKey } | { message: string };

/** The name field's key in the problems map. */
export const PRE_CHAT_NAME_FIELD = 'name';

// Deliberately loose: one @, something on both sides, a dot in the domain. The service checks nothing.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks the pre-chat form: the name is required, required fields must be filled, emails must look
 * like emails, then each field's own `validate`. Returns the problems by field name, in form order
 * (empty when the form is valid).
 *
 * @example
 * ```ts
 * validatePreChatForm({ name: '', fields: {} }, []); // { name: { key: 'fieldRequired' } }
 * ```
 */
export function validatePreChatForm(
  values: PreChatValues,
  fields: readonly PreChatField[],
): Record<string, PreChatProblem> {
  const problems: Record<string, PreChatProblem> = {};
  if (values.name.trim() === '') {
    problems[PRE_CHAT_NAME_FIELD] = { key: 'fieldRequired' };
  }
  for (const field of fields) {
    const value = (values.fields[field.name] ?? '').trim();
    if (value === '') {
      if (field.required) {
        problems[field.name] = { key: 'fieldRequired' };
      }
      continue;
    }
    if (field.type === 'email' && !EMAIL.test(value)) {
      problems[field.name] = { key: 'invalidEmail' };
      continue;
    }
    const message = field.validate?.(value);
    if (message) {
      problems[field.name] = { message };
    }
  }
  return problems;
}
