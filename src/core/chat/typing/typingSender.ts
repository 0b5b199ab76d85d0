import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import { classifyFailure } from '../connection/serviceFailure';

/**
 * How often a typing event may be sent: at most once per 10 s, like Connect's own clients (the
 * receiving side shows the indicator for 12 s).
 *
 * @example
 * ```ts
 * createTypingSender({ clock, logger, throttleMs: TYPING_THROTTLE_MS, send, getToken, onTokenRejected });
 * ```
 */
export const TYPING_THROTTLE_MS = 10_000;

/**
 * What the typing sender needs.
 *
 * @example
 * ```ts
 * const typing = createTypingSender({ clock, logger, throttleMs: 10_000, send, getToken, onTokenRejected });
 * input.addEventListener('input', () => typing.typing());
 * ```
 */
export interface TypingSenderOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly throttleMs: number;
  send(connectionToken: string): Promise<unknown>;
  getToken(): string | undefined;
  onTokenRejected(): void;
}

/**
 * Sends typing events, leading-edge throttled. Returns whether an event went out.
 *
 * @example
 * ```ts
 * const typing = createTypingSender(options);
 * input.addEventListener('input', () => typing.typing());
 * ```
 */
export interface TypingSender {
  typing(): boolean;
  /**
   * Our message went out: the others' indicator for us ended with it, so the next keystroke
   * sends a typing event again instead of waiting out the throttle.
   */
  messageSent(): void;
  stop(): void;
}

/**
 * Creates a {@link TypingSender}. Failures are logged, never thrown: typing is best effort.
 *
 * @example
 * ```ts
 * const typing = createTypingSender({
 *   clock: systemClock,
 *   logger: console,
 *   throttleMs: TYPING_THROTTLE_MS,
 *   send: (token) => client.sendEvent(token, { ContentType: ContentType.typing }),
 *   getToken: () => token,
 *   onTokenRejected: () => undefined,
 * });
 * ```
 */
export function createTypingSender(options: TypingSenderOptions): TypingSender {
  let lastSentAt = -Infinity;
  let stopped = false;
  return {
    typing() {
      const now = options.clock.now();
      if (stopped || now - lastSentAt < options.throttleMs) {
        return false;
      }
      const token = options.getToken();
      if (token === undefined) {
        return false;
      }
      lastSentAt = now;
      options.send(token).catch((error: unknown) => {
        const failure = classifyFailure(error);
        if (failure.kind === 'denied') {
          options.onTokenRejected();
        }
        if (failure.kind !== 'aborted') {
          options.logger.debug('typing event failed', error);
        }
      });
      return true;
    },
    messageSent() {
      lastSentAt = -Infinity;
    },
    stop() {
      stopped = true;
    },
  };
}
