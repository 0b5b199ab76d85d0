import { forwardRef, useId, useImperativeHandle, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { PRE_CHAT_NAME_FIELD, validatePreChatForm } from './validatePreChatForm';
import type { PreChatField, PreChatProblem, PreChatValues } from './validatePreChatForm';
import * as S from './ChatWidget.styles';
import * as F from './ChatWidgetBody.styles';

/**
 * Props of {@link PreChatForm}.
 *
 * @example
 * ```tsx
 * <PreChatForm fields={[]} onSubmit={(values) => start(values)} />
 * ```
 */
export interface PreChatFormProps {
  /** Fields after the name. Defaults to none. */
  fields?: readonly PreChatField[];
  /** Called with the trimmed values once the form is valid. */
  onSubmit: (values: PreChatValues) => void;
  /** Heading above the form. Defaults to the catalog's "Before we start". */
  title?: string;
  /** Line under the heading. Defaults to the catalog's intro. */
  intro?: string;
  /** Values to start with (e.g. the previous chat's). */
  defaultValues?: PreChatValues | undefined;
  /** The chat is starting: the submit button waits. */
  busy?: boolean;
}

/**
 * Moves focus into the form.
 *
 * @example
 * ```ts
 * formRef.current?.focus();
 * ```
 */
export interface PreChatFormHandle {
  focus: () => void;
}

function problemText(problem: PreChatProblem, t: ReturnType<typeof useMessages>): string {
  return 'key' in problem ? t(problem.key) : problem.message;
}

/**
 * The optional form before a chat starts: the customer's name (always) and configurable fields,
 * validated on submit. Invalid fields get `aria-invalid` and an error tied with
 * `aria-describedby`, and focus moves to the first of them.
 *
 * @example
 * ```tsx
 * <PreChatForm
 *   fields={[{ name: 'email', label: 'Email', type: 'email', required: true }]}
 *   onSubmit={(values) => console.log(values.name, values.fields.email)}
 * />
 * ```
 */
export const PreChatForm = /* @__PURE__ */ forwardRef<PreChatFormHandle, PreChatFormProps>(
  function PreChatForm(props, ref): ReactNode {
    const { fields = [], onSubmit, busy = false } = props;
    const t = useMessages();
    const id = useId();
    const form = useRef<HTMLFormElement>(null);
    const [name, setName] = useState(props.defaultValues?.name ?? '');
    const [values, setValues] = useState<Record<string, string>>(() => ({
      ...props.defaultValues?.fields,
    }));
    const [problems, setProblems] = useState<Record<string, PreChatProblem>>({});

    useImperativeHandle(ref, () => ({
      focus: () => form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus(),
    }));

    const fieldId = (field: string) => `${id}-${field}`;
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (busy) {
        return;
      }
      const trimmed: PreChatValues = {
        name: name.trim(),
        fields: Object.fromEntries(
          fields.map((field) => [field.name, (values[field.name] ?? '').trim()]),
        ),
      };
      const found = validatePreChatForm(trimmed, fields);
      setProblems(found);
      const first = Object.keys(found)[0];
      if (first !== undefined) {
        const control = form.current?.elements.namedItem(first);
        if (control instanceof HTMLElement) {
          control.focus();
        }
        return;
      }
      onSubmit(trimmed);
    };

    const describe = (field: string) => {
      const problem = problems[field];
      return problem
        ? {
            'aria-invalid': true as const,
            'aria-describedby': `${fieldId(field)}-error`,
          }
        : {};
    };
    const errorOf = (field: string) => {
      const problem = problems[field];
      return problem ? (
        <F.FieldError id={`${fieldId(field)}-error`}>{problemText(problem, t)}</F.FieldError>
      ) : null;
    };
    const labelOf = (label: string, required: boolean) => (
      <>
        {label}
        <F.FieldHint>{required ? ` (${t('required')})` : ` (${t('optional')})`}</F.FieldHint>
      </>
    );

    return (
      <F.Form ref={form} noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
        <F.FormTitle id={`${id}-title`}>{props.title ?? t('preChatTitle')}</F.FormTitle>
        <F.FormIntro>{props.intro ?? t('preChatIntro')}</F.FormIntro>
        <F.Field>
          <F.Label htmlFor={fieldId(PRE_CHAT_NAME_FIELD)}>{labelOf(t('yourName'), true)}</F.Label>
          <F.Input
            id={fieldId(PRE_CHAT_NAME_FIELD)}
            name={PRE_CHAT_NAME_FIELD}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            {...describe(PRE_CHAT_NAME_FIELD)}
          />
          {errorOf(PRE_CHAT_NAME_FIELD)}
        </F.Field>
        {fields.map((field) => {
          const common = {
            id: fieldId(field.name),
            name: field.name,
            required: field.required ?? false,
            value: values[field.name] ?? '',
            ...(field.autoComplete ? { autoComplete: field.autoComplete } : {}),
            ...describe(field.name),
          };
          const change = (value: string) =>
            setValues((current) => ({ ...current, [field.name]: value }));
          let control: ReactNode;
          if (field.type === 'textarea') {
            control = (
              <F.TextArea rows={3} {...common} onChange={(event) => change(event.target.value)} />
            );
          } else if (field.type === 'select') {
            control = (
              <F.Select {...common} onChange={(event) => change(event.target.value)}>
                <option value="" />
                {(field.options ?? []).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </F.Select>
            );
          } else {
            control = (
              <F.Input
                type={field.type ?? 'text'}
                {...common}
                onChange={(event) => change(event.target.value)}
              />
            );
          }
          return (
            <F.Field key={field.name}>
              <F.Label htmlFor={fieldId(field.name)}>
                {labelOf(field.label, field.required ?? false)}
              </F.Label>
              {control}
              {errorOf(field.name)}
            </F.Field>
          );
        })}
        <S.PrimaryButton type="submit" aria-disabled={busy || undefined}>
          {busy ? t('startingChat') : t('startChat')}
        </S.PrimaryButton>
      </F.Form>
    );
  },
);
