import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRows, dayKeys, updateRows } from '../../src/components/MessageList/buildRows';
import type { TranscriptRows } from '../../src/components/MessageList/buildRows';
import type { ChatItem } from '../../src/core/chat/transcript/chatItem';
import { makeChatItem } from 'contact-kit/testing';

const base = Date.parse('2025-03-04T22:00:00Z');
const dayKey = (time: string) => time.slice(0, 10);

/** A random item: one of three senders, message, attachment or event, within three days. */
const arbitraryItem = fc
  .record({
    sender: fc.constantFrom('me', 'agent-1', 'agent-2'),
    type: fc.constantFrom('message', 'message', 'attachment', 'event'),
    hours: fc.integer({ min: 0, max: 60 }),
    pending: fc.boolean(),
  })
  .map(({ sender, type, hours, pending }) =>
    makeChatItem({
      type: type as ChatItem['type'],
      participantId: sender,
      isOwn: sender === 'me',
      role: sender === 'me' ? 'CUSTOMER' : 'AGENT',
      time: new Date(base + hours * 3_600_000).toISOString(),
      ...(pending ? { localId: `local-${Math.random().toString(36).slice(2)}` } : {}),
    }),
  );

type Op =
  | { kind: 'append' | 'prepend'; items: ChatItem[] }
  | { kind: 'replace'; at: number; item: ChatItem; sameId: boolean }
  | { kind: 'remove'; at: number; count: number }
  | { kind: 'insert'; at: number; items: ChatItem[] }
  | { kind: 'older' };

const arbitraryOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    items: fc.array(arbitraryItem, { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('prepend' as const),
    items: fc.array(arbitraryItem, { maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    item: arbitraryItem,
    sameId: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    items: fc.array(arbitraryItem, { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('older' as const) }),
);

const apply = (items: readonly ChatItem[], op: Op): ChatItem[] => {
  const next = [...items];
  const at = (value: number) => (next.length === 0 ? 0 : value % (next.length + 1));
  switch (op.kind) {
    case 'append':
      return [...next, ...op.items];
    case 'prepend':
      return [...op.items, ...next];
    case 'replace': {
      if (next.length === 0) {
        return next;
      }
      const index = op.at % next.length;
      const old = next[index]!;
      // Same id (a receipt, a confirmed send) or a different one in its place.
      next[index] = op.sameId ? { ...op.item, id: old.id, localId: old.localId } : op.item;
      return next;
    }
    case 'remove':
      next.splice(at(op.at), op.count);
      return next;
    case 'insert':
      next.splice(at(op.at), 0, ...op.items);
      return next;
    case 'older':
      return next;
  }
};

describe('updateRows', () => {
  it('equals a full buildRows after any sequence of appends, prepends, replaces, inserts and removals', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryItem, { maxLength: 40 }),
        fc.boolean(),
        fc.array(arbitraryOp, { maxLength: 30 }),
        (initial, older, ops) => {
          let items: readonly ChatItem[] = initial;
          let hasOlder = older;
          let model: TranscriptRows = updateRows(undefined, items, { hasOlder, dayKey });
          expect(model.rows.toArray()).toEqual(buildRows(items, { hasOlder, dayKey }));
          for (const op of ops) {
            if (op.kind === 'older') {
              hasOlder = !hasOlder;
            }
            items = apply(items, op);
            const previous = model;
            model = updateRows(model, items, { hasOlder, dayKey });
            const full = buildRows(items, { hasOlder, dayKey });
            expect(model.rows.toArray()).toEqual(full);
            expect(model.keys.toArray()).toEqual(full.map((row) => row.key));
            // The previous version is left as it was.
            expect(previous.rows.toArray()).toEqual(
              buildRows(previous.items, { hasOlder: previous.hasOlder, dayKey }),
            );
          }
        },
      ),
      { seed: 1717, numRuns: 400 },
    );
  });

  it('keeps the row objects of unchanged items and formats only the changed days on append', () => {
    const items = Array.from({ length: 1_000 }, (_, index) =>
      makeChatItem({
        time: new Date(base + index * 600_000).toISOString(),
        participantId: index % 2 ? 'a' : 'b',
      }),
    );
    const formatted: string[] = [];
    const counting = (time: string) => {
      formatted.push(time);
      return dayKey(time);
    };
    const model = updateRows(undefined, items, { hasOlder: true, dayKey: counting });
    formatted.length = 0;
    const appended = [
      ...items,
      makeChatItem({ time: new Date(base + 1_000 * 600_000).toISOString() }),
    ];
    const next = updateRows(model, appended, { hasOlder: true, dayKey: counting });
    expect(next.rows.toArray()).toEqual(buildRows(appended, { hasOlder: true, dayKey }));
    // The new item and its neighbour: a handful of day keys, not one per item.
    expect(formatted.length).toBeLessThanOrEqual(3);
    const kept = next.rows.toArray().slice(0, -2);
    expect(kept.every((row, index) => row === model.rows.at(index))).toBe(true);
    // The key list records the change, so the windowing hook follows it without comparing keys.
    expect(next.keys.changeFrom(model.keys)).toEqual({
      start: model.keys.length,
      removed: 0,
      inserted: 1,
    });
    // Unchanged items give back the same model.
    expect(updateRows(next, appended, { hasOlder: true, dayKey: counting })).toBe(next);
  });
});

describe('dayKeys', () => {
  const zoned = (time: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(time));

  it('equals one dayKey per item, for items in time order and out of it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * 86_400 }), { maxLength: 200 }),
        fc.boolean(),
        (seconds, sort) => {
          const times = sort ? [...seconds].sort((a, b) => a - b) : seconds;
          const items = times.map((second) =>
            makeChatItem({ time: new Date(base + second * 1000).toISOString() }),
          );
          expect(dayKeys(items, zoned)).toEqual(items.map((item) => zoned(item.time)));
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('formats a few dates per day boundary, not one per item', () => {
    const items = Array.from({ length: 10_000 }, (_, index) =>
      makeChatItem({ time: new Date(base + index * 60_000).toISOString() }),
    );
    let calls = 0;
    const days = dayKeys(items, (time) => {
      calls += 1;
      return dayKey(time);
    });
    expect(days).toEqual(items.map((item) => dayKey(item.time)));
    // 10,000 minutes span 7 days: 8 boundaries, each costing about log2(10,000) calls.
    expect(calls).toBeLessThan(250);
  });
});
