import { afterEach, describe, expect, it } from 'vitest';
import {
  type RunningEmulator,
  type StartEmulatorOptions,
  startEmulator,
} from 'contact-kit/emulator';
import {
  type FakeClock,
  TestSocket,
  call,
  connect,
  createFakeClock,
  request,
  sequenceRandom,
  startChat,
} from './support';

let emulator: RunningEmulator | undefined;
const sockets: TestSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) {
    socket.close();
  }
  await emulator?.close();
  emulator = undefined;
});

interface Setup {
  url: string;
  clock: FakeClock;
  token: string;
  participantToken: string;
  socket: TestSocket;
}

async function setup(options: StartEmulatorOptions = {}): Promise<Setup> {
  const clock = createFakeClock();
  emulator = await startEmulator({ port: 0, clock, ...options });
  const chat = await startChat(emulator.url);
  const connection = await connect(emulator.url, chat.ParticipantToken);
  const socket = await TestSocket.subscribed(connection.websocketUrl);
  sockets.push(socket);
  return {
    url: emulator.url,
    clock,
    token: connection.connectionToken,
    participantToken: chat.ParticipantToken,
    socket,
  };
}

function fault(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return request(`${url}/admin/faults`, { body });
}

async function send(url: string, token: string, content: string): Promise<string> {
  const answer = await call<{ Id: string }>(url, 'message', token, {
    ContentType: 'text/plain',
    Content: content,
  });
  expect(answer.status).toBe(200);
  return answer.body.Id;
}

/** Sends a heartbeat and waits for its reply: every frame sent before it has arrived by then. */
async function barrier(socket: TestSocket): Promise<void> {
  const before = socket.frames.filter((frame) => frame.topic === 'aws/heartbeat').length;
  socket.send('{"topic":"aws/heartbeat"}');
  await socket.waitFor(
    () => socket.frames.filter((frame) => frame.topic === 'aws/heartbeat').length > before,
  );
}

const contents = (socket: TestSocket): (string | undefined)[] =>
  socket
    .items()
    .filter((item) => item.Type === 'MESSAGE')
    .map((item) => item.Content);

