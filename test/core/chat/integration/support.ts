import { WebSocket } from 'ws';
import {
  ContentType,
  ParticipantServiceError,
  createChatSession,
  createParticipantClient,
  silentLogger,
} from 'contact-kit/core';
import { DISPLAYABLE_EVENTS } from '../../../../src/core/chat/transcript/classifyItem';
import type {
  ChatSession,
  ChatSessionOptions,
  ChatEventKind,
  Item,
  ParticipantClient,
} from 'contact-kit/core';

/** Timings shortened so faults resolve in well under a second, on a loaded machine too. */
export const FAST: Partial<ChatSessionOptions> = {
  connectionPolicy: {
    backoffBaseMs: 50,
    backoffMaxMs: 400,
    openTimeoutMs: 3000,
    subscribeTimeoutMs: 500,
    heartbeatIntervalMs: 400,
    heartbeatTimeoutMs: 400,
  },
  outboxPolicy: { maxAttempts: 20, baseDelayMs: 50, maxDelayMs: 400 },
  receiptPolicy: { throttleMs: 200, deliveredDelayMs: 20 },
  clientRetry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
  historyPolicy: { overlapMs: 2000 },
};

async function json<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}: ${text}`);
  }
  return (text === '' ? {} : JSON.parse(text)) as T;
}

/** A contact with a customer (driven by a ChatSession) and an agent (plain REST). */
export interface TestChat {
  readonly contactId: string;
  readonly participantId: string;
  readonly participantToken: string;
  readonly agent: {
    client: ParticipantClient;
    token: string;
    participantId: string;
    participantToken: string;
  };
}

export async function startChat(url: string): Promise<TestChat> {
  const chat = await json<{ ContactId: string; ParticipantId: string; ParticipantToken: string }>(
    `${url}/admin/chat`,
    { body: { ParticipantDetails: { DisplayName: 'Customer' } } },
  );
  const agent = await json<{
    ParticipantId: string;
    ParticipantCredentials: { ParticipantToken: string };
  }>(`${url}/admin/contacts/${chat.ContactId}/participants`, {
    body: { ParticipantDetails: { DisplayName: 'Agent', ParticipantRole: 'AGENT' } },
  });
  const client = createParticipantClient({
    endpoint: url,
    logger: silentLogger,
    retry: { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 100 },
  });
  const connection = await client.createParticipantConnection(
    agent.ParticipantCredentials.ParticipantToken,
    {
      Type: ['CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    },
  );
  return {
    contactId: chat.ContactId,
    participantId: chat.ParticipantId,
    participantToken: chat.ParticipantToken,
    agent: {
      client,
      token: connection.ConnectionCredentials!.ConnectionToken!,
      participantId: agent.ParticipantId,
      participantToken: agent.ParticipantCredentials.ParticipantToken,
    },
  };
}

export function openSession(
  url: string,
  chat: TestChat,
  overrides: Partial<ChatSessionOptions> = {},
): ChatSession {
  return createChatSession({
    participantToken: chat.participantToken,
    participantId: chat.participantId,
    contactId: chat.contactId,
    endpoint: url,
    WebSocket,
    storage: null,
    environment: null,
    logger: silentLogger,
    ...FAST,
    ...overrides,
  });
}

/** The agent sends over plain REST (reconnecting itself if its token was revoked). */
export async function agentSays(chat: TestChat, text: string): Promise<void> {
  const request = {
    ContentType: ContentType.plainText,
    Content: text,
    ClientToken: `agent-${text}`,
  };
  try {
    await chat.agent.client.sendMessage(chat.agent.token, request);
  } catch (error) {
    if (!(error instanceof ParticipantServiceError) || error.status !== 403) {
      throw error;
    }
    const connection = await chat.agent.client.createParticipantConnection(
      chat.agent.participantToken,
      { Type: ['CONNECTION_CREDENTIALS'] },
    );
    chat.agent.token = connection.ConnectionCredentials!.ConnectionToken!;
    await chat.agent.client.sendMessage(chat.agent.token, request);
  }
}

/** A small deterministic PRNG (mulberry32) for reproducible jitter and fault draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fault(url: string, body: Record<string, unknown>): Promise<unknown> {
  return json(`${url}/admin/faults`, { body });
}

/** The oracle: every displayable item the emulator holds, in transcript order (time, then Id). */
export async function oracle(url: string, contactId: string): Promise<Item[]> {
  const { Transcript } = await json<{ Transcript: Item[] }>(
    `${url}/admin/contacts/${contactId}/transcript`,
  );
  return Transcript.filter((item) => {
    if (item.Type === 'MESSAGE') {
      return item.ContentType !== ContentType.interactiveResponse;
    }
    if (item.Type === 'ATTACHMENT') {
      return true;
    }
    if (item.Type === 'EVENT') {
      const kind = (item.ContentType ?? '').replace('application/vnd.amazonaws.connect.event.', '');
      return DISPLAYABLE_EVENTS.has(kind as ChatEventKind);
    }
    return false;
  }).sort(
    (a, b) =>
      Date.parse(a.AbsoluteTime!) - Date.parse(b.AbsoluteTime!) ||
      (a.Id! < b.Id! ? -1 : a.Id! > b.Id! ? 1 : 0),
  );
}

/** Polls `check` (real time) until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return true;
    }
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sessionIds = (session: ChatSession): string[] =>
  session.getSnapshot().items.map((item) => item.id);

/**
 * Waits until the session shows exactly the oracle's items (same Ids, same order, every own send
 * confirmed), then returns both lists for the final assertion.
 */
export async function converge(
  url: string,
  chat: TestChat,
  session: ChatSession,
  timeoutMs = 20_000,
) {
  let expected: string[] = [];
  await waitFor(async () => {
    expected = (await oracle(url, chat.contactId)).map((item) => item.Id!);
    const items = session.getSnapshot().items;
    return (
      items.every((item) => item.status !== 'sending') &&
      JSON.stringify(items.map((item) => item.id)) === JSON.stringify(expected)
    );
  }, timeoutMs);
  return { actual: sessionIds(session), expected };
}

export async function waitOpen(session: ChatSession): Promise<void> {
  if (!(await waitFor(() => session.getSnapshot().connection.status === 'open', 15_000))) {
    throw new Error(`session did not open: ${JSON.stringify(session.getSnapshot().connection)}`);
  }
}
