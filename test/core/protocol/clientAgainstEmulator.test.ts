import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ContentType,
  ParticipantServiceError,
  createParticipantClient,
  silentLogger,
} from 'contact-kit/core';
import type { ParticipantClient, ParticipantServiceErrorName } from 'contact-kit/core';
import { startEmulator } from 'contact-kit/emulator';

const SESSION_ID = '123e4567-e89b-12d3-a456-426614174000';

let emulator: { url: string; close(): Promise<void> };
let client: ParticipantClient;
let sleeps: number[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  client = createParticipantClient({
    endpoint: emulator.url,
    logger: silentLogger,
    // Retries run for real against the emulator; only the backoff wait is skipped.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(async () => {
  sleeps = [];
  await admin('/admin/faults', { reset: true });
});

async function admin<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

interface Chat {
  contactId: string;
  participantToken: string;
  connectionToken: string;
}

async function startChat(): Promise<Chat> {
  const chat = await admin<{ ContactId: string; ParticipantToken: string }>('/admin/chat', {
    ParticipantDetails: { DisplayName: 'Ana' },
  });
  const connection = await client.createParticipantConnection(chat.ParticipantToken, {
    Type: ['CONNECTION_CREDENTIALS'],
  });
  return {
    contactId: chat.ContactId,
    participantToken: chat.ParticipantToken,
    connectionToken: connection.ConnectionCredentials!.ConnectionToken!,
  };
}

async function serviceError(promise: Promise<unknown>): Promise<ParticipantServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParticipantServiceError);
  return error as ParticipantServiceError;
}

async function uploadedAttachment(chat: Chat, bytes: string): Promise<string> {
  const started = await client.startAttachmentUpload(chat.connectionToken, {
    ContentType: 'text/plain',
    AttachmentSizeInBytes: new TextEncoder().encode(bytes).length,
    AttachmentName: 'note.txt',
  });
  const put = await fetch(started.UploadMetadata!.Url!, {
    method: 'PUT',
    headers: started.UploadMetadata!.HeadersToInclude,
    body: bytes,
  });
  expect(put.ok).toBe(true);
  return started.AttachmentId!;
}

describe('the client against the emulator: every operation', () => {
  it('CreateParticipantConnection returns a loopback websocket URL and a connection token', async () => {
    const chat = await admin<{ ParticipantToken: string }>('/admin/chat', {
      ParticipantDetails: { DisplayName: 'Ana' },
    });
    const connection = await client.createParticipantConnection(chat.ParticipantToken, {
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    });
    expect(connection.Websocket?.Url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    expect(Date.parse(connection.Websocket!.ConnectionExpiry!)).toBeGreaterThan(0);
    expect(connection.ConnectionCredentials?.ConnectionToken).toEqual(expect.any(String));
  });

  it('SendMessage is idempotent per ClientToken and the message shows in GetTranscript', async () => {
    const chat = await startChat();
    const request = {
      ContentType: 'text/plain',
      Content: 'Where is my order?',
      ClientToken: 'c-1',
    };
    const first = await client.sendMessage(chat.connectionToken, request);
    const replay = await client.sendMessage(chat.connectionToken, request);
    expect(first.Id).toEqual(expect.any(String));
    expect(replay).toEqual(first);

    const page = await client.getTranscript(chat.connectionToken, {
      ScanDirection: 'BACKWARD',
      SortOrder: 'ASCENDING',
      MaxResults: 100,
    });
    const mine = page.Transcript!.filter((item) => item.Id === first.Id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ Type: 'MESSAGE', Content: 'Where is my order?' });
  });

  it('GetTranscript pages with NextToken, and scans FORWARD from a StartPosition', async () => {
    const chat = await startChat();
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const sent = await client.sendMessage(chat.connectionToken, {
        ContentType: 'text/plain',
        Content: text,
      });
      ids.push(sent.Id!);
    }

    const seen: string[] = [];
    let nextToken: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await client.getTranscript(chat.connectionToken, {
        ScanDirection: 'BACKWARD',
        SortOrder: 'ASCENDING',
        MaxResults: 1,
        NextToken: nextToken,
      });
      seen.push(...page.Transcript!.map((item) => item.Id!));
      // The service may end with an absent or an empty NextToken; both mean "no more pages".
      nextToken = page.NextToken || undefined;
      if (nextToken === undefined) {
        break;
      }
    }
    expect(nextToken).toBeUndefined();
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const forward = await client.getTranscript(chat.connectionToken, {
      ScanDirection: 'FORWARD',
      SortOrder: 'ASCENDING',
      StartPosition: { Id: ids[0] },
      MaxResults: 100,
    });
    const after = forward.Transcript!.map((item) => item.Id).filter((id) => ids.includes(id!));
    expect(after.slice(-2)).toEqual(ids.slice(1));
  });

  it('SendEvent sends a typing event', async () => {
    const chat = await startChat();
    const event = await client.sendEvent(chat.connectionToken, { ContentType: ContentType.typing });
    expect(event.Id).toEqual(expect.any(String));
    expect(Date.parse(event.AbsoluteTime!)).toBeGreaterThan(0);
  });

  it('StartAttachmentUpload, upload, CompleteAttachmentUpload and GetAttachment round-trip the bytes', async () => {
    const chat = await startChat();
    const attachmentId = await uploadedAttachment(chat, 'hello attachment');
    await expect(
      client.completeAttachmentUpload(chat.connectionToken, { AttachmentIds: [attachmentId] }),
    ).resolves.toEqual({});
    const download = await client.getAttachment(chat.connectionToken, {
      AttachmentId: attachmentId,
      UrlExpiryInSeconds: 60,
    });
    expect(download.AttachmentSizeInBytes).toBe(16);
    expect(await (await fetch(download.Url!)).text()).toBe('hello attachment');
  });

  it('DescribeView returns the sample view', async () => {
    const chat = await startChat();
    const { View } = await client.describeView(chat.connectionToken, {
      ViewToken: 'sample-view-token',
    });
    expect(View?.Content?.Actions).toEqual(['Confirm', 'Cancel']);
    expect(() => JSON.parse(View!.Content!.Template!) as unknown).not.toThrow();
  });

  it('GetAuthenticationUrl and CancelParticipantAuthentication', async () => {
    const chat = await startChat();
    const { AuthenticationUrl } = await client.getAuthenticationUrl(chat.connectionToken, {
      SessionId: SESSION_ID,
      RedirectUri: 'https://shop.example/signed-in',
    });
    expect(AuthenticationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await expect(
      client.cancelParticipantAuthentication(chat.connectionToken, { SessionId: SESSION_ID }),
    ).resolves.toEqual({});
  });

  it('DisconnectParticipant ends the participant; its token is then refused', async () => {
    const chat = await startChat();
    await expect(client.disconnectParticipant(chat.connectionToken)).resolves.toEqual({});
    const error = await serviceError(
      client.sendMessage(chat.connectionToken, {
        ContentType: 'text/plain',
        Content: 'still there?',
      }),
    );
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403, retryable: false });
  });
});

