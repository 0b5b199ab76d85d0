import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { ContentType } from 'contact-kit/core';
import { readStoredChat } from '../../../../src/core/chat/session/chatStorage';
import type { ChatSession } from 'contact-kit/core';
import { memoryStorage } from '../../../fakes/memoryStorage';
import { agentSays, converge, openSession, startChat, waitFor, waitOpen } from './support';

let emulator: RunningEmulator;
let url: string;
const sessions: ChatSession[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, maxSocketLifetimeMs: 4000 });
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

async function openWebsockets(contactId: string, participantId: string): Promise<number> {
  const response = await fetch(`${url}/admin/contacts/${contactId}`);
  const contact = (await response.json()) as {
    Participants: Array<{ ParticipantId: string; OpenWebsockets: number }>;
  };
  return contact.Participants.find((p) => p.ParticipantId === participantId)?.OpenWebsockets ?? -1;
}

describe('ChatSession against the emulator: lifecycle features', { timeout: 30_000 }, () => {
  it('rotates the socket before the service closes it, with overlap and without duplicates', async () => {
    const chat = await startChat(url);
    const session = openSession(url, chat, {
      connectionPolicy: {
        rotateAfterMs: 700,
        // Generous heartbeats: on a loaded machine a slow answer must not pass for a dead socket.
        heartbeatIntervalMs: 2000,
        heartbeatTimeoutMs: 2000,
      },
    });
    sessions.push(session);
    const statuses = new Set<string>();
    session.subscribe(() => statuses.add(session.getSnapshot().connection.status));
    session.connect();
    await waitOpen(session);
    let maxSockets = 0;
    for (let i = 0; i < 12; i += 1) {
      session.sendMessage(`customer ${i}`);
      await agentSays(chat, `agent ${i}`);
      maxSockets = Math.max(maxSockets, await openWebsockets(chat.contactId, chat.participantId));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const { actual, expected } = await converge(url, chat, session);
    expect(actual).toEqual(expected);
    // 4.8 s with a 4 s server limit: only rotation kept it open.
    expect(statuses.has('reconnecting')).toBe(false);
    // The overlap pair (plus, at most, an old socket whose close the server has not processed yet):
    // a leak would grow with every rotation.
    expect(maxSockets).toBeLessThanOrEqual(3);
    expect(
      await waitFor(async () => (await openWebsockets(chat.contactId, chat.participantId)) === 1),
    ).toBe(true);
  });

  it('resumes after a reload from storage: same contact, no duplicates', async () => {
    const chat = await startChat(url);
    const storage = memoryStorage();
    const first = openSession(url, chat, { storage });
    sessions.push(first);
    first.connect();
    await waitOpen(first);
    first.sendMessage('before reload');
    await agentSays(chat, 'agent before reload');
    await converge(url, chat, first);
    first.destroy();
    await agentSays(chat, 'agent while reloading');

    const stored = readStoredChat({ storage })!;
    expect(stored.participantToken).toBe(chat.participantToken);
    const contactsBefore = (
      (await (await fetch(`${url}/admin/contacts`)).json()) as { Contacts: unknown[] }
    ).Contacts.length;
    const second = openSession(url, chat, {
      storage,
      participantToken: stored.participantToken,
      participantId: undefined,
      contactId: undefined,
    });
    sessions.push(second);
    second.connect();
    await waitOpen(second);
    const { actual, expected } = await converge(url, chat, second);
    expect(actual).toEqual(expected);
    expect(
      second.getSnapshot().items.filter((item) => item.isOwn && item.type === 'message'),
    ).toHaveLength(1);
    const contactsAfter = (
      (await (await fetch(`${url}/admin/contacts`)).json()) as { Contacts: unknown[] }
    ).Contacts.length;
    expect(contactsAfter).toBe(contactsBefore);
  });

  it('ends the chat on chat.ended, clears storage and stops receipts', async () => {
    const chat = await startChat(url);
    const storage = memoryStorage();
    const session = openSession(url, chat, { storage });
    sessions.push(session);
    session.connect();
    await waitOpen(session);
    await agentSays(chat, 'bye');
    await fetch(`${url}/admin/contacts/${chat.contactId}/stop`, { method: 'POST', body: '{}' });
    expect(await waitFor(() => session.getSnapshot().chat.status === 'ended')).toBe(true);
    expect(session.getSnapshot().connection.status).toBe('closed');
    expect(storage.data.size).toBe(0);
    expect(session.getSnapshot().items.at(-1)).toMatchObject({
      type: 'event',
      event: 'chat.ended',
    });
  });

  it('sends delivered and read receipts the agent sees', async () => {
    const chat = await startChat(url);
    const session = openSession(url, chat);
    sessions.push(session);
    session.connect();
    await waitOpen(session);
    await agentSays(chat, 'did you get this?');
    await waitFor(() =>
      session.getSnapshot().items.some((item) => item.content === 'did you get this?'),
    );
    const message = session
      .getSnapshot()
      .items.find((item) => item.content === 'did you get this?')!;
    session.markRead(message.id);
    const seen = await waitFor(async () => {
      const transcript = (await (
        await fetch(`${url}/admin/contacts/${chat.contactId}/transcript`)
      ).json()) as {
        Transcript: Array<{
          Id: string;
          MessageMetadata?: { Receipts?: Array<{ ReadTimestamp?: string }> };
        }>;
      };
      const stored = transcript.Transcript.find((item) => item.Id === message.id);
      return stored?.MessageMetadata?.Receipts?.some((receipt) => receipt.ReadTimestamp) === true;
    });
    expect(seen).toBe(true);
  });

  it('uploads an attachment (fetch PUT in Node), confirms it with its ATTACHMENT item, and gets a download URL', async () => {
    const chat = await startChat(url);
    const session = openSession(url, chat);
    sessions.push(session);
    session.connect();
    await waitOpen(session);
    const localId = session.sendAttachment(
      new File(['hello file'], 'hello.txt', { type: 'text/plain' }),
    );
    expect(
      await waitFor(() =>
        session
          .getSnapshot()
          .items.some((item) => item.localId === localId && item.status === 'sent'),
      ),
    ).toBe(true);
    const item = session.getSnapshot().items.find((entry) => entry.localId === localId)!;
    const attachmentId = item.attachments![0]!.id!;
    const downloadUrl = await session.getAttachmentUrl(attachmentId);
    expect(await (await fetch(downloadUrl)).text()).toBe('hello file');
    const { actual, expected } = await converge(url, chat, session);
    expect(actual).toEqual(expected);
  });

  it('shows the previous contact of a persistent chat', async () => {
    const past = await startChat(url);
    await agentSays(past, 'from last time');
    await fetch(`${url}/admin/contacts/${past.contactId}/stop`, { method: 'POST', body: '{}' });
    const response = await fetch(`${url}/admin/chat`, {
      method: 'POST',
      body: JSON.stringify({
        ParticipantDetails: { DisplayName: 'Customer' },
        PersistentChat: { SourceContactId: past.contactId, RehydrationType: 'ENTIRE_PAST_SESSION' },
      }),
    });
    const next = (await response.json()) as {
      ContactId: string;
      ParticipantId: string;
      ParticipantToken: string;
    };
    const session = openSession(url, {
      ...past,
      contactId: next.ContactId,
      participantId: next.ParticipantId,
      participantToken: next.ParticipantToken,
    });
    sessions.push(session);
    session.connect();
    await waitOpen(session);
    expect(
      await waitFor(() =>
        session
          .getSnapshot()
          .items.some(
            (item) => item.content === 'from last time' && item.relatedContactId !== undefined,
          ),
      ),
    ).toBe(true);
    await waitFor(() =>
      session.getSnapshot().items.some((item) => item.event === 'chat.rehydrated'),
    );
    expect(session.getSnapshot().chat.status).toBe('active');
    session.sendMessage('back again', { contentType: ContentType.plainText });
    expect(await waitFor(() => session.getSnapshot().items.at(-1)?.status === 'sent')).toBe(true);
  });
});
