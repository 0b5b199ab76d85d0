import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { changedRange } from '../../core/chat/transcript/changedRange';
import { RowList } from './RowList';

/**
 * One row of the virtualized transcript: the "earlier messages" row, a day separator, or an item
 * with its place in a run of messages from one sender.
 *
 * @example
 * ```tsx
 * buildRows(items, { hasOlder, dayKey }).map((row) =>
 *   row.kind === 'day' ? <DaySeparator key={row.key} time={row.time} label={formatDay(row.time)} />
 *   : row.kind === 'item' ? <MessageRow key={row.key} item={row.item} groupStart={row.groupStart} groupEnd={row.groupEnd} />
 *   : null,
 * );
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
 * @internal The day key of every item, asking `dayKey` as little as it can: when the items are in
 * time order (as a session's are), a stretch whose first and last items fall on the same day is
 * all that day, so it halves the stretches until their ends agree — about two calls per day
 * boundary per level instead of one per item (a 10,000-item transcript over a week: a few hundred
 * `Intl` formats instead of 10,000). Items out of time order get one call each.
 *
 * @example
 * ```ts
 * dayKeys(items, (iso) => iso.slice(0, 10)); // ['2025-03-04', '2025-03-04', '2025-03-05']
 * ```
 */
export function dayKeys(items: readonly ChatItem[], dayKey: (time: string) => string): string[] {
  const count = items.length;
  let ordered = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < count && ordered; index += 1) {
    const time = Date.parse(items[index]!.time);
    ordered = time >= previous;
    previous = time;
  }
  if (!ordered) {
    return items.map((item) => dayKey(item.time));
  }
  const days = new Array<string>(count);
  const fill = (low: number, high: number, lowDay: string, highDay: string): void => {
    if (lowDay === highDay) {
      days.fill(lowDay, low, high + 1);
      return;
    }
    if (high - low <= 1) {
      days[low] = lowDay;
      days[high] = highDay;
      return;
    }
    const middle = (low + high) >> 1;
    const middleDay = dayKey(items[middle]!.time);
    fill(low, middle, lowDay, middleDay);
    fill(middle, high, middleDay, highDay);
  };
  if (count > 0) {
    fill(0, count - 1, dayKey(items[0]!.time), dayKey(items[count - 1]!.time));
  }
  return days;
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
  // Formatting dates is the costly part of this loop: see dayKeys.
  const days = dayKeys(items, options.dayKey);
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

/**
 * The rows of one version of the transcript, with what {@link updateRows} needs to build the next
 * version from the changes alone. Treat it as opaque apart from `rows` and `keys`.
 *
 * @example
 * ```ts
 * let model = updateRows(undefined, items, { hasOlder: false, dayKey });
 * model = updateRows(model, [...items, newest], { hasOlder: false, dayKey });
 * model.rows.length; // rows of every item, day separators included
 * ```
 */
export interface TranscriptRows {
  /** The items the rows were built from. */
  readonly items: readonly ChatItem[];
  /** The rows: what {@link buildRows} returns for `items`, as a list that shares unchanged blocks. */
  readonly rows: RowList<TranscriptRow>;
  /** The key of every row: what the windowing hook takes (it follows their changes). */
  readonly keys: RowList<string>;
  readonly hasOlder: boolean;
  readonly dayKey: (time: string) => string;
}

const OLDER_ROW: TranscriptRow = { kind: 'older', key: 'older' };

/**
 * The rows of `items`, built from `previous` by touching only what changed: items that kept their
 * identity keep their rows (the same objects), and an append, a prepend or a replaced item rebuilds
 * the rows of the changed items and of their two neighbours (whose grouping or day separator may
 * change) — the work does not grow with the transcript, apart from one pass of reference
 * comparisons to find the change and copying the row and key arrays. The result always equals
 * `buildRows(items, options)`; a new `dayKey` or no `previous` builds everything.
 *
 * @example
 * ```tsx
 * const model = useRef<TranscriptRows | undefined>(undefined);
 * model.current = updateRows(model.current, items, { hasOlder, dayKey });
 * const { rows, keys } = model.current;
 * ```
 */
