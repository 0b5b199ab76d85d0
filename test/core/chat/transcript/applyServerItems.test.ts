import { describe, expect, it } from 'vitest';
import { ContentType, receiptState, interactiveOf, readInteractive } from 'contact-kit/core';
import {
  applyServerItems,
  setOwnParticipantId,
} from '../../../../src/core/chat/transcript/applyServerItems';
import {
  createTranscript,
  findItem,
  newestServerItem,
  oldestServerItem,
  selectItems,
  selectParticipants,
} from '../../../../src/core/chat/transcript/transcript';
import type { Item } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';

const AGENT = 'p-agent';
const ME = 'p-me';
const BOT = 'p-bot';

const at = (second: number): string => new Date(Date.UTC(2024, 6, 14, 22, 0, second)).toISOString();

function message(id: string, second: number, overrides: Partial<Item> = {}): Item {
  return {
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: `text ${id}`,
    AbsoluteTime: at(second),
    ParticipantId: AGENT,
    DisplayName: 'Ana',
    ParticipantRole: 'AGENT',
    ContactId: 'c0',
    InitialContactId: 'c0',
    ...overrides,
  };
}

function event(id: string, second: number, suffix: string, overrides: Partial<Item> = {}): Item {
  return {
    Id: id,
    Type: 'EVENT',
    ContentType: `application/vnd.amazonaws.connect.event.${suffix}`,
    AbsoluteTime: at(second),
    ParticipantId: AGENT,
    DisplayName: 'Ana',
    ParticipantRole: 'AGENT',
    ...overrides,
  };
}

function receipt(messageId: string, reader: string, delivered?: number, read?: number): Item {
  return {
    Id: `r-${messageId}-${reader}-${delivered}-${read}`,
    Type: 'MESSAGEMETADATA',
    ContentType: ContentType.messageMetadata,
    MessageMetadata: {
      MessageId: messageId,
      Receipts: [
        {
          RecipientParticipantId: reader,
          ...(delivered !== undefined ? { DeliveredTimestamp: at(delivered) } : {}),
          ...(read !== undefined ? { ReadTimestamp: at(read) } : {}),
        },
      ],
    },
  };
}

function apply(transcript: Transcript, ...items: Item[]): Transcript {
  return applyServerItems(transcript, items).transcript;
}

const ids = (transcript: Transcript): string[] => selectItems(transcript).map((item) => item.id);

