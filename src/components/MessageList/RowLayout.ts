/**
 * Row heights of a windowed list and where each row starts, as an immutable value that changes in
 * time independent of the list's length for the changes a chat makes: blocked prefix sums. Rows
 * are kept in blocks of at most {@link ROW_BLOCK} heights, each with its own prefix sums, and a
 * short top level holds where each block starts (row index and px). Appending a row, re-measuring
 * one or prepending a page copies one or two blocks plus the top level (a few hundred numbers at
 * 100,000 rows) and shares every other block with the previous value, so an old layout stays
 * valid (the windowing hook reads the layout a scroll offset was taken from).
 *
 * @example
 * ```ts
 * let layout = RowLayout.from([40, 64, 64]);
 * layout = layout.splice(3, 0, [52]); // one row appended
 * layout = layout.resize(1, 80); // row 1 measured
 * layout.start(2); // 120
 * layout.rowAt(130); // 2
 * layout.total; // 236
 * ```
 */
export class RowLayout {
  /**
   * An empty layout.
   *
   * @example
   * ```ts
   * RowLayout.empty().count; // 0
   * ```
   */
  static empty(): RowLayout {
    return new RowLayout([], new Int32Array(1), new Float64Array(1));
  }

  /**
   * A layout of these heights, in row order.
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).total; // 30
   * ```
   */
  static from(heights: ArrayLike<number>): RowLayout {
    return RowLayout.empty().splice(0, 0, heights);
  }

  private constructor(
    private readonly blocks: readonly Block[],
    /** Index of each block's first row; the last entry is the row count. */
    private readonly blockRows: Int32Array,
    /** Top of each block in px; the last entry is the total height. */
    private readonly blockTops: Float64Array,
  ) {}

  /** How many rows. */
  get count(): number {
    return this.blockRows[this.blocks.length]!;
  }

  /** Height of all rows, in px. */
  get total(): number {
    return this.blockTops[this.blocks.length]!;
  }

  /**
   * The top of row `index` in px (`count` gives the total height).
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).start(1); // 10
   * ```
   */
  start(index: number): number {
    if (index >= this.count) {
      return this.total;
    }
    const block = this.blockOf(index);
    return this.blockTops[block]! + this.blocks[block]!.starts[index - this.blockRows[block]!]!;
  }

  /**
   * The height of row `index` in px.
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).size(1); // 20
   * ```
   */
  size(index: number): number {
    const block = this.blockOf(index);
    const local = index - this.blockRows[block]!;
    return this.blocks[block]!.heights[local]!;
  }

  /**
   * The index of the row under `offset` px from the top (the last row starting at or before it),
   * clamped to the rows; `-1` when there are none.
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).rowAt(15); // 1
   * ```
   */
  rowAt(offset: number): number {
    const blocks = this.blocks.length;
    if (blocks === 0) {
      return -1;
    }
    const block = lastAtOrBefore(this.blockTops, blocks, offset);
    const { starts } = this.blocks[block]!;
    const local = lastAtOrBefore(starts, starts.length - 1, offset - this.blockTops[block]!);
    return this.blockRows[block]! + local;
  }

  /**
   * Row `index` measured `height` px tall. The same layout when it already was.
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).resize(0, 15).total; // 35
   * ```
   */
  resize(index: number, height: number): RowLayout {
    if (index < 0 || index >= this.count || this.size(index) === height) {
      return this;
    }
    const block = this.blockOf(index);
    const heights = this.blocks[block]!.heights.slice();
    heights[index - this.blockRows[block]!] = height;
    return this.replace(block, block + 1, [blockOf(heights)]);
  }

  /**
   * The layout with `removed` rows at `start` replaced by rows of `heights` (an array's `splice`).
   * Costs the blocks it touches plus the top level: appends and prepends touch one or two.
   *
   * @example
   * ```ts
   * RowLayout.from([10, 20]).splice(0, 1, [5, 5]).total; // 30
   * ```
   */
  splice(start: number, removed: number, heights: ArrayLike<number>): RowLayout {
    const count = this.count;
    start = Math.min(Math.max(0, start), count);
    removed = Math.min(Math.max(0, removed), count - start);
    if (removed === 0 && heights.length === 0) {
      return this;
    }
    const blocks = this.blocks.length;
    // The blocks holding rows start .. start + removed (or the last one, to append to it).
    const first = blocks === 0 ? 0 : start >= count ? blocks - 1 : this.blockOf(start);
    const last =
      blocks === 0
        ? -1
        : start + removed >= count
          ? blocks - 1
          : this.blockOf(Math.max(start, start + removed - 1));
    const joined: number[] = [];
    for (let block = first; block <= last; block += 1) {
      const offset = this.blockRows[block]!;
      const own = this.blocks[block]!.heights;
      for (let local = 0; local < own.length; local += 1) {
        const index = offset + local;
        if (index === start) {
          pushAll(joined, heights);
        }
        if (index < start || index >= start + removed) {
          joined.push(own[local]!);
        }
      }
    }
    if (start >= (last < 0 ? 0 : this.blockRows[last + 1]!)) {
      pushAll(joined, heights);
    }
    // Cut into even blocks of at most ROW_BLOCK rows.
    const pieces = Math.ceil(joined.length / ROW_BLOCK);
    const made: Block[] = [];
    for (let piece = 0; piece < pieces; piece += 1) {
      const from = Math.floor((piece * joined.length) / pieces);
      const to = Math.floor(((piece + 1) * joined.length) / pieces);
      made.push(blockOf(joined.slice(from, to)));
    }
    return this.replace(first, last + 1, made);
  }

  /** The block holding row `index` (`0 <= index < count`). */
  private blockOf(index: number): number {
    return lastAtOrBefore(this.blockRows, this.blocks.length, index);
  }

  /** Blocks `from` .. `to` (exclusive) replaced by `made`; the top level rebuilt. */
  private replace(from: number, to: number, made: readonly Block[]): RowLayout {
    const blocks = [...this.blocks.slice(0, from), ...made, ...this.blocks.slice(to)];
    const rows = new Int32Array(blocks.length + 1);
    const tops = new Float64Array(blocks.length + 1);
    rows.set(this.blockRows.subarray(0, from + 1));
    tops.set(this.blockTops.subarray(0, from + 1));
    for (let block = from; block < blocks.length; block += 1) {
      const { starts } = blocks[block]!;
      rows[block + 1] = rows[block]! + starts.length - 1;
      tops[block + 1] = tops[block]! + starts[starts.length - 1]!;
    }
    return new RowLayout(blocks, rows, tops);
  }
}

/**
 * Most rows in one block of a {@link RowLayout}: what a one-row change copies, against the number
 * of blocks the top level holds (400 at 100,000 rows).
 */
export const ROW_BLOCK = 256;

interface Block {
  /** Height of each row of the block. */
  readonly heights: Float64Array;
  /** Top of each row within the block, plus its height as the last entry. */
  readonly starts: Float64Array;
}

function blockOf(heights: ArrayLike<number>): Block {
  const own = Float64Array.from(heights);
  const starts = new Float64Array(own.length + 1);
  for (let index = 0; index < own.length; index += 1) {
    starts[index + 1] = starts[index]! + own[index]!;
  }
  return { heights: own, starts };
}

function pushAll(target: number[], values: ArrayLike<number>): void {
  for (let index = 0; index < values.length; index += 1) {
    target.push(values[index]!);
  }
}

/** The last of `values[0 .. count)` (ascending) at or before `value`, clamped to `0 .. count-1`. */
function lastAtOrBefore(values: ArrayLike<number>, count: number, value: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= value) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
