/**
 * A leveled logger. Pass your own (e.g. `console`) to see what the kit does; the default is silent
 * below `warn`.
 *
 * @example
 * ```ts
 * createChatSession({ participantToken, region: 'us-east-1', logger: console });
 * ```
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

const noop = (): void => {};

/**
 * The default logger: warnings and errors go to the console with a `[contact-kit]` prefix, debug
 * and info are dropped.
 *
 * @example
 * ```ts
 * const logger = options.logger ?? defaultLogger;
 * ```
 */
export const defaultLogger: Logger = {
  debug: noop,
  info: noop,
  warn: (message, ...details) => console.warn(`[contact-kit] ${message}`, ...details),
  error: (message, ...details) => console.error(`[contact-kit] ${message}`, ...details),
};

/**
 * A logger that drops everything (tests, or apps that want silence).
 *
 * @example
 * ```ts
 * createParticipantClient({ region: 'us-east-1', logger: silentLogger });
 * ```
 */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