export function updateRows(
  previous: TranscriptRows | undefined,
  items: readonly ChatItem[],
  options: { hasOlder: boolean; dayKey: (time: string) => string },
): TranscriptRows {
  const { hasOlder, dayKey } = options;
  if (
    previous === undefined ||
    previous.dayKey !== dayKey ||
    previous.items.length === 0 ||
    items.length === 0
  ) {
    const rows = buildRows(items, options);
    return {
      items,
      rows: RowList.from(rows),
      keys: RowList.from(rows.map((row) => row.key)),
      hasOlder,
      dayKey,
    };
  }
  let rows = previous.rows;
  let keys = previous.keys;
  if (previous.hasOlder !== hasOlder) {
    rows = hasOlder ? rows.splice(0, 0, [OLDER_ROW]) : rows.splice(0, 1, []);
    keys = hasOlder ? keys.splice(0, 0, [OLDER_ROW.key]) : keys.splice(0, 1, []);
  }
  const before = previous.items;
  const { start, removed, inserted } = changedRange(before, items);
  if (removed === 0 && inserted === 0) {
    return rows === previous.rows && items === before
      ? previous
      : { items, rows, keys, hasOlder, dayKey };
  }
  // Old items first .. lastBefore become new items first .. lastAfter: the changed ones and the
  // unchanged neighbour on each side (its group end, group start or day separator may change).
  const first = Math.max(0, start - 1);
  const lastBefore = Math.min(before.length - 1, start + removed);
  const lastAfter = Math.min(items.length - 1, start + inserted);
  const [from, to] = rowSpan(rows, before.length, hasOlder ? 1 : 0, first, lastBefore);

  const old = new Map<string, TranscriptRow>();
  for (let index = from; index < to; index += 1) {
    const row = rows.at(index)!;
    old.set(row.key, row);
  }
  const made: TranscriptRow[] = [];
  const dayOf = (index: number): string | undefined => {
    const item = items[index];
    return item === undefined ? undefined : dayKey(item.time);
  };
  let previousDay = dayOf(first - 1);
  let day = dayOf(first)!;
  for (let index = first; index <= lastAfter; index += 1) {
    const item = items[index]!;
    const nextDay = dayOf(index + 1);
    if (day !== previousDay) {
      const key = `day:${day}`;
      const reused = old.get(key);
      made.push(
        reused?.kind === 'day' && reused.time === item.time
          ? reused
          : { kind: 'day', key, time: item.time },
      );
    }
    const beforeItem = items[index - 1];
    const afterItem = items[index + 1];
    const groupStart = !(
      beforeItem !== undefined &&
      groupable(beforeItem) &&
      groupable(item) &&
      sameSender(beforeItem, item) &&
      previousDay === day
    );
    const groupEnd = !(
      afterItem !== undefined &&
      groupable(afterItem) &&
      groupable(item) &&
      sameSender(item, afterItem) &&
      nextDay === day
    );
    const key = item.localId ?? item.id;
    const reused = old.get(key);
    made.push(
      reused?.kind === 'item' &&
        reused.item === item &&
        reused.groupStart === groupStart &&
        reused.groupEnd === groupEnd
        ? reused
        : { kind: 'item', key, item, groupStart, groupEnd },
    );
    previousDay = day;
    day = nextDay!;
  }
  // Splice only what differs: rows by identity (an unchanged neighbour keeps its object), keys
  // by value (a receipt on a message changes its row, not its key).
  let head = 0;
  while (head < made.length && from + head < to && rows.at(from + head) === made[head]) {
    head += 1;
  }
  let tail = 0;
  while (
    tail < made.length - head &&
    tail < to - from - head &&
    rows.at(to - 1 - tail) === made[made.length - 1 - tail]
  ) {
    tail += 1;
  }
  const nextRows = rows.splice(
    from + head,
    to - from - head - tail,
    made.slice(head, made.length - tail),
  );
  let keyHead = 0;
  while (
    keyHead < made.length &&
    from + keyHead < to &&
    keys.at(from + keyHead) === made[keyHead]!.key
  ) {
    keyHead += 1;
  }
  let keyTail = 0;
  while (
    keyTail < made.length - keyHead &&
    keyTail < to - from - keyHead &&
    keys.at(to - 1 - keyTail) === made[made.length - 1 - keyTail]!.key
  ) {
    keyTail += 1;
  }
  const nextKeys = keys.splice(
    from + keyHead,
    to - from - keyHead - keyTail,
    made.slice(keyHead, made.length - keyTail).map((row) => row.key),
  );
  return { items, rows: nextRows, keys: nextKeys, hasOlder, dayKey };
}

/**
 * Where the rows of items `first` .. `last` are (`[from, to)`, day separators included), walking
 * from the nearer end of the rows so an append or a prepend looks at a few rows only.
 */
function rowSpan(
  rows: RowList<TranscriptRow>,
  itemCount: number,
  lead: number,
  first: number,
  last: number,
): [number, number] {
  if (first <= itemCount - 1 - last) {
    let row = lead;
    let from = lead;
    for (let index = 0; index <= last; index += 1) {
      if (index === first) {
        from = row;
      }
      row += rows.at(row)!.kind === 'day' ? 2 : 1;
    }
    return [from, row];
  }
  // From the end: `row` is the item row of item `index`.
  let row = rows.length - 1;
  let to = rows.length;
  for (let index = itemCount - 1; index >= first; index -= 1) {
    if (index === last) {
      to = row + 1;
    }
    const blockStart = rows.at(row - 1)?.kind === 'day' ? row - 1 : row;
    if (index === first) {
      return [blockStart, to];
    }
    row = blockStart - 1;
  }
  return [lead, to];
}
