import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
import { changedRange } from '../../core/chat/transcript/changedRange';
import { RowLayout } from './RowLayout';
import { RowList } from './RowList';
import type { ListChange } from './RowList';
import { anchorFor, anchorOffset, rowAt, windowIndexes } from './windowLayout';
import type { KeyList, WindowAnchor } from './windowLayout';

/**
 * Options of {@link useWindowedRows}.
 *
 * @example
 * ```ts
 * const { rows, totalSize, measureRow, onScroll } = useWindowedRows({ keys, scrollRef, estimateSize: 64, overscan: 6, endThreshold: 48 });
 * ```
 */
export interface UseWindowedRowsOptions {
  /**
   * One stable key per row, in order: an array, or the `keys` of `updateRows` (a {@link RowList},
   * whose changes the hook follows without comparing every key).
   */
  keys: KeyList;
  /** The scrolling element. */
  scrollRef: RefObject<HTMLElement | null>;
  /** Height in px of a row not measured yet. */
  estimateSize: number;
  /** Rows mounted beyond each edge of the viewport. */
  overscan: number;
  /** Distance from the end, in px, at which the view follows the end. */
  endThreshold: number;
}

/**
 * What {@link useWindowedRows} returns.
 *
 * @example
 * ```ts
 * const { rows, totalSize } = result;
 * ```
 */
export interface UseWindowedRowsResult {
  /** The rows to mount: their index in `keys` and their top in px. */
  rows: readonly { readonly index: number; readonly start: number }[];
  /** Height in px of all rows: the height of the element that holds them. */
  totalSize: number;
  /** Ref for each mounted row; the row must carry `data-index`. */
  measureRow: (element: HTMLElement | null) => void;
  /** Scrolls to the end and follows it again. */
  scrollToEnd: () => void;
  /** Call from the scrolling element's `scroll` event. */
  onScroll: () => void;
}

const END: WindowAnchor = { kind: 'end' };

/** How many estimated rows to mount before the viewport has been measured (server render). */
const UNMEASURED_ROWS = 10;

const sizeOf = (element: HTMLElement, entry?: ResizeObserverEntry): number =>
  entry?.borderBoxSize?.[0]?.blockSize ?? element.offsetHeight;

const scrollElementTo = (element: HTMLElement, top: number): void => {
  if (typeof element.scrollTo === 'function') {
    element.scrollTo({ top });
  } else {
    element.scrollTop = top;
  }
};

/**
 * Windowing for a vertical list of rows of varying height, anchored for a chat log — the hook
 * behind `MessageList`, for a team building its own list: only the rows in view (plus `overscan`
 * on each side, plus the last one) are mounted, each is measured when mounted and whenever it
 * resizes, and the view stays put while rows change: at the end it follows new rows; elsewhere the
 * row under the viewport's bottom edge keeps its place when older rows are prepended or rows above
 * it are re-measured. Row geometry is kept as blocked prefix sums updated change by change, so an
 * append or a re-measured row costs the same at 100 rows as at 100,000 when `keys` is the
 * `RowList` of `updateRows` (a plain array works too; its change is then found by comparing
 * the keys from both ends).
 *
 * @example
 * ```tsx
 * function MyTranscript() {
 *   const { items, hasOlder } = useTranscript();
 *   const format = useFormatter();
 *   const model = useRef<TranscriptRows | undefined>(undefined);
 *   const { rows, keys } = useMemo(
 *     () => (model.current = updateRows(model.current, items, { hasOlder, dayKey: format.dayKey })),
 *     [items, hasOlder, format],
 *   );
 *   const scrollRef = useRef<HTMLDivElement>(null);
 *   const windowed = useWindowedRows({ keys, scrollRef, estimateSize: 64, overscan: 6, endThreshold: 48 });
 *   return (
 *     <div ref={scrollRef} role="log" onScroll={windowed.onScroll} style={{ overflowY: 'auto', height: 400 }}>
 *       <div style={{ position: 'relative', height: windowed.totalSize }}>
 *         {windowed.rows.map(({ index, start }) => {
 *           const row = rows.at(index)!;
 *           return (
 *             <div key={row.key} ref={windowed.measureRow} data-index={index}
 *               style={{ position: 'absolute', width: '100%', transform: `translateY(${start}px)` }}>
 *               {row.kind === 'item' ? row.item.content : null}
 *             </div>
 *           );
 *         })}
 *       </div>
 *     </div>
 *   );
 * }
 * ```
 */
