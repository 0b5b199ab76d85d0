import { beforeAll, describe, expect, it } from 'vitest';
import {
  ChatError,
  ContentType,
  NetworkError,
  createChatSession,
  silentLogger,
} from 'contact-kit/core';
import {
  DEFAULT_CHAT_STORAGE_KEY,
  readStoredChat,
} from '../../../../src/core/chat/session/chatStorage';
import type { ChatSessionOptions, Item, UploadRequest } from 'contact-kit/core';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

// The upload steps load with a session's first file (a dynamic import). Loaded here once, as a
// browser that has fetched the chunk would, so the fake clock's one-tick settle is enough.
beforeAll(async () => {
  await import('../../../../src/core/chat/attachments/attachmentUpload');
});

function setup(
  overrides: Partial<ChatSessionOptions> = {},
  shared?: {
    clock: FakeClock;
    service: FakeParticipantClient;
    storage: ReturnType<typeof memoryStorage>;
  },
) {
  const clock = shared?.clock ?? new FakeClock();
  const service = shared?.service ?? new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  const storage = shared?.storage ?? memoryStorage();
  service.onMessageStored = (item) => server.broadcast(item);
  const session = createChatSession({
    participantToken: 'participant-token',
    participantId: 'customer-1',
    contactId: 'contact-1',
    client: service.client,
    WebSocket: server.WebSocket,
    clock,
    random: () => 0.5,
    logger: silentLogger,
    storage,
    environment: null,
    ...overrides,
  });
  const settle = () => clock.advance(0);
  /** An agent message stored by the service and (unless `deliver` is false) pushed on the sockets. */
  const agentSays = (content: string, deliver = true): Item => {
    const item = service.addItem({ Content: content });
    if (deliver) {
      server.broadcast(item);
    }
    return item;
  };
  const contents = () => session.getSnapshot().items.map((item) => item.content);
  return { clock, service, server, storage, session, settle, agentSays, contents };
}

type Setup = ReturnType<typeof setup>;

async function connected(s: Setup): Promise<void> {
  s.session.connect();
  await s.settle();
  expect(s.session.getSnapshot().connection.status).toBe('open');
}

const receiptEvents = (s: Setup) =>
  s.service
    .callsOf('sendEvent')
    .filter((call) => call.request['ContentType'] !== ContentType.typing);

