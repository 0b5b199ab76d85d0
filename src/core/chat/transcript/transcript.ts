import type { ChatItem, ChatParticipant, ChatProcessingStatus, ChatReceipt } from './chatItem';
import type { ParticipantsState } from '../participants/participants';
import { createParticipantsState } from '../participants/participants';

/**
 * The transcript store's state: an immutable value. Every update returns a new `Transcript` (or the
 * same object when nothing changed); unchanged items keep their object identity and `items` keeps
 * its identity when no row changed, so React rows and `useSyncExternalStore` can compare by
 * reference. Members marked internal are bookkeeping: read the transcript through the selectors.
 *
 * @example
 * ```ts
 * let transcript = createTranscript({ ownParticipantId });
 * transcript = applyServerItems(transcript, [item], { source: 'socket' }).transcript;
 * render(selectItems(transcript));
 * ```
 */
export interface Transcript {
  /** This session's participant; its items are `isOwn`. */
  readonly ownParticipantId: string | undefined;
  /** Displayable items sorted by time, then id. */
  readonly items: readonly ChatItem[];
  /** The participants seen in the current contact's items. */
  readonly participants: readonly ChatParticipant[];
  /** @internal Items by `id`. */
  readonly byId: ReadonlyMap<string, ChatItem>;
  /** @internal Own sends: localId (ClientToken) → the item's current `id`. */
  readonly localIds: ReadonlyMap<string, string>;
  /** @internal Own echoes with an unknown Id, held while own sends are in flight. */
  readonly held: ReadonlyMap<string, ChatItem>;
  /** @internal Receipts whose message is not loaded yet, by message Id (bounded, oldest dropped). */
  readonly orphanReceipts: ReadonlyMap<string, readonly ChatReceipt[]>;
  /**
   * @internal Message processing verdicts whose message is not known by its Id yet (the verdict
   * can beat the SendMessage answer), by message Id (bounded like `orphanReceipts`).
   */
  readonly orphanProcessing: ReadonlyMap<string, ChatProcessingStatus>;
  /** @internal Lex streams in progress: item Id → last chunk number stitched. */
  readonly chunks: ReadonlyMap<string, number>;
  /** @internal Participant bookkeeping behind `participants`. */
  readonly presence: ParticipantsState;
  /** @internal Newest item received from the service (socket or history). */
  readonly newestServerId: string | undefined;
  /** @internal Oldest item received from the service (socket or history). */
  readonly oldestServerId: string | undefined;
}

const EMPTY_MAP: ReadonlyMap<never, never> = new Map<never, never>();

/**
 * An empty transcript.
 *
 * @example
 * ```ts
 * const transcript = createTranscript({ ownParticipantId: 'p-customer' });
 * ```
 */
export function createTranscript(
  options: { ownParticipantId?: string | undefined } = {},
): Transcript {
  const presence = createParticipantsState();
  return {
    ownParticipantId: options.ownParticipantId,
    items: [],
    participants: presence.list,
    byId: EMPTY_MAP,
    localIds: EMPTY_MAP,
    held: EMPTY_MAP,
    orphanReceipts: EMPTY_MAP,
    orphanProcessing: EMPTY_MAP,
    chunks: EMPTY_MAP,
    presence,
    newestServerId: undefined,
    oldestServerId: undefined,
  };
}

/**
 * The transcript's rows, sorted by time then id: every message, attachment and displayable event,
 * with own pending sends. The same array while nothing changed.
 *
 * @example
 * ```ts
 * const items = selectItems(transcript);
 * ```
 */
export function selectItems(transcript: Transcript): readonly ChatItem[] {
  return transcript.items;
}

/**
 * The participants, ordered by first appearance. The same array while nothing changed.
 *
 * @example
 * ```ts
 * const agent = selectParticipants(transcript).find((p) => p.role === 'AGENT');
 * ```
 */
export function selectParticipants(transcript: Transcript): readonly ChatParticipant[] {
  return transcript.participants;
}

/**
 * The item with this `id`, or the own send with this `localId` (ClientToken), or `undefined`.
 *
 * @example
 * ```ts
 * const item = findItem(transcript, localId); // found before and after confirmation
 * ```
 */
export function findItem(transcript: Transcript, id: string): ChatItem | undefined {
  const direct = transcript.byId.get(id);
  if (direct) {
    return direct;
  }
  const current = transcript.localIds.get(id);
  return current === undefined ? undefined : transcript.byId.get(current);
}

/**
 * The newest item (by AbsoluteTime, then Id) that arrived from the service over the socket or in a
 * transcript page; own sends confirmed only by their SendMessage response do not count until
 * their echo arrived. Use its `id`/`time` as the start of a FORWARD gap fill after a reconnect.
 *
 * @example
 * ```ts
 * const from = newestServerItem(transcript);
 * api.getTranscript({ ScanDirection: 'FORWARD', StartPosition: from ? { Id: from.id } : { MostRecent: 100 } });
 * ```
 */
export function newestServerItem(transcript: Transcript): ChatItem | undefined {
  return transcript.newestServerId === undefined
    ? undefined
    : transcript.byId.get(transcript.newestServerId);
}

/**
 * The oldest item that arrived from the service (see {@link newestServerItem}).
 *
 * @example
 * ```ts
 * const oldest = oldestServerItem(transcript); // where "load older" continues from
 * ```
 */
export function oldestServerItem(transcript: Transcript): ChatItem | undefined {
  return transcript.oldestServerId === undefined
    ? undefined
    : transcript.byId.get(transcript.oldestServerId);
}

/**
 * The localIds (ClientTokens) of own sends not confirmed yet (`sending` or `failed`), oldest first.
 *
 * @example
 * ```ts
 * for (const localId of pendingLocalIds(transcript)) outbox.resume(localId);
 * ```
 */
export function pendingLocalIds(transcript: Transcript): readonly string[] {
  const pending: ChatItem[] = [];
  for (const id of transcript.localIds.values()) {
    const item = transcript.byId.get(id);
    if (item && (item.status === 'sending' || item.status === 'failed') && item.localId) {
      pending.push(item);
    }
  }
  return pending
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
    .map((item) => item.localId!);
}
