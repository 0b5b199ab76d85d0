import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatItem } from '../../src/core/chat/transcript/chatItem';
import { createItemFilter } from '../../src/react/internal/itemFilter';
import { makeChatItem } from 'contact-kit/testing';

const item = fc.boolean().map((own) => makeChatItem({ isOwn: own }));
const op = fc.record({
  at: fc.nat(),
  removed: fc.nat({ max: 5 }),
  added: fc.array(item, { maxLength: 5 }),
});

describe('createItemFilter', () => {
  it('equals items.filter after any sequence of splices, and keeps its result while it is the same', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.array(op, { maxLength: 30 }),
        (initial, ops) => {
          const keep = (entry: ChatItem) => entry.isOwn;
          const select = createItemFilter(keep);
          let items: readonly ChatItem[] = initial;
          let result = select(items);
          expect(result).toEqual(items.filter(keep));
          for (const step of ops) {
            const next = [...items];
            next.splice(step.at % (next.length + 1), step.removed, ...step.added);
            const previous = result;
            result = select(next);
            expect(result).toEqual(next.filter(keep));
            if (
              previous.length === result.length &&
              previous.every((entry, i) => entry === result[i])
            ) {
              expect(result).toBe(previous);
            }
            items = next;
          }
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });
});