describe('createChatSession: snapshot and history', () => {
  it('starts idle with a stable snapshot, connects and loads the newest page', async () => {
    const s = setup();
    const first = s.session.getSnapshot();
    expect(first).toBe(s.session.getSnapshot());
    expect(first).toMatchObject({
      connection: { status: 'idle', attempt: 0, error: undefined },
      chat: { status: 'active' },
      items: [],
      typing: [],
      hasOlder: false,
      participantId: 'customer-1',
    });
    for (let i = 1; i <= 40; i += 1) {
      s.service.addItem({ Content: `old ${i}` });
    }
    await connected(s);
    const page = s.service.callsOf('getTranscript')[0]!.request;
    expect(page).toEqual({ ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 30 });
    expect(s.contents()).toEqual(Array.from({ length: 30 }, (_, i) => `old ${i + 11}`));
    expect(s.session.getSnapshot().hasOlder).toBe(true);

    expect(await s.session.loadOlder()).toBe(true);
    expect(s.service.callsOf('getTranscript')[1]!.request).toMatchObject({
      ScanDirection: 'BACKWARD',
      NextToken: 'b:10',
    });
    expect(s.contents()).toHaveLength(40);
    expect(s.session.getSnapshot().hasOlder).toBe(false);
    expect(await s.session.loadOlder()).toBe(false);
  });

  it('notifies subscribers only on change and stops after unsubscribe', async () => {
    const s = setup();
    let calls = 0;
    const unsubscribe = s.session.subscribe(() => {
      calls += 1;
    });
    await connected(s);
    const seen = calls;
    expect(seen).toBeGreaterThan(0);
    const snapshot = s.session.getSnapshot();
    await s.clock.advance(10_000); // heartbeats answered: nothing visible changes
    expect(s.session.getSnapshot()).toBe(snapshot);
    expect(calls).toBe(seen);
    unsubscribe();
    s.agentSays('hi');
    expect(calls).toBe(seen);
  });

  it('fills the gap after a reconnect with FORWARD paging from the newest item held', async () => {
    const s = setup({ connectionPolicy: { urlExpiryMarginMs: 1e9 } });
    await connected(s);
    s.agentSays('before');
    await s.clock.advance(6000);
    s.server.last.drop();
    const missed = Array.from({ length: 150 }, (_, i) => s.agentSays(`missed ${i}`, false));
    await s.clock.advance(2000);
    expect(s.session.getSnapshot().connection.status).toBe('open');
    const forward = s.service
      .callsOf('getTranscript')
      .filter((call) => call.request['ScanDirection'] === 'FORWARD');
    expect(forward[0]!.request).toEqual({
      ScanDirection: 'FORWARD',
      SortOrder: 'ASCENDING',
      MaxResults: 100,
      StartPosition: { Id: s.service.items[0]!.Id },
    });
    expect(forward).toHaveLength(2);
    expect(s.contents()).toEqual(['before', ...missed.map((item) => item.Content)]);
  });

  it('does not skip a message delivered out of order just before a drop', async () => {
    const s = setup({ connectionPolicy: { urlExpiryMarginMs: 1e9 } });
    await connected(s);
    await s.clock.advance(10_000);
    s.agentSays('one');
    const two = s.agentSays('two', false); // in flight when the socket dies
    await s.clock.advance(100);
    s.agentSays('three');
    s.server.last.drop();
    await s.clock.advance(2000);
    expect(two.Content).toBe('two');
    expect(s.contents()).toEqual(['one', 'two', 'three']);
  });

  it('keeps unknown content types as unsupported rows and skips malformed frames', async () => {
    const s = setup();
    await connected(s);
    s.server.last.receive('garbage');
    s.server.last.receive({ topic: 'aws/chat', content: '{"Id":' });
    s.agentSays('fine');
    s.server.broadcast(s.service.addItem({ ContentType: 'application/x-future', Content: '?' }));
    const items = s.session.getSnapshot().items;
    expect(items.map((item) => item.type)).toEqual(['message', 'unsupported']);
  });
});

