/**
 * Pure geometry of the windowed transcript: where each row starts, which rows a viewport shows,
 * and how to pin the view to a row. Sizes are known per row key once a row has been measured;
 * rows never measured count as the estimate. Each function takes either a {@link RowLayout} (what
 * the windowing hook keeps, updated per change) or the row tops of {@link layoutRows}.
 */
import { RowLayout } from './RowLayout';

/**
 * Row geometry: a {@link RowLayout}, or row tops plus the total as the last entry.
 *
 * @example
 * ```ts
 * const layout = RowLayout.from([40, 64]);
 * rowAt(layout, 50); // 1: the second row covers offset 50
 * ```
 */
export type LayoutLike = RowLayout | Float64Array;

/**
 * Row keys in order, read by position: an array, or the {@link RowList} of `updateRows`.
 *
 * @example
 * ```ts
 * useWindowedRows({ keys: transcriptRows.keys, scrollRef, estimateSize: 64, overscan: 6, endThreshold: 48 });
 * ```
 */
export interface KeyList {
  readonly length: number;
  at(index: number): string | undefined;
}

const countOf = (layout: LayoutLike): number =>
  layout instanceof RowLayout ? layout.count : layout.length - 1;
const startOf = (layout: LayoutLike, index: number): number =>
  layout instanceof RowLayout ? layout.start(index) : layout[index]!;
const totalOf = (layout: LayoutLike): number =>
  layout instanceof RowLayout ? layout.total : layout[layout.length - 1]!;

/**
 * Where the view is held while rows are added, removed or re-measured: at the end (following new
 * messages), or with the bottom edge of the viewport `offset` px below the top of row `key`.
 *
 * @example
 * ```ts
 * const anchor = anchorFor(starts, keys, list.scrollTop, list.clientHeight, 48);
 * if (anchor.kind === 'row') console.log(`row ${anchor.key} stays ${anchor.offset}px from the top`);
 * ```
 */
export type WindowAnchor =
  | { readonly kind: 'end' }
  | { readonly kind: 'row'; readonly key: string; readonly offset: number };

/**
 * @internal The top of every row, plus the total height as the last entry (`length` is
 * `keys.length + 1`).
 *
 * @example
 * ```ts
 * layoutRows(['a', 'b'], new Map([['a', 10]]), 64); // Float64Array [0, 10, 74]
 * ```
 */
export function layoutRows(
  keys: readonly string[],
  sizes: ReadonlyMap<string, number>,
  estimate: number,
): Float64Array {
  const starts = new Float64Array(keys.length + 1);
  for (let index = 0; index < keys.length; index += 1) {
    starts[index + 1] = starts[index]! + (sizes.get(keys[index]!) ?? estimate);
  }
  return starts;
}

/**
 * @internal The index of the row under `offset` px from the top (the last row starting at or
 * before it), clamped to the rows; `-1` when there are none.
 *
 * @example
 * ```ts
 * rowAt(layoutRows(['a', 'b'], new Map(), 50), 60); // 1
 * ```
 */
export function rowAt(starts: LayoutLike, offset: number): number {
  if (starts instanceof RowLayout) {
    return starts.rowAt(offset);
  }
  const count = starts.length - 1;
  if (count <= 0) {
    return -1;
  }
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * @internal Indexes of the rows to mount for a viewport `top`..`top + height`, with `overscan`
 * rows beyond each edge. The last row is always included, so a `role="log"` announces every new
 * message even while the reader is scrolled up.
 *
 * @example
 * ```ts
 * windowIndexes(layoutRows(['a', 'b', 'c', 'd'], new Map(), 100), 0, 150, 0); // [0, 1, 3]
 * ```
 */
export function windowIndexes(
  starts: LayoutLike,
  top: number,
  height: number,
  overscan: number,
): number[] {
  const count = countOf(starts);
  if (count <= 0) {
    return [];
  }
  const first = Math.max(0, rowAt(starts, top) - overscan);
  // A row that starts exactly at the bottom edge is not in view.
  const last = Math.min(count - 1, rowAt(starts, Math.max(top, top + height - 0.5)) + overscan);
  const indexes: number[] = [];
  for (let index = first; index <= last; index += 1) {
    indexes.push(index);
  }
  if (last < count - 1) {
    indexes.push(count - 1);
  }
  return indexes;
}

/**
 * @internal The anchor that holds the current view: the end when within `endThreshold` px of it,
 * otherwise the row under the viewport's bottom edge. Anchoring the bottom edge keeps what the
 * reader sees in place when older history is prepended or rows above are re-measured.
 *
 * @example
 * ```ts
 * anchorFor(layoutRows(['a', 'b'], new Map(), 100), ['a', 'b'], 0, 50, 10);
 * // { kind: 'row', key: 'a', offset: 50 }
 * ```
 */
export function anchorFor(
  starts: LayoutLike,
  keys: KeyList,
  top: number,
  height: number,
  endThreshold: number,
): WindowAnchor {
  const total = totalOf(starts);
  const bottom = top + height;
  if (total - bottom <= endThreshold) {
    return { kind: 'end' };
  }
  const index = rowAt(starts, Math.max(top, bottom - 0.5));
  const key = index < 0 ? undefined : keys.at(index);
  return key === undefined
    ? { kind: 'end' }
    : { kind: 'row', key, offset: bottom - startOf(starts, index) };
}

/**
 * @internal The scroll offset that puts `anchor` back where it was, clamped to the scroll range;
 * `undefined` when its row is gone (the view is left alone).
 *
 * @example
 * ```ts
 * anchorOffset(layoutRows(['a', 'b'], new Map(), 100), (key) => (key === 'b' ? 1 : -1),
 *   { kind: 'row', key: 'b', offset: 50 }, 100); // 50
 * ```
 */
export function anchorOffset(
  starts: LayoutLike,
  indexOf: (key: string) => number,
  anchor: WindowAnchor,
  height: number,
): number | undefined {
  const total = totalOf(starts);
  const max = Math.max(0, total - height);
  if (anchor.kind === 'end') {
    return max;
  }
  const index = indexOf(anchor.key);
  if (index < 0) {
    return undefined;
  }
  return Math.min(max, Math.max(0, startOf(starts, index) + anchor.offset - height));
}
