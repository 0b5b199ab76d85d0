import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import { ChatError, InvalidResponseError } from '../../protocol/errors';
import type { SendMessageResponse } from '../../protocol/types';
import { classifyFailure, failureError } from '../connection/serviceFailure';

/**
 * One message waiting to be sent. `localId` is also the SendMessage `ClientToken`, reused on
 * every retry so the service stores the message once however often it is sent.
 *
 * @example
 * ```ts
 * outbox.enqueue({ localId: crypto.randomUUID(), contentType: 'text/plain', content: 'Hi' });
 * ```
 */
export interface OutboxEntry {
  readonly localId: string;
  readonly contentType: string;
  readonly content: string;
}

/**
 * How patiently the outbox retries a message, on top of the participant client's own retries.
 *
 * @example
 * ```ts
 * createChatSession({ participantToken, region: 'us-east-1', outboxPolicy: { maxAttempts: 8, maxDelayMs: 10_000 } });
 * ```
 */
export interface OutboxPolicy {
  /** Attempts (each one a full client call with its own retries) before the message fails. Defaults to `5`. */
  readonly maxAttempts: number;
  /** Ceiling of the first wait between attempts; doubles each time. Defaults to `1000`. */
  readonly baseDelayMs: number;
  /** Longest wait between attempts. Defaults to `30000`. */
  readonly maxDelayMs: number;
}

/**
 * The default outbox retry policy.
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_OUTBOX_POLICY, maxAttempts: 10 };
 * ```
 */
export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
});

/**
 * What the outbox needs from the session.
 *
 * @example
 * ```ts
 * createMessageOutbox({ clock, random: Math.random, logger, policy: DEFAULT_OUTBOX_POLICY, send, getToken, … });
 * ```
 */
export interface MessageOutboxOptions {
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly policy: OutboxPolicy;
  /** SendMessage with the entry's `ClientToken`. */
  send(
    entry: OutboxEntry,
    connectionToken: string,
    signal: AbortSignal,
  ): Promise<SendMessageResponse>;
  /** The connection token while the connection is open; `undefined` means "wait". */
  getToken(): string | undefined;
  onConfirmed(entry: OutboxEntry, response: SendMessageResponse): void;
  onFailed(entry: OutboxEntry, error: ChatError): void;
  /** A 403: the session should fetch a fresh connection token. */
  onTokenRejected(): void;
}

/**
 * A strictly ordered send queue: one SendMessage at a time, in enqueue order, only while the
 * connection is open; retryable failures wait (exponential backoff with full jitter) and try
 * again with the same ClientToken, up to `maxAttempts`; network failures while the connection
 * is down do not use up attempts. A 2xx answer without an `Id` counts as a retryable failure
 * (asked again with the same ClientToken, the service replays its original answer), so a message
 * never stays `sending` for good: it is confirmed, or fails after `maxAttempts`.
 *
 * @example
 * ```ts
 * outbox.enqueue(entry);
 * // later, when the connection is open again:
 * outbox.resume();
 * ```
 */
export interface MessageOutbox {
  enqueue(entry: OutboxEntry): void;
  /** Sends now if possible (call when the connection opened), skipping a pending backoff wait. */
  resume(): void;
  /** Fails every queued message with `error` (the chat ended) and stops. */
  failAll(error: ChatError): void;
  /** Aborts the message in flight and stops; queued messages stay as they are. */
  destroy(): void;
  /** Messages queued or in flight. */
  readonly size: number;
  /** The messages queued or in flight, in send order (a copy; kept with the stored chat). */
  entries(): readonly OutboxEntry[];
}

/**
 * Creates a {@link MessageOutbox}.
 *
 * @example
 * ```ts
 * const outbox = createMessageOutbox({
 *   clock: systemClock,
 *   random: Math.random,
 *   logger: console,
 *   policy: DEFAULT_OUTBOX_POLICY,
 *   send: (entry, token, signal) =>
 *     client.sendMessage(token, { ContentType: entry.contentType, Content: entry.content, ClientToken: entry.localId }, { signal }),
 *   getToken: () => connectionToken,
 *   onConfirmed: (entry, response) => console.log('sent', entry.localId, response.Id),
 *   onFailed: (entry, error) => console.warn('failed', entry.localId, error.code),
 *   onTokenRejected: () => refreshToken(),
 * });
 * ```
 */
