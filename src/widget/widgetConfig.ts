import type { MessageOverrides } from '../i18n/messages';
import type { PreChatField } from '../prefabs/ChatWidget/validatePreChatForm';

/** Where the launcher and panel sit; `inline` renders in the page's flow. */
export type ContactWidgetPosition = 'bottom-right' | 'bottom-left' | 'inline';

/**
 * What `<contact-widget>` can be told, by attribute or through its `config` property. Every field
 * applies live: change it while the chat is open and the panel follows.
 *
 * | field | attribute |
 * |---|---|
 * | `title` | `panel-title` |
 * | `accentColor` | `accent-color` (`#rrggbb`) |
 * | `position` | `position` |
 * | `launcher` | `launcher` (`none` hides it) |
 * | `locale` | `locale` |
 * | `theme` | `theme` (`light`, `dark`, `auto`) |
 * | `messages` | `messages` (JSON: catalog key → text) |
 * | `preChatFields` | `pre-chat-fields` (JSON array) |
 * | `displayName` | `display-name` |
 *
 * @example
 * ```ts
 * const widget = document.querySelector('contact-widget')!;
 * widget.config = {
 *   title: 'Acme help',
 *   accentColor: '#7c3aed',
 *   messages: { launcherOpen: 'Talk to us' },
 *   preChatFields: [{ name: 'orderId', label: 'Order number' }],
 * };
 * ```
 */
export interface ContactWidgetConfig {
  /** Panel heading. Defaults to the catalog's. */
  readonly title?: string | undefined;
  /** Brand colour of the launcher, own bubbles and buttons, as `#rrggbb`. */
  readonly accentColor?: string | undefined;
  readonly position?: ContactWidgetPosition | undefined;
  /** `false` hides the launcher: the page opens the panel with `open()`. */
  readonly launcher?: boolean | undefined;
  /** UI language (BCP 47). */
  readonly locale?: string | undefined;
  readonly theme?: 'light' | 'dark' | 'auto' | undefined;
  /** Strings that replace the catalog's, by key. */
  readonly messages?: MessageOverrides | undefined;
  /** Pre-chat form fields after the name; their values become contact attributes. */
  readonly preChatFields?: readonly PreChatField[] | undefined;
  /** Name sent as `DisplayName`; without it the pre-chat form asks. */
  readonly displayName?: string | undefined;
}

/**
 * A `<contact-widget>` attribute or `config` value that cannot be used, with the attribute's name.
 *
 * @example
 * ```ts
 * widget.addEventListener('contact-kit:error', (event) => {
 *   const { error } = (event as CustomEvent<{ error: ContactWidgetConfigError }>).detail;
 *   console.warn(error.attribute, error.message);
 * });
 * ```
 */
export class ContactWidgetConfigError extends TypeError {
  readonly code = 'WIDGET_CONFIG_INVALID';
  constructor(
    /** The attribute (or `config` field) that was refused. */
    readonly attribute: string,
    message: string,
  ) {
    super(`contact-widget: ${attribute}: ${message}`);
    this.name = 'ContactWidgetConfigError';
  }
}

/** The attributes the element watches, with their `config` field. */
export const WIDGET_CONFIG_ATTRIBUTES = {
  'panel-title': 'title',
  'accent-color': 'accentColor',
  position: 'position',
  launcher: 'launcher',
  locale: 'locale',
  theme: 'theme',
  messages: 'messages',
  'pre-chat-fields': 'preChatFields',
  'display-name': 'displayName',
} as const satisfies Record<string, keyof ContactWidgetConfig>;

type Attribute = keyof typeof WIDGET_CONFIG_ATTRIBUTES;

const POSITIONS: readonly string[] = ['bottom-right', 'bottom-left', 'inline'];
const THEMES: readonly string[] = ['light', 'dark', 'auto'];
const FIELD_TYPES: readonly string[] = ['text', 'email', 'tel', 'textarea', 'select'];
const HEX = /^#[0-9a-f]{6}$/i;

