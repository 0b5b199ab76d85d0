import type { ChatItem } from '../transcript/chatItem';

/**
 * How far the customer has read: the newest message from someone else they have seen, by id and
 * time. The time is what counts, so the marker still works when its item is not in the loaded
 * part of the transcript (after a reload only the newest page is loaded).
 *
 * @example
 * ```ts
 * const { readMarker, unread } = controller.getSnapshot();
 * if (readMarker) console.log(`${unread} new since ${readMarker.time}`);
 * ```
 */
export interface ReadMarker {
  readonly id: string;
  readonly time: string;
}

/**
 * Whether an item counts towards unread: a message or attachment from someone else.
 *
 * @example
 * ```ts
 * const incoming = snapshot.items.filter(isIncomingItem);
 * ```
 */
export function isIncomingItem(item: ChatItem): boolean {
  return !item.isOwn && (item.type === 'message' || item.type === 'attachment');
}

/**
 * The number of incoming items after `marker` (all of them without one): items sort by time, so
 * an item counts when it is newer than the marker and is not the marker itself.
 *
 * @example
 * ```ts
 * const badge = countUnread(snapshot.items, contact.getSnapshot().readMarker);
 * ```
 */
export function countUnread(items: readonly ChatItem[], marker: ReadMarker | undefined): number {
  const after = marker === undefined ? Number.NEGATIVE_INFINITY : Date.parse(marker.time);
  let unread = 0;
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item === undefined) {
      continue;
    }
    if (item.id === marker?.id) {
      break;
    }
    // Without a marker every incoming item counts: no date to parse (a 10,000-item mount parsed
    // one per item, issue #17).
    if (isIncomingItem(item) && (marker === undefined || Date.parse(item.time) > after)) {
      unread += 1;
    }
  }
  return unread;
}

/**
 * The later of two markers (by time; on a tie, `next`), so markers from several tabs only move
 * forward.
 *
 * @example
 * ```ts
 * marker = laterMarker(marker, { id: item.id, time: item.time });
 * ```
 */
export function laterMarker(
  current: ReadMarker | undefined,
  next: ReadMarker | undefined,
): ReadMarker | undefined {
  if (next === undefined) {
    return current;
  }
  if (current === undefined) {
    return next;
  }
  return Date.parse(next.time) >= Date.parse(current.time) ? next : current;
}

/**
 * A value read from storage or another tab, checked: a marker, or `undefined`.
 *
 * @example
 * ```ts
 * const marker = readMarkerFrom(JSON.parse(text).readMarker);
 * ```
 */
export function readMarkerFrom(value: unknown): ReadMarker | undefined {
  const record = value as Partial<Record<keyof ReadMarker, unknown>> | null;
  return typeof record === 'object' &&
    record !== null &&
    typeof record.id === 'string' &&
    record.id !== '' &&
    record.id.length <= 500 &&
    typeof record.time === 'string' &&
    Number.isFinite(Date.parse(record.time))
    ? { id: record.id, time: record.time }
    : undefined;
}
