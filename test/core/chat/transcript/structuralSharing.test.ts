import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import { createTranscript, selectItems } from '../../../../src/core/chat/transcript/transcript';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';
import { changedRange } from '../../../../src/core/chat/transcript/changedRange';

// Issue #17: the list builds rows from the changed items only, found by reference. That is exact
// only if the transcript keeps every unchanged item object across updates.
const at = (second: number): string => new Date(Date.UTC(2024, 6, 14, 22, 0, second)).toISOString();

const message = (id: string, second: number): Item => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: `text ${id}`,
  AbsoluteTime: at(second),
  ParticipantId: second % 2 === 0 ? 'p-agent' : 'p-me',
  DisplayName: 'Ana',
  ParticipantRole: second % 2 === 0 ? 'AGENT' : 'CUSTOMER',
  ContactId: 'c0',
  InitialContactId: 'c0',
});

const receipt = (messageId: string, read: number): Item => ({
  Id: `r-${messageId}-${read}`,
  Type: 'MESSAGEMETADATA',
  ContentType: 'application/vnd.amazonaws.connect.message.metadata',
  MessageMetadata: {
    MessageId: messageId,
    Receipts: [{ RecipientParticipantId: 'p-agent', ReadTimestamp: at(read + 10_000) }],
  },
});

describe('transcript snapshots share unchanged items', () => {
  it('keeps every item object that an update did not change, in any sequence of arrivals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('message' as const), second: fc.nat({ max: 5_000 }) }),
            fc.record({
              kind: fc.constant('receipt' as const),
              pick: fc.nat(),
              read: fc.nat({ max: 100 }),
            }),
          ),
          { maxLength: 60 },
        ),
        (steps) => {
          let transcript: Transcript = createTranscript({ ownParticipantId: 'p-me' });
          let counter = 0;
          for (const step of steps) {
            const before = selectItems(transcript);
            const incoming =
              step.kind === 'message'
                ? message(`m-${(counter += 1)}`, step.second)
                : before.length > 0
                  ? receipt(before[step.pick % before.length]!.id, step.read)
                  : message(`m-${(counter += 1)}`, step.pick % 5_000);
            transcript = applyServerItems(transcript, [incoming]).transcript;
            const after = selectItems(transcript);
            const { start, removed, inserted } = changedRange(before, after);
            // One arrival changes at most one row: a new message or the message a receipt is for.
            expect(removed).toBeLessThanOrEqual(1);
            expect(inserted).toBeLessThanOrEqual(1);
            // Every item outside the window is the same object as before.
            const kept = new Set(before);
            for (let index = 0; index < after.length; index += 1) {
              if (index < start || index >= start + inserted) {
                expect(kept.has(after[index]!)).toBe(true);
              }
            }
          }
        },
      ),
      { seed: 1707, numRuns: 200 },
    );
  });
});
