/**
 * The transcript's write path (internal). A draft collects the changes of one update on lazily
 * copied maps, then `commitDraft` builds the new sorted array once: removed rows are filtered
 * out and new rows are inserted by binary search (or merged, for large batches). Nothing is copied
 * when nothing changed, and the base transcript is returned as is.
 *
 * @packageDocumentation
 */
import type { ChatItem, ChatProcessingStatus, ChatReceipt } from './chatItem';
import { applyToParticipants } from '../participants/participants';
import { compareItems, sortedIndex } from './itemOrder';
import { mergeReceipts } from '../receipts/mergeReceipts';
import type { Transcript } from './transcript';

/**
 * The pending changes of one transcript update: maps copied on first write, plus the rows
 * that leave and enter the sorted array.
 *
 * @internal
 *
 * @example
 * ```ts
 * const d = beginDraft(transcript);
 * putItem(d, item);
 * const next = commitDraft(d);
 * ```
 */
export interface Draft {
  readonly base: Transcript;
  byId: Map<string, ChatItem> | undefined;
  localIds: Map<string, string> | undefined;
  held: Map<string, ChatItem> | undefined;
  orphanReceipts: Map<string, readonly ChatReceipt[]> | undefined;
  orphanProcessing: Map<string, ChatProcessingStatus> | undefined;
  chunks: Map<string, number> | undefined;
  /** Objects of `base.items` that leave the array. */
  readonly removed: Set<ChatItem>;
  /** Objects that enter the array, by id. */
  readonly inserted: Map<string, ChatItem>;
  newestServerId: string | undefined;
  oldestServerId: string | undefined;
  /** A participant id learned from an echo when none was set. */
  learnedOwnParticipantId: string | undefined;
}

/**
 * Starts an update of `base`; nothing is copied until something is written.
 *
 * @internal
 *
 * @example
 * ```ts
 * const d = beginDraft(transcript);
 * ```
 */
export function beginDraft(base: Transcript): Draft {
  return {
    base,
    byId: undefined,
    localIds: undefined,
    held: undefined,
    orphanReceipts: undefined,
    orphanProcessing: undefined,
    chunks: undefined,
    removed: new Set(),
    inserted: new Map(),
    newestServerId: base.newestServerId,
    oldestServerId: base.oldestServerId,
    learnedOwnParticipantId: undefined,
  };
}

/**
 * This participant: the transcript's, or one learnt from an echo in this update.
 *
 * @internal
 *
 * @example
 * ```ts
 * const isOwn = item.participantId === ownId(d);
 * ```
 */
export const ownId = (d: Draft): string | undefined =>
  d.base.ownParticipantId ?? d.learnedOwnParticipantId;

/**
 * The current version of the item with `id` (this update's or the base's).
 *
 * @internal
 *
 * @example
 * ```ts
 * const existing = getItem(d, item.id);
 * ```
 */
export const getItem = (d: Draft, id: string): ChatItem | undefined =>
  (d.byId ?? d.base.byId).get(id);
/**
 * Own echoes held until their send is confirmed (read-only view).
 *
 * @internal
 *
 * @example
 * ```ts
 * for (const [id, echo] of getHeld(d)) settle(id, echo);
 * ```
 */
export const getHeld = (d: Draft): ReadonlyMap<string, ChatItem> => d.held ?? d.base.held;
/**
 * The localId → server id mapping of confirmed own sends (read-only view).
 *
 * @internal
 *
 * @example
 * ```ts
 * const serverId = getLocalIds(d).get(localId);
 * ```
 */
export const getLocalIds = (d: Draft): ReadonlyMap<string, string> => d.localIds ?? d.base.localIds;
/**
 * The last chunk number seen per streaming (Lex) message id (read-only view).
 *
 * @internal
 *
 * @example
 * ```ts
 * const last = getChunks(d).get(messageId) ?? -1;
 * ```
 */
export const getChunks = (d: Draft): ReadonlyMap<string, number> => d.chunks ?? d.base.chunks;

/**
 * The held echoes, copied on first write.
 *
 * @internal
 *
 * @example
 * ```ts
 * writableHeld(d).set(echo.id, echo);
 * ```
 */
export function writableHeld(d: Draft): Map<string, ChatItem> {
  return (d.held ??= new Map(d.base.held));
}
/**
 * The localId → server id mapping, copied on first write.
 *
 * @internal
 *
 * @example
 * ```ts
 * writableLocalIds(d).set(pending.localId, server.id);
 * ```
 */
export function writableLocalIds(d: Draft): Map<string, string> {
  return (d.localIds ??= new Map(d.base.localIds));
}
/**
 * The chunk numbers of streaming messages, copied on first write.
 *
 * @internal
 *
 * @example
 * ```ts
 * writableChunks(d).set(messageId, chunk);
 * ```
 */
