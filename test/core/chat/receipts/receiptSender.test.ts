import { describe, expect, it } from 'vitest';
import { NetworkError, silentLogger } from 'contact-kit/core';
import {
  createReceiptSender,
  DEFAULT_RECEIPT_POLICY,
} from '../../../../src/core/chat/receipts/receiptSender';
import type { ReceiptKind } from '../../../../src/core/chat/receipts/receiptSender';
import { FakeClock } from '../../../fakes/FakeClock';
import { serviceError } from '../../../fakes/FakeParticipantClient';

function setup(options: { own?: Set<string> } = {}) {
  const clock = new FakeClock();
  const sent: Array<[ReceiptKind, string]> = [];
  const failures: unknown[] = [];
  let token: string | undefined = 'token';
  let rejected = 0;
  const receipts = createReceiptSender({
    clock,
    logger: silentLogger,
    policy: DEFAULT_RECEIPT_POLICY,
    send: async (kind, messageId) => {
      sent.push([kind, messageId]);
      const failure = failures.shift();
      if (failure !== undefined) {
        throw failure;
      }
    },
    getToken: () => token,
    shouldSend: (messageId) => !(options.own?.has(messageId) ?? false),
    onTokenRejected: () => {
      rejected += 1;
    },
  });
  return {
    clock,
    sent,
    failures,
    receipts,
    setToken: (value: string | undefined) => {
      token = value;
    },
    rejected: () => rejected,
  };
}

const t = (second: number) => `2030-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

describe('receipt sender', () => {
  it('waits 300 ms with a delivered receipt so a read can replace it', async () => {
    const s = setup();
    s.receipts.delivered('m1', t(1));
    await s.clock.advance(100);
    s.receipts.read('m1', t(1));
    await s.clock.advance(1000);
    expect(s.sent).toEqual([['read', 'm1']]);
    s.receipts.delivered('m1', t(1));
    await s.clock.advance(10_000);
    expect(s.sent).toEqual([['read', 'm1']]);
  });

  it('coalesces a burst into one receipt for the newest message, whatever the arrival order', async () => {
    const s = setup();
    s.receipts.delivered('m2', t(2));
    s.receipts.delivered('m3', t(3));
    s.receipts.delivered('m1', t(1));
    await s.clock.advance(300);
    expect(s.sent).toEqual([['delivered', 'm3']]);
  });

  it('sends at most one receipt per kind per window', async () => {
    const s = setup();
    s.receipts.read('m1', t(1));
    await s.clock.advance(0);
    s.receipts.read('m2', t(2));
    s.receipts.read('m3', t(3));
    await s.clock.advance(4999);
    expect(s.sent).toEqual([['read', 'm1']]);
    await s.clock.advance(1);
    expect(s.sent).toEqual([
      ['read', 'm1'],
      ['read', 'm3'],
    ]);
  });

  it('skips messages seeded as already receipted and messages that turn out to be our own', async () => {
    const s = setup({ own: new Set(['mine']) });
    s.receipts.seed('read', 'old');
    s.receipts.read('old', t(1));
    s.receipts.delivered('old', t(1));
    s.receipts.delivered('mine', t(2));
    await s.clock.advance(10_000);
    expect(s.sent).toEqual([]);
  });

  it('holds receipts while there is no open connection and sends them on resume', async () => {
    const s = setup();
    s.setToken(undefined);
    s.receipts.read('m1', t(1));
    await s.clock.advance(10_000);
    expect(s.sent).toEqual([]);
    s.setToken('token');
    s.receipts.resume();
    await s.clock.advance(0);
    expect(s.sent).toEqual([['read', 'm1']]);
  });

  it('retries after a network failure, asks for a new token after a 403, and gives up on 409', async () => {
    const s = setup();
    s.failures.push(new NetworkError('offline'), serviceError('sendEvent', 403));
    s.receipts.read('m1', t(1));
    await s.clock.advance(20_000);
    expect(s.sent).toEqual([
      ['read', 'm1'],
      ['read', 'm1'],
      ['read', 'm1'],
    ]);
    expect(s.rejected()).toBe(1);
    s.failures.push(serviceError('sendEvent', 409));
    s.receipts.read('m2', t(2));
    await s.clock.advance(20_000);
    expect(s.sent.filter(([, id]) => id === 'm2')).toHaveLength(1);
  });

  it('sends nothing after stop()', async () => {
    const s = setup();
    s.receipts.delivered('m1', t(1));
    s.receipts.stop();
    s.receipts.read('m2', t(2));
    await s.clock.advance(10_000);
    expect(s.sent).toEqual([]);
    expect(s.clock.pendingCount).toBe(0);
  });
});
