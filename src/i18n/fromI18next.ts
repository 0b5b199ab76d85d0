import type { MessageKey, MessageValues, Translator } from './messages';

/**
 * The part of an i18next instance {@link fromI18next} uses (`i18next` itself, or `i18n` from
 * react-i18next's `useTranslation()`).
 *
 * @example
 * ```ts
 * import i18next from 'i18next';
 * const translator = fromI18next(i18next); // any object with i18next's `t` and `exists`
 * ```
 */
export interface I18nextLike {
  exists(key: string, options?: Record<string, unknown>): boolean;
  t(key: string, options?: Record<string, unknown>): unknown;
}

/**
 * Options of {@link fromI18next}.
 *
 * @example
 * ```ts
 * const translator = fromI18next(i18n, { namespace: 'support' });
 * ```
 */
export interface FromI18nextOptions {
  /** The namespace holding the kit's keys. Defaults to `contactKit`. */
  namespace?: string;
}

/**
 * Takes the kit's strings from the app's i18next: a key the namespace has (i18next plurals:
 * `unreadMessages_one`, `unreadMessages_other`, with `count`) is translated by i18next with its
 * own interpolation (`{{name}}`); any other key keeps the kit's catalog. Pass the app's language
 * as `locale` too, so the kit re-renders when it changes.
 *
 * @example
 * ```tsx
 * import { useTranslation } from 'react-i18next';
 *
 * function Support() {
 *   const { i18n } = useTranslation();
 *   const translator = useMemo(() => fromI18next(i18n), [i18n]);
 *   return <ChatWidget translator={translator} locale={i18n.language} startChat={startChat} region="us-east-1" />;
 * }
 * ```
 */
export function fromI18next(i18n: I18nextLike, options: FromI18nextOptions = {}): Translator {
  const ns = options.namespace ?? 'contactKit';
  return (key: MessageKey, values: MessageValues | undefined) => {
    const args = { ...values, ns };
    if (!i18n.exists(key, args)) {
      return undefined;
    }
    const text = i18n.t(key, args);
    return typeof text === 'string' ? text : undefined;
  };
}
