import { beforeAll, describe, expect, it } from 'vitest';
import { ChatError, createChatSession, silentLogger } from 'contact-kit/core';
import { DEFAULT_CHAT_STORAGE_KEY } from '../../../../src/core/chat/session/chatStorage';
import type { ChatSessionOptions, ParticipantClient } from 'contact-kit/core';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

// The upload steps load with a session's first file (a dynamic import). Loaded here once, as a
// browser that has fetched the chunk would, so the fake clock's one-tick settle is enough.
beforeAll(async () => {
  await import('../../../../src/core/chat/attachments/attachmentUpload');
});

/** The smaller faults of issue #12 §4, each against the real session over the fakes. */
function setup(
  overrides: Partial<ChatSessionOptions> = {},
  wrap: (client: ParticipantClient) => ParticipantClient = (client) => client,
) {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  const storage = memoryStorage();
  service.onMessageStored = (item) => server.broadcast(item);
  const session = createChatSession({
    participantToken: 'participant-token',
    participantId: 'customer-1',
    contactId: 'contact-1',
    client: wrap(service.client),
    WebSocket: server.WebSocket,
    clock,
    random: () => 0.5,
    logger: silentLogger,
    storage,
    environment: null,
    ...overrides,
  });
  return { clock, service, server, storage, session };
}

type Setup = ReturnType<typeof setup>;

async function connected(s: Setup): Promise<void> {
  s.session.connect();
  await s.clock.advance(0);
  expect(s.session.getSnapshot().connection.status).toBe('open');
}

/** SendMessage answers whose Id is dropped (like a proxy mangling the body) while `strip() ` says so. */
function withoutIds(strip: () => boolean) {
  return (client: ParticipantClient): ParticipantClient => ({
    ...client,
    sendMessage: async (...args: Parameters<ParticipantClient['sendMessage']>) => {
      const response = await client.sendMessage(...args);
      return strip() ? { AbsoluteTime: response.AbsoluteTime } : response;
    },
  });
}

describe('SendMessage answering 200 without an Id', () => {
  it('asks again with the same ClientToken: the message is stored once and shows sent once', async () => {
    let stripped = 0;
    const s = setup(
      {},
      withoutIds(() => stripped++ < 1),
    );
    await connected(s);
    const localId = s.session.sendMessage('is anyone there?');
    await s.clock.advance(10_000);
    const tokens = s.service.callsOf('sendMessage').map((call) => call.request['ClientToken']);
    expect(tokens).toEqual([localId, localId]);
    const stored = s.service.items.filter((item) => item.Content === 'is anyone there?');
    expect(stored).toHaveLength(1);
    const shown = s.session.getSnapshot().items.filter((i) => i.content === 'is anyone there?');
    expect(shown).toEqual([expect.objectContaining({ status: 'sent', id: stored[0]!.Id })]);
  });

  it('never leaves the message sending: it fails after the outbox attempts, retryable', async () => {
    const s = setup(
      { outboxPolicy: { maxAttempts: 3 } },
      withoutIds(() => true),
    );
    // Echoes not delivered: nothing else could confirm the message.
    s.service.onMessageStored = undefined;
    await connected(s);
    const localId = s.session.sendMessage('hello?');
    await s.clock.advance(10_000);
    expect(s.service.callsOf('sendMessage')).toHaveLength(3);
    expect(s.session.getSnapshot().items.find((item) => item.localId === localId)).toMatchObject({
      status: 'failed',
      error: { code: 'SEND_FAILED' },
    });
    // The next gap fill finds the service's copy: the failed row becomes it, shown once.
    s.server.last.drop();
    await s.clock.advance(5_000);
    const stored = s.service.items.filter((item) => item.Content === 'hello?');
    expect(stored).toHaveLength(1);
    const shown = s.session.getSnapshot().items.filter((item) => item.content === 'hello?');
    expect(shown).toEqual([expect.objectContaining({ status: 'sent', id: stored[0]!.Id })]);
  });
});

