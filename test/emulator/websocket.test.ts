import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { ContentType, silentLogger } from 'contact-kit/core';
import {
  TestSocket,
  addAgent,
  call,
  connect,
  createFakeClock,
  eventually,
  request,
  startChat,
} from './support';

let emulator: RunningEmulator;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) {
    socket.close();
  }
});

async function track(socket: Promise<TestSocket>): Promise<TestSocket> {
  const opened = await socket;
  sockets.push(opened);
  return opened;
}

describe('websocket protocol', () => {
  it('answers subscribe, heartbeat and ping with the exact frames', async () => {
    const chat = await startChat(emulator.url);
    const { websocketUrl } = await connect(emulator.url, chat.ParticipantToken);
    const socket = await track(TestSocket.open(websocketUrl));
    socket.send('{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}');
    socket.send('{"topic":"aws/heartbeat"}');
    socket.send('{"topic":"aws/ping"}');
    await socket.waitFor((frame) => frame.topic === 'aws/ping');
    expect(socket.frames).toEqual([
      { topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } },
      { topic: 'aws/heartbeat' },
      { topic: 'aws/ping', statusCode: 200, statusContent: 'OK' },
    ]);
  });

  it("accepts the iOS SDK's subscribe frame with a trailing ')'", async () => {
    const chat = await startChat(emulator.url);
    const { websocketUrl, connectionToken } = await connect(emulator.url, chat.ParticipantToken);
    const socket = await track(TestSocket.open(websocketUrl));
    socket.send('{"topic": "aws/subscribe", "content": {"topics": ["aws/chat"]}})');
    await socket.waitFor((frame) => frame.topic === 'aws/subscribe');
    expect(socket.frames[0]).toEqual({
      topic: 'aws/subscribe',
      content: { status: 'success', topics: ['aws/chat'] },
    });
    await call(emulator.url, 'message', connectionToken, {
      ContentType: 'text/plain',
      Content: 'after lenient subscribe',
    });
    await socket.waitForItem((item) => item.Content === 'after lenient subscribe');
  });

  it('delivers aws/chat frames only to subscribed sockets', async () => {
    const chat = await startChat(emulator.url);
    const first = await connect(emulator.url, chat.ParticipantToken);
    const unsubscribed = await track(TestSocket.open(first.websocketUrl));
    const subscribed = await track(TestSocket.subscribed(first.websocketUrl));
    await call(emulator.url, 'message', first.connectionToken, {
      ContentType: 'text/plain',
      Content: 'one',
    });
    await subscribed.waitForItem((item) => item.Content === 'one');
    // a heartbeat answered after the message proves the unsubscribed socket got nothing before it
    unsubscribed.send('{"topic":"aws/heartbeat"}');
    await unsubscribed.waitFor((frame) => frame.topic === 'aws/heartbeat');
    expect(unsubscribed.frames).toEqual([{ topic: 'aws/heartbeat' }]);
  });

  it('fans out to every participant including the sender, on every open socket, with both contact ids', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const customerA = await track(TestSocket.subscribed(customer.websocketUrl));
    const customerB = await track(
      TestSocket.subscribed((await connect(emulator.url, chat.ParticipantToken)).websocketUrl),
    );
    const agentSocket = await track(TestSocket.subscribed(agentConnection.websocketUrl));
    const sent = await call<{ Id: string }>(emulator.url, 'message', customer.connectionToken, {
      ContentType: 'text/plain',
      Content: 'to all',
    });
    for (const socket of [customerA, customerB, agentSocket]) {
      const item = await socket.waitForItem((candidate) => candidate.Id === sent.body.Id);
      expect(item).toMatchObject({
        Type: 'MESSAGE',
        Content: 'to all',
        ParticipantRole: 'CUSTOMER',
        ContactId: chat.ContactId,
        InitialContactId: chat.ContactId,
      });
    }
    const frame = customerA.frames.find((candidate) => candidate.topic === 'aws/chat')!;
    expect(Object.keys(frame)).toEqual(['topic', 'contentType', 'content']);
    expect(frame.contentType).toBe('application/json');
    expect(typeof frame.content).toBe('string');
  });

  it('fans out typing but does not store it', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const socket = await track(TestSocket.subscribed(customer.websocketUrl));
    await call(emulator.url, 'event', customer.connectionToken, {
      ContentType: ContentType.typing,
    });
    await socket.waitForItem((item) => item.ContentType === ContentType.typing);
    const transcript = await request<{ Transcript: { ContentType?: string }[] }>(
      `${emulator.url}/admin/contacts/${chat.ContactId}/transcript`,
    );
    expect(transcript.body.Transcript.some((item) => item.ContentType === ContentType.typing)).toBe(
      false,
    );
  });

  it('ignores junk and binary frames with a log line and keeps answering', async () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
    const local = await startEmulator({ port: 0, logger });
    onTestFinished(() => local.close());
    const chat = await startChat(local.url);
    const { websocketUrl } = await connect(local.url, chat.ParticipantToken);
    const socket = await track(TestSocket.open(websocketUrl));
    socket.send('not json at all');
    socket.send('{"no":"topic"}');
    socket.send('{"topic":"aws/unknown"}');
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send('{"topic":"aws/heartbeat"}');
    await socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
    expect(socket.frames).toEqual([{ topic: 'aws/heartbeat' }]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toContain('junk websocket frame: not json at all');
    expect(warnings[3]).toContain('binary');
  });

  it('on chat end: delivers chat.ended, closes with 1000, then CreateParticipantConnection is 403', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const socket = await track(TestSocket.subscribed(customer.websocketUrl));
    await request(`${emulator.url}/admin/contacts/${chat.ContactId}/stop`, { body: {} });
    const closed = await socket.closed;
    expect(closed.code).toBe(1000);
    expect(socket.items().at(-1)).toMatchObject({
      Type: 'EVENT',
      ContentType: ContentType.chatEnded,
      ContactId: chat.ContactId,
    });
    const again = await call(emulator.url, 'connection', chat.ParticipantToken, {
      Type: ['WEBSOCKET'],
    });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ message: 'Access denied' });
    const transcript = await call(emulator.url, 'transcript', customer.connectionToken, {});
    expect(transcript.status).toBe(403);
    await expect(TestSocket.open(customer.websocketUrl)).rejects.toThrow('403');
  });

  it('customer disconnect: participant.left then chat.ended to everyone', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentSocket = await track(
      TestSocket.subscribed((await connect(emulator.url, agent.ParticipantToken)).websocketUrl),
    );
    const customerSocket = await track(TestSocket.subscribed(customer.websocketUrl));
    const answer = await call(emulator.url, 'disconnect', customer.connectionToken, {});
    expect(answer).toMatchObject({ status: 200, body: {} });
    for (const socket of [agentSocket, customerSocket]) {
      expect((await socket.closed).code).toBe(1000);
      expect(socket.items().map((item) => item.ContentType)).toEqual([
        ContentType.participantLeft,
        ContentType.chatEnded,
      ]);
    }
  });

  it('agent disconnect: participant.left, the agent socket closes, the chat goes on', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const agentSocket = await track(TestSocket.subscribed(agentConnection.websocketUrl));
    const customerSocket = await track(TestSocket.subscribed(customer.websocketUrl));
    await call(emulator.url, 'disconnect', agentConnection.connectionToken, {});
    expect((await agentSocket.closed).code).toBe(1000);
    await customerSocket.waitForItem(
      (item) =>
        item.ContentType === ContentType.participantLeft && item.ParticipantRole === 'AGENT',
    );
    const stillOn = await call(emulator.url, 'message', customer.connectionToken, {
      ContentType: 'text/plain',
      Content: 'hello?',
    });
    expect(stillOn.status).toBe(200);
    expect(
      (
        await call(emulator.url, 'message', agentConnection.connectionToken, {
          ContentType: 'text/plain',
          Content: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('refuses unknown websocket paths and keys', async () => {
    await expect(TestSocket.open(emulator.url.replace('http', 'ws') + '/nowhere')).rejects.toThrow(
      '404',
    );
    await expect(
      TestSocket.open(emulator.url.replace('http', 'ws') + '/websocket?AuthToken=made-up'),
    ).rejects.toThrow('403');
  });

  it('reports open sockets per participant in the admin API', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    await track(TestSocket.subscribed(customer.websocketUrl));
    const contact = await request<{
      Participants: { ParticipantId: string; OpenWebsockets: number }[];
    }>(`${emulator.url}/admin/contacts/${chat.ContactId}`);
    expect(
      contact.body.Participants.find((p) => p.ParticipantId === chat.ParticipantId)?.OpenWebsockets,
    ).toBe(1);
  });
});

describe('advertised host', () => {
  it("spells 'localhost' as 127.0.0.1 in every URL, and those URLs work", async () => {
    const local = await startEmulator({ port: 0, host: 'localhost' });
    try {
      expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const chat = await startChat(local.url);
      const { websocketUrl } = await connect(local.url, chat.ParticipantToken);
      expect(websocketUrl.startsWith(`ws://127.0.0.1:${local.port}/`)).toBe(true);
      const socket = await TestSocket.subscribed(websocketUrl);
      socket.close();
    } finally {
      await local.close();
    }
  });
});

describe('websocket windows with a fake clock', () => {
  it('a URL opens within its 100 s window and not after', async () => {
    const clock = createFakeClock();
    const local = await startEmulator({ port: 0, clock });
    try {
      const chat = await startChat(local.url);
      const early = await connect(local.url, chat.ParticipantToken);
      clock.advance(100_000);
      const socket = await TestSocket.open(early.websocketUrl);
      socket.close();
      const late = await connect(local.url, chat.ParticipantToken);
      clock.advance(100_001);
      await expect(TestSocket.open(late.websocketUrl)).rejects.toThrow('403');
    } finally {
      await local.close();
    }
  });

  it('closes a socket with 1001 at its maximum lifetime', async () => {
    const clock = createFakeClock();
    const local = await startEmulator({ port: 0, clock, maxSocketLifetimeMs: 60_000 });
    try {
      const chat = await startChat(local.url);
      const socket = await TestSocket.subscribed(
        (await connect(local.url, chat.ParticipantToken)).websocketUrl,
      );
      clock.advance(59_999);
      socket.send('{"topic":"aws/heartbeat"}');
      await socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
      clock.advance(1);
      expect((await socket.closed).code).toBe(1001);
      await eventually(async () => {
        const contact = await request<{ Participants: { OpenWebsockets: number }[] }>(
          `${local.url}/admin/contacts/${chat.ContactId}`,
        );
        return contact.body.Participants[0]?.OpenWebsockets === 0 ? true : undefined;
      }, 'socket count to drop');
    } finally {
      await local.close();
    }
  });

  it('connection tokens expire after connectionTokenTtlMs', async () => {
    const clock = createFakeClock();
    const local = await startEmulator({ port: 0, clock, connectionTokenTtlMs: 1000 });
    try {
      const chat = await startChat(local.url);
      const { connectionToken } = await connect(local.url, chat.ParticipantToken);
      expect((await call(local.url, 'transcript', connectionToken)).status).toBe(200);
      clock.advance(1000);
      expect((await call(local.url, 'transcript', connectionToken)).status).toBe(403);
      // the participant token still works and gives a fresh token
      const fresh = await connect(local.url, chat.ParticipantToken);
      expect((await call(local.url, 'transcript', fresh.connectionToken)).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
