import { describe, expect, it } from 'vitest';
import { ContentType, isNotDelivered } from 'contact-kit/core';
import {
  addPendingMessage,
  confirmPending,
} from '../../../../src/core/chat/transcript/pendingItems';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import { createTranscript } from '../../../../src/core/chat/transcript/transcript';
import { toProcessingStatus } from '../../../../src/core/chat/transcript/chatItem';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';

const at = (second: number): string => new Date(Date.UTC(2025, 2, 1, 9, 0, second)).toISOString();

function sent(content = 'my card is 4111'): Transcript {
  let t = createTranscript({ ownParticipantId: 'p-me' });
  t = addPendingMessage(t, { localId: 'L1', contentType: 'text/plain', content, time: at(1) });
  return t;
}

function metadata(messageId: string, status: string): Item {
  return {
    Id: `meta-${messageId}-${status}`,
    Type: 'MESSAGEMETADATA',
    ContentType: ContentType.messageMetadata,
    AbsoluteTime: at(5),
    MessageMetadata: { MessageId: messageId, MessageProcessingStatus: status as 'REJECTED' },
  };
}

function echo(content: string, extra: Partial<Item> = {}): Item {
  return {
    Id: 'S1',
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: content,
    AbsoluteTime: at(2),
    ParticipantId: 'p-me',
    ...extra,
  };
}

describe('message processing status', () => {
  it('maps the three wire values and nothing else', () => {
    expect(toProcessingStatus('PROCESSING')).toBe('processing');
    expect(toProcessingStatus('REJECTED')).toBe('rejected');
    expect(toProcessingStatus('FAILED')).toBe('failed');
    expect(toProcessingStatus('rejected')).toBeUndefined();
    expect(toProcessingStatus(undefined)).toBeUndefined();
  });

  it('a PROCESSING SendMessage answer, then a REJECTED metadata item: not delivered', () => {
    let t = confirmPending(sent(), 'L1', {
      Id: 'S1',
      AbsoluteTime: at(2),
      MessageMetadata: { MessageProcessingStatus: 'PROCESSING' },
    });
    expect(t.byId.get('S1')).toMatchObject({ status: 'sent', processing: 'processing' });
    t = applyServerItems(t, [metadata('S1', 'REJECTED')]).transcript;
    const item = t.byId.get('S1')!;
    expect(item.processing).toBe('rejected');
    expect(isNotDelivered(item)).toBe(true);
    // A late PROCESSING never undoes the verdict; the metadata item is not a row of its own.
    t = applyServerItems(t, [metadata('S1', 'PROCESSING')]).transcript;
    expect(t.byId.get('S1')?.processing).toBe('rejected');
    expect(t.items).toHaveLength(1);
  });

  it('a verdict that beats the SendMessage answer waits for the Id and wins over PROCESSING', () => {
    let t = applyServerItems(sent(), [metadata('S1', 'REJECTED')]).transcript;
    expect(t.items[0]?.processing).toBeUndefined();
    expect(t.orphanProcessing.get('S1')).toBe('rejected');
    t = confirmPending(t, 'L1', {
      Id: 'S1',
      AbsoluteTime: at(2),
      MessageMetadata: { MessageProcessingStatus: 'PROCESSING' },
    });
    expect(t.byId.get('S1')?.processing).toBe('rejected');
    expect(t.orphanProcessing.size).toBe(0);
  });

  it('FAILED in the SendMessage answer itself', () => {
    const t = confirmPending(sent(), 'L1', {
      Id: 'S1',
      MessageMetadata: { MessageProcessingStatus: 'FAILED' },
    });
    expect(t.byId.get('S1')?.processing).toBe('failed');
  });

  it('a processed message delivered later takes the canonical (redacted) content', () => {
    let t = confirmPending(sent(), 'L1', {
      Id: 'S1',
      AbsoluteTime: at(2),
      MessageMetadata: { MessageProcessingStatus: 'PROCESSING' },
    });
    t = applyServerItems(t, [echo('my card is [PII]')]).transcript;
    const item = t.byId.get('S1')!;
    expect(item.processing).toBeUndefined();
    expect(item.content).toBe('my card is [PII]');
    expect(isNotDelivered(item)).toBe(false);
  });

  it('an echo that arrived before the answer means PROCESSING is already over', () => {
    let t = applyServerItems(sent('hello'), [echo('hello')]).transcript;
    t = confirmPending(t, 'L1', {
      Id: 'S1',
      AbsoluteTime: at(2),
      MessageMetadata: { MessageProcessingStatus: 'PROCESSING' },
    });
    expect(t.byId.get('S1')?.processing).toBeUndefined();
    expect(t.items).toHaveLength(1);
  });

  it('a transcript copy carrying the status marks the message (after a reload)', () => {
    const t = applyServerItems(
      createTranscript({ ownParticipantId: 'p-me' }),
      [echo('hi', { MessageMetadata: { MessageProcessingStatus: 'REJECTED' } })],
      { source: 'history' },
    ).transcript;
    expect(t.byId.get('S1')).toMatchObject({ isOwn: true, processing: 'rejected' });
  });

  it("ignores a status for someone else's message and for unknown ids", () => {
    let t = applyServerItems(createTranscript({ ownParticipantId: 'p-me' }), [
      echo('agent says', { ParticipantId: 'p-agent' }),
    ]).transcript;
    const before = t;
    t = applyServerItems(t, [metadata('S1', 'REJECTED'), metadata('nope', 'REJECTED')]).transcript;
    expect(t.byId.get('S1')?.processing).toBeUndefined();
    expect(t.items).toBe(before.items);
  });
});
