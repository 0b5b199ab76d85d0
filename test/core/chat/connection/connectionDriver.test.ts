import { describe, expect, it } from 'vitest';
import { silentLogger } from 'contact-kit/core';
import { createConnectionDriver } from '../../../../src/core/chat/connection/connectionDriver';
import { resolveConnectionPolicy } from '../../../../src/core/chat/connection/connectionPolicy';
import type { ChatEnvironment, ConnectionPolicy, Item } from 'contact-kit/core';
import type {
  ConnectionState,
  SessionCredentials,
} from '../../../../src/core/chat/connection/connectionMachine';
import { FakeClock, flushMicrotasks } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';

interface Setup {
  policy?: Partial<ConnectionPolicy>;
  random?: () => number;
  auto?: boolean;
  environment?: ChatEnvironment;
  initialCredentials?: SessionCredentials;
}

function setup(options: Setup = {}) {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: options.auto ?? false });
  const states: ConnectionState[] = [];
  const items: Item[] = [];
  const events = { fillGap: 0, ended: 0 };
  const driver = createConnectionDriver({
    participantToken: 'participant-token',
    client: service.client,
    getWebSocket: () => server.WebSocket,
    clock,
    random: options.random ?? (() => 0.5),
    logger: silentLogger,
    policy: resolveConnectionPolicy(options.policy),
    getEnvironment: () => options.environment,
    initialCredentials: options.initialCredentials,
    onChange: (state) => states.push(state),
    onItem: (item) => items.push(item),
    onFillGap: () => {
      events.fillGap += 1;
    },
    onChatEnded: () => {
      events.ended += 1;
    },
  });
  return { clock, service, server, driver, states, items, events };
}

/** Fetch → socket opens → subscribe acknowledged. */
async function connectFully(s: ReturnType<typeof setup>): Promise<void> {
  s.driver.connect();
  await flushMicrotasks();
  s.server.last.open();
  s.server.last.ackSubscribe();
}

/** Every reconnect fetches a fresh URL (so scripted CreateParticipantConnection failures apply). */
const NO_URL_REUSE: Partial<ConnectionPolicy> = { urlExpiryMarginMs: 1_000_000 };

const agentItem = (id: string): Item => ({
  Id: id,
  Type: 'MESSAGE',
  ContentType: 'text/plain',
  Content: id,
  AbsoluteTime: '2030-01-01T00:00:01.000Z',
  ParticipantId: 'agent-1',
  ParticipantRole: 'AGENT',
});

