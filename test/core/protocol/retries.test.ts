import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  AbortError,
  NetworkError,
  ParticipantServiceError,
  createParticipantClient,
  silentLogger,
} from 'contact-kit/core';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../../src/core/protocol/retryPolicy';
import type { ParticipantClient, ParticipantClientOptions, RetryPolicy } from 'contact-kit/core';
import { createFakeFetch } from './fakeFetch';
import type { FakeReply } from './fakeFetch';

const TOKEN = 'connection-token';

function setup(replies: FakeReply[], options: Partial<ParticipantClientOptions> = {}) {
  const fake = createFakeFetch(...replies);
  const delays: number[] = [];
  const client = createParticipantClient({
    endpoint: 'https://participant.example.test',
    fetch: fake.fetch,
    logger: silentLogger,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { fake, client, delays };
}

const idempotentCalls: [string, (c: ParticipantClient) => Promise<unknown>][] = [
  ['SendMessage', (c) => c.sendMessage(TOKEN, { ContentType: 'text/plain', Content: 'hi' })],
  [
    'SendEvent',
    (c) => c.sendEvent(TOKEN, { ContentType: 'application/vnd.amazonaws.connect.event.typing' }),
  ],
  ['DisconnectParticipant', (c) => c.disconnectParticipant(TOKEN)],
  [
    'StartAttachmentUpload',
    (c) =>
      c.startAttachmentUpload(TOKEN, {
        ContentType: 'text/plain',
        AttachmentSizeInBytes: 3,
        AttachmentName: 'a.txt',
      }),
  ],
  ['CompleteAttachmentUpload', (c) => c.completeAttachmentUpload(TOKEN, { AttachmentIds: ['a'] })],
];

const retryableReplies: [string, FakeReply][] = [
  ['429', { status: 429, headers: { 'x-amzn-ErrorType': 'ThrottlingException' }, body: {} }],
  ['500', { status: 500, body: { message: 'oops' } }],
  ['503', { status: 503, body: '' }],
  ['a network error', { networkError: new TypeError('fetch failed') }],
];

describe('retries', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe.each(retryableReplies)('after %s', (_, reply) => {
    it.each(idempotentCalls)(
      '%s is retried up to maxAttempts with the same ClientToken',
      async (_name, call) => {
        const { fake, client, delays } = setup([reply]);
        const error = await call(client).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(
          'networkError' in reply ? NetworkError : ParticipantServiceError,
        );
        expect(fake.requests).toHaveLength(3);
        const [first, ...rest] = fake.requests.map((r) => r.rawBody);
        expect(JSON.parse(first!)).toHaveProperty('ClientToken');
        for (const body of rest) {
          expect(body).toBe(first);
        }
        // Full jitter with random() = 0.5: half of 100 ms, then half of 200 ms.
        expect(delays).toEqual([50, 100]);
      },
    );

    it('succeeds when a retry succeeds', async () => {
      const { fake, client } = setup([reply, reply, { body: { Id: 'm', AbsoluteTime: 't' } }]);
      await expect(
        client.sendMessage(TOKEN, { ContentType: 'text/plain', Content: 'hi' }),
      ).resolves.toEqual({ Id: 'm', AbsoluteTime: 't' });
      expect(fake.requests).toHaveLength(3);
    });

    it('also retries operations without a ClientToken', async () => {
      const { fake, client } = setup([reply]);
      await client.createParticipantConnection('p', { Type: ['WEBSOCKET'] }).catch(() => undefined);
      expect(fake.requests).toHaveLength(3);
      expect(fake.requests.every((r) => r.rawBody === '{"Type":["WEBSOCKET"]}')).toBe(true);
    });
  });

  it.each([400, 402, 403, 404, 409])('does not retry HTTP %i', async (status) => {
    const { fake, client, delays } = setup([{ status, body: { message: 'no' } }]);
    const error = await client
      .sendMessage(TOKEN, { ContentType: 'text/plain', Content: 'hi' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status, retryable: false });
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('does not retry an invalid 2xx response', async () => {
    const { fake, client } = setup([{ body: 'not json' }]);
    await client.getTranscript(TOKEN, {}).catch(() => undefined);
    expect(fake.requests).toHaveLength(1);
  });

  it('makes one attempt with retry: false', async () => {
    const { fake, client, delays } = setup([{ status: 500, body: {} }], { retry: false });
    await client.getTranscript(TOKEN, {}).catch(() => undefined);
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('backs off exponentially, with full jitter, capped at maxDelayMs', async () => {
    const { fake, delays, client } = setup([{ status: 500, body: {} }], {
      retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 },
      random: () => 0.999,
    });
    await client.getTranscript(TOKEN, {}).catch(() => undefined);
    expect(fake.requests).toHaveLength(6);
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });

  it('draws a new jitter for every retry', async () => {
    const draws = [0, 0.25, 1 - Number.EPSILON];
    const { delays, client } = setup([{ status: 503, body: {} }], {
      retry: { maxAttempts: 4 },
      random: () => draws.shift()!,
    });
    await client.getTranscript(TOKEN, {}).catch(() => undefined);
    expect(delays).toEqual([0, 50, 399]);
  });

  it('honours Retry-After (seconds) instead of the backoff', async () => {
    const { delays, client } = setup([
      { status: 429, headers: { 'Retry-After': '2' }, body: {} },
      { status: 503, headers: { 'Retry-After': 'soon' }, body: {} },
      { body: {} },
    ]);
    await client.disconnectParticipant(TOKEN);
    expect(delays).toEqual([2000, 100]);
  });

  it('caps Retry-After at maxDelayMs', async () => {
    const { delays, client } = setup([
      { status: 429, headers: { 'Retry-After': '3600' }, body: {} },
      { body: {} },
    ]);
    await client.disconnectParticipant(TOKEN);
    expect(delays).toEqual([DEFAULT_RETRY_POLICY.maxDelayMs]);
  });

  it('waits with the default sleep for the computed delay', async () => {
    vi.useFakeTimers();
    const fake = createFakeFetch({ status: 500, body: {} }, { body: {} });
    const client = createParticipantClient({
      endpoint: 'https://participant.example.test',
      fetch: fake.fetch,
      logger: silentLogger,
      random: () => 0.5,
    });
    const done = client.disconnectParticipant(TOKEN);
    await fake.waitForRequests(1);
    await vi.advanceTimersByTimeAsync(49);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toEqual({});
    expect(fake.requests).toHaveLength(2);
  });

  it('reports each retry to the logger at debug level', async () => {
    const debug = vi.fn();
    const { client } = setup([{ status: 503, body: {} }, { body: {} }], {
      logger: { ...silentLogger, debug },
    });
    await client.disconnectParticipant(TOKEN);
    expect(debug).toHaveBeenCalledWith(
      expect.stringMatching(/DisconnectParticipant attempt 1 failed.*50 ms/),
    );
    expect(JSON.stringify(debug.mock.calls)).not.toContain(TOKEN);
  });
});

describe('abort', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects with AbortError before sending when already aborted', async () => {
    const { fake, client } = setup([{ body: {} }]);
    const controller = new AbortController();
    controller.abort();
    const error = await client
      .disconnectParticipant(TOKEN, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'ABORTED', retryable: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects with AbortError when aborted during the request, and does not retry', async () => {
    const { fake, client, delays } = setup([{ hang: true }]);
    const controller = new AbortController();
    const done = client.getTranscript(TOKEN, {}, { signal: controller.signal });
    await fake.waitForRequests(1);
    expect(fake.requests[0]!.signal).toBe(controller.signal);
    controller.abort(new Error('user left'));
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('user left'));
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('stops at once on abort even if the injected fetch ignores the signal', async () => {
    const requests: string[] = [];
    const client = createParticipantClient({
      endpoint: 'https://participant.example.test',
      fetch: (async (url: string) => {
        requests.push(url);
        return new Promise<Response>(() => undefined);
      }) as unknown as typeof fetch,
      logger: silentLogger,
    });
    const controller = new AbortController();
    const done = client.getTranscript(TOKEN, {}, { signal: controller.signal });
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(AbortError);
  });

  it('stops during a backoff sleep at once, even if the injected sleep ignores the signal', async () => {
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    const fake = createFakeFetch({ status: 500, body: {} }, { body: {} });
    const client = createParticipantClient({
      endpoint: 'https://participant.example.test',
      fetch: fake.fetch,
      logger: silentLogger,
      sleep: () => {
        sleeping();
        return new Promise<void>(() => undefined);
      },
    });
    const controller = new AbortController();
    const done = client.disconnectParticipant(TOKEN, {}, { signal: controller.signal });
    await asleep;
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(AbortError);
    expect(fake.requests).toHaveLength(1);
  });

  it('passes the signal to the injected sleep', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const controller = new AbortController();
    const { client } = setup([{ status: 500, body: {} }, { body: {} }], {
      sleep: async (_ms, signal) => {
        signals.push(signal);
      },
    });
    await client.disconnectParticipant(TOKEN, {}, { signal: controller.signal });
    expect(signals).toEqual([controller.signal]);
  });

  it('cancels the default sleep timer on abort and never sends the retry', async () => {
    vi.useFakeTimers();
    const fake = createFakeFetch({ status: 503, body: {} }, { body: {} });
    const client = createParticipantClient({
      endpoint: 'https://participant.example.test',
      fetch: fake.fetch,
      logger: silentLogger,
      random: () => 0.5,
    });
    const controller = new AbortController();
    const done = client.disconnectParticipant(TOKEN, {}, { signal: controller.signal });
    const settled = done.catch((e: unknown) => e);
    await fake.waitForRequests(1);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await settled).toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('retryDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 };

  it.each([
    [1, 0.5, 50],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [1, 0, 0],
    [20, 0.5, 10_000],
    [2000, 0.999, 19_980],
  ])('attempt %i with random %d -> %i ms', (attempt, random, expected) => {
    expect(retryDelay(attempt, policy, () => random)).toBe(expected);
  });

  it('stays within [0, min(maxDelayMs, baseDelayMs * 2^(attempt - 1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, random) => {
          const delay = retryDelay(
            attempt,
            { maxAttempts: 3, baseDelayMs, maxDelayMs },
            () => random,
          );
          const ceiling =
            baseDelayMs === 0 ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          return Number.isInteger(delay) && delay >= 0 && delay <= ceiling;
        },
      ),
      // A fixed seed keeps the run reproducible; fast-check still explores 1000 cases.
      { seed: 20_261_123, numRuns: 1000 },
    );
  });
});
