import type { ChatItem } from '../../core/chat/transcript/chatItem';

/**
 * One row of the virtualized transcript: the "earlier messages" row, a day separator, or an item
 * with its place in a run of messages from one sender.
 *
 * @example
 * ```ts
 * const row: TranscriptRow = { kind: 'day', key: 'day:2025-03-04', time: '2025-03-04T09:00:00Z' };
 * ```
 */
export type TranscriptRow =
  | { readonly kind: 'older'; readonly key: 'older' }
  | { readonly kind: 'day'; readonly key: string; readonly time: string }
  | {
      readonly kind: 'item';
      readonly key: string;
      readonly item: ChatItem;
      /** First of consecutive messages from one sender on one day: shows the name. */
      readonly groupStart: boolean;
      /** Last of them: shows the time and receipt. */
      readonly groupEnd: boolean;
    };

function groupable(item: ChatItem): boolean {
  return item.type === 'message' || item.type === 'attachment';
}

function sameSender(a: ChatItem, b: ChatItem): boolean {
  return a.isOwn === b.isOwn && (a.isOwn || a.participantId === b.participantId);
}

/**
 * Turns transcript items into rows: day separators where the calendar day (by `dayKey`) changes,
 * and message groups by sender. Events and unsupported items stand alone. Pure; keys are stable
 * (an item's `localId ?? id`), so rows do not remount when a send is confirmed.
 *
 * @example
 * ```ts
 * const rows = buildRows(items, { hasOlder: true, dayKey: (iso) => iso.slice(0, 10) });
 * ```
 */
export function buildRows(
  items: readonly ChatItem[],
  options: { hasOlder: boolean; dayKey: (time: string) => string },
): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  if (options.hasOlder) {
    rows.push({ kind: 'older', key: 'older' });
  }
  let previousDay: string | undefined;
  // One day key per item (formatting dates is the costly part of this loop).
  const days = items.map((item) => options.dayKey(item.time));
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index]!;
    const day = days[index]!;
    if (day !== previousDay) {
      rows.push({ kind: 'day', key: `day:${day}`, time: item.time });
      previousDay = day;
    }
    const before = items[index - 1];
    const after = items[index + 1];
    const joinsBefore =
      before !== undefined &&
      groupable(before) &&
      groupable(item) &&
      sameSender(before, item) &&
      days[index - 1] === day;
    const joinsAfter =
      after !== undefined &&
      groupable(after) &&
      groupable(item) &&
      sameSender(item, after) &&
      days[index + 1] === day;
    rows.push({
      kind: 'item',
      key: item.localId ?? item.id,
      item,
      groupStart: !joinsBefore,
      groupEnd: !joinsAfter,
    });
  }
  return rows;
}