export function useWindowedRows(options: UseWindowedRowsOptions): UseWindowedRowsResult {
  const { keys, scrollRef, estimateSize, overscan, endThreshold } = options;
  const sizes = useRef(new Map<string, number>()).current;
  // Rows measured since the last render, by key, with the index they were measured at.
  const measured = useRef(new Map<string, number>()).current;
  const [sizesVersion, sizesChanged] = useReducer((count: number) => count + 1, 0);
  // The layout follows the keys and the measurements change by change (see RowLayout), so an
  // append or one re-measured row costs the same at 100 rows as at 100,000.
  const derived = useRef<Derived | undefined>(undefined);
  const starts = useMemo(() => {
    derived.current = deriveLayout(derived.current, keys, sizes, measured, estimateSize);
    return derived.current.layout;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sizes is mutable; its version is the dependency
  }, [keys, sizesVersion, estimateSize]);
  const indexOf = useMemo(() => indexFinder(keys), [keys]);
  const totalSize = starts.total;

  const anchor = useRef<WindowAnchor>(END);
  // Where the anchored row was last found: checked first, so a view held while rows are appended
  // finds its row without an index of every key.
  const anchorIndex = useRef(-1);
  const takeAnchor = useCallback(
    (layout: RowLayout, layoutKeys: KeyList, top: number, height: number) => {
      anchor.current = anchorFor(layout, layoutKeys, top, height, latest.current.endThreshold);
      anchorIndex.current = rowAt(layout, Math.max(top, top + height - 0.5));
    },
    [],
  );
  // The scroll offset and layout the anchor was taken from. A scroll whose event has not arrived
  // yet shows as a different offset: the anchor is then taken again, from what the reader sees.
  const seen = useRef({ top: 0, starts, keys });
  const [viewport, setViewport] = useState({ top: 0, height: 0, following: true });

  // Latest values for the callbacks below, which stay stable across renders.
  const latest = useRef({ keys, starts, indexOf, endThreshold, overscan });
  latest.current = { keys, starts, indexOf, endThreshold, overscan };

  const height = viewport.height > 0 ? viewport.height : estimateSize * UNMEASURED_ROWS;
  const top = viewport.following ? Math.max(0, totalSize - height) : viewport.top;
  const indexes = windowIndexes(starts, top, height, overscan);
  const rows = indexes.map((index) => ({ index, start: starts.start(index) }));

  /** Notes the row's size; true when it changed. */
  const record = useCallback(
    (element: HTMLElement, entry?: ResizeObserverEntry): boolean => {
      const index = Number(element.dataset.index);
      const key = latest.current.keys.at(index);
      if (key === undefined) {
        return false;
      }
      const size = sizeOf(element, entry);
      if (sizes.get(key) === size) {
        return false;
      }
      sizes.set(key, size);
      measured.set(key, index);
      return true;
    },
    [sizes, measured],
  );

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);

  // A new row is measured by the ResizeObserver, whose first report comes after the browser's own
  // layout and before the paint: reading its height in the ref instead forced a layout in the
  // middle of React's commit, and the measured size then re-rendered the list in the same commit
  // (issue #17). The re-render is flushed within the report, so the frame never shows the
  // estimate. Without ResizeObserver (server, jsdom) the ref reads the height as before.
  const measureRow = useCallback(
    (element: HTMLElement | null) => {
      if (!element) {
        return;
      }
      if (typeof ResizeObserver === 'undefined') {
        if (record(element)) {
          sizesChanged();
        }
        return;
      }
      observer.current ??= new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const target = entry.target as HTMLElement;
          if (!target.isConnected) {
            observer.current?.unobserve(target);
          } else if (record(target, entry)) {
            changed = true;
          }
        }
        if (changed) {
          flushSync(sizesChanged);
        }
      });
      observer.current.observe(element);
    },
    [record],
  );

  const readViewport = useCallback((element: HTMLElement, following: boolean) => {
    const next = { top: element.scrollTop, height: element.clientHeight, following };
    setViewport((previous) => {
      if (previous.following === next.following && previous.height === next.height) {
        // Re-render only when the scroll moves the window of mounted rows.
        const { starts: current, overscan: around } = latest.current;
        const same =
          next.following ||
          windowIndexes(current, previous.top, previous.height, around).join() ===
            windowIndexes(current, next.top, next.height, around).join();
        if (same) {
          return previous;
        }
      }
      return next;
    });
  }, []);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) {
      return;
    }
    const { starts: current, keys: currentKeys } = latest.current;
    takeAnchor(current, currentKeys, element.scrollTop, element.clientHeight);
    seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
    readViewport(element, anchor.current.kind === 'end');
  }, [scrollRef, readViewport, takeAnchor]);

  const scrollToEnd = useCallback(() => {
    anchor.current = END;
    const element = scrollRef.current;
    if (!element) {
      setViewport((previous) => (previous.following ? previous : { ...previous, following: true }));
      return;
    }
    const { starts: current, keys: currentKeys } = latest.current;
    const total = current.total;
    scrollElementTo(element, Math.max(0, total - element.clientHeight));
    seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
    readViewport(element, true);
  }, [scrollRef, readViewport]);

  const restore = useCallback(
    (element: HTMLElement) => {
      const { starts: current, keys: currentKeys, indexOf: find } = latest.current;
      const height = element.clientHeight;
      if (Math.abs(element.scrollTop - seen.current.top) >= 1) {
        const before = seen.current;
        takeAnchor(before.starts, before.keys, element.scrollTop, height);
      }
      const target = anchorOffset(
        current,
        (key) => (anchorIndex.current = find(key, anchorIndex.current)),
        anchor.current,
        height,
      );
      if (target !== undefined && Math.abs(element.scrollTop - target) >= 1) {
        scrollElementTo(element, target);
      }
      seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
      readViewport(element, anchor.current.kind === 'end');
    },
    [readViewport, takeAnchor],
  );

  // After rows are added, removed or re-measured, put the anchor back where it was.
  useIsomorphicLayoutEffect(() => {
    if (scrollRef.current) {
      restore(scrollRef.current);
    }
  }, [starts, scrollRef, restore]);

  // The viewport itself resizes (the widget opens, the composer grows): keep the anchor.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    const resize = new ResizeObserver(() => restore(element));
    resize.observe(element);
    return () => resize.disconnect();
  }, [scrollRef, restore]);

  return { rows, totalSize, measureRow, scrollToEnd, onScroll };
}