function parseJson(attribute: Attribute, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContactWidgetConfigError(attribute, 'is not valid JSON');
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkMessages(attribute: string, value: unknown): MessageOverrides {
  if (!isRecord(value) || Object.values(value).some((text) => typeof text !== 'string')) {
    throw new ContactWidgetConfigError(attribute, 'must map catalog keys to strings');
  }
  return value as MessageOverrides;
}

function checkFields(attribute: string, value: unknown): readonly PreChatField[] {
  if (!Array.isArray(value)) {
    throw new ContactWidgetConfigError(attribute, 'must be an array of fields');
  }
  const names = new Set<string>();
  return value.map((field: unknown, index) => {
    const where = `${attribute}[${index}]`;
    if (!isRecord(field) || typeof field.name !== 'string' || field.name === '') {
      throw new ContactWidgetConfigError(where, 'needs a non-empty "name"');
    }
    if (typeof field.label !== 'string' || field.label === '') {
      throw new ContactWidgetConfigError(where, 'needs a non-empty "label"');
    }
    if (field.name === 'name' || names.has(field.name)) {
      throw new ContactWidgetConfigError(where, `"${field.name}" is already a field`);
    }
    names.add(field.name);
    if (field.type !== undefined && !FIELD_TYPES.includes(field.type as string)) {
      throw new ContactWidgetConfigError(where, `type must be one of ${FIELD_TYPES.join(', ')}`);
    }
    if (
      field.type === 'select' &&
      (!Array.isArray(field.options) ||
        field.options.length === 0 ||
        field.options.some((option) => typeof option !== 'string'))
    ) {
      throw new ContactWidgetConfigError(where, 'a select needs "options", a list of strings');
    }
    return {
      name: field.name,
      label: field.label,
      ...(field.type !== undefined ? { type: field.type as PreChatField['type'] } : {}),
      ...(Array.isArray(field.options) ? { options: field.options as string[] } : {}),
      ...(field.required === true ? { required: true } : {}),
      ...(typeof field.autoComplete === 'string' ? { autoComplete: field.autoComplete } : {}),
    };
  });
}

function checkOneOf(attribute: string, value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ContactWidgetConfigError(attribute, `must be one of ${allowed.join(', ')}`);
  }
  return value;
}

function checkColor(attribute: string, value: unknown): string {
  if (typeof value !== 'string' || !HEX.test(value)) {
    throw new ContactWidgetConfigError(attribute, 'must be a #rrggbb colour');
  }
  return value.toLowerCase();
}

function checkString(attribute: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new ContactWidgetConfigError(attribute, 'must be a string');
  }
  return value;
}

/**
 * Reads one attribute into its `config` field; `null` (attribute removed) gives `undefined`.
 * Throws {@link ContactWidgetConfigError} for a value it cannot use.
 *
 * @example
 * ```ts
 * readWidgetAttribute('accent-color', '#7C3AED'); // ['accentColor', '#7c3aed']
 * ```
 */
export function readWidgetAttribute(
  attribute: Attribute,
  text: string | null,
): [keyof ContactWidgetConfig, unknown] {
  const field = WIDGET_CONFIG_ATTRIBUTES[attribute];
  if (text === null) {
    return [field, undefined];
  }
  switch (attribute) {
    case 'launcher':
      return [field, text !== 'none'];
    case 'messages':
      return [field, checkMessages(attribute, parseJson(attribute, text))];
    case 'pre-chat-fields':
      return [field, checkFields(attribute, parseJson(attribute, text))];
    default:
      return [field, checkField(field, text, attribute)];
  }
}

function checkField(field: keyof ContactWidgetConfig, value: unknown, name: string): unknown {
  switch (field) {
    case 'accentColor':
      return checkColor(name, value);
    case 'position':
      return checkOneOf(name, value, POSITIONS);
    case 'theme':
      return checkOneOf(name, value, THEMES);
    case 'launcher':
      if (typeof value !== 'boolean') {
        throw new ContactWidgetConfigError(name, 'must be true or false');
      }
      return value;
    case 'messages':
      return checkMessages(name, value);
    case 'preChatFields':
      return checkFields(name, value);
    default:
      return checkString(name, value);
  }
}

const FIELDS: ReadonlySet<string> = new Set(Object.values(WIDGET_CONFIG_ATTRIBUTES));

/**
 * Checks a `config` object: unknown fields and bad values throw {@link ContactWidgetConfigError}
 * (misuse), `undefined` fields are dropped.
 *
 * @example
 * ```ts
 * checkWidgetConfig({ position: 'bottom-left', accentColor: '#0f766e' });
 * ```
 */
export function checkWidgetConfig(config: unknown): ContactWidgetConfig {
  if (!isRecord(config)) {
    throw new ContactWidgetConfigError('config', 'must be an object');
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) {
    if (!FIELDS.has(field)) {
      throw new ContactWidgetConfigError(field, 'is not a config field');
    }
    if (value !== undefined) {
      out[field] = checkField(field as keyof ContactWidgetConfig, value, field);
    }
  }
  return out as ContactWidgetConfig;
}
