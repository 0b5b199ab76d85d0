import WebSocket from 'ws';
import type { Clock } from 'contact-kit/core';
import type { Item } from 'contact-kit/core';

/** A clock the test moves by hand; timers fire in order during `advance`. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function createFakeClock(start = Date.UTC(2025, 0, 1, 12)): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, delayMs) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, delayMs), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        let due: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) {
            due = entry;
          }
        }
        if (!due) {
          break;
        }
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = target;
    },
  };
}

export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function request<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<JsonAnswer<T>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined && init.raw === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? {} : JSON.parse(text)) as T,
  };
}

/** Calls a Participant Service operation with a bearer token. */
export function call<T = Record<string, unknown>>(
  base: string,
  path: string,
  token: string,
  body: unknown = {},
): Promise<JsonAnswer<T>> {
  return request<T>(`${base}/participant/${path}`, { body, headers: { 'x-amz-bearer': token } });
}

export interface Chat {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
}

export async function startChat(base: string, body: Record<string, unknown> = {}): Promise<Chat> {
  const answer = await request<Chat>(`${base}/admin/chat`, {
    body: { ParticipantDetails: { DisplayName: 'Ana' }, ...body },
  });
  if (answer.status !== 200) {
    throw new Error(`startChat: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

export async function addAgent(
  base: string,
  contactId: string,
  role = 'AGENT',
  name = 'Sam',
): Promise<{ ParticipantId: string; ParticipantToken: string }> {
  const answer = await request<{
    ParticipantId: string;
    ParticipantCredentials: { ParticipantToken: string };
  }>(`${base}/admin/contacts/${contactId}/participants`, {
    body: { ParticipantDetails: { DisplayName: name, ParticipantRole: role } },
  });
  if (answer.status !== 200) {
    throw new Error(`addAgent: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return {
    ParticipantId: answer.body.ParticipantId,
    ParticipantToken: answer.body.ParticipantCredentials.ParticipantToken,
  };
}

export interface Connection {
  connectionToken: string;
  websocketUrl: string;
}

export async function connect(base: string, participantToken: string): Promise<Connection> {
  const answer = await call<{
    Websocket: { Url: string };
    ConnectionCredentials: { ConnectionToken: string };
  }>(base, 'connection', participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
  if (answer.status !== 200) {
    throw new Error(`connect: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return {
    connectionToken: answer.body.ConnectionCredentials.ConnectionToken,
    websocketUrl: answer.body.Websocket.Url,
  };
}

export async function adminTranscript(base: string, contactId: string): Promise<Item[]> {
  return (await request<{ Transcript: Item[] }>(`${base}/admin/contacts/${contactId}/transcript`))
    .body.Transcript;
}

export type Frame = Record<string, unknown> & { topic?: string };

/** A `ws` client that records every frame and lets the test wait for conditions. */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly listeners = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      this.notify();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.notify();
      });
    });
  }

  static open(url: string): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const socket = new TestSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
      ws.once('error', reject);
    });
  }

  /** Opens, subscribes and waits for the subscribe reply. */
  static async subscribed(url: string): Promise<TestSocket> {
    const socket = await TestSocket.open(url);
    socket.send('{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}');
    await socket.waitFor((frame) => frame.topic === 'aws/subscribe');
    return socket;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** Items of every `aws/chat` frame received so far. */
  items(): Item[] {
    return this.frames
      .filter((frame) => frame.topic === 'aws/chat')
      .map((frame) => JSON.parse(frame.content as string) as Item);
  }

  waitFor(predicate: (frame: Frame) => boolean, what = 'frame'): Promise<Frame> {
    return waitUntil(() => this.frames.find(predicate), what, this.listeners);
  }

  waitForItem(predicate: (item: Item) => boolean, what = 'item'): Promise<Item> {
    return waitUntil(() => this.items().find(predicate), what, this.listeners);
  }

  close(): void {
    this.ws.terminate();
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/** Resolves when `probe` returns a value; fails after a generous guard so a broken test cannot hang. */
function waitUntil<T>(
  probe: () => T | undefined,
  what: string,
  listeners: Set<() => void>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const value = probe();
      if (value !== undefined) {
        listeners.delete(listener);
        clearTimeout(guard);
        resolve(value);
        return true;
      }
      return false;
    };
    const listener = (): void => {
      check();
    };
    const guard = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`timed out waiting for ${what}`));
    }, 4_500);
    listeners.add(listener);
    check();
  });
}

/** Polls an async condition (e.g. an admin GET) until it holds. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what = 'condition',
): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A deterministic random source cycling through the given values. */
export function sequenceRandom(values: readonly number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index % values.length]!;
    index += 1;
    return value;
  };
}