interface Derived {
  readonly keys: KeyList;
  readonly estimate: number;
  readonly layout: RowLayout;
}

/** `keys.slice(start, end).map(each)` for any {@link KeyList}. */
function mapKeys<T>(keys: KeyList, start: number, end: number, each: (key: string) => T): T[] {
  const out: T[] = [];
  for (let index = start; index < end; index += 1) {
    out.push(each(keys.at(index)!));
  }
  return out;
}

/** How `keys` differs from `before`: the list's own record, or a comparison from both ends. */
function keysChange(before: KeyList, keys: KeyList): ListChange | undefined {
  if (keys instanceof RowList && before instanceof RowList) {
    return (keys as RowList<string>).changeFrom(before as RowList<string>);
  }
  if (Array.isArray(keys) && Array.isArray(before)) {
    return changedRange(before as readonly string[], keys as readonly string[]);
  }
  return undefined;
}

/**
 * The layout for `keys`: the previous one with the changed rows spliced in and the rows measured
 * since re-sized; built afresh for a new estimate or keys whose change is not known.
 */
function deriveLayout(
  previous: Derived | undefined,
  keys: KeyList,
  sizes: ReadonlyMap<string, number>,
  measured: Map<string, number>,
  estimate: number,
): Derived {
  const heightOf = (key: string): number => sizes.get(key) ?? estimate;
  const change =
    previous === undefined || previous.estimate !== estimate
      ? undefined
      : previous.keys === keys
        ? { start: 0, removed: 0, inserted: 0 }
        : keysChange(previous.keys, keys);
  let layout =
    change === undefined
      ? RowLayout.from(
          // Nothing measured yet (the mount): every row has the estimate, without a lookup per key.
          sizes.size === 0
            ? new Float64Array(keys.length).fill(estimate)
            : mapKeys(keys, 0, keys.length, heightOf),
        )
      : previous!.layout.splice(
          change.start,
          change.removed,
          mapKeys(keys, change.start, change.start + change.inserted, heightOf),
        );
  if (measured.size > 0) {
    let find: ((key: string) => number) | undefined;
    for (const [key, hint] of measured) {
      const index = keys.at(hint) === key ? hint : (find ??= indexFinder(keys))(key);
      if (index >= 0) {
        layout = layout.resize(index, heightOf(key));
      }
    }
    measured.clear();
  }
  return { keys, estimate, layout };
}

/**
 * `indexOf` for `keys`: a map built on first use (only a view anchored to a row that moved needs
 * it, after history was prepended), so an append builds nothing.
 */
function indexFinder(keys: KeyList): (key: string, hint?: number) => number {
  let byKey: Map<string, number> | undefined;
  return (key, hint) => {
    if (hint !== undefined && hint >= 0 && keys.at(hint) === key) {
      return hint;
    }
    if (byKey === undefined) {
      byKey = new Map();
      for (let index = 0; index < keys.length; index += 1) {
        byKey.set(keys.at(index)!, index);
      }
    }
    return byKey.get(key) ?? -1;
  };
}
