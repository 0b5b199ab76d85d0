import { enMessages } from './en';
import type { MessageCatalogKey } from './en';
import type { VideoMessageKey } from './videoMessages';

/**
 * The plural categories of `Intl.PluralRules`.
 *
 * @example
 * ```ts
 * const arabic = await loadMessages('ar');
 * arabic[`unreadMessages.${new Intl.PluralRules('ar').select(3)}`]; // the 'few' form, when the catalog has one
 * ```
 */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * The base of each plural key of the catalog: `'newMessages'` for `newMessages.one` and
 * `newMessages.other`.
 *
 * @example
 * ```ts
 * t('unreadMessages' satisfies PluralMessageKey, { count: 3 });
 * ```
 */
export type PluralMessageKey = {
  [K in MessageCatalogKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageCatalogKey];

/**
 * A key `t` accepts: a plain key (`'send'`) or the base of a plural (`'newMessages'`).
 *
 * @example
 * ```ts
 * t('newMessages', { count: 3 }); // the plural base: '3 new messages'
 * ```
 */
export type MessageKey =
  Exclude<MessageCatalogKey, `${string}.${PluralCategory}`> | PluralMessageKey;

/**
 * A complete catalog: every English key, plus the extra plural forms a language needs.
 *
 * @example
 * ```ts
 * <I18nProvider locale="es" messages={{ ...enMessages, send: 'Enviar' } satisfies Messages}>…</I18nProvider>
 * ```
 */
export type Messages = {
  readonly [K in Exclude<MessageCatalogKey, VideoMessageKey>]: string;
} & {
  // The web-call strings come with the video kit (English) and with each locale's catalog.
  readonly [K in VideoMessageKey]?: string;
} & {
  readonly [K in `${PluralMessageKey}.${'zero' | 'two' | 'few' | 'many'}`]?: string;
};

/**
 * Strings that replace the catalog's (the `messages` prop): any subset, in any locale.
 *
 * @example
 * ```tsx
 * <ContactKitThemeProvider messages={{ send: 'Go', openChat: 'Talk to us' }} />
 * ```
 */
export type MessageOverrides = Partial<Messages>;

/**
 * Values for `{name}` placeholders; `count` also picks the plural form.
 *
 * @example
 * ```ts
 * t('unreadMessages', { count: 3 }); // values fill `{count}` and pick the plural
 * ```
 */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Looks up and fills one message.
 *
 * @example
 * ```ts
 * const t = createTranslate(enMessages, 'en');
 * t('charactersLeft', { count: 1 }); // '1 character left'
 * t('newMessages', { count: 2 }); // '2 new messages'
 * ```
 */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * Strings from the app's own translation library: given a catalog key (plural keys without their
 * `.one`/`.other` suffix) and its values, it returns the app's text, or `undefined` to keep the
 * kit's catalog for that key. Build one with {@link fromI18next} or {@link fromReactIntl}, or
 * write your own; pass it as `translator` to `ChatWidget`, `ContactKitThemeProvider` or
 * `I18nProvider`.
 *
 * @example
 * ```tsx
 * <ChatWidget
 *   startChat={startChat}
 *   translator={(key, values) => (key === 'chatTitle' ? 'Talk to a barista' : undefined)}
 * />
 * ```
 */
export type Translator = (key: MessageKey, values: MessageValues | undefined) => string | undefined;

/**
 * A {@link Translate} over a catalog: plural forms by `Intl.PluralRules` (falling back to
 * `.other`), then English (with `fallback`'s strings) for a missing key, then the key itself.
 *
 * @example
 * ```ts
 * const t = createTranslate({ ...enMessages, send: 'Go' }, 'en');
 * t('send'); // 'Go'
 * t('typingOne', { name: 'Sam' }); // 'Sam is typing…'
 * ```
 */
export function createTranslate(
  messages: Messages,
  locale: string,
  fallback?: MessageOverrides,
): Translate {
  let rules: Intl.PluralRules | undefined;
  const table = messages as unknown as Readonly<Record<string, string | undefined>>;
  const english = (fallback ? { ...enMessages, ...fallback } : enMessages) as unknown as Readonly<
    Record<string, string | undefined>
  >;
  return (key, values) => {
    let template: string | undefined;
    if (`${key}.other` in english) {
      const count = Number(values?.count ?? 0);
      rules ??= new Intl.PluralRules(locale);
      const category = rules.select(count);
      template =
        table[`${key}.${category}`] ??
        table[`${key}.other`] ??
        english[`${key}.${category}`] ??
        english[`${key}.other`];
    } else {
      template = table[key] ?? english[key];
    }
    if (template === undefined) {
      return key;
    }
    if (!values) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) {
        return whole;
      }
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
    });
  };
}