describe('createChatSession: sending', () => {
  it('adds the message at once, confirms it with the server Id and merges its echo', async () => {
    const s = setup();
    await connected(s);
    const localId = s.session.sendMessage('Hello');
    expect(s.session.getSnapshot().items).toMatchObject([
      { id: localId, status: 'sending', content: 'Hello' },
    ]);
    await s.settle();
    const items = s.session.getSnapshot().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      localId,
      status: 'sent',
      isOwn: true,
      id: s.service.items[0]!.Id,
    });
    expect(s.service.callsOf('sendMessage')[0]!.request).toEqual({
      ContentType: 'text/plain',
      Content: 'Hello',
      ClientToken: localId,
    });
  });

  it('takes a caller-chosen localId as ClientToken, and a repeat of it sends nothing again', async () => {
    const s = setup();
    await connected(s);
    expect(s.session.sendMessage('Hello', { localId: 'tab-b-1' })).toBe('tab-b-1');
    expect(s.session.sendMessage('Hello', { localId: 'tab-b-1' })).toBe('tab-b-1');
    await s.settle();
    expect(s.session.sendMessage('Hello', { localId: 'tab-b-1' })).toBe('tab-b-1');
    await s.settle();
    expect(s.service.callsOf('sendMessage').map((call) => call.request['ClientToken'])).toEqual([
      'tab-b-1',
    ]);
    expect(s.contents()).toEqual(['Hello']);
    expect(() => s.session.sendMessage('Hi', { localId: '' })).toThrow(ChatError);
    expect(() => s.session.sendMessage('Hi', { localId: 'x'.repeat(501) })).toThrow(
      /localId must be 1–500/,
    );
  });

  it('throws MESSAGE_INVALID synchronously for empty, oversized or unsendable content', () => {
    const s = setup();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ChatError).code;
      }
      return 'no error';
    };
    expect(code(() => s.session.sendMessage('   '))).toBe('MESSAGE_INVALID');
    expect(code(() => s.session.sendMessage('x'.repeat(1025)))).toBe('MESSAGE_INVALID');
    expect(code(() => s.session.sendMessage('{}', { contentType: 'image/png' as never }))).toBe(
      'MESSAGE_INVALID',
    );
    expect(
      code(() => s.session.sendMessage('x'.repeat(1025), { contentType: 'application/json' })),
    ).toBe('no error');
  });

  it('queues messages while reconnecting and sends them once, in order, when open', async () => {
    const s = setup({ connectionPolicy: { urlExpiryMarginMs: 1e9 } });
    await connected(s);
    s.service.failNext('createParticipantConnection', 503, 2);
    s.server.last.drop();
    const ids = ['one', 'two', 'three'].map((text) => s.session.sendMessage(text));
    await s.settle();
    expect(s.contents()).toEqual(['one', 'two', 'three']);
    expect(s.service.callsOf('sendMessage')).toHaveLength(0);
    expect(s.session.getSnapshot().connection.status).toBe('reconnecting');
    await s.clock.advance(10_000);
    expect(s.session.getSnapshot().connection.status).toBe('open');
    expect(s.service.callsOf('sendMessage').map((call) => call.request['ClientToken'])).toEqual(
      ids,
    );
    expect(s.contents()).toEqual(['one', 'two', 'three']);
    expect(s.session.getSnapshot().items.every((item) => item.status === 'sent')).toBe(true);
  });

  it('retries with the same ClientToken and fails after the budget; retry() sends it again', async () => {
    const s = setup({ outboxPolicy: { maxAttempts: 3 } });
    await connected(s);
    s.service.failNext('sendMessage', 500, 3);
    const localId = s.session.sendMessage('stubborn');
    await s.clock.advance(60_000);
    expect(s.session.getSnapshot().items[0]).toMatchObject({
      status: 'failed',
      error: { code: 'SEND_FAILED' },
    });
    expect(
      new Set(s.service.callsOf('sendMessage').map((call) => call.request['ClientToken'])),
    ).toEqual(new Set([localId]));
    expect(s.session.retry(localId)).toBe(true);
    await s.settle();
    expect(s.session.getSnapshot().items).toMatchObject([{ localId, status: 'sent' }]);
    expect(s.service.callsOf('sendMessage')).toHaveLength(4);
    expect(s.session.retry('unknown')).toBe(false);
  });

  it('gets a fresh token after a 403 on SendMessage and delivers the message once', async () => {
    const s = setup();
    await connected(s);
    s.service.failNext('sendMessage', 403);
    s.session.sendMessage('after expiry');
    await s.clock.advance(5000);
    const calls = s.service.callsOf('sendMessage');
    expect(calls.map((call) => call.token)).toEqual(['token-1', 'token-2']);
    expect(s.session.getSnapshot().items).toMatchObject([
      { status: 'sent', content: 'after expiry' },
    ]);
  });

  it('sends interactive responses without a transcript row', async () => {
    const s = setup();
    await connected(s);
    s.service.onMessageStored = undefined;
    s.session.sendMessage('{"action":"SHOW_MORE"}', {
      contentType: ContentType.interactiveResponse,
    });
    await s.settle();
    expect(s.service.callsOf('sendMessage')).toHaveLength(1);
    expect(s.session.getSnapshot().items).toEqual([]);
  });
});

