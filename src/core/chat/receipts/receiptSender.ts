import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import { classifyFailure } from '../connection/serviceFailure';

/**
 * The two receipt kinds a participant sends.
 *
 * @example
 * ```ts
 * sender.seed(item.readAt ? 'read' : 'delivered', item.id); // already sent: never send it again
 * ```
 */
export type ReceiptKind = 'delivered' | 'read';

/**
 * Receipt timings.
 *
 * @example
 * ```ts
 * createChatSession({ participantToken, region: 'us-east-1', receiptPolicy: { throttleMs: 3000 } }); // false: no receipts
 * ```
 */
export interface ReceiptPolicy {
  /** At most one SendEvent per kind in this window. Defaults to `5000`. */
  readonly throttleMs: number;
  /** A delivered receipt waits this long so a read receipt can replace it. Defaults to `300`. */
  readonly deliveredDelayMs: number;
}

/**
 * The default receipt timings (chatjs and the mobile SDKs use the same 5 s window).
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_RECEIPT_POLICY, throttleMs: 2000 };
 * ```
 */
export const DEFAULT_RECEIPT_POLICY: ReceiptPolicy = Object.freeze({
  throttleMs: 5000,
  deliveredDelayMs: 300,
});

/**
 * What the receipt sender needs from the session.
 *
 * @example
 * ```ts
 * createReceiptSender({ clock, logger, policy: DEFAULT_RECEIPT_POLICY, send, getToken, shouldSend, onTokenRejected });
 * ```
 */
export interface ReceiptSenderOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly policy: ReceiptPolicy;
  /** SendEvent with the receipt content type and `{"messageId": …}`. */
  send(kind: ReceiptKind, messageId: string, connectionToken: string): Promise<unknown>;
  /** The connection token while open; `undefined` holds receipts until {@link ReceiptSender.resume}. */
  getToken(): string | undefined;
  /** Last check before sending (e.g. the message turned out to be our own). */
  shouldSend(messageId: string): boolean;
  onTokenRejected(): void;
}

/**
 * Sends delivered and read receipts, coalesced: per kind at most one SendEvent per window, for
 * the newest message asked for (a receipt for a newer message covers the older ones); a read
 * receipt supersedes a delivered one for the same or an older message; no message gets the same
 * receipt twice (also across page loads, via {@link ReceiptSender.seed}).
 *
 * @example
 * ```ts
 * receipts.delivered(item.Id, item.AbsoluteTime); // when an agent message arrives
 * receipts.read(item.id, item.time); // when the customer saw it
 * ```
 */
export interface ReceiptSender {
  delivered(messageId: string, time: string): void;
  read(messageId: string, time: string): void;
  /** Remembers a receipt as already sent (seen in a MESSAGEMETADATA item). */
  seed(kind: ReceiptKind, messageId: string): void;
  /** The connection is open again: send what is waiting. */
  resume(): void;
  /** Stops for good (chat ended, session destroyed); nothing more is sent. */
  stop(): void;
}

interface Candidate {
  readonly messageId: string;
  readonly time: string;
}

interface Lane {
  queued: Candidate | undefined;
  timer: TimerHandle | undefined;
  inFlight: boolean;
  lastSentAt: number;
  readonly sent: Set<string>;
}

/**
 * Creates a {@link ReceiptSender}.
 *
 * @example
 * ```ts
 * const receipts = createReceiptSender({
 *   clock: systemClock,
 *   logger: console,
 *   policy: DEFAULT_RECEIPT_POLICY,
 *   send: (kind, messageId, token) =>
 *     client.sendEvent(token, {
 *       ContentType: kind === 'read' ? ContentType.messageRead : ContentType.messageDelivered,
 *       Content: JSON.stringify({ messageId }),
 *     }),
 *   getToken: () => token,
 *   shouldSend: () => true,
 *   onTokenRejected: () => undefined,
 * });
 * ```
 */
export function createReceiptSender(options: ReceiptSenderOptions): ReceiptSender {
  const { clock, policy, logger } = options;
  const lanes: Record<ReceiptKind, Lane> = {
    delivered: {
      queued: undefined,
      timer: undefined,
      inFlight: false,
      lastSentAt: -Infinity,
      sent: new Set(),
    },
    read: {
      queued: undefined,
      timer: undefined,
      inFlight: false,
      lastSentAt: -Infinity,
      sent: new Set(),
    },
  };
  let stopped = false;

  const alreadySent = (kind: ReceiptKind, messageId: string): boolean =>
    lanes.read.sent.has(messageId) || (kind === 'delivered' && lanes.delivered.sent.has(messageId));

  function schedule(kind: ReceiptKind): void {
    const lane = lanes[kind];
    if (stopped || lane.queued === undefined || lane.timer !== undefined || lane.inFlight) {
      return;
    }
    const minimum = kind === 'delivered' ? policy.deliveredDelayMs : 0;
    const delay = Math.max(minimum, lane.lastSentAt + policy.throttleMs - clock.now());
    lane.timer = clock.setTimeout(() => {
      lane.timer = undefined;
      flush(kind);
    }, delay);
  }

  function flush(kind: ReceiptKind): void {
    const lane = lanes[kind];
    const candidate = lane.queued;
    if (stopped || candidate === undefined) {
      return;
    }
    if (alreadySent(kind, candidate.messageId) || !options.shouldSend(candidate.messageId)) {
      lane.queued = undefined;
      return;
    }
    const token = options.getToken();
    if (token === undefined) {
      return;
    }
    lane.queued = undefined;
    lane.inFlight = true;
    lane.lastSentAt = clock.now();
    lane.sent.add(candidate.messageId);
    options.send(kind, candidate.messageId, token).then(
      () => {
        lane.inFlight = false;
        schedule(kind);
      },
      (error: unknown) => {
        lane.inFlight = false;
        const failure = classifyFailure(error);
        if (failure.kind === 'aborted' || stopped) {
          return;
        }
        if (failure.kind === 'fatal') {
          // 409: receipts are not allowed with more than two participants. Nothing to retry.
          logger.debug(`${kind} receipt for ${candidate.messageId} refused`, error);
          schedule(kind);
          return;
        }
        if (failure.kind === 'denied') {
          options.onTokenRejected();
        }
        lane.sent.delete(candidate.messageId);
        if (lane.queued === undefined || lane.queued.time < candidate.time) {
          lane.queued = candidate;
        }
        schedule(kind);
      },
    );
  }

  function offer(kind: ReceiptKind, messageId: string, time: string): void {
    const lane = lanes[kind];
    if (stopped || alreadySent(kind, messageId)) {
      return;
    }
    if (kind === 'delivered') {
      const read = lanes.read.queued;
      if (read !== undefined && read.time >= time) {
        return;
      }
    }
    if (lane.queued !== undefined && lane.queued.time > time) {
      return;
    }
    lane.queued = { messageId, time };
    if (kind === 'read') {
      const delivered = lanes.delivered.queued;
      if (delivered !== undefined && delivered.time <= time) {
        lanes.delivered.queued = undefined;
      }
    }
    schedule(kind);
  }

  return {
    delivered: (messageId, time) => offer('delivered', messageId, time),
    read: (messageId, time) => offer('read', messageId, time),
    seed(kind, messageId) {
      lanes[kind].sent.add(messageId);
    },
    resume() {
      schedule('read');
      schedule('delivered');
    },
    stop() {
      stopped = true;
      for (const lane of Object.values(lanes)) {
        if (lane.timer !== undefined) {
          clock.clearTimeout(lane.timer);
          lane.timer = undefined;
        }
        lane.queued = undefined;
      }
    },
  };
}
