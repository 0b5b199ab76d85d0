import { describe, expect, it } from 'vitest';
import { ChatError, NetworkError, silentLogger } from 'contact-kit/core';
import { createMessageOutbox } from '../../../../src/core/chat/outbox/messageOutbox';
import type { OutboxEntry } from '../../../../src/core/chat/outbox/messageOutbox';
import { FakeClock } from '../../../fakes/FakeClock';
import { serviceError } from '../../../fakes/FakeParticipantClient';

/** Makes `send` answer like a 2xx without an Id. */
const NO_ID = Symbol('no Id');

function setup(maxAttempts = 3) {
  const clock = new FakeClock();
  const calls: string[] = [];
  const failures: unknown[] = [];
  const confirmed: string[] = [];
  const failed: Array<[string, string]> = [];
  let token: string | undefined = 'token';
  let rejected = 0;
  const outbox = createMessageOutbox({
    clock,
    random: () => 0.5,
    logger: silentLogger,
    policy: { maxAttempts, baseDelayMs: 1000, maxDelayMs: 30_000 },
    send: async (entry) => {
      calls.push(entry.localId);
      const failure = failures.shift();
      if (failure === NO_ID) {
        // A 2xx whose body lost its Id (a proxy, a truncated response).
        return { AbsoluteTime: new Date(clock.now()).toISOString() };
      }
      if (failure !== undefined) {
        throw failure;
      }
      return { Id: `server-${entry.localId}`, AbsoluteTime: new Date(clock.now()).toISOString() };
    },
    getToken: () => token,
    onConfirmed: (entry) => confirmed.push(entry.localId),
    onFailed: (entry, error) => failed.push([entry.localId, error.code]),
    onTokenRejected: () => {
      rejected += 1;
    },
  });
  const entry = (localId: string): OutboxEntry => ({
    localId,
    contentType: 'text/plain',
    content: localId,
  });
  return {
    clock,
    calls,
    failures,
    confirmed,
    failed,
    outbox,
    entry,
    setToken: (value: string | undefined) => {
      token = value;
    },
    rejected: () => rejected,
  };
}

describe('message outbox', () => {
  it('sends one at a time, in order', async () => {
    const s = setup();
    s.failures.push(new NetworkError('blip'));
    s.outbox.enqueue(s.entry('a'));
    s.outbox.enqueue(s.entry('b'));
    s.outbox.enqueue(s.entry('c'));
    await s.clock.advance(5000);
    expect(s.calls).toEqual(['a', 'a', 'b', 'c']);
    expect(s.confirmed).toEqual(['a', 'b', 'c']);
  });

  it('waits while there is no open connection and resumes without waiting out a backoff', async () => {
    const s = setup();
    s.setToken(undefined);
    s.outbox.enqueue(s.entry('a'));
    await s.clock.advance(60_000);
    expect(s.calls).toEqual([]);
    s.setToken('token');
    s.outbox.resume();
    await s.clock.advance(0);
    expect(s.confirmed).toEqual(['a']);
  });

  it('does not use up attempts on network errors while the connection is down', async () => {
    const s = setup(2);
    s.failures.push(new NetworkError('down'), new NetworkError('down'), new NetworkError('down'));
    s.outbox.enqueue(s.entry('a'));
    s.setToken(undefined);
    await s.clock.advance(0);
    s.setToken('token');
    for (let i = 0; i < 3; i += 1) {
      s.setToken('token');
      s.outbox.resume();
      s.setToken(undefined);
      await s.clock.advance(0);
    }
    s.setToken('token');
    s.outbox.resume();
    await s.clock.advance(0);
    expect(s.failed).toEqual([]);
    expect(s.confirmed).toEqual(['a']);
  });

  it('fails after maxAttempts, then goes on with the next message', async () => {
    const s = setup(2);
    s.failures.push(serviceError('sendMessage', 500), serviceError('sendMessage', 500));
    s.outbox.enqueue(s.entry('a'));
    s.outbox.enqueue(s.entry('b'));
    await s.clock.advance(10_000);
    expect(s.failed).toEqual([['a', 'SEND_FAILED']]);
    expect(s.confirmed).toEqual(['b']);
  });

  it('fails a message the service calls invalid at once, and asks for a token on 403', async () => {
    const s = setup();
    s.failures.push(serviceError('sendMessage', 400), serviceError('sendMessage', 403));
    s.outbox.enqueue(s.entry('bad'));
    s.outbox.enqueue(s.entry('good'));
    await s.clock.advance(10_000);
    expect(s.failed).toEqual([['bad', 'MESSAGE_INVALID']]);
    expect(s.rejected()).toBe(1);
    expect(s.confirmed).toEqual(['good']);
  });

  it('asks again with the same ClientToken when SendMessage answers without an Id', async () => {
    const s = setup();
    s.failures.push(NO_ID);
    s.outbox.enqueue(s.entry('a'));
    s.outbox.enqueue(s.entry('b'));
    await s.clock.advance(10_000);
    expect(s.calls).toEqual(['a', 'a', 'b']);
    expect(s.confirmed).toEqual(['a', 'b']);
    expect(s.failed).toEqual([]);
  });

  it('fails a message (never leaves it sending) when every answer lacks an Id', async () => {
    const s = setup(3);
    s.failures.push(NO_ID, NO_ID, NO_ID);
    s.outbox.enqueue(s.entry('a'));
    s.outbox.enqueue(s.entry('b'));
    await s.clock.advance(60_000);
    expect(s.calls).toEqual(['a', 'a', 'a', 'b']);
    expect(s.failed).toEqual([['a', 'SEND_FAILED']]);
    expect(s.confirmed).toEqual(['b']);
    expect(s.outbox.size).toBe(0);
  });

  it('failAll() fails everything queued and refuses new messages', async () => {
    const s = setup();
    s.setToken(undefined);
    s.outbox.enqueue(s.entry('a'));
    s.outbox.enqueue(s.entry('b'));
    s.outbox.failAll(new ChatError('CHAT_ENDED', 'ended'));
    s.outbox.enqueue(s.entry('c'));
    expect(s.failed).toEqual([
      ['a', 'CHAT_ENDED'],
      ['b', 'CHAT_ENDED'],
      ['c', 'CHAT_ENDED'],
    ]);
    expect(s.outbox.size).toBe(0);
  });
});