describe('applyServerItems', () => {
  it('orders by AbsoluteTime then Id whatever the arrival order, once per Id', () => {
    const items = [message('b', 2), message('a', 2), message('c', 1), message('d', 3)];
    const forward = apply(createTranscript(), ...items);
    const backward = apply(createTranscript(), ...[...items].reverse(), ...items);
    expect(ids(forward)).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(backward)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('orders times that are not in the canonical form by the instant they name', () => {
    const t = apply(
      createTranscript(),
      message('late', 0, { AbsoluteTime: '2024-07-14T22:00:05Z' }),
      message('early', 0, { AbsoluteTime: '2024-07-14T23:00:01.000+02:00' }),
    );
    expect(ids(t)).toEqual(['early', 'late']);
  });

  it('maps a message to a chat item with its sender and contact', () => {
    const t = apply(createTranscript({ ownParticipantId: ME }), message('m1', 1));
    expect(findItem(t, 'm1')).toEqual({
      id: 'm1',
      type: 'message',
      contentType: 'text/plain',
      content: 'text m1',
      participantId: AGENT,
      displayName: 'Ana',
      role: 'AGENT',
      time: at(1),
      isOwn: false,
      receipts: [],
      contactId: 'c0',
    });
  });

  it('returns the same transcript for a repeated delivery and for non-items', () => {
    const t = apply(createTranscript(), message('m1', 1), message('m2', 2));
    expect(apply(t, message('m1', 1))).toBe(t);
    expect(apply(t, message('m2', 2), message('m1', 1))).toBe(t);
    expect(apply(t, event('e-typing', 3, 'typing'))).toBe(t);
    expect(apply(t)).toBe(t);
  });

  it('keeps the identity of unchanged items and of the array when nothing changed', () => {
    const t1 = apply(createTranscript(), message('m1', 1), message('m2', 2));
    const [first, second] = selectItems(t1);
    const t2 = apply(t1, message('m3', 3));
    expect(selectItems(t2)[0]).toBe(first);
    expect(selectItems(t2)[1]).toBe(second);
    const t3 = apply(t2, receipt('m2', ME, 4));
    expect(selectItems(t3)[0]).toBe(first);
    expect(selectItems(t3)[1]).not.toBe(second);
    expect(selectItems(t3)[2]).toBe(selectItems(t2)[2]);
    expect(selectParticipants(t3)).toBe(selectParticipants(t2));
  });

  it('inserts into a large transcript at the right place and keeps the other rows', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      message(`m${String(i).padStart(5, '0')}`, 0, {
        AbsoluteTime: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i * 2)).toISOString(),
      }),
    );
    const t1 = applyServerItems(createTranscript(), many).transcript;
    const middle = message('between', 0, {
      AbsoluteTime: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 1001)).toISOString(),
    });
    const t2 = apply(t1, middle);
    expect(selectItems(t2)).toHaveLength(2001);
    expect(selectItems(t2)[501]!.id).toBe('between');
    expect(selectItems(t2)[500]).toBe(selectItems(t1)[500]);
    expect(selectItems(t2)[502]).toBe(selectItems(t1)[501]);
  });

  describe('receipts', () => {
    it('puts MESSAGEMETADATA onto the target message, never as an item', () => {
      const t = apply(
        createTranscript(),
        message('m1', 1),
        receipt('m1', ME, 2),
        receipt('m1', ME, undefined, 3),
      );
      expect(ids(t)).toEqual(['m1']);
      expect(findItem(t, 'm1')!.receipts).toEqual([
        { participantId: ME, deliveredAt: at(2), readAt: at(3) },
      ]);
    });

    it('reads the receipt state: a read implies delivery', () => {
      const t = apply(
        createTranscript(),
        message('m1', 1),
        receipt('m1', 'x', 2),
        receipt('m1', 'y', undefined, 3),
      );
      const item = findItem(t, 'm1')!;
      expect(receiptState(item)).toBe('read');
      expect(receiptState(item, 'x')).toBe('delivered');
      expect(receiptState(item, 'y')).toBe('read');
      expect(receiptState(item, 'z')).toBe('none');
      expect(receiptState(findItem(apply(t, message('m2', 2)), 'm2')!)).toBe('none');
    });

    it('keeps receipts that arrive before their message', () => {
      const t = apply(createTranscript(), receipt('m1', ME, 2, 3), message('m1', 1));
      expect(findItem(t, 'm1')!.receipts).toEqual([
        { participantId: ME, deliveredAt: at(2), readAt: at(3) },
      ]);
    });

    it('keeps the latest timestamps, per recipient, sorted by recipient', () => {
      const t = apply(
        createTranscript(),
        message('m1', 1),
        receipt('m1', 'z-reader', 5),
        receipt('m1', 'a-reader', 4, 6),
        receipt('m1', 'z-reader', 2),
        receipt('m1', 'a-reader', undefined, 5),
      );
      expect(findItem(t, 'm1')!.receipts).toEqual([
        { participantId: 'a-reader', deliveredAt: at(4), readAt: at(6) },
        { participantId: 'z-reader', deliveredAt: at(5) },
      ]);
    });

    it('reads the receipts GetTranscript aggregates on a message', () => {
      const withReceipts = message('m1', 1, {
        MessageMetadata: {
          MessageId: 'm1',
          Receipts: [{ RecipientParticipantId: ME, ReadTimestamp: at(3) }],
        },
      });
      const t = applyServerItems(apply(createTranscript(), message('m1', 1)), [withReceipts], {
        source: 'history',
      }).transcript;
      expect(findItem(t, 'm1')!.receipts).toEqual([{ participantId: ME, readAt: at(3) }]);
    });

    it('reports a receipt without its message id as skipped', () => {
      const result = applyServerItems(createTranscript(), [
        { Type: 'MESSAGEMETADATA', MessageMetadata: {} },
      ]);
      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0]!.reason).toMatch(/MessageId/);
    });
  });

  describe('Lex streaming', () => {
    const chunk = (n: number, text: string, second = 1, completed = false): Item =>
      message('lex', second, {
        ParticipantId: BOT,
        DisplayName: 'BOT',
        ParticipantRole: 'SYSTEM',
        Content: text,
        MessageMetadata: { MessageId: 'lex', MessageCompleted: completed, ChunkNumber: n },
      });

    it('stitches chunks in order and marks the item streaming', () => {
      const t = apply(
        createTranscript(),
        chunk(1, 'Hel'),
        chunk(2, 'lo '),
        chunk(2, 'lo '),
        chunk(4, '!'),
        chunk(3, 'you'),
      );
      expect(findItem(t, 'lex')).toMatchObject({ content: 'Hello you', streaming: true });
    });

    it('ignores chunks of a stream whose first chunk was not seen', () => {
      const t = apply(createTranscript(), chunk(2, 'lo'));
      expect(ids(t)).toEqual([]);
    });

    it('replaces the partials with the completed message at the first chunk time', () => {
      const t = apply(
        createTranscript(),
        chunk(1, 'Hel', 1),
        chunk(2, 'lo', 2),
        chunk(3, 'Hello there', 3, true),
      );
      const item = findItem(t, 'lex')!;
      expect(item.content).toBe('Hello there');
      expect(item.time).toBe(at(1));
      expect(item.streaming).toBeUndefined();
      expect(apply(t, chunk(4, ' late', 4))).toBe(t);
    });

    it('completes a stream with a transcript copy that carries no streaming metadata', () => {
      const t = apply(createTranscript(), chunk(1, 'Hel', 1));
      const final = message('lex', 1, { ParticipantId: BOT, Content: 'Hello' });
      const done = applyServerItems(t, [final], { source: 'history' }).transcript;
      expect(findItem(done, 'lex')).toMatchObject({ content: 'Hello' });
      expect(findItem(done, 'lex')!.streaming).toBeUndefined();
    });
  });

  describe('content types', () => {
    it('keeps unknown message content types as unsupported rows', () => {
      const t = apply(
        createTranscript(),
        message('m1', 1, { ContentType: 'application/x-future' }),
      );
      expect(findItem(t, 'm1')).toMatchObject({
        type: 'unsupported',
        contentType: 'application/x-future',
      });
    });

    it('keeps interactive content raw; interactiveOf parses it and names what a malformed one lacks', () => {
      const good = JSON.stringify({
        templateType: 'QuickReply',
        version: '1.0',
        data: { content: { title: 'OK?', elements: [{ title: 'Yes' }] } },
      });
      const bad = JSON.stringify({
        templateType: 'QuickReply',
        data: { content: { title: 'OK?' } },
      });
      const t = apply(
        createTranscript(),
        message('good', 1, { ContentType: ContentType.interactive, Content: good }),
        message('bad', 2, { ContentType: ContentType.interactive, Content: bad }),
      );
      const parsed = findItem(t, 'good')!;
      expect(parsed).toMatchObject({ type: 'message', content: good });
      expect(parsed.interactive).toBeUndefined();
      expect(interactiveOf(parsed)).toMatchObject({ templateType: 'QuickReply' });
      expect(interactiveOf(parsed)).toBe(interactiveOf(parsed));
      const malformed = findItem(t, 'bad')!;
      expect(malformed.type).toBe('message');
      expect(interactiveOf(malformed)).toBeUndefined();
      const read = readInteractive(malformed);
      expect(read?.ok).toBe(false);
      expect(read?.ok === false && read.error.code).toBe('INTERACTIVE_INVALID');
      expect(read?.ok === false && read.error.message).toMatch(/elements/);
      expect(readInteractive(findItem(t, 'good')!)?.ok).toBe(true);
    });

    it('does not show interactive responses', () => {
      const t = apply(
        createTranscript(),
        message('r', 1, { ContentType: ContentType.interactiveResponse, Content: '{}' }),
      );
      expect(ids(t)).toEqual([]);
    });

    it('maps attachments with their scan status, and lets a verdict upgrade an interim status', () => {
      const attachment = (status: 'IN_PROGRESS' | 'APPROVED' | undefined): Item => ({
        Id: 'a1',
        Type: 'ATTACHMENT',
        AbsoluteTime: at(1),
        ParticipantId: AGENT,
        Attachments: [
          {
            AttachmentId: 'att-1',
            AttachmentName: 'a.pdf',
            ContentType: 'application/pdf',
            ...(status ? { Status: status } : {}),
          },
        ],
      });
      const t1 = apply(createTranscript(), attachment('IN_PROGRESS'));
      expect(findItem(t1, 'a1')).toMatchObject({
        type: 'attachment',
        contentType: 'application/pdf',
        attachments: [
          { id: 'att-1', name: 'a.pdf', contentType: 'application/pdf', status: 'in_progress' },
        ],
      });
      const t2 = apply(t1, attachment('APPROVED'));
      expect(findItem(t2, 'a1')!.attachments![0]!.status).toBe('approved');
      expect(apply(t2, attachment('IN_PROGRESS'))).toBe(t2);
      expect(
        findItem(apply(createTranscript(), attachment(undefined)), 'a1')!.attachments![0]!.status,
      ).toBe('approved');
    });
  });

  describe('events', () => {
    it.each([
      ['participant.joined', true],
      ['participant.left', true],
      ['participant.invited', true],
      ['participant.idle', true],
      ['participant.returned', true],
      ['participant.autodisconnection', true],
      ['participant.displayname.updated', true],
      ['chat.ended', true],
      ['chat.rehydrated', true],
      ['transfer.succeeded', true],
      ['transfer.failed', true],
      ['authentication.initiated', true],
      ['authentication.cancelled', true],
      ['typing', false],
      ['connection.acknowledged', false],
      ['message.delivered', false],
      ['message.read', false],
      ['participant.active', false],
      ['workflow.cancelled', false],
      ['something.new', false],
    ])('%s is displayable: %s', (suffix, displayable) => {
      const t = apply(createTranscript(), event('e1', 1, suffix));
      expect(ids(t)).toEqual(displayable ? ['e1'] : []);
      if (displayable) {
        expect(findItem(t, 'e1')).toMatchObject({ type: 'event', event: suffix });
      }
    });

    it('ignores item types other than MESSAGE, ATTACHMENT, EVENT and receipts', () => {
      expect(
        ids(apply(createTranscript(), { ...message('x', 1), Type: 'CONNECTION_ACK' })),
      ).toEqual([]);
    });
  });

  it('keeps items from past contacts, flagged, and leaves them out of the participants', () => {
    const t = apply(
      createTranscript(),
      message('old', 1, { RelatedContactId: 'c-past', ParticipantId: 'p-old-agent' }),
    );
    expect(findItem(t, 'old')!.relatedContactId).toBe('c-past');
    expect(selectParticipants(t)).toEqual([]);
  });

  it('skips and reports items without Id or readable AbsoluteTime', () => {
    const noId = { ...message('x', 1), Id: undefined };
    const noTime = { ...message('y', 1), AbsoluteTime: undefined };
    const badTime = { ...message('z', 1), AbsoluteTime: 'yesterday' };
    const noType = { ...message('w', 1), Type: undefined };
    const result = applyServerItems(
      createTranscript(),
      [noId, noTime, badTime, noType, message('ok', 1)],
      { source: 'history' },
    );
    expect(ids(result.transcript)).toEqual(['ok']);
    expect(result.skipped.map((s) => [s.item, s.source])).toEqual([
      [noId, 'history'],
      [noTime, 'history'],
      [badTime, 'history'],
      [noType, 'history'],
    ]);
  });

  it('tracks the newest and oldest items received from the service', () => {
    const t = apply(createTranscript(), message('m2', 2), message('m1', 1), message('m3', 3));
    expect(newestServerItem(t)?.id).toBe('m3');
    expect(oldestServerItem(t)?.id).toBe('m1');
    expect(newestServerItem(createTranscript())).toBeUndefined();
  });

  it('derives participants from membership events and senders, whatever the order', () => {
    const items = [
      event('j1', 1, 'participant.joined'),
      message('m1', 2),
      event('i1', 3, 'participant.idle'),
      event('r1', 4, 'participant.returned'),
      event('n1', 5, 'participant.displayname.updated', { DisplayName: 'Ana B.' }),
      event('l1', 6, 'participant.left', { DisplayName: undefined }),
      message('c1', 2, { ParticipantId: ME, DisplayName: 'Me', ParticipantRole: 'CUSTOMER' }),
      event('x', 7, 'chat.ended', { ParticipantId: 'p-system', ParticipantRole: 'SYSTEM' }),
    ];
    const expected = [
      { participantId: AGENT, displayName: 'Ana B.', role: 'AGENT', status: 'left' },
      { participantId: ME, displayName: 'Me', role: 'CUSTOMER', status: 'joined' },
    ];
    expect(selectParticipants(apply(createTranscript(), ...items))).toEqual(expected);
    expect(selectParticipants(apply(createTranscript(), ...[...items].reverse()))).toEqual(
      expected,
    );
  });

  it('marks own items when the own participant id is set later', () => {
    const t1 = apply(createTranscript(), message('m1', 1, { ParticipantId: ME }), message('m2', 2));
    expect(findItem(t1, 'm1')!.isOwn).toBe(false);
    const t2 = setOwnParticipantId(t1, ME);
    expect(findItem(t2, 'm1')).toMatchObject({ isOwn: true, status: 'sent' });
    expect(findItem(t2, 'm2')).toBe(findItem(t1, 'm2'));
    expect(setOwnParticipantId(t2, ME)).toBe(t2);
  });
});

