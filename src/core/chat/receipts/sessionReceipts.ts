import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import { ContentType } from '../../protocol/contentTypes';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { Item } from '../../protocol/types';
import { createReceiptSender } from './receiptSender';
import type { ReceiptPolicy } from './receiptSender';
import { findItem } from '../transcript/transcript';
import type { Transcript } from '../transcript/transcript';
import type { HistoryPurpose } from '../history/transcriptSync';

/** Delivered receipts go out for what arrives live or fills a gap, not for scrolled-back pages. */
const LIVE_PURPOSES: ReadonlySet<HistoryPurpose | 'socket'> = new Set(['socket', 'initial', 'gap']);

/**
 * What the session's receipts need from the session.
 *
 * @example
 * ```ts
 * const receipts = createSessionReceipts({ clock, logger, policy, enabled: true, client, getToken, getTranscript, ownId, tokenRejected });
 * receipts.markRead(item.id);
 * ```
 */
export interface SessionReceiptsOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly policy: ReceiptPolicy;
  /** `false` sends no receipts at all. */
  readonly enabled: boolean;
  readonly client: ParticipantClient;
  /** The connection token while open. */
  getToken(): string | undefined;
  getTranscript(): Transcript;
  /** This participant, once known. */
  ownId(): string | undefined;
  /** The service refused the connection token: fetch a new one. */
  tokenRejected(): void;
}

/**
 * Read and delivered receipts as a session uses them: learns which receipts were already sent
 * (from the transcript's metadata), sends delivered receipts for others' messages that arrive
 * live, and read receipts on request.
 *
 * @example
 * ```ts
 * for (const item of items) receipts.received(item, 'socket');
 * receipts.markRead(itemId);
 * ```
 */
export interface SessionReceipts {
  /** Notes the receipts a `MESSAGEMETADATA` item shows we already sent. */
  metadata(item: Item): void;
  /** A message or attachment of the current contact arrived for `purpose`. */
  received(item: Item, purpose: HistoryPurpose | 'socket'): void;
  /** Sends a read receipt for someone else's confirmed message (coalesced, once per message). */
  markRead(itemId: string): void;
  /** The connection is open again: send what was held. */
  resume(): void;
  /** Sends nothing more. */
  stop(): void;
}

/**
 * Creates the receipts of a chat session over a receipt sender that sends through `client`.
 *
 * @example
 * ```ts
 * const receipts = createSessionReceipts({
 *   clock, logger, policy: DEFAULT_RECEIPT_POLICY, enabled: true, client,
 *   getToken: openToken, getTranscript: () => transcript, ownId, tokenRejected: () => driver.tokenRejected(),
 * });
 * ```
 */
export function createSessionReceipts(options: SessionReceiptsOptions): SessionReceipts {
  const { client } = options;
  const sender = createReceiptSender({
    clock: options.clock,
    logger: options.logger,
    policy: options.policy,
    send: (kind, messageId, token) =>
      client.sendEvent(token, {
        ContentType: kind === 'read' ? ContentType.messageRead : ContentType.messageDelivered,
        Content: JSON.stringify({ messageId }),
        // The same receipt twice (a retry after a lost answer) is stored once.
        ClientToken: `${kind}-${messageId}`.slice(0, 500),
      }),
    getToken: () => options.getToken(),
    shouldSend: (messageId) => {
      const item = findItem(options.getTranscript(), messageId);
      return item !== undefined && !item.isOwn;
    },
    onTokenRejected: () => options.tokenRejected(),
  });
  if (!options.enabled) {
    sender.stop();
  }

  function seed(messageId: string | undefined, wireReceipts: Item['MessageMetadata']): void {
    const own = options.ownId();
    if (!messageId || own === undefined) {
      return;
    }
    for (const receipt of wireReceipts?.Receipts ?? []) {
      if (receipt.RecipientParticipantId !== own) {
        continue;
      }
      if (receipt.ReadTimestamp) {
        sender.seed('read', messageId);
      }
      if (receipt.DeliveredTimestamp) {
        sender.seed('delivered', messageId);
      }
    }
  }

  return {
    metadata(item) {
      seed(item.MessageMetadata?.MessageId, item.MessageMetadata);
    },
    received(item, purpose) {
      if (
        (item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT') ||
        !item.Id ||
        !item.AbsoluteTime
      ) {
        return;
      }
      seed(item.Id, item.MessageMetadata);
      const own = options.ownId();
      if (
        LIVE_PURPOSES.has(purpose) &&
        item.ParticipantId !== undefined &&
        item.ParticipantId !== own
      ) {
        sender.delivered(item.Id, item.AbsoluteTime);
      }
    },
    markRead(itemId) {
      const item = findItem(options.getTranscript(), itemId);
      if (
        item === undefined ||
        item.isOwn ||
        item.id === item.localId ||
        (item.type !== 'message' && item.type !== 'attachment' && item.type !== 'unsupported')
      ) {
        return;
      }
      sender.read(item.id, item.time);
    },
    resume: () => sender.resume(),
    stop: () => sender.stop(),
  };
}
