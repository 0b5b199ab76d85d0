import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { TestSocket, addAgent, call, connect, createFakeClock, startChat } from './support';

let emulator: RunningEmulator;
const clock = createFakeClock();

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    clock,
    maxAttachmentBytes: 1024,
    maxAttachmentsPerContact: 2,
  });
});
afterAll(async () => {
  await emulator.close();
});

interface Started {
  AttachmentId: string;
  UploadMetadata: { Url: string; UrlExpiry: string; HeadersToInclude: Record<string, string> };
}

async function start(
  token: string,
  name = 'notes.txt',
  size = 5,
  contentType = 'text/plain',
): Promise<Started> {
  const answer = await call<Started>(emulator.url, 'start-attachment-upload', token, {
    ContentType: contentType,
    AttachmentSizeInBytes: size,
    AttachmentName: name,
    ClientToken: `ct-${Math.random()}`,
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

function complete(
  token: string,
  attachmentId: string,
): Promise<{ status: number; headers: Headers }> {
  return call(emulator.url, 'complete-attachment-upload', token, {
    AttachmentIds: [attachmentId],
    ClientToken: `cc-${Math.random()}`,
  });
}

async function customer(): Promise<{
  contactId: string;
  token: string;
  websocketUrl: string;
  participantToken: string;
}> {
  const chat = await startChat(emulator.url);
  const connection = await connect(emulator.url, chat.ParticipantToken);
  return {
    contactId: chat.ContactId,
    token: connection.connectionToken,
    websocketUrl: connection.websocketUrl,
    participantToken: chat.ParticipantToken,
  };
}

describe('attachments', () => {
  it('round trip: start, PUT with HeadersToInclude, complete, ATTACHMENT item, GetAttachment, download', async () => {
    const { token, websocketUrl } = await customer();
    const socket = await TestSocket.subscribed(websocketUrl);
    try {
      const bytes = Buffer.from('héllo');
      const started = await start(token, 'résumé "v2".txt', bytes.length);
      expect(started.UploadMetadata.Url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(Object.keys(started.UploadMetadata.HeadersToInclude)).toEqual(
        expect.arrayContaining(['Content-Type', 'Content-Disposition', 'x-amz-acl']),
      );
      const headers = new Headers(started.UploadMetadata.HeadersToInclude);
      const put = await fetch(started.UploadMetadata.Url, { method: 'PUT', headers, body: bytes });
      expect(put.status).toBe(200);
      expect(put.headers.get('access-control-allow-origin')).toBe('*');
      expect((await complete(token, started.AttachmentId)).status).toBe(200);

      const item = await socket.waitForItem((candidate) => candidate.Type === 'ATTACHMENT');
      expect(item.Attachments).toEqual([
        {
          ContentType: 'text/plain',
          AttachmentId: started.AttachmentId,
          AttachmentName: 'résumé "v2".txt',
          Status: 'APPROVED',
        },
      ]);
      expect(item.ParticipantRole).toBe('CUSTOMER');

      const got = await call<{ Url: string; UrlExpiry: string; AttachmentSizeInBytes: number }>(
        emulator.url,
        'attachment',
        token,
        {
          AttachmentId: started.AttachmentId,
        },
      );
      expect(got.body.AttachmentSizeInBytes).toBe(bytes.length);
      const download = await fetch(got.body.Url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/plain');
      expect(download.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''r%C3%A9sum%C3%A9",
      );
      expect(download.headers.get('access-control-allow-origin')).toBe('*');
      // Browsers must not second-guess the declared type (a .txt that looks like HTML stays text).
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('answers the CORS preflight of the upload URL', async () => {
    const { token } = await customer();
    const started = await start(token);
    const preflight = await fetch(started.UploadMetadata.Url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers':
          'content-type,content-disposition,x-amz-acl,x-amz-meta-contact_id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'content-type,content-disposition,x-amz-acl,x-amz-meta-contact_id',
    );
  });

  it('409 before the upload and after completion; 400 for an unknown id', async () => {
    const { token } = await customer();
    const started = await start(token);
    const early = await complete(token, started.AttachmentId);
    expect([early.status, early.headers.get('x-amzn-errortype')]).toEqual([
      409,
      'ConflictException',
    ]);
    await fetch(started.UploadMetadata.Url, {
      method: 'PUT',
      headers: started.UploadMetadata.HeadersToInclude,
      body: 'hello',
    });
    expect((await complete(token, started.AttachmentId)).status).toBe(200);
    expect((await complete(token, started.AttachmentId)).status).toBe(409);
    expect((await complete(token, 'no-such-attachment')).status).toBe(400);
  });

  it('402 ServiceQuotaExceededException past the per-contact quota', async () => {
    const { token } = await customer();
    for (let index = 0; index < 2; index += 1) {
      const started = await start(token);
      await fetch(started.UploadMetadata.Url, {
        method: 'PUT',
        headers: started.UploadMetadata.HeadersToInclude,
        body: 'hello',
      });
      expect((await complete(token, started.AttachmentId)).status).toBe(200);
    }
    const over = await call(emulator.url, 'start-attachment-upload', token, {
      ContentType: 'text/plain',
      AttachmentSizeInBytes: 5,
      AttachmentName: 'x.txt',
      ClientToken: 'over',
    });
    expect([over.status, over.headers.get('x-amzn-errortype')]).toEqual([
      402,
      'ServiceQuotaExceededException',
    ]);
  });

  it('rejects an upload over maxAttachmentBytes with an S3-style 400, and a declared size over it', async () => {
    const { token } = await customer();
    const started = await start(token);
    const put = await fetch(started.UploadMetadata.Url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(2048),
    });
    expect(put.status).toBe(400);
    expect(await put.text()).toContain('<Code>EntityTooLarge</Code>');
    const declared = await call(emulator.url, 'start-attachment-upload', token, {
      ContentType: 'text/plain',
      AttachmentSizeInBytes: 4096,
      AttachmentName: 'big.txt',
      ClientToken: 'big',
    });
    expect(declared.status).toBe(400);
    // still serving
    const small = await start(token);
    expect(
      (
        await fetch(small.UploadMetadata.Url, {
          method: 'PUT',
          headers: { 'content-type': 'text/plain' },
          body: 'ok',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a PUT whose Content-Type differs from the signed one (403 SignatureDoesNotMatch)', async () => {
    const { token } = await customer();
    const started = await start(token);
    const put = await fetch(started.UploadMetadata.Url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: 'x',
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('SignatureDoesNotMatch');
  });

  it('upload and download URLs expire (403)', async () => {
    const { token } = await customer();
    const stale = await start(token);
    clock.advance(5 * 60 * 1000 + 1);
    expect(
      (
        await fetch(stale.UploadMetadata.Url, {
          method: 'PUT',
          headers: stale.UploadMetadata.HeadersToInclude,
          body: 'x',
        })
      ).status,
    ).toBe(403);

    const started = await start(token);
    await fetch(started.UploadMetadata.Url, {
      method: 'PUT',
      headers: started.UploadMetadata.HeadersToInclude,
      body: 'hello',
    });
    await complete(token, started.AttachmentId);
    const got = await call<{ Url: string; UrlExpiry: string }>(emulator.url, 'attachment', token, {
      AttachmentId: started.AttachmentId,
      UrlExpiryInSeconds: 5,
    });
    expect(Date.parse(got.body.UrlExpiry)).toBe(clock.now() + 5000);
    expect((await fetch(got.body.Url)).status).toBe(200);
    clock.advance(5001);
    const expired = await fetch(got.body.Url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('validates GetAttachment input and keeps CUSTOM_BOT away from customer files', async () => {
    const { token, contactId } = await customer();
    expect(
      (await call(emulator.url, 'attachment', token, { AttachmentId: 'x', UrlExpiryInSeconds: 4 }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(emulator.url, 'attachment', token, {
          AttachmentId: 'x',
          UrlExpiryInSeconds: 301,
        })
      ).status,
    ).toBe(400);
    expect((await call(emulator.url, 'attachment', token, {})).status).toBe(400);
    const started = await start(token);
    await fetch(started.UploadMetadata.Url, {
      method: 'PUT',
      headers: started.UploadMetadata.HeadersToInclude,
      body: 'hello',
    });
    await complete(token, started.AttachmentId);
    const bot = await addAgent(emulator.url, contactId, 'CUSTOM_BOT', 'Bot');
    const botConnection = await connect(emulator.url, bot.ParticipantToken);
    expect(
      (
        await call(emulator.url, 'attachment', botConnection.connectionToken, {
          AttachmentId: started.AttachmentId,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses content types with control characters (they would become response headers)', async () => {
    const { token } = await customer();
    for (const contentType of [
      'text/plain\r\nX-Injected: 1',
      'text/plain\nSet-Cookie: a=b',
      'text/pl\u0000ain',
      'text/plain\u007f',
      'text/plain; charset=\u00e9',
    ]) {
      const answer = await call(emulator.url, 'start-attachment-upload', token, {
        ContentType: contentType,
        AttachmentSizeInBytes: 5,
        AttachmentName: 'a.txt',
        ClientToken: `ctl-${Math.random()}`,
      });
      expect([answer.status, answer.headers.get('x-amzn-errortype')]).toEqual([
        400,
        'ValidationException',
      ]);
    }
    await start(token, 'a.txt', 5, 'text/plain; charset=utf-8');
  });

  it('caps uploads started but not completed per contact (402), counting only live upload URLs', async () => {
    const { token } = await customer();
    const open: Started[] = [];
    for (let index = 0; index < 5; index += 1) {
      open.push(await start(token, `draft-${index}.txt`));
    }
    const over = await call<{ message: string }>(emulator.url, 'start-attachment-upload', token, {
      ContentType: 'text/plain',
      AttachmentSizeInBytes: 5,
      AttachmentName: 'one-too-many.txt',
      ClientToken: `over-${Math.random()}`,
    });
    expect([over.status, over.headers.get('x-amzn-errortype')]).toEqual([
      402,
      'ServiceQuotaExceededException',
    ]);
    expect(over.body.message).toMatch(/uncompleted/);
    // Another contact has its own budget.
    await start((await customer()).token);

    // Completing one frees its slot.
    const first = open[0]!;
    await fetch(first.UploadMetadata.Url, {
      method: 'PUT',
      headers: first.UploadMetadata.HeadersToInclude,
      body: 'hello',
    });
    expect((await complete(token, first.AttachmentId)).status).toBe(200);
    await start(token, 'next.txt');

    // Upload URLs that expired unused can never complete: they stop counting.
    clock.advance(5 * 60 * 1000 + 1);
    await start(token, 'after-expiry.txt');
  });
});
