import type { ChatItem } from './chatItem';

/** `yyyy-MM-ddTHH:mm:ss.SSSZ`: such strings order the same as the instants they name. */
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Orders two ISO-8601 times by the instant they name (string comparison when both use the
 * service's canonical UTC form, which is the common case and cheap).
 *
 * @internal
 *
 * @example
 * ```ts
 * compareTimes('2024-05-01T10:00:00.000Z', '2024-05-01T10:00:01.000Z'); // < 0
 * ```
 */
export function compareTimes(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  if (a.length === 24 && b.length === 24 && CANONICAL.test(a) && CANONICAL.test(b)) {
    return a < b ? -1 : 1;
  }
  const difference = Date.parse(a) - Date.parse(b);
  if (difference !== 0 && !Number.isNaN(difference)) {
    return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Transcript order: by time, then by id, so any arrival order gives the same list.
 *
 * @internal
 *
 * @example
 * ```ts
 * const sorted = [...items].sort(compareItems);
 * ```
 */
export function compareItems(
  a: Pick<ChatItem, 'time' | 'id'>,
  b: Pick<ChatItem, 'time' | 'id'>,
): number {
  return compareTimes(a.time, b.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The index where `item` is or would be inserted in the sorted `items`.
 *
 * @internal
 *
 * @example
 * ```ts
 * const items = [...transcript.items];
 * items.splice(sortedIndex(items, item), 0, item);
 * ```
 */
export function sortedIndex(
  items: readonly ChatItem[],
  item: Pick<ChatItem, 'time' | 'id'>,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareItems(items[middle]!, item) < 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * True when `time` is an ISO-8601 string a Date can read.
 *
 * @example
 * ```ts
 * if (!isValidTime(item.AbsoluteTime)) return { kind: 'malformed', reason: 'no time' };
 * ```
 */
export function isValidTime(time: unknown): time is string {
  return typeof time === 'string' && time.length > 0 && !Number.isNaN(Date.parse(time));
}
