import { describe, expect, it } from 'vitest';
import { ContentType } from 'contact-kit/core';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import { createTranscript } from '../../../../src/core/chat/transcript/transcript';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';
import { MAX_ORPHAN_RECEIPTS } from '../../../../src/core/chat/transcript/draft';

const at = (second: number): string => new Date(Date.UTC(2024, 6, 14, 22, 0, second)).toISOString();

function readReceipt(messageId: string): Item {
  return {
    Id: `r-${messageId}`,
    Type: 'MESSAGEMETADATA',
    ContentType: ContentType.messageMetadata,
    MessageMetadata: {
      MessageId: messageId,
      Receipts: [{ RecipientParticipantId: 'p-agent', ReadTimestamp: at(59) }],
    },
  };
}

function message(id: string): Item {
  return {
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: id,
    AbsoluteTime: at(1),
    ParticipantId: 'p-me',
  };
}

describe('orphaned receipts (receipts for messages not loaded yet)', () => {
  it('stay bounded however many arrive, one delivery or one page at a time', () => {
    let transcript: Transcript = createTranscript({ ownParticipantId: 'p-me' });
    for (let i = 0; i < 5_000; i += 1) {
      transcript = applyServerItems(transcript, [readReceipt(`never-${i}`)]).transcript;
    }
    expect(transcript.orphanReceipts.size).toBe(MAX_ORPHAN_RECEIPTS);
    const page = Array.from({ length: 5_000 }, (_, i) => readReceipt(`page-${i}`));
    transcript = applyServerItems(transcript, page, { source: 'history' }).transcript;
    expect(transcript.orphanReceipts.size).toBe(MAX_ORPHAN_RECEIPTS);
  });

  it('keep the newest ones: a message arriving after its receipts still shows them', () => {
    let transcript: Transcript = createTranscript({ ownParticipantId: 'p-me' });
    for (let i = 0; i < 2_000; i += 1) {
      transcript = applyServerItems(transcript, [readReceipt(`m-${i}`)]).transcript;
    }
    transcript = applyServerItems(transcript, [message('m-1999'), message('m-0')], {
      source: 'history',
    }).transcript;
    const readAt = (id: string) => transcript.byId.get(id)?.receipts[0]?.readAt;
    expect(readAt('m-1999')).toBe(at(59));
    expect(readAt('m-0')).toBeUndefined();
    expect(transcript.orphanReceipts.has('m-1999')).toBe(false);
  });
});
