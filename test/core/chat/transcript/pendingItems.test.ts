import { describe, expect, it } from 'vitest';
import { ChatError, ContentType } from 'contact-kit/core';
import {
  addPendingAttachment,
  addPendingMessage,
  confirmPending,
  failPending,
  retryPending,
  setAttachmentProgress,
  setPendingAttachmentId,
} from '../../../../src/core/chat/transcript/pendingItems';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import {
  createTranscript,
  findItem,
  newestServerItem,
  pendingLocalIds,
  selectItems,
} from '../../../../src/core/chat/transcript/transcript';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';

const ME = 'p-me';
const at = (second: number): string => new Date(Date.UTC(2024, 6, 14, 22, 0, second)).toISOString();

function echo(id: string, second: number, content: string, overrides: Partial<Item> = {}): Item {
  return {
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: content,
    AbsoluteTime: at(second),
    ParticipantId: ME,
    DisplayName: 'Me',
    ParticipantRole: 'CUSTOMER',
    ContactId: 'c0',
    ...overrides,
  };
}

function attachmentEcho(id: string, second: number, attachmentId: string): Item {
  return {
    Id: id,
    Type: 'ATTACHMENT',
    AbsoluteTime: at(second),
    ParticipantId: ME,
    DisplayName: 'Me',
    ParticipantRole: 'CUSTOMER',
    Attachments: [
      {
        AttachmentId: attachmentId,
        AttachmentName: 'a.pdf',
        ContentType: 'application/pdf',
        Status: 'APPROVED',
      },
    ],
  };
}

const apply = (t: Transcript, ...items: Item[]): Transcript =>
  applyServerItems(t, items).transcript;
const rows = (t: Transcript) => selectItems(t).map((item) => [item.id, item.status, item.content]);
const send = (t: Transcript, localId: string, content: string, second: number): Transcript =>
  addPendingMessage(t, { localId, contentType: 'text/plain', content, time: at(second) });
const failure = new ChatError('SEND_FAILED', 'not sent', { retryable: true });

describe('own sends', () => {
  it('shows a pending message as sending under its localId', () => {
    const t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    expect(findItem(t, 'L1')).toEqual({
      id: 'L1',
      localId: 'L1',
      type: 'message',
      contentType: 'text/plain',
      content: 'hi',
      time: at(1),
      isOwn: true,
      status: 'sending',
      receipts: [],
      participantId: ME,
    });
    expect(pendingLocalIds(t)).toEqual(['L1']);
  });

  it('confirms with the server Id and time, then merges the echo', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(findItem(t, 'L1')!.id).toBe('S1');
    expect(newestServerItem(t)).toBeUndefined();
    t = apply(t, echo('S1', 2, 'hi'));
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(findItem(t, 'S1')).toMatchObject({ localId: 'L1', displayName: 'Me', contactId: 'c0' });
    expect(newestServerItem(t)?.id).toBe('S1');
    expect(pendingLocalIds(t)).toEqual([]);
  });

  it('holds an echo that arrives before the response, then merges it', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = apply(t, echo('S1', 2, 'hi'));
    expect(rows(t)).toEqual([['L1', 'sending', 'hi']]);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(newestServerItem(t)?.id).toBe('S1');
  });

  it('applies receipts that arrived for a held echo', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = apply(t, echo('S1', 2, 'hi'), {
      Type: 'MESSAGEMETADATA',
      MessageMetadata: {
        MessageId: 'S1',
        Receipts: [{ RecipientParticipantId: 'agent', ReadTimestamp: at(3) }],
      },
    });
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(findItem(t, 'S1')!.receipts).toEqual([{ participantId: 'agent', readAt: at(3) }]);
  });

  it('shows an own echo from another tab once no send is in flight', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = apply(t, echo('OTHER', 2, 'from the other tab'));
    expect(rows(t)).toEqual([['L1', 'sending', 'hi']]);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(3) });
    expect(rows(t)).toEqual([
      ['OTHER', 'sent', 'from the other tab'],
      ['S1', 'sent', 'hi'],
    ]);
  });

  it('merges the echo of a send whose response was lost into the failed item', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = failPending(t, 'L1', failure);
    expect(findItem(t, 'L1')).toMatchObject({ status: 'failed', error: failure });
    expect(pendingLocalIds(t)).toEqual(['L1']);
    t = apply(t, echo('S1', 2, 'hi'));
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(findItem(t, 'L1')!.error).toBeUndefined();
    expect(retryPending(t, 'L1')).toBe(t);
    expect(confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) })).toBe(t);
  });

  it('releases held echoes when the send in flight fails', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = apply(t, echo('S1', 2, 'hi'));
    t = failPending(t, 'L1', failure);
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
  });

  it('retries a failed send: back to sending, then confirmed', () => {
    let t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    t = failPending(t, 'L1', failure);
    t = retryPending(t, 'L1');
    expect(findItem(t, 'L1')).toMatchObject({ status: 'sending' });
    expect(findItem(t, 'L1')!.error).toBeUndefined();
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(failPending(t, 'L1', failure)).toBe(t);
  });

  it('merges an echo that was shown before the own participant id was known', () => {
    let t = send(createTranscript(), 'L1', 'hi', 1);
    t = apply(t, echo('S1', 2, 'hi'));
    expect(selectItems(t)).toHaveLength(2);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(rows(t)).toEqual([['S1', 'sent', 'hi']]);
    expect(t.ownParticipantId).toBe(ME);
    expect(findItem(t, 'S1')).toMatchObject({ isOwn: true, localId: 'L1' });
  });

  it('learns the own participant id from the echo of a confirmed send', () => {
    let t = send(createTranscript(), 'L1', 'hi', 1);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    t = apply(t, echo('S1', 2, 'hi'), echo('S0', 0, 'earlier, from before a reload'));
    expect(t.ownParticipantId).toBe(ME);
    expect(findItem(t, 'S0')).toMatchObject({ isOwn: true, status: 'sent' });
  });

  it('throws on misuse', () => {
    const t = send(createTranscript({ ownParticipantId: ME }), 'L1', 'hi', 1);
    expect(() => send(t, 'L1', 'again', 2)).toThrow(TypeError);
    expect(() => send(t, '', 'x', 2)).toThrow(TypeError);
    expect(() =>
      addPendingMessage(t, { localId: 'L2', contentType: 'text/plain', content: 'x', time: 'now' }),
    ).toThrow(TypeError);
    expect(() =>
      addPendingMessage(t, {
        localId: 'L3',
        contentType: ContentType.interactiveResponse,
        content: '{}',
        time: at(1),
      }),
    ).toThrow(TypeError);
    expect(() => confirmPending(t, 'nope', { Id: 'S1' })).toThrow(TypeError);
    expect(() => confirmPending(t, 'L1', {})).toThrow(TypeError);
    expect(() => failPending(t, 'nope', failure)).toThrow(TypeError);
    expect(() => setAttachmentProgress(t, 'L1', 0.5)).toThrow(TypeError);
  });

  it('keeps other rows identical when a send is confirmed', () => {
    let t = apply(
      createTranscript({ ownParticipantId: ME }),
      echo('A', 0, 'agent', { ParticipantId: 'agent' }),
    );
    const agentRow = selectItems(t)[0];
    t = send(t, 'L1', 'hi', 1);
    t = confirmPending(t, 'L1', { Id: 'S1', AbsoluteTime: at(2) });
    expect(selectItems(t)[0]).toBe(agentRow);
  });
});

