import { checkItem } from '../../protocol/checkItem';
import type { Item } from '../../protocol/types';
import type { ChatItem } from './chatItem';
import { classifyItem } from './classifyItem';
import type { Draft } from './draft';
import {
  addReceipts,
  beginDraft,
  commitDraft,
  getChunks,
  getHeld,
  getItem,
  markReceived,
  ownId,
  putItem,
  setProcessing,
  writableChunks,
  writableHeld,
} from './draft';
import { mergeCopy } from './mergeCopy';
import { mergeReceipts } from '../receipts/mergeReceipts';
import { receiveOwnEcho, settleHeld } from './reconcileOwnSends';
import type { Transcript } from './transcript';

/**
 * A wire item the transcript could not use (not an object, a field of the wrong type such as a
 * non-string `Content` or `Attachments` that is not an array, no `Id`, no readable
 * `AbsoluteTime`, a receipt without its message id…), for the shell to log.
 *
 * @example
 * ```ts
 * for (const { reason, item } of result.skipped) logger.warn(`Skipped item: ${reason}`, item);
 * ```
 */
export interface SkippedItem {
  /** The item as received (any JSON value). */
  item: unknown;
  /** Why it was skipped. */
  reason: string;
  /** Where it came from. */
  source: 'socket' | 'history';
}

/**
 * The new transcript and the items that were skipped as malformed.
 *
 * @example
 * ```ts
 * const { transcript, skipped } = applyServerItems(current, items, { source: 'history' });
 * ```
 */
export interface ApplyServerItemsResult {
  /** The updated transcript; the same object when the items changed nothing. */
  transcript: Transcript;
  /** Malformed items, in input order. */
  skipped: readonly SkippedItem[];
  /**
   * The input items of a well-formed shape (see {@link checkItem}), in input order: the ones other
   * readers of the same delivery (typing, receipts) may look into safely.
   */
  accepted: readonly Item[];
}

/**
 * Options of {@link applyServerItems}.
 *
 * @example
 * ```ts
 * applyServerItems(transcript, page.Transcript ?? [], { source: 'history' });
 * ```
 */
export interface ApplyServerItemsOptions {
  /** Where the items came from: a websocket delivery or a GetTranscript page. Defaults to `'socket'`. */
  source?: 'socket' | 'history';
  /**
   * The items are old history (not a gap fill): items first seen here get `fromHistory: true`.
   * Defaults to `false`.
   */
  fromHistory?: boolean;
}

function learnOwnFromEcho(d: Draft, existing: ChatItem, copy: ChatItem): void {
  if (existing.localId && copy.participantId && ownId(d) === undefined) {
    d.learnedOwnParticipantId = copy.participantId;
  }
}

function mergeInto(
  d: Draft,
  existing: ChatItem,
  item: ChatItem,
  chunk: number | undefined,
): ChatItem {
  if (existing.streaming) {
    if (chunk !== undefined) {
      const last = getChunks(d).get(existing.id) ?? 0;
      // Chunks are stitched only in order; a gap waits for the completed message.
      if (chunk !== last + 1) {
        return existing;
      }
      writableChunks(d).set(existing.id, chunk);
      return { ...existing, content: (existing.content ?? '') + (item.content ?? '') };
    }
    // The completed message (or its copy from a transcript page, which carries no streaming
    // metadata) replaces the partials, at the first chunk's time.
    writableChunks(d).delete(existing.id);
    const completed: ChatItem = {
      ...item,
      time: existing.time,
      receipts: mergeReceipts(existing.receipts, item.receipts),
    };
    delete completed.streaming;
    if (existing.fromHistory) {
      completed.fromHistory = true;
    }
    return completed;
  }
  if (chunk !== undefined) {
    return existing;
  }
  return mergeCopy(existing, item);
}

function receiveItem(
  d: Draft,
  received: ChatItem,
  chunk: number | undefined,
  fromHistory: boolean,
): void {
  let item = received;
  const existing = getItem(d, item.id);
  if (existing) {
    learnOwnFromEcho(d, existing, item);
    const next = mergeInto(d, existing, item, chunk);
    putItem(d, next);
    markReceived(d, next);
    return;
  }
  const held = getHeld(d).get(item.id);
  if (held) {
    const next = mergeCopy(held, item);
    if (next !== held) {
      writableHeld(d).set(item.id, next);
    }
    return;
  }
  if (item.isOwn && item.type !== 'event' && item.relatedContactId === undefined) {
    receiveOwnEcho(d, item);
    return;
  }
  if (chunk !== undefined) {
    // A stream starts with chunk 1; later chunks of a stream we did not see start are dropped
    // and the completed message fills in.
    if (chunk !== 1) {
      return;
    }
    writableChunks(d).set(item.id, 1);
  }
  if (fromHistory) {
    item = { ...item, fromHistory: true };
  }
  putItem(d, item);
  markReceived(d, item);
}