describe('fromHistory', () => {
  it('marks items first seen in a history page, and keeps the mark when they arrive again live', () => {
    let t = createTranscript({ ownParticipantId: ME });
    t = applyServerItems(t, [message('a', 1)], { source: 'history', fromHistory: true }).transcript;
    t = applyServerItems(t, [message('b', 2)], { source: 'socket' }).transcript;
    t = applyServerItems(t, [message('c', 3)], { source: 'history' }).transcript;
    t = applyServerItems(t, [message('a', 1), message('b', 2)], {
      source: 'history',
      fromHistory: true,
    }).transcript;
    expect(selectItems(t).map((item) => [item.id, item.fromHistory === true])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
  });

  it('keeps the mark when a streamed message from history completes', () => {
    let t = createTranscript({ ownParticipantId: ME });
    const chunk = (n: number, completed: boolean, text: string) =>
      message('s', 5, {
        ParticipantRole: 'SYSTEM',
        Content: text,
        MessageMetadata: { MessageCompleted: completed, ChunkNumber: n },
      });
    t = applyServerItems(t, [chunk(1, false, 'Hel')], {
      source: 'history',
      fromHistory: true,
    }).transcript;
    t = applyServerItems(t, [message('s', 6, { ParticipantRole: 'SYSTEM', Content: 'Hello' })], {
      source: 'socket',
    }).transcript;
    expect(findItem(t, 's')).toMatchObject({ content: 'Hello', fromHistory: true });
  });
});