describe('the client against the emulator: error types', () => {
  it('AccessDeniedException for an unknown token, with a request id', async () => {
    const error = await serviceError(client.getTranscript('not-a-token', {}));
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('AccessDeniedException for the participant token on a connection-token operation', async () => {
    const chat = await startChat();
    const error = await serviceError(client.getTranscript(chat.participantToken, {}));
    expect(error.name).toBe('AccessDeniedException');
  });

  it('ValidationException for an attachment id the service does not know', async () => {
    const chat = await startChat();
    const error = await serviceError(
      client.getAttachment(chat.connectionToken, { AttachmentId: 'nope' }),
    );
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
  });

  it('ResourceNotFoundException with ResourceId/ResourceType details for an unknown view', async () => {
    const chat = await startChat();
    const error = await serviceError(
      client.describeView(chat.connectionToken, { ViewToken: 'no/such+view' }),
    );
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
      details: { ResourceId: 'no/such+view', ResourceType: expect.any(String) },
    });
  });

  it('ConflictException when completing an attachment that was never uploaded', async () => {
    const chat = await startChat();
    const started = await client.startAttachmentUpload(chat.connectionToken, {
      ContentType: 'text/plain',
      AttachmentSizeInBytes: 3,
      AttachmentName: 'a.txt',
    });
    const error = await serviceError(
      client.completeAttachmentUpload(chat.connectionToken, {
        AttachmentIds: [started.AttachmentId!],
      }),
    );
    expect(error).toMatchObject({ name: 'ConflictException', status: 409 });
  });

  it('ServiceQuotaExceededException once the per-contact attachment quota is used up', async () => {
    const chat = await startChat();
    let error: unknown;
    for (let i = 0; i < 50 && error === undefined; i += 1) {
      try {
        const id = await uploadedAttachment(chat, `file ${i}`);
        await client.completeAttachmentUpload(chat.connectionToken, { AttachmentIds: [id] });
      } catch (caught) {
        error = caught;
      }
    }
    expect(error).toBeInstanceOf(ParticipantServiceError);
    expect(error).toMatchObject({
      name: 'ServiceQuotaExceededException',
      status: 402,
      retryable: false,
    });
  });

  it.each<[429 | 500 | 503, ParticipantServiceErrorName]>([
    [429, 'ThrottlingException'],
    [500, 'InternalServerException'],
    [503, 'ServiceUnavailable'],
  ])('HTTP %i is %s, retried up to maxAttempts', async (status, name) => {
    const chat = await startChat();
    await admin('/admin/faults', { failNext: { operation: 'SendMessage', status, count: 3 } });
    const error = await serviceError(
      client.sendMessage(chat.connectionToken, { ContentType: 'text/plain', Content: 'hi' }),
    );
    expect(error).toMatchObject({ name, status, retryable: true });
    expect(sleeps).toHaveLength(2);
    // The three injected failures are used up: the next call goes through.
    await expect(
      client.sendMessage(chat.connectionToken, { ContentType: 'text/plain', Content: 'hi' }),
    ).resolves.toHaveProperty('Id');
  });

  it('recovers from two 500s and sends the message exactly once', async () => {
    const chat = await startChat();
    await admin('/admin/faults', { failNext: { operation: 'SendMessage', status: 500, count: 2 } });
    const sent = await client.sendMessage(chat.connectionToken, {
      ContentType: 'text/plain',
      Content: 'third time lucky',
    });
    expect(sleeps).toHaveLength(2);
    const page = await client.getTranscript(chat.connectionToken, { MaxResults: 100 });
    expect(page.Transcript!.filter((item) => item.Content === 'third time lucky')).toEqual([
      expect.objectContaining({ Id: sent.Id }),
    ]);
  });
});
