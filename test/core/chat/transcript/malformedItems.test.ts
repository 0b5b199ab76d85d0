import { describe, expect, it } from 'vitest';
import { ContentType, createChatSession } from 'contact-kit/core';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import { checkItem } from '../../../../src/core/protocol/checkItem';
import { createTranscript } from '../../../../src/core/chat/transcript/transcript';
import { parseServerFrame } from '../../../../src/core/chat/connection/socketFrames';
import type { Item, Logger } from 'contact-kit/core';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

const good: Item = {
  Id: 'm-good',
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: 'still here',
  AbsoluteTime: '2024-07-14T22:00:05.000Z',
  ParticipantId: 'p-agent',
  DisplayName: 'Ana',
  ParticipantRole: 'AGENT',
};
const message = { ...good, Id: 'm-bad', AbsoluteTime: '2024-07-14T22:00:01.000Z' };
const attachment = { ...message, Type: 'ATTACHMENT', ContentType: 'image/png' };
const metadata = {
  Id: 'r-1',
  Type: 'MESSAGEMETADATA',
  ContentType: ContentType.messageMetadata,
  AbsoluteTime: '2024-07-14T22:00:02.000Z',
};

/** Values that reach us as items and are not: each must be skipped on its own. */
const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['an array', [good]],
  ['Content null', { ...message, Content: null }],
  ['Content an object', { ...message, Content: { text: 'hi' } }],
  ['DisplayName a number', { ...message, DisplayName: 7 }],
  ['Id an object', { ...message, Id: {} }],
  ['ContentType a number on an event', { ...message, Type: 'EVENT', ContentType: 5 }],
  ['Attachments an object', { ...attachment, Attachments: {} }],
  ['Attachments a string', { ...attachment, Attachments: 'file.png' }],
  ['Attachments holding null', { ...attachment, Attachments: [null] }],
  ['an attachment name that is a number', { ...attachment, Attachments: [{ AttachmentName: 1 }] }],
  ['MessageMetadata null', { ...message, MessageMetadata: null }],
  ['Receipts null', { ...metadata, MessageMetadata: { MessageId: 'm-good', Receipts: null } }],
  ['Receipts an object', { ...metadata, MessageMetadata: { MessageId: 'm-good', Receipts: {} } }],
  [
    'Receipts holding null',
    { ...metadata, MessageMetadata: { MessageId: 'm-good', Receipts: [null] } },
  ],
  ['receipts on a message not a list', { ...message, MessageMetadata: { Receipts: 'read' } }],
  [
    'ChunkNumber a string',
    { ...message, MessageMetadata: { MessageCompleted: false, ChunkNumber: '2' } },
  ],
];

describe('checkItem', () => {
  it.each(MALFORMED)('refuses %s with a reason', (_, value) => {
    const checked = checkItem(value);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).not.toBe('');
  });

  it('accepts a full item of every type, and missing optional fields', () => {
    const full: Item = {
      ...good,
      RelatedContactId: 'c-0',
      ContactId: 'c-1',
      InitialContactId: 'c-1',
      Attachments: [
        {
          AttachmentId: 'a',
          AttachmentName: 'a.png',
          ContentType: 'image/png',
          Status: 'APPROVED',
        },
      ],
      MessageMetadata: {
        MessageId: 'm',
        MessageCompleted: false,
        ChunkNumber: 2,
        MessageProcessingStatus: 'PROCESSING',
        Receipts: [{ RecipientParticipantId: 'p', DeliveredTimestamp: good.AbsoluteTime! }],
      },
    };
    for (const item of [full, good, { Type: 'EVENT' }, {}]) {
      expect(checkItem(item)).toEqual({ ok: true, item });
    }
  });
});

describe('applyServerItems: one bad item never spoils its page', () => {
  it.each(MALFORMED)('skips %s, reports it and applies the rest of the page', (_, value) => {
    const before = { ...good, Id: 'm-before', AbsoluteTime: '2024-07-14T22:00:00.000Z' };
    const result = applyServerItems(
      createTranscript({ ownParticipantId: 'p-me' }),
      [before, value as Item, good],
      { source: 'history' },
    );
    expect(result.transcript.items.map((item) => item.id)).toEqual(['m-before', 'm-good']);
    expect(result.skipped).toEqual([
      { item: value, reason: expect.any(String) as string, source: 'history' },
    ]);
    expect(result.accepted).toEqual([before, good]);
  });

  it('reports a page that is not a list instead of throwing', () => {
    const page = { Id: 'x' } as unknown as Item[];
    const result = applyServerItems(createTranscript(), page, { source: 'history' });
    expect(result.skipped).toHaveLength(1);
    expect(result.transcript.items).toEqual([]);
  });
});

describe('parseServerFrame: an aws/chat item of the wrong shape', () => {
  it('comes back malformed with the reason, not as a chat item', () => {
    const frame = JSON.stringify({
      topic: 'aws/chat',
      content: JSON.stringify({ ...attachment, Attachments: {} }),
    });
    expect(parseServerFrame(frame)).toEqual({
      kind: 'malformed',
      reason: 'aws/chat item: Attachments is not an array',
    });
  });
});

describe('the session with bad items', () => {
  function setup() {
    const clock = new FakeClock();
    const service = new FakeParticipantClient(clock);
    const server = new FakeSocketServer({ auto: true });
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (text) => warnings.push(text),
      error: (text) => warnings.push(text),
    };
    const session = createChatSession({
      participantToken: 'participant-token',
      participantId: 'customer-1',
      contactId: 'contact-1',
      client: service.client,
      WebSocket: server.WebSocket,
      clock,
      random: () => 0.5,
      logger,
      storage: memoryStorage(),
      environment: null,
    });
    return { clock, service, server, session, warnings };
  }

  it('loads a GetTranscript page around bad items once, with a warning each', async () => {
    const s = setup();
    s.service.addItem({ Content: 'first' });
    // Straight into the service's store, as a broken backend or proxy would hand them out.
    (s.service.items as unknown[]).push(
      null,
      { ...s.service.items[0], Id: 'bad-content', Content: null },
      { ...s.service.items[0], Id: 'bad-att', Type: 'ATTACHMENT', Attachments: {} },
      { ...metadata, MessageMetadata: { MessageId: s.service.items[0]!.Id, Receipts: null } },
    );
    s.service.addItem({ Content: 'last' });
    s.session.connect();
    await s.clock.advance(0);
    // Long enough for several retries, were the page retried (a periodic check may come later).
    await s.clock.advance(30_000);
    const snapshot = s.session.getSnapshot();
    expect(snapshot.connection.status).toBe('open');
    expect(snapshot.items.map((item) => item.content)).toEqual(['first', 'last']);
    expect(s.warnings.filter((text) => text.startsWith('Skipped a malformed'))).toHaveLength(4);
    // Applied once: no retry loop around the page.
    expect(s.service.callsOf('getTranscript')).toHaveLength(1);
  });

  it('skips a bad socket item and keeps receiving', async () => {
    const s = setup();
    s.session.connect();
    await s.clock.advance(0);
    const socket = s.server.last;
    socket.deliver({ ...good, Id: 'bad', DisplayName: { first: 'Ana' } } as unknown as Item);
    socket.receive({ topic: 'aws/chat', content: 'null' });
    socket.deliver({ ...good, AbsoluteTime: s.service.iso(1) });
    await s.clock.advance(0);
    expect(s.session.getSnapshot().items.map((item) => item.id)).toEqual(['m-good']);
    expect(s.warnings).toHaveLength(2);
  });
});
