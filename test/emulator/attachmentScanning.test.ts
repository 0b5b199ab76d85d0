import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createChatSession, silentLogger } from 'contact-kit/core';
import type { Item } from 'contact-kit/core';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import {
  TestSocket,
  addAgent,
  call,
  connect,
  createFakeClock,
  request,
  startChat,
} from './support';

let emulator: RunningEmulator;
const clock = createFakeClock();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clock });
});
afterAll(async () => {
  await emulator.close();
});

interface Participant {
  contactId: string;
  token: string;
  websocketUrl: string;
}

async function customer(): Promise<Participant> {
  const chat = await startChat(emulator.url);
  const connection = await connect(emulator.url, chat.ParticipantToken);
  return {
    contactId: chat.ContactId,
    token: connection.connectionToken,
    websocketUrl: connection.websocketUrl,
  };
}

/** StartAttachmentUpload, PUT, CompleteAttachmentUpload; returns the AttachmentId. */
async function sendFile(base: string, token: string, name: string): Promise<string> {
  const started = await call<{
    AttachmentId: string;
    UploadMetadata: { Url: string; HeadersToInclude: Record<string, string> };
  }>(base, 'start-attachment-upload', token, {
    ContentType: 'text/plain',
    AttachmentSizeInBytes: 5,
    AttachmentName: name,
    ClientToken: `start-${Math.random()}`,
  });
  expect(started.status).toBe(200);
  const put = await fetch(started.body.UploadMetadata.Url, {
    method: 'PUT',
    headers: started.body.UploadMetadata.HeadersToInclude,
    body: 'hello',
  });
  expect(put.status).toBe(200);
  const completed = await call(base, 'complete-attachment-upload', token, {
    AttachmentIds: [started.body.AttachmentId],
    ClientToken: `complete-${Math.random()}`,
  });
  expect(completed.status).toBe(200);
  return started.body.AttachmentId;
}

function setScanning(contactId: string, body: Record<string, unknown>) {
  return request(`${emulator.url}/admin/contacts/${encodeURIComponent(contactId)}/scanning`, {
    body,
  });
}

const statusOf = (item: Item | undefined) => item?.Attachments?.[0]?.Status;

async function transcriptItem(token: string, attachmentId: string): Promise<Item | undefined> {
  const answer = await call<{ Transcript: Item[] }>(emulator.url, 'transcript', token, {
    MaxResults: 100,
  });
  return answer.body.Transcript.find(
    (item) => item.Attachments?.[0]?.AttachmentId === attachmentId,
  );
}

describe('attachment scanning, per contact', () => {
  it('REJECTED: IN_PROGRESS first, then REJECTED on the same item; never downloadable', async () => {
    const ana = await customer();
    const configured = await setScanning(ana.contactId, { Result: 'REJECTED', DelayMs: 2000 });
    expect(configured.status).toBe(200);
    expect(configured.body).toStrictEqual({
      ContactId: ana.contactId,
      Scanning: { Result: 'REJECTED', DelayMs: 2000 },
    });
    const agent = await addAgent(emulator.url, ana.contactId);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const agentSocket = await TestSocket.subscribed(agentConnection.websocketUrl);
    try {
      const attachmentId = await sendFile(emulator.url, ana.token, 'invoice.txt');
      const pending = await agentSocket.waitForItem((item) => item.Type === 'ATTACHMENT');
      expect(pending.Attachments).toStrictEqual([
        {
          ContentType: 'text/plain',
          AttachmentId: attachmentId,
          AttachmentName: 'invoice.txt',
          Status: 'IN_PROGRESS',
        },
      ]);
      expect(statusOf(await transcriptItem(ana.token, attachmentId))).toBe('IN_PROGRESS');
      const early = await call<{ message: string }>(
        emulator.url,
        'attachment',
        agentConnection.connectionToken,
        {
          AttachmentId: attachmentId,
        },
      );
      expect([early.status, early.headers.get('x-amzn-errortype')]).toEqual([
        400,
        'ValidationException',
      ]);
      expect(early.body.message).toMatch(/being scanned/);

      clock.advance(2000);
      const verdict = await agentSocket.waitForItem(
        (item) => item.Type === 'ATTACHMENT' && statusOf(item) === 'REJECTED',
      );
      // The verdict is the same item again (same Id and time), so clients update it in place.
      expect(verdict.Id).toBe(pending.Id);
      expect(verdict.AbsoluteTime).toBe(pending.AbsoluteTime);

      // Both participants see REJECTED in the transcript, and neither can fetch the file.
      expect(statusOf(await transcriptItem(ana.token, attachmentId))).toBe('REJECTED');
      expect(statusOf(await transcriptItem(agentConnection.connectionToken, attachmentId))).toBe(
        'REJECTED',
      );
      for (const token of [ana.token, agentConnection.connectionToken]) {
        const refused = await call<{ message: string }>(emulator.url, 'attachment', token, {
          AttachmentId: attachmentId,
        });
        expect([refused.status, refused.headers.get('x-amzn-errortype')]).toEqual([
          400,
          'ValidationException',
        ]);
        expect(refused.body.message).toMatch(/rejected/);
      }
    } finally {
      agentSocket.close();
    }
  });

  it('APPROVED: IN_PROGRESS, then APPROVED and downloadable', async () => {
    const ana = await customer();
    expect((await setScanning(ana.contactId, { Result: 'APPROVED' })).status).toBe(200);
    const socket = await TestSocket.subscribed(ana.websocketUrl);
    try {
      const attachmentId = await sendFile(emulator.url, ana.token, 'photo.txt');
      await socket.waitForItem((item) => statusOf(item) === 'IN_PROGRESS');
      // DelayMs defaults to 1000 ms.
      clock.advance(999);
      expect(statusOf(await transcriptItem(ana.token, attachmentId))).toBe('IN_PROGRESS');
      clock.advance(1);
      await socket.waitForItem((item) => statusOf(item) === 'APPROVED');
      const got = await call<{ Url: string }>(emulator.url, 'attachment', ana.token, {
        AttachmentId: attachmentId,
      });
      expect(got.status).toBe(200);
      expect(await (await fetch(got.body.Url)).text()).toBe('hello');
    } finally {
      socket.close();
    }
  });

  it('validates the scanning route', async () => {
    const ana = await customer();
    expect((await setScanning('no-such-contact', { Result: 'REJECTED' })).status).toBe(404);
    for (const body of [
      {},
      { Result: 'MAYBE' },
      { Result: 'IN_PROGRESS' },
      { Result: 'REJECTED', DelayMs: -1 },
      { Result: 'REJECTED', DelayMs: 60_001 },
      { Result: 'REJECTED', DelayMs: 'soon' },
    ]) {
      const answer = await setScanning(ana.contactId, body);
      expect([answer.status, answer.headers.get('x-amzn-errortype')]).toEqual([
        400,
        'ValidationException',
      ]);
    }
  });
});