describe('createChatSession: a socket that dies while the customer sends', () => {
  const heartbeats = (socket: { sentTopics(): string[] }) =>
    socket.sentTopics().filter((topic) => topic === 'aws/heartbeat').length;

  it('pings at once when a sent message does not come back on the socket, and replaces a silent socket within 3.5 s of the send', async () => {
    const s = setup();
    await connected(s);
    const first = s.server.last;
    // The socket goes silent: no echoes, no heartbeat answers, no close.
    s.service.onMessageStored = () => undefined;
    s.server.autoHeartbeat = false;
    s.session.sendMessage('Is anyone there?');
    await s.settle();
    expect(s.session.getSnapshot().items.at(-1)).toMatchObject({ status: 'sent' });
    await s.clock.advance(1499);
    expect(heartbeats(first)).toBe(0);
    await s.clock.advance(1);
    expect(heartbeats(first)).toBe(1);
    s.server.autoHeartbeat = true; // sockets opened from now on work
    await s.clock.advance(2000);
    expect(first.closedByClient).toBe(true);
    await s.clock.advance(100);
    expect(s.server.sockets).toHaveLength(2);
    expect(s.session.getSnapshot().connection.status).toBe('open');
    expect(s.contents().filter((content) => content === 'Is anyone there?')).toHaveLength(1);
  });

  it('sends no extra heartbeat when the echo arrives, even after SendMessage answered', async () => {
    const s = setup();
    await connected(s);
    // The echo beats SendMessage's answer: it is remembered, so the answer starts no watch.
    s.service.onMessageStored = (item) => s.server.broadcast(item);
    s.session.sendMessage('Hello');
    await s.settle();
    await s.clock.advance(7000);
    expect(heartbeats(s.server.last)).toBe(0);
    expect(s.server.sockets).toHaveLength(1);
  });
});

describe('createChatSession: a connection fetched elsewhere', () => {
  it('opens the first socket with an offered answer instead of asking again', async () => {
    const s = setup();
    const response = await s.service.client.createParticipantConnection('participant-token', {
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    });
    s.session.connect({ connection: { response, fetchedAt: s.clock.now() } });
    await s.settle();
    expect(s.session.getSnapshot().connection.status).toBe('open');
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(1);
  });

  it('asks the service when the offered URL is stale or has no websocket', async () => {
    for (const offer of ['stale', 'credentials-only'] as const) {
      const s = setup();
      const fetched = await s.service.client.createParticipantConnection('participant-token', {
        Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      });
      const response =
        offer === 'credentials-only' ? { ...fetched, Websocket: undefined } : fetched;
      const fetchedAt = offer === 'stale' ? s.clock.now() - 60 * 60_000 : s.clock.now();
      s.session.connect({ connection: { response, fetchedAt } });
      await s.settle();
      expect(s.session.getSnapshot().connection.status).toBe('open');
      expect(s.service.callsOf('createParticipantConnection')).toHaveLength(2);
    }
  });
});

