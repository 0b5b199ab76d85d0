import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import { ContentType } from '../../protocol/contentTypes';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { Item } from '../../protocol/types';
import type { TypingParticipant } from '../transcript/chatItem';
import { createTypingSender } from './typingSender';
import { applyTypingItems, createTypingState, expireTyping } from './typing';
import type { TypingState } from './typing';

/**
 * What the session's typing needs from the session.
 *
 * @example
 * ```ts
 * const typing = createSessionTyping({ clock, logger, throttleMs: 10_000, timeoutMs: 12_000, client, getToken, tokenRejected, isDestroyed, onExpired: publish });
 * typing.receive(page.Transcript, ownParticipantId);
 * ```
 */
export interface SessionTypingOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** At most one typing event per this many ms. */
  readonly throttleMs: number;
  /** Others' typing indicators expire after this. */
  readonly timeoutMs: number;
  readonly client: ParticipantClient;
  /** The connection token while open. */
  getToken(): string | undefined;
  /** The service refused the connection token: fetch a new one. */
  tokenRejected(): void;
  isDestroyed(): boolean;
  /** Someone stopped typing because their indicator expired. */
  onExpired(): void;
}

/**
 * Typing both ways: who else is typing (from incoming items, expiring on a timer) and our own
 * throttled typing events.
 *
 * @example
 * ```ts
 * typing.receive(items, ownParticipantId);
 * render(typing.participants);
 * ```
 */
export interface SessionTyping {
  /** Others typing right now. */
  readonly participants: readonly TypingParticipant[];
  /** Applies incoming items (typing events start indicators, messages end them). */
  receive(items: readonly Item[], ownParticipantId: string | undefined): void;
  /** Tells the others we are typing (throttled; dropped while offline). */
  send(): void;
  /** We sent a message or attachment: the throttle restarts, as the others' indicator ended. */
  messageSent(): void;
  /** Sends no more typing events; indicators still expire. */
  stop(): void;
  /** Sends nothing more and cancels the expiry timer. */
  destroy(): void;
}

/**
 * Creates the typing part of a chat session.
 *
 * @example
 * ```ts
 * const typing = createSessionTyping({
 *   clock, logger, throttleMs: TYPING_THROTTLE_MS, timeoutMs: TYPING_TIMEOUT_MS, client,
 *   getToken: openToken, tokenRejected: () => driver.tokenRejected(),
 *   isDestroyed: () => destroyed, onExpired: publish,
 * });
 * ```
 */
export function createSessionTyping(options: SessionTypingOptions): SessionTyping {
  const { clock } = options;
  let state: TypingState = createTypingState();
  let timer: TimerHandle | undefined;
  const sender = createTypingSender({
    clock,
    logger: options.logger,
    throttleMs: options.throttleMs,
    send: (token) => options.client.sendEvent(token, { ContentType: ContentType.typing }),
    getToken: () => options.getToken(),
    onTokenRejected: () => options.tokenRejected(),
  });

  function cancelExpiry(): void {
    if (timer !== undefined) {
      clock.clearTimeout(timer);
      timer = undefined;
    }
  }

  function scheduleExpiry(): void {
    cancelExpiry();
    const at = state.nextExpiryAt;
    if (at === undefined || options.isDestroyed()) {
      return;
    }
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        state = expireTyping(state, clock.now());
        scheduleExpiry();
        options.onExpired();
      },
      Math.max(0, at - clock.now()),
    );
  }

  return {
    get participants() {
      return state.participants;
    },
    receive(items, ownParticipantId) {
      const next = applyTypingItems(state, items, {
        ownParticipantId,
        now: clock.now(),
        timeoutMs: options.timeoutMs,
      });
      if (next !== state) {
        state = next;
        scheduleExpiry();
      }
    },
    send() {
      sender.typing();
    },
    messageSent() {
      sender.messageSent();
    },
    stop() {
      sender.stop();
    },
    destroy() {
      sender.stop();
      cancelExpiry();
    },
  };
}
