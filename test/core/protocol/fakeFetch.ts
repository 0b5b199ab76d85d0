/** A request as the fake fetch saw it: header names lower-cased, JSON body parsed. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  rawBody: string | undefined;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** What the fake answers to one request. */
export type FakeReply =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** An object is sent as JSON; a string is sent as is. */
      body?: unknown;
    }
  | { networkError: Error }
  /** Never answers; rejects like the real fetch when the request's signal aborts. */
  | { hang: true };

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Resolves once `count` requests have been made. */
  waitForRequests(count: number): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A fetch that records every request and answers from `replies` in order; once they run out it
 * answers with the last one again (so "always 500" is a single reply).
 */
export function createFakeFetch(...replies: FakeReply[]): FakeFetch {
  if (replies.length === 0) {
    throw new Error('createFakeFetch needs at least one reply');
  }
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const rawBody = typeof init?.body === 'string' ? init.body : undefined;
    const signal = init?.signal ?? undefined;
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      rawBody,
      body: rawBody === undefined ? undefined : JSON.parse(rawBody),
      signal,
    });
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }

    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if (signal?.aborted) {
      throw abortReason(signal);
    }
    if ('hang' in reply) {
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
      });
    }
    if ('networkError' in reply) {
      throw reply.networkError;
    }
    const body =
      reply.body === undefined
        ? null
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    return new Response(body, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };

  return {
    fetch: fakeFetch as typeof fetch,
    requests,
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiters.push({ count, resolve });
          }),
  };
}
