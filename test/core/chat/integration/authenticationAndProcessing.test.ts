import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { foldAuthentication } from 'contact-kit/core';
import type { ChatSession } from 'contact-kit/core';
import { openSession, startChat, waitFor, waitOpen } from './support';

let emulator: RunningEmulator;
let url: string;
const sessions: ChatSession[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none' });
  url = emulator.url;
});
afterEach(() => {
  for (const session of sessions.splice(0)) {
    session.destroy();
  }
});
afterAll(async () => {
  await emulator.close();
});

async function begin() {
  const chat = await startChat(url);
  const session = openSession(url, chat);
  sessions.push(session);
  session.connect();
  await waitOpen(session);
  return { chat, session };
}

const admin = (path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });

describe(
  'ChatSession against the emulator: sign-in and message processing',
  { timeout: 30_000 },
  () => {
    it('a rejected message ends up processing: rejected; the next one is plain sent', async () => {
      const { chat, session } = await begin();
      await admin(`/admin/contacts/${chat.contactId}/processing`, {
        Status: 'REJECTED',
        Match: 'secret',
      });
      const localId = session.sendMessage('my secret');
      expect(
        await waitFor(
          () =>
            session.getSnapshot().items.find((item) => item.localId === localId)?.processing ===
            'rejected',
        ),
      ).toBe(true);
      const other = session.sendMessage('hello');
      expect(
        await waitFor(
          () =>
            session.getSnapshot().items.find((item) => item.localId === other)?.status === 'sent',
        ),
      ).toBe(true);
      expect(
        session.getSnapshot().items.find((item) => item.localId === other)?.processing,
      ).toBeUndefined();
    });

    it('getAuthenticationUrl and cancelAuthentication drive the block', async () => {
      const { chat, session } = await begin();
      await admin(`/admin/contacts/${chat.contactId}/authenticate`, {});
      expect(
        await waitFor(() => foldAuthentication(session.getSnapshot().items).active !== undefined),
      ).toBe(true);
      const active = foldAuthentication(session.getSnapshot().items).active!;
      const signInUrl = await session.getAuthenticationUrl(
        active.sessionId!,
        'https://shop.example/cb',
      );
      expect(signInUrl).toMatch(/\/auth\/authorize\?/);
      await session.cancelAuthentication(active.sessionId!);
      expect(
        await waitFor(
          () =>
            foldAuthentication(session.getSnapshot().items).byItemId.get(active.itemId)?.status ===
            'cancelled',
        ),
      ).toBe(true);
      await expect(
        session.getAuthenticationUrl('short', 'https://shop.example/cb'),
      ).rejects.toMatchObject({
        code: 'AUTHENTICATION_FAILED',
      });
    });
  },
);