describe('createChatSession: typing and receipts', () => {
  it('sends typing at most once per 10 s, only while open', async () => {
    const s = setup();
    s.session.sendTyping();
    await connected(s);
    s.session.sendTyping();
    s.session.sendTyping();
    await s.clock.advance(9_999);
    s.session.sendTyping();
    await s.clock.advance(1);
    s.session.sendTyping();
    const typing = s.service
      .callsOf('sendEvent')
      .filter((call) => call.request['ContentType'] === ContentType.typing);
    expect(typing).toHaveLength(2);
  });

  it('sends typing again right after our own message (their indicator ended with it)', async () => {
    const s = setup();
    await connected(s);
    const typingEvents = () =>
      s.service
        .callsOf('sendEvent')
        .filter((call) => call.request['ContentType'] === ContentType.typing);
    s.session.sendTyping();
    s.session.sendMessage('First');
    await s.clock.advance(1000);
    s.session.sendTyping();
    s.session.sendTyping();
    expect(typingEvents()).toHaveLength(2);
  });

  it("shows others' typing for 12 s, or until their message arrives", async () => {
    const s = setup();
    await connected(s);
    const typing = (participantId: string) =>
      s.server.broadcast(
        s.service.addItem({
          Type: 'EVENT',
          ContentType: ContentType.typing,
          Content: undefined,
          ParticipantId: participantId,
        }),
      );
    typing('agent-1');
    typing('customer-1');
    expect(s.session.getSnapshot().typing.map((t) => t.participantId)).toEqual(['agent-1']);
    await s.clock.advance(11_999);
    expect(s.session.getSnapshot().typing).toHaveLength(1);
    await s.clock.advance(1);
    expect(s.session.getSnapshot().typing).toHaveLength(0);
    typing('agent-1');
    s.agentSays('done typing');
    expect(s.session.getSnapshot().typing).toHaveLength(0);
  });

  it('coalesces receipts: one delivered for the newest message, read supersedes, never twice, none for own', async () => {
    const s = setup();
    await connected(s);
    s.session.sendMessage('mine');
    await s.settle();
    const a = s.agentSays('a');
    s.agentSays('b');
    const c = s.agentSays('c');
    await s.clock.advance(300);
    expect(receiptEvents(s).map((call) => call.request)).toEqual([
      {
        ContentType: ContentType.messageDelivered,
        Content: JSON.stringify({ messageId: c.Id }),
        ClientToken: `delivered-${c.Id}`,
      },
    ]);
    s.session.markRead(a.Id!);
    s.session.markRead(c.Id!);
    s.session.markRead(s.session.getSnapshot().items[0]!.id); // own: ignored
    await s.clock.advance(10);
    expect(receiptEvents(s)).toHaveLength(2);
    expect(receiptEvents(s)[1]!.request).toMatchObject({
      ContentType: ContentType.messageRead,
      Content: JSON.stringify({ messageId: c.Id }),
    });
    // Within the window nothing more goes out; afterwards only the new message's receipt.
    const d = s.agentSays('d');
    s.session.markRead(d.Id!);
    s.session.markRead(c.Id!);
    await s.clock.advance(4000);
    expect(receiptEvents(s)).toHaveLength(2);
    await s.clock.advance(1000);
    expect(
      receiptEvents(s)
        .slice(2)
        .map((call) => call.request['ContentType']),
    ).toEqual([ContentType.messageRead]);
    await s.clock.advance(20_000);
    expect(receiptEvents(s)).toHaveLength(3);
  });

  it('does not repeat receipts recorded in MESSAGEMETADATA from history', async () => {
    const s = setup();
    const greeting = s.service.addItem({ Content: 'greeting' });
    s.service.addItem({
      Type: 'MESSAGEMETADATA',
      ContentType: ContentType.messageMetadata,
      MessageMetadata: {
        MessageId: greeting.Id!,
        Receipts: [
          {
            RecipientParticipantId: 'customer-1',
            DeliveredTimestamp: s.service.iso(),
            ReadTimestamp: s.service.iso(),
          },
        ],
      },
    });
    await connected(s);
    s.session.markRead(greeting.Id!);
    await s.clock.advance(10_000);
    expect(receiptEvents(s)).toHaveLength(0);
  });

  it('sends no receipts or typing after the chat ended', async () => {
    const s = setup();
    await connected(s);
    const last = s.agentSays('bye');
    s.server.broadcast(
      s.service.addItem({
        Type: 'EVENT',
        ContentType: ContentType.chatEnded,
        Content: undefined,
        ParticipantRole: 'SYSTEM',
      }),
    );
    expect(s.session.getSnapshot().chat.status).toBe('ended');
    expect(s.session.getSnapshot().connection.status).toBe('closed');
    s.session.markRead(last.Id!);
    s.session.sendTyping();
    await s.clock.advance(10_000);
    expect(s.service.callsOf('sendEvent')).toHaveLength(0);
    expect(() => s.session.sendMessage('too late')).toThrow(ChatError);
    expect(s.clock.pendingCount).toBe(0);
  });
});

