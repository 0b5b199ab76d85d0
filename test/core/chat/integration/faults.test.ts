import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import type { ChatSession } from 'contact-kit/core';
import { agentSays, converge, fault, openSession, startChat, waitFor, waitOpen } from './support';
import type { TestChat } from './support';

let emulator: RunningEmulator;
let url: string;
const sessions: ChatSession[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  url = emulator.url;
});

afterEach(async () => {
  for (const session of sessions.splice(0)) {
    session.destroy();
  }
  await fault(url, { reset: true });
});

afterAll(async () => {
  await emulator.close();
});

async function begin(): Promise<{ chat: TestChat; session: ChatSession }> {
  const chat = await startChat(url);
  const session = openSession(url, chat);
  sessions.push(session);
  session.connect();
  await waitOpen(session);
  return { chat, session };
}

/** A few messages each way, interleaved. */
async function exchange(
  chat: TestChat,
  session: ChatSession,
  label: string,
  count = 3,
): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    session.sendMessage(`${label} customer ${i}`);
    await agentSays(chat, `${label} agent ${i}`);
  }
}

async function expectConverged(chat: TestChat, session: ChatSession): Promise<void> {
  const { actual, expected } = await converge(url, chat, session);
  expect(actual).toEqual(expected);
  expect(new Set(actual).size).toBe(actual.length);
  expect(
    session
      .getSnapshot()
      .items.filter((item) => item.isOwn && item.type !== 'event')
      .every((item) => item.status === 'sent'),
  ).toBe(true);
}

const reconnected = (session: ChatSession, before: number) =>
  waitFor(
    () => session.getSnapshot().connection.status === 'open' && connectionsSeen(session) > before,
  );

/** Counts transitions to open through a subscription kept per session. */
const opens = new WeakMap<ChatSession, number>();
function connectionsSeen(session: ChatSession): number {
  return opens.get(session) ?? 0;
}
function trackOpens(session: ChatSession): void {
  let last = session.getSnapshot().connection.status;
  opens.set(session, last === 'open' ? 1 : 0);
  session.subscribe(() => {
    const status = session.getSnapshot().connection.status;
    if (status === 'open' && last !== 'open') {
      opens.set(session, (opens.get(session) ?? 0) + 1);
    }
    last = status;
  });
}

describe('ChatSession against the emulator: every fault ends with the server transcript', () => {
  it('dropped sockets: reconnects and fills the gap', async () => {
    const { chat, session } = await begin();
    trackOpens(session);
    await exchange(chat, session, 'before');
    await fault(url, { dropSockets: true });
    await exchange(chat, session, 'during');
    expect(await reconnected(session, 1)).toBe(true);
    await exchange(chat, session, 'after');
    await expectConverged(chat, session);
  });

  it('half-open socket (silenceMs): detected by heartbeat, no close event needed', async () => {
    const { chat, session } = await begin();
    trackOpens(session);
    await exchange(chat, session, 'before');
    await fault(url, { silenceMs: 1500 });
    await exchange(chat, session, 'silent');
    expect(await reconnected(session, 1)).toBe(true);
    await exchange(chat, session, 'after');
    await expectConverged(chat, session);
  });

  it('marks the first page of a (re)load as history and messages missed while away as news', async () => {
    const { chat, session } = await begin();
    trackOpens(session);
    await agentSays(chat, 'before the silence');
    await fault(url, { silenceMs: 1500 });
    await agentSays(chat, 'missed while silent');
    expect(await reconnected(session, 1)).toBe(true);
    const find = (s: ChatSession, text: string) =>
      s.getSnapshot().items.find((item) => item.content === text);
    expect(await waitFor(() => find(session, 'missed while silent') !== undefined)).toBe(true);
    expect(find(session, 'before the silence')?.fromHistory).toBeUndefined();
    expect(find(session, 'missed while silent')?.fromHistory).toBeUndefined();

    const reloaded = openSession(url, chat);
    sessions.push(reloaded);
    reloaded.connect();
    await waitOpen(reloaded);
    expect(await waitFor(() => find(reloaded, 'missed while silent') !== undefined)).toBe(true);
    expect(find(reloaded, 'before the silence')?.fromHistory).toBe(true);
    expect(find(reloaded, 'missed while silent')?.fromHistory).toBe(true);
  });

  it.each([429, 500])(
    '%i on CreateParticipantConnection during reconnect: keeps trying',
    async (status) => {
      const { chat, session } = await begin();
      trackOpens(session);
      await exchange(chat, session, 'before');
      await fault(url, {
        failNext: { operation: 'CreateParticipantConnection', status, count: 12 },
      });
      await fault(url, { expireWebsocketUrls: true });
      await fault(url, { dropSockets: true });
      await exchange(chat, session, 'during');
      expect(await reconnected(session, 1)).toBe(true);
      await exchange(chat, session, 'after');
      await expectConverged(chat, session);
    },
  );

  it.each([429, 500])(
    '%i on SendMessage: retried with the same ClientToken, stored once',
    async (status) => {
      const { chat, session } = await begin();
      await fault(url, { failNext: { operation: 'SendMessage', status, count: 7 } });
      await exchange(chat, session, 'throttled', 4);
      await expectConverged(chat, session);
    },
  );

  it('expired websocket URLs: a fresh URL is fetched', async () => {
    const { chat, session } = await begin();
    trackOpens(session);
    await exchange(chat, session, 'before');
    await fault(url, { expireWebsocketUrls: true });
    await fault(url, { dropSockets: true });
    expect(await reconnected(session, 1)).toBe(true);
    await exchange(chat, session, 'after');
    await expectConverged(chat, session);
  });

  it('duplicated deliveries: every item shows once', async () => {
    const { chat, session } = await begin();
    await fault(url, { duplicateDeliveries: 0.5, forMs: 60_000 });
    await exchange(chat, session, 'dup', 6);
    await expectConverged(chat, session);
  });

  it('reordered deliveries: shown in transcript order', async () => {
    const { chat, session } = await begin();
    await fault(url, { reorderWindowMs: 300, forMs: 60_000 });
    await exchange(chat, session, 'shuffled', 6);
    await expectConverged(chat, session);
  });

  it('reordered and delayed deliveries across a drop: nothing lost', async () => {
    const { chat, session } = await begin();
    trackOpens(session);
    await fault(url, { reorderWindowMs: 300, forMs: 60_000 });
    await fault(url, { delayDeliveriesMs: 200, forMs: 60_000 });
    await exchange(chat, session, 'before', 4);
    await fault(url, { dropSockets: true });
    await exchange(chat, session, 'after', 4);
    expect(await reconnected(session, 1)).toBe(true);
    await expectConverged(chat, session);
  });

  it('expired connection tokens: a new token is fetched and sends go through', async () => {
    const { chat, session } = await begin();
    await exchange(chat, session, 'before');
    await fault(url, { expireConnectionTokens: true });
    session.sendMessage('with a new token');
    await waitFor(() => session.getSnapshot().items.every((item) => item.status !== 'sending'));
    expect(session.getSnapshot().items.at(-1)).toMatchObject({
      status: 'sent',
      content: 'with a new token',
    });
    await expectConverged(chat, session);
  });

  it('chat ended while the customer was away: 403 on reconnect ends the chat', async () => {
    const { chat, session } = await begin();
    await fault(url, { silenceMs: 5000 });
    const response = await fetch(`${url}/admin/contacts/${chat.contactId}/stop`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.ok).toBe(true);
    expect(await waitFor(() => session.getSnapshot().chat.status === 'ended')).toBe(true);
    expect(session.getSnapshot().connection.status).toBe('closed');
  });
});