describe('attachment scanning, by file name', () => {
  it.each(['eicar.com.txt', 'EICAR-test-file.txt', 'please-reject-me.pdf', 'Rejected.png'])(
    'rejects %s without any configuration',
    async (name) => {
      const ana = await customer();
      const attachmentId = await sendFile(emulator.url, ana.token, name);
      expect(statusOf(await transcriptItem(ana.token, attachmentId))).toBe('IN_PROGRESS');
      clock.advance(1000);
      expect(statusOf(await transcriptItem(ana.token, attachmentId))).toBe('REJECTED');
      expect(
        (await call(emulator.url, 'attachment', ana.token, { AttachmentId: attachmentId })).status,
      ).toBe(400);
    },
  );

  it('the name wins over an APPROVED contact; other files of an unconfigured contact are not scanned', async () => {
    const ana = await customer();
    const plain = await sendFile(emulator.url, ana.token, 'notes.txt');
    expect(statusOf(await transcriptItem(ana.token, plain))).toBe('APPROVED');
    await setScanning(ana.contactId, { Result: 'APPROVED', DelayMs: 0 });
    const flagged = await sendFile(emulator.url, ana.token, 'eicar.txt');
    clock.advance(0);
    expect(statusOf(await transcriptItem(ana.token, flagged))).toBe('REJECTED');
  });
});

describe('attachment scanning and close', () => {
  it('a closed emulator leaves no scan scheduled behind it', async () => {
    const ownClock = createFakeClock();
    const logged: string[] = [];
    const own = await startEmulator({
      port: 0,
      clock: ownClock,
      logger: { ...silentLogger, info: (message: string) => logged.push(message) },
    });
    const chat = await startChat(own.url);
    const connection = await connect(own.url, chat.ParticipantToken);
    await sendFile(own.url, connection.connectionToken, 'eicar.txt');
    await own.close();
    ownClock.advance(60_000);
    expect(logged.filter((message) => message.includes('scanned'))).toStrictEqual([]);
  });
});

describe('attachment scanning with the kit', () => {
  it("a customer's session shows the agent's file in progress, then rejected", async () => {
    const real = await startEmulator({ port: 0 });
    try {
      const chat = await startChat(real.url);
      await request(`${real.url}/admin/contacts/${chat.ContactId}/scanning`, {
        body: { Result: 'REJECTED', DelayMs: 300 },
      });
      const agent = await addAgent(real.url, chat.ContactId);
      const agentConnection = await connect(real.url, agent.ParticipantToken);
      const session = createChatSession({
        participantToken: chat.ParticipantToken,
        contactId: chat.ContactId,
        participantId: chat.ParticipantId,
        endpoint: real.url,
        WebSocket,
        storage: null,
        environment: null,
        logger: silentLogger,
      });
      try {
        session.connect();
        await expect
          .poll(() => session.getSnapshot().connection.status, { timeout: 5000 })
          .toBe('open');
        const seen = new Set<string>();
        const unsubscribe = session.subscribe(() => {
          for (const item of session.getSnapshot().items) {
            for (const file of item.attachments ?? []) {
              seen.add(file.status);
            }
          }
        });
        await sendFile(real.url, agentConnection.connectionToken, 'invoice.txt');
        await expect
          .poll(
            () =>
              session
                .getSnapshot()
                .items.flatMap((item) => item.attachments ?? [])
                .map((file) => `${file.name}:${file.status}`),
            { timeout: 5000, interval: 20 },
          )
          .toStrictEqual(['invoice.txt:rejected']);
        unsubscribe();
        expect(seen.has('in_progress')).toBe(true);
      } finally {
        session.destroy();
      }
    } finally {
      await real.close();
    }
  }, 15_000);
});