describe('own attachments', () => {
  const upload = (t: Transcript): Transcript =>
    addPendingAttachment(t, {
      localId: 'U1',
      name: 'a.pdf',
      size: 1234,
      contentType: 'application/pdf',
      time: at(1),
    });

  it('shows an uploading attachment with its progress', () => {
    let t = upload(createTranscript({ ownParticipantId: ME }));
    expect(findItem(t, 'U1')).toMatchObject({
      type: 'attachment',
      status: 'sending',
      attachments: [
        {
          name: 'a.pdf',
          size: 1234,
          contentType: 'application/pdf',
          status: 'uploading',
          progress: 0,
        },
      ],
    });
    t = setAttachmentProgress(t, 'U1', 0.5);
    expect(findItem(t, 'U1')!.attachments![0]!.progress).toBe(0.5);
    expect(setAttachmentProgress(t, 'U1', 0.5)).toBe(t);
    expect(findItem(setAttachmentProgress(t, 'U1', 7), 'U1')!.attachments![0]!.progress).toBe(1);
  });

  it('is confirmed by the ATTACHMENT item with its AttachmentId', () => {
    let t = upload(createTranscript({ ownParticipantId: ME }));
    t = setPendingAttachmentId(t, 'U1', 'att-1');
    t = apply(t, attachmentEcho('S1', 2, 'att-1'));
    expect(rows(t)).toEqual([['S1', 'sent', undefined]]);
    expect(findItem(t, 'U1')).toMatchObject({
      localId: 'U1',
      attachments: [{ id: 'att-1', name: 'a.pdf', size: 1234, status: 'approved' }],
    });
  });

  it('matches an echo that arrived before the AttachmentId was recorded', () => {
    let t = upload(createTranscript({ ownParticipantId: ME }));
    t = apply(t, attachmentEcho('S1', 2, 'att-1'));
    expect(rows(t)).toEqual([['U1', 'sending', undefined]]);
    t = setPendingAttachmentId(t, 'U1', 'att-1');
    expect(rows(t)).toEqual([['S1', 'sent', undefined]]);
  });

  it('fails with a typed error and retries', () => {
    let t = upload(createTranscript({ ownParticipantId: ME }));
    const quota = new ChatError('ATTACHMENT_QUOTA_EXCEEDED', 'too many attachments');
    t = failPending(t, 'U1', quota);
    expect(findItem(t, 'U1')).toMatchObject({
      status: 'failed',
      error: quota,
      attachments: [{ status: 'failed', error: quota }],
    });
    t = retryPending(t, 'U1');
    expect(findItem(t, 'U1')).toMatchObject({
      status: 'sending',
      attachments: [{ status: 'uploading', progress: 0 }],
    });
    expect(findItem(t, 'U1')!.attachments![0]!.error).toBeUndefined();
  });
});
