/**
 * Where two versions of an array differ: the entries before `start` and the last `length - start
 * - removed` entries are the same objects in both (by `===`), the `removed` entries at `start` of
 * `before` were replaced by the `inserted` entries at `start` of `after`.
 *
 * @example
 * ```ts
 * const { start, removed, inserted } = changedRange(['a', 'b', 'c'], ['a', 'b', 'c', 'd']);
 * // { start: 3, removed: 0, inserted: 1 }: one entry appended to 3
 * ```
 */
export interface ChangedRange {
  readonly start: number;
  readonly removed: number;
  readonly inserted: number;
}

/**
 * The smallest window of `after` that differs from `before`, found by comparing references from
 * both ends: one pass of pointer comparisons and no allocation, so code that is handed a whole new
 * transcript (a store snapshot) can work on the few items that changed. Unchanged items keep their
 * identity in the session's snapshots, which is what makes this exact.
 *
 * @example
 * ```ts
 * changedRange([a, b], [a, b, c]); // { start: 2, removed: 0, inserted: 1 }
 * changedRange([a, b, c], [a, b2, c]); // { start: 1, removed: 1, inserted: 1 }
 * ```
 */
export function changedRange<T>(before: readonly T[], after: readonly T[]): ChangedRange {
  if (before === after) {
    return { start: before.length, removed: 0, inserted: 0 };
  }
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) {
    start += 1;
  }
  let end = 0;
  const room = shorter - start;
  while (end < room && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end += 1;
  }
  return { start, removed: before.length - start - end, inserted: after.length - start - end };
}
