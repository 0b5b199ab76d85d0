import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
import { anchorFor, anchorOffset, layoutRows, windowIndexes } from './windowLayout';
import type { WindowAnchor } from './windowLayout';

/**
 * @internal Options of {@link useWindowedRows}.
 *
 * @example
 * ```ts
 * const options: UseWindowedRowsOptions = { keys, scrollRef, estimateSize: 64, overscan: 6, endThreshold: 48 };
 * ```
 */
export interface UseWindowedRowsOptions {
  /** One stable key per row, in order. */
  keys: readonly string[];
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
 * @internal What {@link useWindowedRows} returns.
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
 * @internal Windowing for a vertical list of rows of varying height, anchored for a chat log:
 * only the rows in view (plus `overscan` on each side, plus the last one) are mounted, each is
 * measured when mounted and whenever it resizes, and the view stays put while rows change: at the
 * end it follows new rows; elsewhere the row under the viewport's bottom edge keeps its place
 * when older rows are prepended or rows above it are re-measured.
 *
 * @example
 * ```tsx
 * const windowed = useWindowedRows({ keys, scrollRef, estimateSize: 64, overscan: 6, endThreshold: 48 });
 * windowed.rows.map(({ index, start }) => (
 *   <div key={keys[index]} ref={windowed.measureRow} data-index={index}
 *     style={{ position: 'absolute', transform: `translateY(${start}px)` }} />
 * ));
 * ```
 */
export function useWindowedRows(options: UseWindowedRowsOptions): UseWindowedRowsResult {
  const { keys, scrollRef, estimateSize, overscan, endThreshold } = options;
  const sizes = useRef(new Map<string, number>()).current;
  const [sizesVersion, sizesChanged] = useReducer((count: number) => count + 1, 0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- sizes is mutable; its version is the dependency
  const starts = useMemo(() => layoutRows(keys, sizes, estimateSize), [keys, sizesVersion]);
  const indexByKey = useMemo(() => new Map(keys.map((key, index) => [key, index])), [keys]);
  const totalSize = starts[keys.length] ?? 0;

  const anchor = useRef<WindowAnchor>(END);
  // The scroll offset and layout the anchor was taken from. A scroll whose event has not arrived
  // yet shows as a different offset: the anchor is then taken again, from what the reader sees.
  const seen = useRef({ top: 0, starts, keys });
  const [viewport, setViewport] = useState({ top: 0, height: 0, following: true });

  // Latest values for the callbacks below, which stay stable across renders.
  const latest = useRef({ keys, starts, indexByKey, endThreshold, overscan });
  latest.current = { keys, starts, indexByKey, endThreshold, overscan };

  const height = viewport.height > 0 ? viewport.height : estimateSize * UNMEASURED_ROWS;
  const top = viewport.following ? Math.max(0, totalSize - height) : viewport.top;
  const indexes = windowIndexes(starts, top, height, overscan);
  const rows = indexes.map((index) => ({ index, start: starts[index] ?? 0 }));

  const record = useCallback(
    (element: HTMLElement, entry?: ResizeObserverEntry) => {
      const index = Number(element.dataset.index);
      const key = latest.current.keys[index];
      if (key === undefined) {
        return;
      }
      const size = sizeOf(element, entry);
      if (sizes.get(key) !== size) {
        sizes.set(key, size);
        sizesChanged();
      }
    },
    [sizes],
  );

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);

  const measureRow = useCallback(
    (element: HTMLElement | null) => {
      if (!element) {
        return;
      }
      record(element);
      if (!observer.current && typeof ResizeObserver !== 'undefined') {
        observer.current = new ResizeObserver((entries) => {
          for (const entry of entries) {
            const target = entry.target as HTMLElement;
            if (!target.isConnected) {
              observer.current?.unobserve(target);
            } else {
              record(target, entry);
            }
          }
        });
      }
      observer.current?.observe(element);
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
    const { starts: current, keys: currentKeys, endThreshold: threshold } = latest.current;
    anchor.current = anchorFor(
      current,
      currentKeys,
      element.scrollTop,
      element.clientHeight,
      threshold,
    );
    seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
    readViewport(element, anchor.current.kind === 'end');
  }, [scrollRef, readViewport]);

  const scrollToEnd = useCallback(() => {
    anchor.current = END;
    const element = scrollRef.current;
    if (!element) {
      setViewport((previous) => (previous.following ? previous : { ...previous, following: true }));
      return;
    }
    const { starts: current, keys: currentKeys } = latest.current;
    const total = current[current.length - 1] ?? 0;
    scrollElementTo(element, Math.max(0, total - element.clientHeight));
    seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
    readViewport(element, true);
  }, [scrollRef, readViewport]);

  const restore = useCallback(
    (element: HTMLElement) => {
      const { starts: current, keys: currentKeys, indexByKey: byKey } = latest.current;
      const height = element.clientHeight;
      if (Math.abs(element.scrollTop - seen.current.top) >= 1) {
        const before = seen.current;
        anchor.current = anchorFor(
          before.starts,
          before.keys,
          element.scrollTop,
          height,
          latest.current.endThreshold,
        );
      }
      const target = anchorOffset(current, (key) => byKey.get(key) ?? -1, anchor.current, height);
      if (target !== undefined && Math.abs(element.scrollTop - target) >= 1) {
        scrollElementTo(element, target);
      }
      seen.current = { top: element.scrollTop, starts: current, keys: currentKeys };
      readViewport(element, anchor.current.kind === 'end');
    },
    [readViewport],
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