export function writableChunks(d: Draft): Map<string, number> {
  return (d.chunks ??= new Map(d.base.chunks));
}
function writableOrphans(d: Draft): Map<string, readonly ChatReceipt[]> {
  return (d.orphanReceipts ??= new Map(d.base.orphanReceipts));
}

/**
 * Puts an item under its id (replacing any item with that id) and attaches waiting receipts.
 *
 * @example
 * ```ts
 * putItem(d, { ...existing, status: 'sent' });
 * ```
 */
export function putItem(d: Draft, item: ChatItem): void {
  const orphans = (d.orphanReceipts ?? d.base.orphanReceipts).get(item.id);
  if (orphans) {
    writableOrphans(d).delete(item.id);
    const receipts = mergeReceipts(item.receipts, orphans);
    if (receipts !== item.receipts) {
      item = { ...item, receipts };
    }
  }
  const verdict = (d.orphanProcessing ?? d.base.orphanProcessing).get(item.id);
  if (verdict !== undefined) {
    (d.orphanProcessing ??= new Map(d.base.orphanProcessing)).delete(item.id);
    const processing = nextProcessing(item.processing, verdict);
    if (item.isOwn && item.type !== 'event' && processing !== item.processing) {
      item = { ...item, processing };
    }
  }
  const old = getItem(d, item.id);
  if (old === item) {
    return;
  }
  (d.byId ??= new Map(d.base.byId)).set(item.id, item);
  if (old && d.inserted.get(old.id) !== old) {
    d.removed.add(old);
  }
  d.inserted.set(item.id, item);
}

/**
 * Removes the item with `id`, if there is one.
 *
 * @internal
 *
 * @example
 * ```ts
 * removeItem(d, pending.id);
 * ```
 */
export function removeItem(d: Draft, id: string): void {
  const old = getItem(d, id);
  if (!old) {
    return;
  }
  (d.byId ??= new Map(d.base.byId)).delete(id);
  if (d.inserted.get(id) === old) {
    d.inserted.delete(id);
  } else {
    d.removed.add(old);
  }
}

/**
 * How many messages not loaded yet may have receipts waiting for them (`orphanReceipts`); past
 * that, the receipts parked first are dropped.
 *
 * @internal
 *
 * @example
 * ```ts
 * expect(transcript.orphanReceipts.size).toBeLessThanOrEqual(MAX_ORPHAN_RECEIPTS);
 * ```
 */
export const MAX_ORPHAN_RECEIPTS = 500;

/**
 * Receipts for a message: onto the message, onto its held echo, or parked (at most
 * {@link MAX_ORPHAN_RECEIPTS} messages' worth) until it arrives.
 *
 * @example
 * ```ts
 * addReceipts(d, messageId, [{ participantId: 'agent-1', readAt: '2024-05-01T10:00:00.000Z' }]);
 * ```
 */
export function addReceipts(d: Draft, messageId: string, receipts: readonly ChatReceipt[]): void {
  if (receipts.length === 0) {
    return;
  }
  const target = getItem(d, messageId);
  if (target) {
    const merged = mergeReceipts(target.receipts, receipts);
    if (merged !== target.receipts) {
      putItem(d, { ...target, receipts: merged });
    }
    return;
  }
  const held = getHeld(d).get(messageId);
  if (held) {
    const merged = mergeReceipts(held.receipts, receipts);
    if (merged !== held.receipts) {
      writableHeld(d).set(messageId, { ...held, receipts: merged });
    }
    return;
  }
  const parked = (d.orphanReceipts ?? d.base.orphanReceipts).get(messageId) ?? [];
  const merged = mergeReceipts(parked, receipts);
  if (merged !== parked) {
    const orphans = writableOrphans(d);
    orphans.set(messageId, merged);
    // Bounded: receipts for messages that never arrive (another contact's, a page never loaded)
    // must not grow forever. The receipts parked first go first; a message that arrives later
    // without its receipts shows no ticks, which the next receipt repairs.
    for (const oldest of orphans.keys()) {
      if (orphans.size <= MAX_ORPHAN_RECEIPTS) {
        break;
      }
      orphans.delete(oldest);
    }
  }
}

/**
 * The processing status after `incoming`: a final verdict (`rejected`, `failed`) is never undone
 * by a late `processing`.
 *
 * @internal
 *
 * @example
 * ```ts
 * nextProcessing('rejected', 'processing'); // 'rejected'
 * ```
 */
export function nextProcessing(
  current: ChatProcessingStatus | undefined,
  incoming: ChatProcessingStatus,
): ChatProcessingStatus {
  return incoming === 'processing' && current !== undefined ? current : incoming;
}

