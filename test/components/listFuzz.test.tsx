import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InteractiveMessage, MessageList } from 'contact-kit';
import { applyServerItems } from '../../src/core/chat/transcript/applyServerItems';
import { createTranscript } from '../../src/core/chat/transcript/transcript';
import type { ChatItem, Item } from 'contact-kit/core';
import { arbitraryWireItem } from '../fakes/arbitraryWire';
import { FakeChatSession } from 'contact-kit/testing';
import { renderChat } from './support';

/** Random wire items, most of them rows: a displayable Type and a valid time, odd values elsewhere. */
const rowLike = fc
  .tuple(
    arbitraryWireItem,
    fc.constantFrom('MESSAGE', 'MESSAGE', 'ATTACHMENT', 'EVENT', undefined),
    fc.integer({ min: 0, max: 86_400 * 3 }),
  )
  .map(([value, type, seconds]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && type
      ? {
          ...value,
          Type: type,
          AbsoluteTime: new Date(Date.UTC(2025, 2, 4) + seconds * 1000).toISOString(),
        }
      : value,
  );

describe('fuzz: random items into the list', () => {
  it('10,000 random items into the list: every accepted one renders, no throw, no failed row', () => {
    let fed = 0;
    let rendered = 0;
    const errors = vi.spyOn(console, 'error');
    try {
      fc.assert(
        fc.property(fc.array(rowLike, { minLength: 60, maxLength: 60 }), (wire) => {
          fed += wire.length;
          const { transcript } = applyServerItems(
            createTranscript({ ownParticipantId: 'p-me' }),
            wire.map((value, index) =>
              typeof value === 'object' && value !== null && !Array.isArray(value)
                ? { ...value, Id: `u-${index}` }
                : value,
            ) as Item[],
          );
          const items: readonly ChatItem[] = transcript.items;
          const session = new FakeChatSession();
          session.update({ items, connection: { status: 'open', attempt: 0, error: undefined } });
          const { container } = renderChat(
            // Overscan past the batch: every row is in the DOM, not just the visible ones.
            <MessageList
              overscan={100}
              renderInteractive={(item) => <InteractiveMessage item={item} />}
            />,
            { session, theme: { timeZone: 'UTC' } },
          );
          for (const item of items) {
            expect(
              container.querySelector(`[data-message-id="${CSS.escape(item.id)}"]`),
            ).not.toBeNull();
          }
          rendered += items.length;
          // Accepted values must render: the row boundary is a last resort, not a crutch.
          expect(container.querySelector('[data-row-error]')).toBeNull();
          cleanup();
        }),
        { seed: 20251207, numRuns: 167 },
      );
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(fed).toBeGreaterThanOrEqual(10_000);
    // Malformed items, typing, receipts and hidden events are not rows: about one in eight is.
    expect(rendered).toBeGreaterThan(1_000);
  }, 60_000);
});
