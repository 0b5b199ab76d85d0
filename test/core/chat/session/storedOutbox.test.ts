import { describe, expect, it } from 'vitest';
import { ContentType, NetworkError, createChatSession, silentLogger } from 'contact-kit/core';
import {
  DEFAULT_CHAT_STORAGE_KEY,
  STORED_CHAT_VERSION,
  STORED_OUTBOX_LIMITS,
  boundStoredOutbox,
  readStoredChat,
} from '../../../../src/core/chat/session/chatStorage';
import type { ChatSessionOptions, ParticipantClient } from 'contact-kit/core';
import type { StoredSend } from '../../../../src/core/chat/session/chatStorage';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

/**
 * Issue #12 §2: nothing the customer sent is lost on reload. One service and one storage are
 * shared by successive "page loads" (sessions); `offline` makes every call fail like a dead
 * network, and `loseResponses` lets SendMessage reach the service but loses its answer.
 */
function world() {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const storage = memoryStorage();
  const net = { offline: false, loseResponses: false };
  const client = new Proxy(service.client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') {
        return value;
      }
      return async (...args: unknown[]) => {
        if (net.offline) {
          throw new NetworkError('Failed to fetch');
        }
        const result = await (value as (...a: unknown[]) => Promise<unknown>)(...args);
        if (net.loseResponses && key === 'sendMessage') {
          throw new NetworkError('The connection was reset');
        }
        return result;
      };
    },
  }) as ParticipantClient;
  let server = new FakeSocketServer({ auto: true });
  service.onMessageStored = (item) => server.broadcast(item);

  /** A page load: a new session (and socket server) on the same service and storage. */
  function page(overrides: Partial<ChatSessionOptions> = {}) {
    server = new FakeSocketServer({ auto: true });
    const pageServer = server;
    const session = createChatSession({
      participantToken: 'participant-token',
      participantId: 'customer-1',
      contactId: 'contact-1',
      client,
      WebSocket: pageServer.WebSocket,
      clock,
      random: () => 0.5,
      logger: silentLogger,
      storage,
      environment: null,
      connectionPolicy: { urlExpiryMarginMs: 1e9 },
      ...overrides,
    });
    const own = () => session.getSnapshot().items.filter((item) => item.isOwn);
    return { session, server: pageServer, own };
  }

  const stored = () => service.items.filter((item) => item.ParticipantId === 'customer-1');
  return { clock, service, storage, net, page, stored };
}

async function online(
  w: ReturnType<typeof world>,
  p: ReturnType<ReturnType<typeof world>['page']>,
) {
  p.session.connect();
  await w.clock.advance(0);
  expect(p.session.getSnapshot().connection.status).toBe('open');
}

/** Goes offline the way a phone does: calls fail and the socket dies. */
async function goOffline(
  w: ReturnType<typeof world>,
  p: ReturnType<ReturnType<typeof world>['page']>,
) {
  w.net.offline = true;
  p.server.last.drop();
  await w.clock.advance(0);
  expect(p.session.getSnapshot().connection.status).toBe('reconnecting');
}

