/**
 * Message catalogs (English bundled, others on demand), text direction and `Intl` formatting for
 * the chat components.
 *
 * @packageDocumentation
 */
export { enMessages } from './en';
export { enVideoMessages } from './videoMessages';
export type { MessageCatalogKey } from './en';
export type { VideoMessageKey } from './videoMessages';
export { createTranslate } from './messages';
export type {
  MessageKey,
  MessageOverrides,
  MessageValues,
  Messages,
  PluralCategory,
  PluralMessageKey,
  Translate,
  Translator,
} from './messages';
export { fromI18next } from './fromI18next';
export type { FromI18nextOptions, I18nextLike } from './fromI18next';
export { fromReactIntl } from './fromReactIntl';
export type { FromReactIntlOptions, ReactIntlLike } from './fromReactIntl';
export {
  SUPPORTED_LOCALES,
  loadMessages,
  peekMessages,
  resolveLocale,
  textDirection,
} from './locales';
export type { SupportedLocale } from './locales';
export { createFormatter } from './createFormatter';
export type { Formatter } from './createFormatter';
export { I18nProvider, useFormatter, useI18n, useMessages } from './I18nProvider';
export type { I18nContextValue, I18nProviderProps } from './I18nProvider';
