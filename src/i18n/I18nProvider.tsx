import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useMaybeContactKit } from '../react/context/ContactKitContext';
import { createFormatter } from './createFormatter';
import type { Formatter } from './createFormatter';
import { enMessages } from './en';
import { loadMessages, peekMessages, resolveLocale, textDirection } from './locales';
import type { SupportedLocale } from './locales';
import { createTranslate } from './messages';
import type { MessageOverrides, Messages, Translate, Translator } from './messages';

/**
 * What {@link useI18n} returns.
 *
 * @example
 * ```tsx
 * function SentAt({ time }: { time: string }) {
 *   const { t, format, dir } = useI18n();
 *   return <small dir={dir}>{t('sentAt', { time: format.time(time) })}</small>;
 * }
 * ```
 */
export interface I18nContextValue {
  /** The locale whose catalog is showing (English while another one loads). */
  readonly locale: SupportedLocale;
  /** The locale that was asked for, as given. */
  readonly requestedLocale: string;
  /** Writing direction of the showing locale. */
  readonly dir: 'ltr' | 'rtl';
  /** `loading` while the requested catalog loads, `error` when it could not be loaded. */
  readonly status: 'ready' | 'loading' | 'error';
  /** The catalog in use, overrides applied. */
  readonly messages: Messages;
  readonly t: Translate;
  readonly format: Formatter;
}

function buildValue(
  requestedLocale: string,
  locale: SupportedLocale,
  catalog: Messages,
  overrides: MessageOverrides | undefined,
  timeZone: string | undefined,
  status: I18nContextValue['status'],
  translator?: Translator,
  fallback?: MessageOverrides,
): I18nContextValue {
  const messages = overrides ? { ...catalog, ...overrides } : catalog;
  // Dates and numbers follow the requested tag (en-GB gets day-month order) once its catalog shows.
  const formatLocale = locale === resolveLocale(requestedLocale) ? requestedLocale : locale;
  let format: Formatter;
  try {
    format = createFormatter(formatLocale, timeZone);
  } catch {
    format = createFormatter(locale, timeZone);
  }
  return {
    locale,
    requestedLocale,
    dir: textDirection(locale),
    status,
    messages,
    t: withTranslator(createTranslate(messages, formatLocale, fallback), translator),
    format,
  };
}

function withTranslator(own: Translate, translator: Translator | undefined): Translate {
  if (!translator) {
    return own;
  }
  return (key, values) => {
    let text: string | undefined;
    try {
      text = translator(key, values);
    } catch {
      // The app's translation library failed for this key: the kit's catalog still has it.
      text = undefined;
    }
    return text ?? own(key, values);
  };
}

const defaultValue = buildValue('en', 'en', enMessages, undefined, undefined, 'ready');

const I18nContext = createContext<I18nContextValue>(defaultValue);
I18nContext.displayName = 'ContactKitI18nContext';

/**
 * Props of {@link I18nProvider}.
 *
 * @example
 * ```tsx
 * <I18nProvider locale="ar" messages={{ send: 'أرسل' }}>
 *   <Composer />
 * </I18nProvider>
 * ```
 */
export interface I18nProviderProps {
  /**
   * BCP 47 tag of the UI language. Defaults to the enclosing `ContactKitProvider`'s `locale`,
   * else `en`.
   */
  locale?: string;
  /** Strings that replace the catalog's, in any locale. */
  messages?: MessageOverrides;
  /**
   * Strings from the app's own translation library (see `fromI18next`, `fromReactIntl`): what it
   * returns wins over `messages` and the catalog; `undefined` keeps them.
   */
  translator?: Translator;
  /**
   * English strings for keys the catalogs lack, used while a locale loads or when it has no such
   * key (the video kit passes its call strings, which the chat catalog does not carry).
   */
  fallbackMessages?: MessageOverrides;
  /** IANA time zone for times and days. Defaults to the runtime's (the customer's). */
  timeZone?: string;
  children?: ReactNode;
}

/**
 * Provides the message catalog, text direction and `Intl` formatters to the components. English
 * is bundled; other catalogs are fetched with a dynamic import the first time they are asked for
 * (English shows meanwhile). Components work without it (in English).
 *
 * @example
 * ```tsx
 * <I18nProvider locale="es" messages={{ openChat: '¿Hablamos?' }}>
 *   <Composer />
 * </I18nProvider>
 * ```
 */
export function I18nProvider(props: I18nProviderProps): ReactNode {
  const kit = useMaybeContactKit();
  const requestedLocale = props.locale ?? kit?.locale ?? 'en';
  const resolved = resolveLocale(requestedLocale);
  // Which locale failed to load, if any; a successful load re-renders through `setFailed(undefined)`.
  const [failed, setFailed] = useState<SupportedLocale | undefined>(undefined);
  const [, setLoadedLocale] = useState<SupportedLocale | undefined>(undefined);

  useEffect(() => {
    if (peekMessages(resolved)) {
      return;
    }
    let cancelled = false;
    loadMessages(resolved).then(
      () => {
        if (!cancelled) {
          setLoadedLocale(resolved);
        }
      },
      () => {
        if (!cancelled) {
          setFailed(resolved);
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [resolved]);

  const ready = peekMessages(resolved);
  const showing: SupportedLocale = ready ? resolved : 'en';
  const catalog = ready ?? enMessages;
  const status: I18nContextValue['status'] = ready
    ? 'ready'
    : failed === resolved
      ? 'error'
      : 'loading';

  const { messages, timeZone, translator, fallbackMessages } = props;
  const value = useMemo(
    () =>
      buildValue(
        requestedLocale,
        showing,
        catalog,
        messages,
        timeZone,
        status,
        translator,
        fallbackMessages,
      ),
    [requestedLocale, showing, catalog, messages, timeZone, status, translator, fallbackMessages],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/**
 * The nearest {@link I18nProvider}'s locale, direction, strings and formatters (English outside
 * one).
 *
 * @example
 * ```tsx
 * function Hello() {
 *   const { t, dir } = useI18n();
 *   return <p dir={dir}>{t('chatTitle')}</p>;
 * }
 * ```
 */
export function useI18n(): I18nContextValue {
  return useContext(I18nContext);
}

/**
 * The translate function of the nearest {@link I18nProvider}.
 *
 * @example
 * ```tsx
 * function SendButton() {
 *   const t = useMessages();
 *   return <button type="submit">{t('send')}</button>;
 * }
 * ```
 */
export function useMessages(): Translate {
  return useContext(I18nContext).t;
}

/**
 * The `Intl` formatters of the nearest {@link I18nProvider}.
 *
 * @example
 * ```tsx
 * function Time({ iso }: { iso: string }) {
 *   const format = useFormatter();
 *   return <time dateTime={iso}>{format.time(iso)}</time>;
 * }
 * ```
 */
export function useFormatter(): Formatter {
  return useContext(I18nContext).format;
}