describe('the outbox survives a reload (issue #12 §2)', () => {
  it('keeps what the customer wrote before the first connection was ever made, across a reload', async () => {
    const w = world();
    w.net.offline = true; // the contact started, then the network went before CreateParticipantConnection
    const first = w.page();
    first.session.connect();
    await w.clock.advance(0);
    const id = first.session.sendMessage('Written before we ever connected');
    await w.clock.advance(5_000);
    expect(readStoredChat({ storage: w.storage })?.outbox?.map((send) => send.localId)).toEqual([
      id,
    ]);
    first.session.destroy();

    const second = w.page();
    expect(second.own().map((item) => [item.localId, item.status])).toEqual([[id, 'sending']]);
    w.net.offline = false;
    await online(w, second);
    await w.clock.advance(1_000);
    expect(w.stored().map((item) => item.Content)).toEqual(['Written before we ever connected']);
    second.session.destroy();
  });

  it('replays messages queued offline after the reload, same ClientTokens, each stored once, in order', async () => {
    const w = world();
    const first = w.page();
    await online(w, first);
    await goOffline(w, first);
    const ids = ['one', 'two', 'three'].map((text) => first.session.sendMessage(text));
    await w.clock.advance(5_000);
    expect(first.own().map((item) => item.status)).toEqual(['sending', 'sending', 'sending']);
    first.session.destroy(); // the page reloads, still offline

    const second = w.page();
    // Before any network: the three are back as own sending rows with the same localIds.
    expect(second.own().map((item) => [item.localId, item.content, item.status])).toEqual([
      [ids[0], 'one', 'sending'],
      [ids[1], 'two', 'sending'],
      [ids[2], 'three', 'sending'],
    ]);
    w.net.offline = false;
    await online(w, second);
    await w.clock.advance(1_000);

    const tokens = w.service.callsOf('sendMessage').map((call) => call.request['ClientToken']);
    expect(tokens).toEqual(ids);
    expect(w.stored().map((item) => item.Content)).toEqual(['one', 'two', 'three']);
    expect(second.own().map((item) => [item.id, item.content, item.status])).toEqual(
      w.stored().map((item) => [item.Id, item.Content, 'sent']),
    );
    expect(readStoredChat({ storage: w.storage })?.outbox).toBeUndefined();
  });

  it('replays a message in flight at the reload with its ClientToken: the service keeps one copy', async () => {
    const w = world();
    const first = w.page();
    await online(w, first);
    w.net.loseResponses = true; // it reaches the service; the answer never comes back
    const localId = first.session.sendMessage('did it go?');
    await w.clock.advance(0);
    expect(w.stored()).toHaveLength(1);
    first.session.destroy();

    w.net.loseResponses = false;
    const second = w.page();
    await online(w, second);
    await w.clock.advance(1_000);
    const tokens = w.service.callsOf('sendMessage').map((call) => call.request['ClientToken']);
    expect(new Set(tokens)).toEqual(new Set([localId]));
    expect(w.stored()).toHaveLength(1);
    expect(second.own()).toEqual([
      expect.objectContaining({ id: w.stored()[0]!.Id, content: 'did it go?', status: 'sent' }),
    ]);
  });

  it('brings a failed message back failed; retry sends it with the same ClientToken', async () => {
    const w = world();
    const first = w.page({ outboxPolicy: { maxAttempts: 1 } });
    await online(w, first);
    w.service.failNext('sendMessage', 500);
    const localId = first.session.sendMessage('try again later');
    await w.clock.advance(1_000);
    expect(first.own()[0]).toMatchObject({ status: 'failed' });
    first.session.destroy();

    const second = w.page();
    expect(second.own()).toEqual([
      expect.objectContaining({
        localId,
        content: 'try again later',
        status: 'failed',
        error: expect.objectContaining({ code: 'SEND_FAILED' }),
      }),
    ]);
    await online(w, second);
    await w.clock.advance(1_000);
    expect(w.stored()).toHaveLength(0); // not sent again on its own
    expect(second.session.retry(localId)).toBe(true);
    await w.clock.advance(1_000);
    expect(w.service.callsOf('sendMessage').at(-1)?.request['ClientToken']).toBe(localId);
    expect(second.own()).toEqual([expect.objectContaining({ status: 'sent' })]);
  });

  it('replays an interactive response without a transcript row', async () => {
    const w = world();
    const first = w.page();
    await online(w, first);
    await goOffline(w, first);
    const reply = JSON.stringify({ templateType: 'ListPicker', data: { content: { title: 'x' } } });
    first.session.sendMessage(reply, { contentType: ContentType.interactiveResponse });
    first.session.destroy();
    w.net.offline = false;
    const second = w.page();
    expect(second.own()).toEqual([]);
    await online(w, second);
    await w.clock.advance(1_000);
    expect(w.service.callsOf('sendMessage')).toHaveLength(1);
    expect(readStoredChat({ storage: w.storage })?.outbox).toBeUndefined();
  });

  it('shows an attachment that was uploading as failed with ATTACHMENT_LOST_ON_RELOAD, on every reload', async () => {
    const w = world();
    const first = w.page({ upload: () => new Promise<void>(() => undefined) }); // never finishes
    await online(w, first);
    const localId = first.session.sendAttachment(
      new File(['%PDF'], 'invoice.pdf', { type: 'application/pdf' }),
    );
    await w.clock.advance(0);
    first.session.destroy();

    for (const reload of [1, 2]) {
      const next = w.page();
      expect(next.own(), `reload ${reload}`).toEqual([
        expect.objectContaining({
          localId,
          type: 'attachment',
          status: 'failed',
          error: expect.objectContaining({ code: 'ATTACHMENT_LOST_ON_RELOAD' }),
          attachments: [expect.objectContaining({ name: 'invoice.pdf', status: 'failed' })],
        }),
      ]);
      // The file is gone: it cannot be retried, only sent again.
      expect(next.session.retry(localId)).toBe(false);
      await online(w, next);
      next.session.destroy();
    }
  });
});

