import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROW_BLOCK, RowLayout } from '../../src/components/MessageList/RowLayout';
import { layoutRows, rowAt } from '../../src/components/MessageList/windowLayout';

/** The naive model: a plain array of heights and its prefix sums. */
const naiveStarts = (heights: readonly number[]): number[] => {
  const starts = [0];
  for (const height of heights) {
    starts.push(starts[starts.length - 1]! + height);
  }
  return starts;
};

// Whole and half pixels keep every sum exact, so the layout must equal the naive sums exactly.
const height = fc.integer({ min: 0, max: 400 }).map((value) => value / 2);
const op = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    heights: fc.array(height, { maxLength: 300 }),
  }),
  fc.record({
    kind: fc.constant('prepend' as const),
    heights: fc.array(height, { maxLength: 60 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    removed: fc.nat({ max: 400 }),
    heights: fc.array(height, { maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('resize' as const), at: fc.nat(), height }),
);

describe('RowLayout', () => {
  it('matches naive prefix sums after any sequence of appends, prepends, splices and resizes', () => {
    fc.assert(
      fc.property(
        fc.array(height, { maxLength: 700 }),
        fc.array(op, { maxLength: 25 }),
        (initial, ops) => {
          let heights = [...initial];
          let layout = RowLayout.from(heights);
          const versions: { layout: RowLayout; heights: number[] }[] = [];
          for (const step of ops) {
            versions.push({ layout, heights });
            heights = [...heights];
            if (step.kind === 'append') {
              layout = layout.splice(heights.length, 0, step.heights);
              heights.push(...step.heights);
            } else if (step.kind === 'prepend') {
              layout = layout.splice(0, 0, step.heights);
              heights.unshift(...step.heights);
            } else if (step.kind === 'splice') {
              const at = heights.length === 0 ? 0 : step.at % (heights.length + 1);
              layout = layout.splice(at, step.removed, step.heights);
              heights.splice(at, step.removed, ...step.heights);
            } else if (heights.length > 0) {
              const at = step.at % heights.length;
              layout = layout.resize(at, step.height);
              heights[at] = step.height;
            }
            expectSame(layout, heights);
          }
          // Earlier values are untouched by later changes (the hook reads old layouts).
          for (const version of versions) {
            expectSame(version.layout, version.heights);
          }
        },
      ),
      { seed: 17, numRuns: 150 },
    );
  });

  it('keeps blocks bounded while rows are appended one at a time', () => {
    let layout = RowLayout.empty();
    const heights: number[] = [];
    for (let index = 0; index < ROW_BLOCK * 6 + 3; index += 1) {
      const next = 40 + (index % 7);
      layout = layout.splice(layout.count, 0, [next]);
      heights.push(next);
    }
    expectSame(layout, heights);
    expect(layout.resize(5, layout.size(5))).toBe(layout);
    expect(layout.splice(3, 0, [])).toBe(layout);
  });

  it('answers like the Float64Array layout for an empty list and offsets out of range', () => {
    const empty = RowLayout.empty();
    expect(empty.count).toBe(0);
    expect(empty.total).toBe(0);
    expect(empty.rowAt(10)).toBe(rowAt(layoutRows([], new Map(), 10), 10));
    const layout = RowLayout.from([10, 0, 0, 20]);
    for (const offset of [-5, 0, 9.9, 10, 15, 30, 31, 1_000]) {
      expect(layout.rowAt(offset)).toBe(
        rowAt(Float64Array.from(naiveStarts([10, 0, 0, 20])), offset),
      );
    }
  });
});

function expectSame(layout: RowLayout, heights: readonly number[]): void {
  const starts = naiveStarts(heights);
  expect(layout.count).toBe(heights.length);
  expect(layout.total).toBe(starts[heights.length]);
  const naive = Float64Array.from(starts);
  for (let index = 0; index < heights.length; index += 1) {
    expect(layout.start(index)).toBe(starts[index]);
    expect(layout.size(index)).toBe(heights[index]);
  }
  const total = starts[heights.length]!;
  for (const offset of [-1, 0, total / 3, total / 2, total - 0.5, total, total + 1]) {
    expect(layout.rowAt(offset)).toBe(rowAt(naive, offset));
  }
  for (let index = 0; index < heights.length; index += 17) {
    expect(layout.rowAt(starts[index]!)).toBe(rowAt(naive, starts[index]!));
  }
}