describe('retrying an attachment whose upload URL expired', () => {
  it('starts a new upload (a new ClientToken, so a fresh URL) and completes it', async () => {
    let urls = 0;
    const issued: Array<{ token: unknown; url: string }> = [];
    const replies = new Map<
      unknown,
      Awaited<ReturnType<ParticipantClient['startAttachmentUpload']>>
    >();
    const expired = new Set<string>();
    const s = setup(
      {
        upload: async (request) => {
          if (expired.has(request.url)) {
            throw new ChatError('ATTACHMENT_UPLOAD_FAILED', 'HTTP 403: URL expired', {
              retryable: true,
            });
          }
        },
      },
      (client) => ({
        ...client,
        // Like the service: a repeated ClientToken gets the first answer, URL and all.
        startAttachmentUpload: async (token, request, options) => {
          const known = replies.get(request.ClientToken);
          if (known !== undefined) {
            issued.push({ token: request.ClientToken, url: known.UploadMetadata!.Url! });
            return known;
          }
          const response = await client.startAttachmentUpload(token, request, options);
          const url = `http://fake/upload/${(urls += 1)}`;
          const reply = { ...response, UploadMetadata: { ...response.UploadMetadata, Url: url } };
          replies.set(request.ClientToken, reply);
          issued.push({ token: request.ClientToken, url });
          return reply;
        },
      }),
    );
    await connected(s);
    expired.add('http://fake/upload/1');
    const localId = s.session.sendAttachment(
      new File(['hello'], 'hello.txt', { type: 'text/plain' }),
    );
    await s.clock.advance(0);
    expect(s.session.getSnapshot().items.find((item) => item.localId === localId)).toMatchObject({
      status: 'failed',
      error: { code: 'ATTACHMENT_UPLOAD_FAILED' },
    });

    expect(s.session.retry(localId)).toBe(true);
    await s.clock.advance(0);
    expect(issued).toHaveLength(2);
    expect(issued[0]!.token).toBe(localId);
    expect(issued[1]!.token).not.toBe(localId);
    expect(issued[1]!.url).toBe('http://fake/upload/2');
    const completes = s.service.callsOf('completeAttachmentUpload');
    expect(completes).toHaveLength(1);
    expect(completes[0]!.request['ClientToken']).toBe(issued[1]!.token);
    expect(s.session.getSnapshot().items.find((item) => item.localId === localId)?.status).not.toBe(
      'failed',
    );
  });
});

describe('one 403 from CreateParticipantConnection', () => {
  it('at a rotation does not end the chat nor clear its resume data', async () => {
    const s = setup({ connectionPolicy: { rotateAfterMs: 60_000 } });
    await connected(s);
    const stored = s.storage.getItem(DEFAULT_CHAT_STORAGE_KEY);
    expect(stored).not.toBeNull();
    s.service.failNext('createParticipantConnection', 403);
    await s.clock.advance(60_000);
    await s.clock.advance(5_000);
    expect(s.session.getSnapshot()).toMatchObject({
      chat: { status: 'active' },
      connection: { status: 'open' },
    });
    expect(s.storage.getItem(DEFAULT_CHAT_STORAGE_KEY)).not.toBeNull();
    // Asked again soon after the 403, and it went through.
    expect(s.service.callsOf('createParticipantConnection').length).toBeGreaterThanOrEqual(3);
    s.session.sendMessage('still here');
    await s.clock.advance(0);
    expect(s.session.getSnapshot().items.at(-1)).toMatchObject({ status: 'sent' });
  });

  it('on a resume after a reload is asked again; two in a row end the chat and clear storage', async () => {
    const s = setup({ connectionPolicy: { urlExpiryMarginMs: 1e9 } });
    await connected(s);
    s.service.failNext('createParticipantConnection', 403);
    s.server.last.drop();
    await s.clock.advance(5_000);
    expect(s.session.getSnapshot()).toMatchObject({
      chat: { status: 'active' },
      connection: { status: 'open' },
    });

    s.service.failNext('createParticipantConnection', 403, 2);
    s.server.last.drop();
    await s.clock.advance(5_000);
    expect(s.session.getSnapshot()).toMatchObject({
      chat: { status: 'ended' },
      connection: { status: 'closed' },
    });
    expect(s.storage.getItem(DEFAULT_CHAT_STORAGE_KEY)).toBeNull();
  });
});