/**
 * A message processing status for an own message (from a `MESSAGEMETADATA` item): onto the
 * message or its held echo, else parked (bounded like receipts) until a message with that Id
 * arrives: the verdict can beat the SendMessage answer that gives the own send its Id.
 *
 * @example
 * ```ts
 * setProcessing(d, messageId, 'rejected');
 * ```
 */
export function setProcessing(d: Draft, messageId: string, status: ChatProcessingStatus): void {
  const target = getItem(d, messageId);
  if (target) {
    if (target.type !== 'event' && target.isOwn) {
      const processing = nextProcessing(target.processing, status);
      if (processing !== target.processing) {
        putItem(d, { ...target, processing });
      }
    }
    return;
  }
  const held = getHeld(d).get(messageId);
  if (held) {
    const processing = nextProcessing(held.processing, status);
    if (processing !== held.processing) {
      writableHeld(d).set(messageId, { ...held, processing });
    }
    return;
  }
  const parked = (d.orphanProcessing ?? d.base.orphanProcessing).get(messageId);
  const processing = nextProcessing(parked, status);
  if (processing !== parked) {
    const orphans = (d.orphanProcessing ??= new Map(d.base.orphanProcessing));
    orphans.set(messageId, processing);
    for (const oldest of orphans.keys()) {
      if (orphans.size <= MAX_ORPHAN_RECEIPTS) {
        break;
      }
      orphans.delete(oldest);
    }
  }
}

/**
 * Records that the item with this id came from the service (for the gap-fill selectors).
 *
 * @example
 * ```ts
 * markReceived(d, item);
 * ```
 */
export function markReceived(d: Draft, item: ChatItem): void {
  const newest = d.newestServerId === undefined ? undefined : getItem(d, d.newestServerId);
  if (!newest || compareItems(item, newest) > 0) {
    d.newestServerId = item.id;
  }
  const oldest = d.oldestServerId === undefined ? undefined : getItem(d, d.oldestServerId);
  if (!oldest || compareItems(item, oldest) < 0) {
    d.oldestServerId = item.id;
  }
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (const [key, value] of a) {
    if (b.get(key) !== value) {
      return false;
    }
  }
  return true;
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function buildItems(d: Draft): readonly ChatItem[] {
  const base = d.base.items;
  if (d.removed.size === 0 && d.inserted.size === 0) {
    return base;
  }
  const inserted = [...d.inserted.values()].sort(compareItems);
  // Fast path: every change replaces a row in place (receipts, verdicts): copy once, no moves.
  if (inserted.length === d.removed.size) {
    const copy = base.slice();
    let inPlace = true;
    for (const item of inserted) {
      const old = d.base.byId.get(item.id);
      if (!old || !d.removed.has(old) || compareItems(old, item) !== 0) {
        inPlace = false;
        break;
      }
      copy[sortedIndex(base, old)] = item;
    }
    if (inPlace) {
      return copy;
    }
  }
  const kept = d.removed.size > 0 ? base.filter((item) => !d.removed.has(item)) : base.slice();
  if (inserted.length <= 16) {
    for (const item of inserted) {
      kept.splice(sortedIndex(kept, item), 0, item);
    }
    return kept;
  }
  const merged: ChatItem[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < inserted.length) {
    if (j >= inserted.length || (i < kept.length && compareItems(kept[i]!, inserted[j]!) < 0)) {
      merged.push(kept[i++]!);
    } else {
      merged.push(inserted[j++]!);
    }
  }
  return merged;
}

/**
 * Builds the new transcript, or returns the base when nothing changed.
 *
 * @example
 * ```ts
 * const d = beginDraft(transcript);
 * putItem(d, item);
 * transcript = commitDraft(d);
 * ```
 */
export function commitDraft(d: Draft): Transcript {
  const base = d.base;
  const items = buildItems(d);
  const presence =
    d.inserted.size > 0
      ? applyToParticipants(base.presence, [...d.inserted.values()])
      : base.presence;
  const next: Transcript = {
    ownParticipantId: base.ownParticipantId,
    items: items !== base.items && sameArray(items, base.items) ? base.items : items,
    participants: presence.list,
    byId: d.byId ?? base.byId,
    localIds: d.localIds ?? base.localIds,
    held: d.held && !sameMap(d.held, base.held) ? d.held : base.held,
    orphanReceipts: d.orphanReceipts ?? base.orphanReceipts,
    orphanProcessing: d.orphanProcessing ?? base.orphanProcessing,
    chunks: d.chunks ?? base.chunks,
    presence,
    newestServerId: d.newestServerId,
    oldestServerId: d.oldestServerId,
  };
  const changed = (Object.keys(next) as (keyof Transcript)[]).some(
    (key) => next[key] !== base[key],
  );
  return changed ? next : base;
}