describe('the stored outbox is checked, versioned and bounded', () => {
  const record = (extra: Record<string, unknown>) =>
    JSON.stringify({
      participantToken: 'participant-token',
      contactId: 'contact-1',
      participantId: 'customer-1',
      connectionToken: 'token-1',
      tokenExpiresAt: 4e12,
      ...extra,
    });
  const message = (localId: string, content = localId): StoredSend => ({
    kind: 'message',
    localId,
    contentType: 'text/plain',
    content,
    time: '2030-01-01T00:00:00.000Z',
  });

  it.each([
    ['not a list', { v: STORED_CHAT_VERSION, outbox: 'junk' }],
    ['a list of junk', { v: STORED_CHAT_VERSION, outbox: [null, 5, 'x', { kind: 'message' }] }],
    ['another version', { v: 99, outbox: [message('a')] }],
    ['no version (an older release)', { outbox: [message('a')] }],
    [
      'bad entries',
      {
        v: STORED_CHAT_VERSION,
        outbox: [
          { ...message('a'), contentType: 'text/html' },
          { ...message('b'), content: 42 },
          { ...message('c'), content: 'x'.repeat(5000) },
          { ...message('d'), time: 'yesterday' },
          {
            kind: 'attachment',
            localId: 'e',
            name: 'a.pdf',
            size: -1,
            contentType: 'x',
            time: 'z',
          },
        ],
      },
    ],
  ])('ignores an outbox that is %s and still resumes', async (_, extra) => {
    const w = world();
    w.storage.setItem(DEFAULT_CHAT_STORAGE_KEY, record(extra));
    const p = w.page();
    expect(p.own()).toEqual([]);
    await online(w, p);
    expect(w.service.callsOf('sendMessage')).toHaveLength(0);
    // Resumed with the stored connection token: no new contact was needed.
    expect(p.session.getSnapshot().contactId).toBe('contact-1');
  });

  it('keeps the valid entries of a partly broken outbox, each localId once', async () => {
    const w = world();
    w.storage.setItem(
      DEFAULT_CHAT_STORAGE_KEY,
      record({
        v: STORED_CHAT_VERSION,
        outbox: [message('a'), { kind: 'nope' }, message('a', 'again'), message('b')],
      }),
    );
    const p = w.page();
    expect(p.own().map((item) => [item.localId, item.content])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    await online(w, p);
    await w.clock.advance(1_000);
    expect(w.stored().map((item) => item.Content)).toEqual(['a', 'b']);
  });

  it(`keeps at most ${STORED_OUTBOX_LIMITS.maxEntries} entries and ${STORED_OUTBOX_LIMITS.maxBytes} bytes, oldest first`, () => {
    const many = Array.from({ length: 80 }, (_, i) => message(`m${i}`));
    expect(boundStoredOutbox(many).map((send) => send.localId)).toEqual(
      many.slice(0, STORED_OUTBOX_LIMITS.maxEntries).map((send) => send.localId),
    );
    // Non-ASCII counts in UTF-8 bytes: 4000 three-byte characters are 12 KB each.
    const big = Array.from({ length: 50 }, (_, i) => ({
      ...message(`b${i}`, '€'.repeat(4000)),
      contentType: 'application/json' as const,
    }));
    const kept = boundStoredOutbox(big);
    const bytes = new TextEncoder().encode(JSON.stringify(kept)).length;
    expect(kept.length).toBeLessThan(big.length);
    expect(kept.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(STORED_OUTBOX_LIMITS.maxBytes);
    expect(
      new TextEncoder().encode(JSON.stringify(big.slice(0, kept.length + 1))).length,
    ).toBeGreaterThan(STORED_OUTBOX_LIMITS.maxBytes);
  });

  it('writes the bounded outbox of a session with more unsent messages than the bound', async () => {
    const w = world();
    const p = w.page();
    await online(w, p);
    await goOffline(w, p);
    for (let i = 0; i < STORED_OUTBOX_LIMITS.maxEntries + 5; i += 1) {
      p.session.sendMessage(`m${i}`);
    }
    const outbox = readStoredChat({ storage: w.storage })?.outbox ?? [];
    expect(outbox.map((send) => (send.kind === 'message' ? send.content : ''))).toEqual(
      Array.from({ length: STORED_OUTBOX_LIMITS.maxEntries }, (_, i) => `m${i}`),
    );
  });
});
