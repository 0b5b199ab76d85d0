import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import { createTranscript } from '../../../../src/core/chat/transcript/transcript';
import { parseServerFrame } from '../../../../src/core/chat/connection/socketFrames';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';
import { arbitraryFrame, arbitraryWireItem } from '../../../fakes/arbitraryWire';

function expectSound(transcript: Transcript): void {
  const ids = new Set<string>();
  let previous: { time: number; id: string } | undefined;
  for (const item of transcript.items) {
    expect(typeof item.id).toBe('string');
    expect(ids.has(item.id)).toBe(false);
    ids.add(item.id);
    expect(item.content === undefined || typeof item.content === 'string').toBe(true);
    expect(item.displayName === undefined || typeof item.displayName === 'string').toBe(true);
    expect(Array.isArray(item.receipts)).toBe(true);
    expect(item.attachments === undefined || Array.isArray(item.attachments)).toBe(true);
    const time = Date.parse(item.time);
    expect(Number.isNaN(time)).toBe(false);
    if (previous) {
      expect(time > previous.time || (time === previous.time && item.id > previous.id)).toBe(true);
    }
    previous = { time, id: item.id };
  }
}

// Fixed seed and run counts: the same 10,000 frames every time.
describe('fuzz: random frames and items never stop the transcript', () => {
  it('10,000 random websocket frames through the frame parser and applyServerItems', () => {
    let frames = 0;
    fc.assert(
      fc.property(fc.array(arbitraryFrame, { minLength: 100, maxLength: 100 }), (batch) => {
        let transcript = createTranscript({ ownParticipantId: 'p-me' });
        for (const data of batch) {
          frames += 1;
          const frame = parseServerFrame(data);
          if (frame.kind === 'chat') {
            transcript = applyServerItems(transcript, [frame.item]).transcript;
          }
        }
        expectSound(transcript);
      }),
      { seed: 20251205, numRuns: 100 },
    );
    expect(frames).toBe(10_000);
  });

  it('10,000 random items as GetTranscript pages, each applying whatever is sound in it', () => {
    let items = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(arbitraryWireItem, { minLength: 25, maxLength: 25 }), {
          minLength: 4,
          maxLength: 4,
        }),
        (pages) => {
          let transcript = createTranscript({ ownParticipantId: 'p-me' });
          for (const page of pages) {
            items += page.length;
            const result = applyServerItems(transcript, page as Item[], { source: 'history' });
            // Every item is either accepted or skipped for its shape, none lost silently.
            const shapeSkipped = result.skipped.filter(
              (skipped) => !result.accepted.includes(skipped.item as Item),
            );
            expect(result.accepted.length + shapeSkipped.length).toBe(page.length);
            transcript = result.transcript;
          }
          expectSound(transcript);
        },
      ),
      { seed: 20251206, numRuns: 100 },
    );
    expect(items).toBe(10_000);
  });
});