describe('connection driver', () => {
  it('connects: CreateParticipantConnection with both types, opens the URL, subscribes to aws/chat', async () => {
    const s = setup();
    s.driver.connect();
    expect(s.driver.state.status).toBe('connecting');
    await flushMicrotasks();
    expect(s.service.callsOf('createParticipantConnection')).toEqual([
      {
        operation: 'createParticipantConnection',
        token: 'participant-token',
        request: { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
      },
    ]);
    expect(s.server.sockets.map((socket) => socket.url)).toEqual(['ws://fake/socket-1']);
    s.server.last.open();
    expect(s.server.last.sent).toEqual([
      '{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}',
    ]);
    s.server.last.ackSubscribe();
    expect(s.driver.state.status).toBe('open');
    expect(s.events.fillGap).toBe(1);
  });

  it('connect() twice is one connection (StrictMode)', async () => {
    const s = setup();
    s.driver.connect();
    s.driver.connect();
    await flushMicrotasks();
    s.driver.connect();
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(1);
    expect(s.server.sockets).toHaveLength(1);
  });

  it('resends subscribe after 1 s without reply, and gives up on the socket after 3 tries', async () => {
    const s = setup();
    s.driver.connect();
    await flushMicrotasks();
    const first = s.server.last;
    first.open();
    await s.clock.advance(1000);
    expect(first.sentTopics()).toEqual(['aws/subscribe', 'aws/subscribe']);
    await s.clock.advance(1000);
    expect(first.sentTopics()).toEqual(['aws/subscribe', 'aws/subscribe', 'aws/subscribe']);
    await s.clock.advance(1000);
    expect(first.closedByClient).toBe(true);
    expect(s.driver.state).toMatchObject({ status: 'connecting', attempt: 2, step: 'waiting' });
    // The same, still valid URL is reused for the next socket.
    await s.clock.advance(2000);
    expect(s.server.sockets).toHaveLength(2);
    expect(s.server.last.url).toBe(first.url);
  });

  it('sends heartbeat and ping every 7.5 s and reconnects when a heartbeat goes unanswered for 2 s (half-open)', async () => {
    const s = setup();
    await connectFully(s);
    const socket = s.server.last;
    await s.clock.advance(7500);
    expect(socket.sentTopics().slice(1)).toEqual(['aws/heartbeat', 'aws/ping']);
    socket.ackHeartbeat();
    await s.clock.advance(7500);
    expect(socket.sentTopics().slice(1)).toEqual([
      'aws/heartbeat',
      'aws/ping',
      'aws/heartbeat',
      'aws/ping',
    ]);
    // No answer this time, and no close event either.
    await s.clock.advance(1999);
    expect(socket.closedByClient).toBe(false);
    await s.clock.advance(1);
    expect(socket.closedByClient).toBe(true);
    expect(s.driver.state).toMatchObject({ status: 'reconnecting', attempt: 1 });
    expect(s.driver.state.status === 'reconnecting' && s.driver.state.error?.code).toBe(
      'CONNECTION_LOST',
    );
  });

  it('reconnects at once after a drop (under 20 ms), then backs off with full jitter from the injected random, capped at 30 s, and never gives up', async () => {
    const s = setup({ random: () => 0.999, policy: NO_URL_REUSE });
    await connectFully(s);
    s.server.last.drop();
    expect(s.driver.state.status).toBe('reconnecting');
    const waits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      waits.push(s.clock.pendingDelays().find((delay) => delay < 31_000) ?? -1);
      s.service.failNext('createParticipantConnection', 503);
      await s.clock.advance(waits.at(-1)!);
      await flushMicrotasks();
    }
    expect(waits).toEqual([19, 249, 499, 999, 1998, 3996, 7992, 15984, 29970]);
    expect(s.driver.state).toMatchObject({ status: 'reconnecting', attempt: 10 });
  });

  it('fetches a fresh URL when the old one is past its ConnectionExpiry', async () => {
    const s = setup({ auto: true });
    s.driver.connect();
    await s.clock.advance(10);
    await s.clock.advance(11_000);
    s.server.last.drop();
    await s.clock.advance(1000);
    // 12 s after the fetch the URL is still good: reused.
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(1);
    expect(s.server.sockets.map((socket) => socket.url)).toEqual([
      'ws://fake/socket-1',
      'ws://fake/socket-1',
    ]);
    expect(s.driver.state.status).toBe('open');
    await s.clock.advance(95_000 - 12_000);
    s.server.last.drop();
    await s.clock.advance(1000);
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(2);
    expect(s.server.last.url).toBe('ws://fake/socket-2');
    expect(s.driver.state.status).toBe('open');
  });

  it('drops a URL the socket could not open with (revoked) and fetches a fresh one', async () => {
    const s = setup({ auto: true });
    s.driver.connect();
    await s.clock.advance(10);
    expect(s.driver.state.status).toBe('open');
    s.server.refusedUrls.add('ws://fake/socket-1');
    s.server.last.drop();
    await s.clock.advance(1000);
    await s.clock.advance(2000);
    expect(s.driver.state.status).toBe('open');
    expect(s.server.sockets.map((socket) => socket.url)).toEqual([
      'ws://fake/socket-1',
      'ws://fake/socket-1',
      'ws://fake/socket-2',
    ]);
  });

  it('keeps trying through 429 and 500 on reconnect, then recovers', async () => {
    const s = setup({ auto: true, policy: NO_URL_REUSE });
    s.driver.connect();
    await s.clock.advance(10);
    s.service.failNext('createParticipantConnection', 429, 3);
    s.service.failNext('createParticipantConnection', 500, 3);
    s.server.last.drop();
    await s.clock.advance(100_000);
    const codes = s.states.flatMap((state) =>
      state.status === 'reconnecting' && state.error ? [state.error.code] : [],
    );
    expect(codes).toContain('THROTTLED');
    expect(s.driver.state.status).toBe('open');
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(8);
  });

  it('treats 403 on reconnect, confirmed by one more try, as the chat having ended', async () => {
    const s = setup({ auto: true });
    s.driver.connect();
    await s.clock.advance(10);
    await s.clock.advance(200_000);
    const before = s.service.callsOf('createParticipantConnection').length;
    s.service.failNext('createParticipantConnection', 403, 2);
    s.server.last.drop();
    await s.clock.advance(2000);
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(before + 2);
    expect(s.driver.state).toMatchObject({ status: 'closed', reason: 'ended' });
    expect(s.events.ended).toBe(1);
    expect(s.clock.pendingCount).toBe(0);
  });

  it('does not end the chat on a single 403 at reconnect (a proxy hiccup): the retry reconnects', async () => {
    const s = setup({ auto: true });
    s.driver.connect();
    await s.clock.advance(10);
    await s.clock.advance(200_000);
    s.service.failNext('createParticipantConnection', 403);
    s.server.last.drop();
    await s.clock.advance(2000);
    expect(s.driver.state.status).toBe('open');
    expect(s.events.ended).toBe(0);
  });

  it('fails with ACCESS_DENIED on a 403 at the very first connect', async () => {
    const s = setup();
    s.service.failNext('createParticipantConnection', 403);
    s.driver.connect();
    await flushMicrotasks();
    expect(s.driver.state.status).toBe('failed');
    expect(s.driver.state.status === 'failed' && s.driver.state.error.code).toBe('ACCESS_DENIED');
    expect(s.events.ended).toBe(0);
  });

  it('rotates the socket with overlap and ignores frames from the old one afterwards', async () => {
    const s = setup({ auto: true, policy: { rotateAfterMs: 60_000 } });
    s.driver.connect();
    await s.clock.advance(10);
    const old = s.server.last;
    old.deliver(agentItem('a'));
    await s.clock.advance(60_000);
    const fresh = s.server.last;
    expect(fresh).not.toBe(old);
    expect(old.closedByClient).toBe(true);
    expect(s.driver.state).toMatchObject({ status: 'open', socketId: 2 });
    // A frame the old socket still had in flight, and a new one on the fresh socket.
    old.readyState = 1;
    old.deliver(agentItem('late-from-old'));
    fresh.deliver(agentItem('b'));
    expect(s.items.map((item) => item.Id)).toEqual(['a', 'b']);
    expect(
      s.states.every((state) => state.status === 'open' || state.status === 'connecting'),
    ).toBe(true);
    expect(s.events.fillGap).toBe(2);
  });

  it('refreshes the connection token a minute before it expires, without a tight loop on a fixed expiry', async () => {
    const s = setup({ auto: true, policy: { rotateAfterMs: 10 * 60 * 60_000 } });
    s.service.fixedTokenExpiry = s.clock.now() + 10 * 60_000;
    s.driver.connect();
    await s.clock.advance(10);
    await s.clock.advance(9 * 60_000);
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(2);
    // Same expiry again: the next refresh is at least a minute later, not immediately.
    await s.clock.advance(59_000);
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(2);
    await s.clock.advance(1000);
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(3);
    expect(s.server.sockets).toHaveLength(1);
  });

  it('fetches a new token when an operation reports the token refused', async () => {
    const s = setup({ auto: true });
    s.driver.connect();
    await s.clock.advance(10);
    s.driver.tokenRejected();
    s.driver.tokenRejected();
    await flushMicrotasks();
    expect(s.service.callsOf('createParticipantConnection')).toHaveLength(2);
    expect(s.driver.state.credentials?.connectionToken).toBe('token-2');
  });

  it('destroy() while connecting aborts the call and leaves no socket or timer', async () => {
    const s = setup();
    const hold = s.service.holdNext('createParticipantConnection');
    s.driver.connect();
    await hold;
    s.driver.destroy();
    await flushMicrotasks();
    expect(s.server.sockets).toHaveLength(0);
    expect(s.clock.pendingCount).toBe(0);
    expect(s.driver.state.status).toBe('closed');
  });

  it('destroy() while the socket is still opening closes it', async () => {
    const s = setup();
    s.driver.connect();
    await flushMicrotasks();
    const socket = s.server.last;
    s.driver.destroy();
    expect(socket.closedByClient).toBe(true);
    expect(s.clock.pendingCount).toBe(0);
  });

  it('reconnects at once when the environment says the network is back', async () => {
    let wake: () => void = () => undefined;
    let listening = 0;
    const environment: ChatEnvironment = {
      subscribe(onWake) {
        wake = onWake;
        listening += 1;
        return () => {
          listening -= 1;
        };
      },
    };
    const s = setup({ auto: true, environment, random: () => 0.99, policy: NO_URL_REUSE });
    s.driver.connect();
    await s.clock.advance(10);
    s.service.failNext('createParticipantConnection', 503, 8);
    s.server.last.drop();
    await s.clock.advance(5000);
    expect(s.driver.state.status).toBe('reconnecting');
    const before = s.service.callsOf('createParticipantConnection').length;
    wake();
    await s.clock.advance(10);
    expect(s.service.callsOf('createParticipantConnection').length).toBe(before + 1);
    expect(listening).toBe(1);
    s.driver.destroy();
    expect(listening).toBe(0);
  });

  it('reconnects at once only once: a socket from a fast reconnect that dies before answering a heartbeat waits the backoff, and answering re-arms it', async () => {
    const s = setup();
    await connectFully(s);
    const retryDelay = (): number | undefined =>
      s.clock.pendingDelays().find((delay) => delay < 1000);
    const reopen = async (wait: number): Promise<void> => {
      await s.clock.advance(wait);
      await flushMicrotasks();
      s.server.last.open();
      s.server.last.ackSubscribe();
      expect(s.driver.state.status).toBe('open');
    };
    s.server.last.drop();
    expect(retryDelay()).toBe(10); // 0.5 × 20 ms
    await reopen(10);
    // The fresh socket dies before it proved itself: a service that keeps closing sockets
    // gets the backoff, not a tight loop.
    s.server.last.drop();
    expect(retryDelay()).toBe(125); // 0.5 × 250 ms
    await reopen(125);
    await s.clock.advance(7500);
    s.server.last.ackHeartbeat();
    s.server.last.drop();
    expect(retryDelay()).toBe(10);
  });

  it('waits four round trips for a heartbeat on a slow link (measured from the subscribe answer)', async () => {
    const s = setup();
    s.driver.connect();
    await flushMicrotasks();
    s.server.last.open();
    await s.clock.advance(900);
    s.server.last.ackSubscribe();
    expect(s.driver.state).toMatchObject({ status: 'open', rttMs: 900 });
    const socket = s.server.last;
    await s.clock.advance(7500);
    expect(socket.sentTopics().slice(1)).toEqual(['aws/heartbeat', 'aws/ping']);
    await s.clock.advance(3599);
    expect(socket.closedByClient).toBe(false);
    await s.clock.advance(1);
    expect(socket.closedByClient).toBe(true);
  });

  it('probe() pings an open socket at once and reconnects when it stays silent', async () => {
    const s = setup();
    await connectFully(s);
    const socket = s.server.last;
    s.driver.probe();
    s.driver.probe(); // one probe at a time
    expect(socket.sentTopics()).toEqual(['aws/subscribe', 'aws/heartbeat', 'aws/ping']);
    await s.clock.advance(2000);
    expect(socket.closedByClient).toBe(true);
    expect(s.driver.state.status).toBe('reconnecting');
    s.driver.probe(); // nothing to probe while reconnecting
    expect(s.driver.state.status).toBe('reconnecting');
  });

  it('probes an open socket with a heartbeat on wake-up', async () => {
    let wake: () => void = () => undefined;
    const s = setup({ environment: { subscribe: (onWake) => ((wake = onWake), () => undefined) } });
    await connectFully(s);
    wake();
    expect(s.server.last.sentTopics()).toEqual(['aws/subscribe', 'aws/heartbeat', 'aws/ping']);
    await s.clock.advance(5000);
    expect(s.driver.state.status).toBe('reconnecting');
  });

  it('skips malformed frames and keeps going', async () => {
    const s = setup();
    await connectFully(s);
    s.server.last.receive('not json');
    s.server.last.receive({ topic: 'aws/chat', content: '{broken' });
    s.server.last.receive({ message: 'Forbidden', connectionId: 'x' });
    s.server.last.deliver(agentItem('ok'));
    expect(s.items.map((item) => item.Id)).toEqual(['ok']);
    expect(s.driver.state.status).toBe('open');
  });
});
