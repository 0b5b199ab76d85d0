/** One request the fake saw. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** An answer: status + JSON body (+ headers). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A fetch for the Participant Service that records requests and answers from a list (the last
 * answer repeats). Answers may be functions of the request time, for expiry tests.
 */
export function createFakeParticipantFetch(...answers: (FakeAnswer | (() => FakeAnswer))[]) {
  const requests: SeenRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const next = answers[Math.min(requests.length - 1, answers.length - 1)];
    if (!next) {
      throw new Error('createFakeParticipantFetch: no answers');
    }
    const answer = typeof next === 'function' ? next() : next;
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

/** A CreateParticipantConnection answer whose websocket URL expires `windowMs` after now. */
export function connectionAnswer(windowMs = 100_000, url = 'wss://example.test/ws/1'): FakeAnswer {
  const now = Date.now();
  return {
    status: 200,
    body: {
      Websocket: { Url: url, ConnectionExpiry: new Date(now + windowMs).toISOString() },
      ConnectionCredentials: {
        ConnectionToken: 'connection-token',
        Expiry: new Date(now + 86_400_000).toISOString(),
      },
    },
  };
}

/** A service error answer as the Participant Service sends it. */
export function errorAnswer(status: number, type: string, message = type): FakeAnswer {
  return {
    status,
    headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.connect/` },
    body: { message },
  };
}
