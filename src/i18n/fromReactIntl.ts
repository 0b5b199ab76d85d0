import type { MessageKey, MessageValues, Translator } from './messages';

/**
 * The part of react-intl's `IntlShape` (from `useIntl()`) that {@link fromReactIntl} uses.
 *
 * @example
 * ```ts
 * const translator = fromReactIntl(useIntl());
 * ```
 */
export interface ReactIntlLike {
  readonly messages: Readonly<Record<string, unknown>>;
  formatMessage(descriptor: { id: string }, values?: Record<string, string | number>): string;
}

/**
 * Options of {@link fromReactIntl}.
 *
 * @example
 * ```ts
 * const translator = fromReactIntl(intl, { prefix: 'support.' });
 * ```
 */
export interface FromReactIntlOptions {
  /** Put before each key to make the message id. Defaults to `contactKit.`. */
  prefix?: string;
}

/**
 * Takes the kit's strings from the app's react-intl messages: an id the app has
 * (`contactKit.chatTitle`; plurals as ICU, `{count, plural, one {# new message} other {# new
 * messages}}`) is formatted by react-intl; any other key keeps the kit's catalog.
 *
 * @example
 * ```tsx
 * import { useIntl } from 'react-intl';
 *
 * function Support() {
 *   const intl = useIntl();
 *   const translator = useMemo(() => fromReactIntl(intl), [intl]);
 *   return <ChatWidget translator={translator} locale={intl.locale} startChat={startChat} region="us-east-1" />;
 * }
 * ```
 */
export function fromReactIntl(intl: ReactIntlLike, options: FromReactIntlOptions = {}): Translator {
  const prefix = options.prefix ?? 'contactKit.';
  return (key: MessageKey, values: MessageValues | undefined) => {
    const id = `${prefix}${key}`;
    if (!Object.prototype.hasOwnProperty.call(intl.messages, id)) {
      return undefined;
    }
    return intl.formatMessage({ id }, values);
  };
}