describe('createChatSession: lifecycle', () => {
  it('treats 403 on reconnect (refused again when asked once more) as ended and clears storage', async () => {
    const s = setup({ connectionPolicy: { urlExpiryMarginMs: 1e9 } });
    await connected(s);
    expect(readStoredChat({ storage: s.storage })).toMatchObject({
      participantToken: 'participant-token',
      contactId: 'contact-1',
    });
    s.service.failNext('createParticipantConnection', 403, 2);
    s.server.last.drop();
    await s.clock.advance(2000);
    expect(s.session.getSnapshot()).toMatchObject({
      chat: { status: 'ended' },
      connection: { status: 'closed' },
    });
    expect(s.storage.data.has(DEFAULT_CHAT_STORAGE_KEY)).toBe(false);
  });

  it('fails with ACCESS_DENIED on a 403 at first connect', async () => {
    const s = setup();
    s.service.failNext('createParticipantConnection', 403);
    s.session.connect();
    await s.settle();
    expect(s.session.getSnapshot().connection).toMatchObject({
      status: 'failed',
      error: { code: 'ACCESS_DENIED' },
    });
    expect(s.session.getSnapshot().chat.status).toBe('active');
    // Nothing to resume: the token was never accepted.
    expect(s.storage.data.size).toBe(0);
  });

  it('connect() twice (StrictMode) makes one connection', async () => {
    const s = setup();
    s.session.connect();
    s.session.connect();
    await s.settle();
    s.session.connect();
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(1);
    expect(s.server.sockets).toHaveLength(1);
  });

  it('destroy() during connecting leaves nothing open, and actions then throw SESSION_DESTROYED', async () => {
    const s = setup();
    const hold = s.service.holdNext('createParticipantConnection');
    s.session.connect();
    (await hold).release();
    s.session.destroy();
    await s.settle();
    expect(s.server.sockets).toHaveLength(0);
    expect(s.clock.pendingCount).toBe(0);
    expect(s.session.getSnapshot().connection.status).toBe('closed');
    expect(() => s.session.sendMessage('hi')).toThrow(
      expect.objectContaining({ code: 'SESSION_DESTROYED' }),
    );
    expect(() => s.session.connect()).toThrow(ChatError);
  });

  it('getAttachmentUrl after destroy() rejects with SESSION_DESTROYED instead of throwing', async () => {
    const s = setup();
    await connected(s);
    s.session.destroy();
    let pending: Promise<string> | undefined;
    expect(() => {
      pending = s.session.getAttachmentUrl('attachment-1');
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ code: 'SESSION_DESTROYED' });
  });

  it('describeView loads a view with the connection token; a refused token rejects ACCESS_DENIED', async () => {
    const s = setup();
    await connected(s);
    await expect(s.session.describeView('token-1')).resolves.toMatchObject({
      Id: 'view-of-token-1',
      Content: { Actions: ['Next'] },
    });
    const [call] = s.service.callsOf('describeView');
    expect(call!.request).toEqual({ ViewToken: 'token-1' });
    s.service.failNext('describeView', 500);
    await expect(s.session.describeView('token-2')).rejects.toMatchObject({
      code: 'CONNECTION_LOST',
    });
    s.service.failNext('describeView', 403);
    await expect(s.session.describeView('token-3')).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
  });

  it('resumes from storage after a reload: no duplicates, same contact', async () => {
    const clock = new FakeClock();
    const service = new FakeParticipantClient(clock);
    const storage = memoryStorage();
    const first = setup({}, { clock, service, storage });
    await connected(first);
    first.agentSays('hello');
    first.session.sendMessage('hi there');
    await first.settle();
    first.session.destroy(); // the page unloads

    const stored = readStoredChat({ storage });
    expect(stored).toMatchObject({
      participantToken: 'participant-token',
      participantId: 'customer-1',
      connectionToken: 'token-1',
    });
    const second = setup(
      {
        participantToken: stored!.participantToken,
        participantId: undefined,
        contactId: undefined,
        connectionPolicy: { urlExpiryMarginMs: 1e9 },
      },
      { clock, service, storage },
    );
    expect(second.session.getSnapshot().participantId).toBe('customer-1');
    await connected(second);
    expect(second.contents()).toEqual(['hello', 'hi there']);
    expect(second.session.getSnapshot().items[1]).toMatchObject({ isOwn: true });
    // 403s for a resumed session mean the chat ended while the page was away.
    service.failNext('createParticipantConnection', 403, 2);
    second.server.last.drop();
    await second.clock.advance(200_000);
    expect(second.session.getSnapshot().chat.status).toBe('ended');
  });

  it('does not touch storage when storage is null', async () => {
    const s = setup({ storage: null });
    await connected(s);
    expect(s.storage.data.size).toBe(0);
  });

  it('endChat() calls DisconnectParticipant and ends on chat.ended (or after the fallback)', async () => {
    const s = setup({ endedFallbackMs: 3000 });
    await connected(s);
    await s.session.endChat();
    expect(s.service.callsOf('disconnectParticipant')).toHaveLength(1);
    expect(s.session.getSnapshot().chat.status).toBe('active');
    await s.clock.advance(3000);
    expect(s.session.getSnapshot().chat.status).toBe('ended');
  });

  it('endChat() failing is state, not a rejection', async () => {
    const s = setup();
    await connected(s);
    s.service.failNext('disconnectParticipant', new NetworkError('offline'));
    await expect(s.session.endChat()).resolves.toBeUndefined();
    expect(s.session.getSnapshot().chat).toMatchObject({
      status: 'active',
      error: { code: 'CONNECTION_LOST' },
    });
  });
});