describe('POST /admin/faults', () => {
  it('dropSockets terminates every socket without a close frame (1006)', async () => {
    const { url, socket } = await setup();
    expect(await fault(url, { dropSockets: true })).toMatchObject({ status: 200, body: {} });
    expect((await socket.closed).code).toBe(1006);
  });

  it('silenceMs: no replies, deliveries lost, then normal again; new sockets are not silenced', async () => {
    const { url, clock, token, socket } = await setup();
    await fault(url, { silenceMs: 15_000 });
    socket.send('{"topic":"aws/heartbeat"}');
    socket.send('{"topic":"aws/ping"}');
    await send(url, token, 'lost');
    clock.advance(15_000);
    await send(url, token, 'after');
    await socket.waitForItem((item) => item.Content === 'after');
    await barrier(socket);
    expect(contents(socket)).toEqual(['after']);
    expect(socket.frames.filter((frame) => frame.topic === 'aws/ping')).toEqual([]);
    expect(socket.frames.filter((frame) => frame.topic === 'aws/heartbeat')).toHaveLength(1);
  });

  it('silenceMs does not affect a socket opened afterwards', async () => {
    const { url, token, participantToken, socket } = await setup();
    await fault(url, { silenceMs: 15_000 });
    const fresh = await TestSocket.subscribed((await connect(url, participantToken)).websocketUrl);
    sockets.push(fresh);
    await send(url, token, 'to the new socket');
    await fresh.waitForItem((item) => item.Content === 'to the new socket');
    expect(contents(socket)).toEqual([]);
  });

  it('failNext fails the named operation count times with the right error name, then recovers', async () => {
    const { url, participantToken } = await setup();
    await fault(url, {
      failNext: { operation: 'CreateParticipantConnection', status: 429, count: 2 },
    });
    await fault(url, { failNext: { operation: 'CreateParticipantConnection', status: 503 } });
    const body = { Type: ['CONNECTION_CREDENTIALS'] };
    const first = await call(url, 'connection', participantToken, body);
    const second = await call(url, 'connection', participantToken, body);
    const third = await call(url, 'connection', participantToken, body);
    const fourth = await call(url, 'connection', participantToken, body);
    expect([first.status, second.status, third.status, fourth.status]).toEqual([
      429, 429, 503, 200,
    ]);
    expect(first.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(third.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
    expect(first.body).toEqual({ message: 'Rate exceeded' });
  });

  it('failNext with 403 and 500 names AccessDeniedException and InternalServerException', async () => {
    const { url, token } = await setup();
    await fault(url, { failNext: { operation: 'SendEvent', status: 403 } });
    await fault(url, { failNext: { operation: 'GetTranscript', status: 500 } });
    const denied = await call(url, 'event', token, {
      ContentType: 'application/vnd.amazonaws.connect.event.typing',
    });
    const failed = await call(url, 'transcript', token, {});
    expect([denied.status, denied.headers.get('x-amzn-errortype')]).toEqual([
      403,
      'AccessDeniedException',
    ]);
    expect([failed.status, failed.headers.get('x-amzn-errortype')]).toEqual([
      500,
      'InternalServerException',
    ]);
    expect((await call(url, 'transcript', token, {})).status).toBe(200);
  });

  it('expireWebsocketUrls: URLs issued before cannot be opened, new ones can', async () => {
    const { url, participantToken } = await setup();
    const old = await connect(url, participantToken);
    await fault(url, { expireWebsocketUrls: true });
    await expect(TestSocket.open(old.websocketUrl)).rejects.toThrow('403');
    const fresh = await TestSocket.open((await connect(url, participantToken)).websocketUrl);
    sockets.push(fresh);
  });

  it('expireConnectionTokens: old connection tokens get 403, the participant token still works', async () => {
    const { url, token, participantToken } = await setup();
    await fault(url, { expireConnectionTokens: true });
    const denied = await call(url, 'transcript', token, {});
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    const renewed = await connect(url, participantToken);
    expect((await call(url, 'transcript', renewed.connectionToken, {})).status).toBe(200);
  });

  it('duplicateDeliveries delivers the chosen share twice, for forMs only', async () => {
    // random 0.1 < 0.5 duplicates the first frame, 0.9 does not duplicate the second
    const { url, clock, token, socket } = await setup({ random: sequenceRandom([0.1, 0.9]) });
    await fault(url, { duplicateDeliveries: 0.5, forMs: 10_000 });
    await send(url, token, 'a');
    await send(url, token, 'b');
    clock.advance(10_000);
    await send(url, token, 'c');
    await socket.waitForItem((item) => item.Content === 'c');
    expect(contents(socket)).toEqual(['a', 'a', 'b', 'c']);
  });

  it('reorderWindowMs holds frames for the window and delivers them shuffled', async () => {
    // with random() = 0 the Fisher-Yates shuffle turns [a, b, c] into [b, c, a]
    const { url, clock, token, socket } = await setup({ random: () => 0 });
    await fault(url, { reorderWindowMs: 300, forMs: 10_000 });
    await send(url, token, 'a');
    await send(url, token, 'b');
    await send(url, token, 'c');
    await barrier(socket);
    expect(contents(socket)).toEqual([]);
    clock.advance(300);
    await socket.waitForItem((item) => item.Content === 'a');
    await barrier(socket);
    expect(contents(socket)).toEqual(['b', 'c', 'a']);
  });

  it('delayDeliveriesMs delays every frame by the given time', async () => {
    const { url, clock, token, socket } = await setup();
    await fault(url, { delayDeliveriesMs: 500, forMs: 10_000 });
    await send(url, token, 'late');
    await barrier(socket);
    expect(contents(socket)).toEqual([]);
    clock.advance(499);
    await barrier(socket);
    expect(contents(socket)).toEqual([]);
    clock.advance(1);
    await socket.waitForItem((item) => item.Content === 'late');
  });

  it('faults combine, and reset clears them all', async () => {
    const { url, token, socket } = await setup();
    await fault(url, { delayDeliveriesMs: 500, forMs: 10_000 });
    await fault(url, { failNext: { operation: 'SendMessage', status: 500, count: 5 } });
    expect(
      (await call(url, 'message', token, { ContentType: 'text/plain', Content: 'x' })).status,
    ).toBe(500);
    await fault(url, { reset: true });
    await send(url, token, 'now');
    await socket.waitForItem((item) => item.Content === 'now');
  });

  it('chat.ended flushes frames held by a delay before closing', async () => {
    const { url, token, socket } = await setup();
    await fault(url, { delayDeliveriesMs: 60_000, forMs: 600_000 });
    await send(url, token, 'held');
    const contacts = await request<{ Contacts: { ContactId: string }[] }>(`${url}/admin/contacts`);
    await request(`${url}/admin/contacts/${contacts.body.Contacts[0]!.ContactId}/stop`, {
      body: {},
    });
    expect((await socket.closed).code).toBe(1000);
    expect(socket.items().map((item) => item.Content ?? item.ContentType)).toEqual([
      'held',
      'application/vnd.amazonaws.connect.event.chat.ended',
    ]);
  });

  it.each([
    ['not an object', '[1]'],
    ['unknown fault', '{"explode":true}'],
    ['two faults in one call', '{"dropSockets":true,"silenceMs":5}'],
    ['unbounded silence', '{"silenceMs":999999999}'],
    ['timed fault without forMs', '{"delayDeliveriesMs":100}'],
    ['share above 1', '{"duplicateDeliveries":2,"forMs":100}'],
    ['bad status', '{"failNext":{"operation":"SendMessage","status":418}}'],
    ['bad operation', '{"failNext":{"operation":"Nope","status":500}}'],
    ['forMs on an untimed fault', '{"dropSockets":true,"forMs":5}'],
    ['malformed json', '{"silenceMs":'],
  ])('rejects a fault body with %s (400) and keeps serving', async (_label, raw) => {
    const { url } = await setup();
    const answer = await request(`${url}/admin/faults`, { raw });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect((await fault(url, { reset: true })).status).toBe(200);
  });
});
