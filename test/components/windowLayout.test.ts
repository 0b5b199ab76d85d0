import { describe, expect, it } from 'vitest';
import {
  anchorFor,
  anchorOffset,
  layoutRows,
  rowAt,
  windowIndexes,
} from '../../src/components/MessageList/windowLayout';

const keys = ['a', 'b', 'c', 'd', 'e'];
const indexOf = (list: readonly string[]) => (key: string) => list.indexOf(key);

describe('windowLayout', () => {
  it('lays rows out from measured sizes, estimating the rest', () => {
    const starts = layoutRows(keys, new Map([['b', 10]]), 100);
    expect([...starts]).toEqual([0, 100, 110, 210, 310, 410]);
    expect(rowAt(starts, 0)).toBe(0);
    expect(rowAt(starts, 109.9)).toBe(1);
    expect(rowAt(starts, 110)).toBe(2);
    expect(rowAt(starts, 10_000)).toBe(4);
    expect(rowAt(layoutRows([], new Map(), 100), 0)).toBe(-1);
  });

  it('mounts the rows in view plus overscan, and always the last row', () => {
    const starts = layoutRows(keys, new Map(), 100);
    expect(windowIndexes(starts, 0, 150, 0)).toEqual([0, 1, 4]);
    // A row starting exactly at the bottom edge is out of view.
    expect(windowIndexes(starts, 0, 200, 0)).toEqual([0, 1, 4]);
    expect(windowIndexes(starts, 150, 100, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(windowIndexes(starts, 400, 100, 0)).toEqual([4]);
    expect(windowIndexes(layoutRows([], new Map(), 100), 0, 100, 2)).toEqual([]);
  });

  it('anchors the end near it, otherwise the row under the bottom edge', () => {
    const starts = layoutRows(keys, new Map(), 100);
    expect(anchorFor(starts, keys, 300, 200, 0)).toEqual({ kind: 'end' });
    expect(anchorFor(starts, keys, 280, 200, 20)).toEqual({ kind: 'end' });
    expect(anchorFor(starts, keys, 100, 150, 20)).toEqual({ kind: 'row', key: 'c', offset: 50 });
  });

  it('keeps the anchored row in place when rows are prepended or re-measured above it', () => {
    const anchor = anchorFor(layoutRows(keys, new Map(), 100), keys, 100, 150, 20);
    const prepended = ['y', 'z', ...keys];
    const starts = layoutRows(prepended, new Map([['a', 40]]), 100);
    // 'c' moved down by 200 (two rows) and up by 60 (a shrank): so does the view.
    expect(anchorOffset(starts, indexOf(prepended), anchor, 150)).toBe(240);
    expect(anchorOffset(starts, indexOf(['x']), anchor, 150)).toBeUndefined();
    expect(anchorOffset(starts, indexOf(prepended), { kind: 'end' }, 150)).toBe(640 - 150);
    // Never past either end of the scroll range.
    expect(
      anchorOffset(starts, indexOf(prepended), { kind: 'row', key: 'y', offset: 0 }, 150),
    ).toBe(0);
  });
});