describe('createChatSession: attachments', () => {
  const file = (name: string, body: string, type = 'text/plain') =>
    new File([body], name, { type });

  it('validates first: a bad file fails on its item and nothing is sent', async () => {
    const s = setup();
    await connected(s);
    s.session.sendAttachment(file('virus.exe', 'MZ', 'application/octet-stream'));
    s.session.sendAttachment(file('empty.txt', ''));
    await s.settle();
    expect(s.session.getSnapshot().items.map((item) => item.error?.code)).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'ATTACHMENT_EMPTY',
    ]);
    expect(s.service.callsOf('startAttachmentUpload')).toHaveLength(0);
  });

  it('starts, uploads with exactly the given headers and progress, completes, and merges the ATTACHMENT item', async () => {
    const uploads: UploadRequest[] = [];
    const s = setup({
      upload: async (request) => {
        uploads.push(request);
        request.onProgress?.(0.5);
      },
    });
    await connected(s);
    const progress: number[] = [];
    s.session.subscribe(() => {
      const attachment = s.session.getSnapshot().items[0]?.attachments?.[0];
      if (attachment?.progress !== undefined) {
        progress.push(attachment.progress);
      }
    });
    const localId = s.session.sendAttachment(file('notes.txt', 'hello'));
    await s.settle();
    const start = s.service.callsOf('startAttachmentUpload')[0]!.request;
    expect(start).toEqual({
      ContentType: 'text/plain',
      AttachmentSizeInBytes: 5,
      AttachmentName: 'notes.txt',
      ClientToken: localId,
    });
    expect(uploads[0]!.headers).toEqual({
      'Content-Type': 'text/plain',
      'x-amz-acl': 'bucket-owner-full-control',
    });
    expect(progress).toContain(0.5);
    const attachmentId = s.session.getSnapshot().items[0]!.attachments![0]!.id!;
    expect(s.service.callsOf('completeAttachmentUpload')[0]!.request).toEqual({
      AttachmentIds: [attachmentId],
      ClientToken: localId,
    });
    s.server.broadcast(
      s.service.addItem({
        Type: 'ATTACHMENT',
        ContentType: undefined,
        Content: undefined,
        ParticipantId: 'customer-1',
        ParticipantRole: 'CUSTOMER',
        Attachments: [
          {
            AttachmentId: attachmentId,
            AttachmentName: 'notes.txt',
            ContentType: 'text/plain',
            Status: 'APPROVED',
          },
        ],
      }),
    );
    expect(s.session.getSnapshot().items).toHaveLength(1);
    expect(s.session.getSnapshot().items[0]).toMatchObject({ status: 'sent', localId });
    await expect(s.session.getAttachmentUrl(attachmentId)).resolves.toBe(
      `http://fake/download/${attachmentId}`,
    );
  });

  it('reports the quota (402) as a typed error on the item', async () => {
    const s = setup({ upload: async () => undefined });
    await connected(s);
    s.service.failNext('startAttachmentUpload', 402);
    s.session.sendAttachment(file('a.txt', 'x'));
    await s.settle();
    expect(s.session.getSnapshot().items[0]).toMatchObject({
      status: 'failed',
      error: { code: 'ATTACHMENT_QUOTA_EXCEEDED' },
    });
  });

  it('waits for the connection before uploading', async () => {
    const s = setup({ upload: async () => undefined });
    s.session.sendAttachment(file('a.txt', 'x'));
    await s.settle();
    expect(s.service.callsOf('startAttachmentUpload')).toHaveLength(0);
    await connected(s);
    await s.settle();
    expect(s.service.callsOf('startAttachmentUpload')).toHaveLength(1);
  });
});