export function createMessageOutbox(options: MessageOutboxOptions): MessageOutbox {
  const { clock, policy, logger } = options;
  const queue: OutboxEntry[] = [];
  const attempts = new Map<string, number>();
  let inFlight: AbortController | undefined;
  let retryTimer: TimerHandle | undefined;
  let stopped = false;

  function backoff(failures: number): number {
    const ceiling = Math.min(
      policy.maxDelayMs,
      policy.baseDelayMs * 2 ** Math.max(0, failures - 1),
    );
    return Math.floor(options.random() * ceiling);
  }

  function finishHead(): void {
    const head = queue.shift();
    if (head) {
      attempts.delete(head.localId);
    }
  }

  function cancelRetry(): void {
    if (retryTimer !== undefined) {
      clock.clearTimeout(retryTimer);
      retryTimer = undefined;
    }
  }

  /** Sends nothing more: the running send is aborted and no retry is pending. */
  function halt(): void {
    stopped = true;
    inFlight?.abort();
    inFlight = undefined;
    cancelRetry();
  }

  function pump(): void {
    if (stopped || inFlight || retryTimer !== undefined) {
      return;
    }
    const entry = queue[0];
    const token = options.getToken();
    if (!entry || token === undefined) {
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    options.send(entry, token, controller.signal).then(
      (response) => {
        if (inFlight !== controller) {
          return;
        }
        inFlight = undefined;
        if (typeof response?.Id !== 'string' || response.Id === '') {
          // A 2xx without an Id (a proxy or a truncated body): the message may be stored, but
          // nothing confirms it. Ask again with the same ClientToken: the service answers a
          // repeat with the original response and stores nothing twice.
          failed(
            entry,
            new InvalidResponseError('SendMessage', 'SendMessage answered without an Id'),
          );
          return;
        }
        finishHead();
        options.onConfirmed(entry, response);
        pump();
      },
      (error: unknown) => {
        if (inFlight !== controller) {
          return;
        }
        inFlight = undefined;
        failed(entry, error);
      },
    );
  }

  /** The attempt at the head entry failed: retry later, or give up on it. */
  function failed(entry: OutboxEntry, error: unknown): void {
    const failure = classifyFailure(error);
    if (failure.kind === 'aborted') {
      return;
    }
    if (failure.kind === 'fatal') {
      finishHead();
      const code = failure.status === 400 ? 'MESSAGE_INVALID' : 'SEND_FAILED';
      options.onFailed(entry, failureError(failure, code, 'The message could not be sent'));
      pump();
      return;
    }
    if (failure.kind === 'denied') {
      options.onTokenRejected();
    }
    // A network error while the connection is down is the outage, not this message's fault.
    const counts = failure.kind === 'denied' || options.getToken() !== undefined;
    const used = (attempts.get(entry.localId) ?? 0) + (counts ? 1 : 0);
    attempts.set(entry.localId, used);
    if (used >= policy.maxAttempts) {
      finishHead();
      options.onFailed(
        entry,
        failureError(failure, 'SEND_FAILED', 'The message could not be sent'),
      );
      pump();
      return;
    }
    logger.debug(`SendMessage ${entry.localId} failed (attempt ${used}); retrying`, error);
    retryTimer = clock.setTimeout(
      () => {
        retryTimer = undefined;
        pump();
      },
      backoff(Math.max(used, 1)),
    );
  }

  return {
    enqueue(entry) {
      if (stopped) {
        options.onFailed(entry, new ChatError('CHAT_ENDED', 'The chat has ended'));
        return;
      }
      queue.push(entry);
      pump();
    },
    resume() {
      cancelRetry();
      pump();
    },
    failAll(error) {
      halt();
      const failed = queue.splice(0);
      attempts.clear();
      for (const entry of failed) {
        options.onFailed(entry, error);
      }
    },
    destroy() {
      halt();
    },
    get size() {
      return queue.length;
    },
    entries() {
      return queue.slice();
    },
  };
}
