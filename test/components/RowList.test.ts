import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_BLOCK, RowList } from '../../src/components/MessageList/RowList';

const op = fc.record({
  at: fc.nat(),
  removed: fc.nat({ max: 600 }),
  entries: fc.array(fc.integer(), { maxLength: 300 }),
  where: fc.constantFrom('end', 'start', 'anywhere'),
});

describe('RowList', () => {
  it('reads like an array after any sequence of splices, and old versions stay as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 1_500 }),
        fc.array(op, { maxLength: 20 }),
        (initial, ops) => {
          let array = [...initial];
          let list = RowList.from(array);
          const versions: { list: RowList<number>; array: number[] }[] = [];
          for (const step of ops) {
            versions.push({ list, array });
            const at =
              step.where === 'end'
                ? array.length
                : step.where === 'start'
                  ? 0
                  : step.at % (array.length + 1);
            const before = list;
            list = list.splice(at, step.removed, step.entries);
            array = [...array];
            const removed = array.splice(at, step.removed, ...step.entries).length;
            expect(list.length).toBe(array.length);
            expect(list.toArray()).toEqual(array);
            expect(list.at(array.length)).toBeUndefined();
            expect(list.at(-1)).toBeUndefined();
            if (list !== before) {
              expect(list.changeFrom(before)).toEqual({
                start: at,
                removed,
                inserted: step.entries.length,
              });
            }
          }
          for (const version of versions) {
            expect(version.list.toArray()).toEqual(version.array);
            for (let index = 0; index < version.array.length; index += 97) {
              expect(version.list.at(index)).toBe(version.array[index]);
            }
          }
        },
      ),
      { seed: 4242, numRuns: 150 },
    );
  });

  it('knows only the change from its own base', () => {
    const a = RowList.from(Array.from({ length: LIST_BLOCK * 3 }, (_, index) => index));
    const b = a.splice(a.length, 0, [1]);
    const c = b.splice(0, 0, [2]);
    expect(c.changeFrom(b)).toEqual({ start: 0, removed: 0, inserted: 1 });
    expect(c.changeFrom(a)).toBeUndefined();
    expect(a.changeFrom(a)).toEqual({ start: a.length, removed: 0, inserted: 0 });
    expect(a.splice(3, 0, [])).toBe(a);
  });
});