/**
 * Applies items from the websocket or from a GetTranscript page, in any order and with any
 * repetition: the result is ordered by AbsoluteTime then Id and holds each Id once.
 *
 * - `MESSAGEMETADATA` items (and receipts aggregated on transcript items) become the target
 *   message's `receipts`; receipts for a message not loaded yet wait for it.
 * - Typing events, connection acks, interactive responses and unknown events are not items.
 * - Lex streaming partials (same Id, `ChunkNumber` 1, 2, 3…) are stitched in order with
 *   `streaming: true`; the completed message replaces them at the first chunk's time.
 * - Unknown message content types and malformed interactive templates become `unsupported` rows.
 * - Own echoes (MESSAGE/ATTACHMENT from `ownParticipantId` with an Id not known yet) are held
 *   while own sends are in flight, then matched to their send by Id, so a send never shows twice.
 * - Items from past contacts keep `relatedContactId`.
 * - Each item is checked on its own: one that is not an item-shaped object ({@link checkItem}), or
 *   lacks `Id` or a readable `AbsoluteTime`, is skipped and reported, and the rest apply.
 *
 * @example
 * ```ts
 * const { transcript: next, skipped } = applyServerItems(transcript, [JSON.parse(frame.content)]);
 * ```
 */
export function applyServerItems(
  transcript: Transcript,
  items: readonly Item[],
  options: ApplyServerItemsOptions = {},
): ApplyServerItemsResult {
  const source = options.source ?? 'socket';
  const d = beginDraft(transcript);
  const skipped: SkippedItem[] = [];
  const accepted: Item[] = [];
  if (!Array.isArray(items)) {
    // A page whose `Transcript` is not a list: nothing in it can be read.
    skipped.push({ item: items, reason: 'items are not an array', source });
  }
  for (const value of Array.isArray(items) ? (items as readonly unknown[]) : []) {
    const checked = checkItem(value);
    if (!checked.ok) {
      skipped.push({ item: value, reason: checked.reason, source });
      continue;
    }
    const wire = checked.item;
    accepted.push(wire);
    const classified = classifyItem(wire, ownId(d));
    switch (classified.kind) {
      case 'malformed':
        skipped.push({ item: wire, reason: classified.reason, source });
        break;
      case 'ignored':
        break;
      case 'receipts':
        addReceipts(d, classified.messageId, classified.receipts);
        if (classified.processing !== undefined) {
          setProcessing(d, classified.messageId, classified.processing);
        }
        break;
      case 'item':
        receiveItem(d, classified.item, classified.chunk, options.fromHistory === true);
        break;
    }
  }
  settleHeld(d);
  const next = commitDraft(d);
  return {
    transcript:
      d.learnedOwnParticipantId !== undefined && transcript.ownParticipantId === undefined
        ? setOwnParticipantId(next, d.learnedOwnParticipantId)
        : next,
    skipped,
    accepted,
  };
}

function withOwnership(item: ChatItem, own: string | undefined): ChatItem {
  const isOwn = item.participantId !== undefined && item.participantId === own;
  if (isOwn === item.isOwn || item.localId !== undefined) {
    return item;
  }
  const next: ChatItem = { ...item, isOwn };
  if (isOwn && item.type !== 'event') {
    next.status = 'sent';
  } else if (!isOwn) {
    delete next.status;
  }
  return next;
}

/**
 * Sets this session's participant id: its items become `isOwn` (and `sent`). Call it as soon as
 * the id is known (own echoes are recognised by it). When it was never set, the first echo of a
 * confirmed send teaches it to the transcript.
 *
 * @example
 * ```ts
 * transcript = setOwnParticipantId(transcript, startChatResult.ParticipantId);
 * ```
 */
export function setOwnParticipantId(transcript: Transcript, ownParticipantId: string): Transcript {
  if (transcript.ownParticipantId === ownParticipantId) {
    return transcript;
  }
  let changed = false;
  const items = transcript.items.map((item) => {
    const next = withOwnership(item, ownParticipantId);
    changed ||= next !== item;
    return next;
  });
  if (!changed) {
    return { ...transcript, ownParticipantId };
  }
  const byId = new Map(transcript.byId);
  for (const item of items) {
    byId.set(item.id, item);
  }
  return { ...transcript, ownParticipantId, items, byId };
}
