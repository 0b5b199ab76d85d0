/**
 * An immutable list kept in blocks of at most 256 entries (`LIST_BLOCK`), so a new version after an
 * append, a prepend or a replaced entry copies one or two blocks and the short list of blocks,
 * and shares the rest with the version before: at 100,000 rows an append copies a few hundred
 * references instead of 100,000 (an array copy that size also costs a garbage collection). Each
 * version remembers the change that made it from its base, so a consumer holding the base can
 * follow the change without comparing the two lists. Reads are `length` and `at(index)`, like an
 * array's.
 *
 * @example
 * ```ts
 * const keys = RowList.from(['a', 'b']);
 * const next = keys.splice(2, 0, ['c']);
 * next.at(2); // 'c'
 * next.changeFrom(keys); // { start: 2, removed: 0, inserted: 1 }
 * keys.length; // 2: the old version is unchanged
 * ```
 */
export class RowList<T> {
  /**
   * A list of these entries, in order.
   *
   * @example
   * ```ts
   * RowList.from([1, 2, 3]).length; // 3
   * ```
   */
  static from<T>(entries: readonly T[]): RowList<T> {
    const blocks: (readonly T[])[] = [];
    for (let start = 0; start < entries.length; start += LIST_BLOCK) {
      blocks.push(entries.slice(start, start + LIST_BLOCK));
    }
    return new RowList(blocks, startsOf(blocks), undefined, undefined);
  }

  /** This version's number; versions refer to their base by number, so old ones can be freed. */
  private readonly version = (versions += 1);

  private constructor(
    private readonly blocks: readonly (readonly T[])[],
    /** Index of each block's first entry; the last entry is the length. */
    private readonly starts: Int32Array,
    private readonly baseVersion: number | undefined,
    private readonly change: ListChange | undefined,
  ) {}

  /** How many entries. */
  get length(): number {
    return this.starts[this.blocks.length]!;
  }

  /**
   * The entry at `index`, or `undefined` outside the list (negative indexes are not counted from
   * the end, unlike an array's `at`).
   *
   * @example
   * ```ts
   * RowList.from(['a']).at(0); // 'a'
   * ```
   */
  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.length)) {
      return undefined;
    }
    const block = blockAt(this.starts, this.blocks.length, index);
    return this.blocks[block]![index - this.starts[block]!];
  }

  /**
   * A new list with `removed` entries at `start` replaced by `entries` (an array's `splice`, without
   * changing this one). Copies the blocks it touches and the list of blocks.
   *
   * @example
   * ```ts
   * RowList.from(['a', 'b']).splice(0, 1, ['z']).at(0); // 'z'
   * ```
   */
  splice(start: number, removed: number, entries: readonly T[]): RowList<T> {
    const length = this.length;
    start = Math.min(Math.max(0, start), length);
    removed = Math.min(Math.max(0, removed), length - start);
    if (removed === 0 && entries.length === 0) {
      return this;
    }
    const count = this.blocks.length;
    const first =
      count === 0 ? 0 : start >= length ? count - 1 : blockAt(this.starts, count, start);
    const last =
      count === 0
        ? -1
        : start + removed >= length
          ? count - 1
          : blockAt(this.starts, count, Math.max(start, start + removed - 1));
    const joined: T[] = [];
    for (let block = first; block <= last; block += 1) {
      const offset = this.starts[block]!;
      const own = this.blocks[block]!;
      for (let local = 0; local < own.length; local += 1) {
        const index = offset + local;
        if (index === start) {
          for (const entry of entries) {
            joined.push(entry);
          }
        }
        if (index < start || index >= start + removed) {
          joined.push(own[local]!);
        }
      }
    }
    if (start >= (last < 0 ? 0 : this.starts[last + 1]!)) {
      for (const entry of entries) {
        joined.push(entry);
      }
    }
    const pieces = Math.ceil(joined.length / LIST_BLOCK);
    const made: (readonly T[])[] = [];
    for (let piece = 0; piece < pieces; piece += 1) {
      const from = Math.floor((piece * joined.length) / pieces);
      const to = Math.floor(((piece + 1) * joined.length) / pieces);
      made.push(joined.slice(from, to));
    }
    const blocks = [...this.blocks.slice(0, first), ...made, ...this.blocks.slice(last + 1)];
    return new RowList(blocks, startsOf(blocks), this.version, {
      start,
      removed,
      inserted: entries.length,
    });
  }

  /**
   * How this list differs from `earlier` when it was made from it by one `splice`; `undefined`
   * otherwise (compare the entries then).
   *
   * @example
   * ```ts
   * const a = RowList.from([1]);
   * a.splice(1, 0, [2]).changeFrom(a); // { start: 1, removed: 0, inserted: 1 }
   * ```
   */
  changeFrom(earlier: RowList<T>): ListChange | undefined {
    if (earlier === this) {
      return { start: this.length, removed: 0, inserted: 0 };
    }
    return this.baseVersion === earlier.version ? this.change : undefined;
  }

  /**
   * The entries as an array (copies them all).
   *
   * @example
   * ```ts
   * RowList.from([1, 2]).toArray(); // [1, 2]
   * ```
   */
  toArray(): T[] {
    return this.blocks.flat() as T[];
  }
}

/**
 * A change between two versions of a list: `removed` entries at `start` replaced by `inserted`.
 *
 * @example
 * ```ts
 * const change = next.rows.changeFrom(previous.rows);
 * if (change && change.start === previous.rows.length && change.removed === 0) announce(change.inserted);
 * ```
 */
export interface ListChange {
  readonly start: number;
  readonly removed: number;
  readonly inserted: number;
}

let versions = 0;

/** Most entries in one block of a {@link RowList}. */
export const LIST_BLOCK = 256;

function startsOf(blocks: readonly (readonly unknown[])[]): Int32Array {
  const starts = new Int32Array(blocks.length + 1);
  for (let block = 0; block < blocks.length; block += 1) {
    starts[block + 1] = starts[block]! + blocks[block]!.length;
  }
  return starts;
}

/** The block holding `index`: the last whose first entry is at or before it. */
function blockAt(starts: Int32Array, count: number, index: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= index) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
