import {
  CancelParticipantAuthenticationCommand,
  CompleteAttachmentUploadCommand,
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DescribeViewCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetAuthenticationUrlCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
} from '@aws-sdk/client-connectparticipant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { addAgent, request, startChat } from './support';

let emulator: RunningEmulator;
let client: ConnectParticipantClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, maxAttachmentsPerContact: 1 });
  client = new ConnectParticipantClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function connected(): Promise<{ contactId: string; token: string; agentToken: string }> {
  const chat = await startChat(emulator.url);
  const agent = await addAgent(emulator.url, chat.ContactId);
  const customer = await client.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: chat.ParticipantToken,
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    }),
  );
  const agentConnection = await client.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: agent.ParticipantToken,
      Type: ['CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    }),
  );
  return {
    contactId: chat.ContactId,
    token: customer.ConnectionCredentials!.ConnectionToken!,
    agentToken: agentConnection.ConnectionCredentials!.ConnectionToken!,
  };
}

async function rejection(promise: Promise<unknown>): Promise<{
  name: string;
  status: number | undefined;
  message: string;
  error: Record<string, unknown>;
}> {
  try {
    await promise;
  } catch (error) {
    const typed = error as Error & { $metadata?: { httpStatusCode?: number } };
    return {
      name: typed.name,
      status: typed.$metadata?.httpStatusCode,
      message: typed.message,
      error: typed as never,
    };
  }
  throw new Error('expected the call to fail');
}

describe('official SDK against the emulator', () => {
  it('CreateParticipantConnection returns a 127.0.0.1 websocket URL (100 s) and a token (~1 day)', async () => {
    const chat = await startChat(emulator.url);
    const before = Date.now();
    const answer = await client.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: chat.ParticipantToken,
        Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
      }),
    );
    expect(answer.Websocket?.Url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const socketExpiry = answer.Websocket!.ConnectionExpiry!;
    const tokenExpiry = answer.ConnectionCredentials!.Expiry!;
    expect(socketExpiry).toMatch(ISO_MS);
    expect(tokenExpiry).toMatch(ISO_MS);
    expect(Date.parse(socketExpiry) - before).toBeGreaterThanOrEqual(99_000);
    expect(Date.parse(socketExpiry) - before).toBeLessThanOrEqual(101_000 + (Date.now() - before));
    expect(Date.parse(tokenExpiry) - before).toBeGreaterThan(23 * 3600_000);
    expect(answer.ConnectionCredentials?.ConnectionToken).toBeTruthy();
    expect(answer.WebRTCConnection).toBeUndefined();
  });

  it('SendMessage and SendEvent answer Id and AbsoluteTime; GetTranscript returns them', async () => {
    const { token, agentToken, contactId } = await connected();
    const sent = await client.send(
      new SendMessageCommand({
        ConnectionToken: token,
        ContentType: 'text/plain',
        Content: 'hello',
      }),
    );
    expect(sent.Id).toBeTruthy();
    expect(sent.AbsoluteTime).toMatch(ISO_MS);
    const typing = await client.send(
      new SendEventCommand({
        ConnectionToken: token,
        ContentType: 'application/vnd.amazonaws.connect.event.typing',
      }),
    );
    expect(typing.Id).toBeTruthy();
    const read = await client.send(
      new SendEventCommand({
        ConnectionToken: agentToken,
        ContentType: 'application/vnd.amazonaws.connect.event.message.read',
        Content: JSON.stringify({ messageId: sent.Id }),
      }),
    );
    expect(read.AbsoluteTime).toMatch(ISO_MS);
    const transcript = await client.send(
      new GetTranscriptCommand({
        ConnectionToken: token,
        ScanDirection: 'BACKWARD',
        SortOrder: 'ASCENDING',
        MaxResults: 15,
      }),
    );
    expect(transcript.InitialContactId).toBe(contactId);
    const message = transcript.Transcript?.find((item) => item.Id === sent.Id);
    expect(message?.Content).toBe('hello');
    expect(message?.ContactId).toBe(contactId);
    expect(message?.MessageMetadata?.Receipts?.[0]?.ReadTimestamp).toMatch(ISO_MS);
    expect(transcript.Transcript?.some((item) => (item.Type as string) === 'MESSAGEMETADATA')).toBe(
      true,
    );
  });

  it('attachments: start, PUT, complete, get', async () => {
    const { token } = await connected();
    const bytes = Buffer.from('attachment body');
    const started = await client.send(
      new StartAttachmentUploadCommand({
        ConnectionToken: token,
        ContentType: 'text/plain',
        AttachmentSizeInBytes: bytes.length,
        AttachmentName: 'a.txt',
      }),
    );
    const upload = await fetch(started.UploadMetadata!.Url!, {
      method: 'PUT',
      headers: started.UploadMetadata!.HeadersToInclude,
      body: bytes,
    });
    expect(upload.status).toBe(200);
    await client.send(
      new CompleteAttachmentUploadCommand({
        ConnectionToken: token,
        AttachmentIds: [started.AttachmentId!],
      }),
    );
    const got = await client.send(
      new GetAttachmentCommand({
        ConnectionToken: token,
        AttachmentId: started.AttachmentId!,
        UrlExpiryInSeconds: 60,
      }),
    );
    expect(got.AttachmentSizeInBytes).toBe(bytes.length);
    expect(Buffer.from(await (await fetch(got.Url!)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('DescribeView, GetAuthenticationUrl, CancelParticipantAuthentication, DisconnectParticipant', async () => {
    const { token } = await connected();
    const view = await client.send(
      new DescribeViewCommand({ ConnectionToken: token, ViewToken: 'sample-view-token' }),
    );
    expect(JSON.parse(view.View!.Content!.Template!)).toHaveProperty('Body');
    expect(JSON.parse(view.View!.Content!.InputSchema!)).toHaveProperty('type', 'object');
    const sessionId = '0123456789abcdef0123456789abcdef0123';
    const auth = await client.send(
      new GetAuthenticationUrlCommand({
        ConnectionToken: token,
        SessionId: sessionId,
        RedirectUri: 'https://shop.example/cb',
      }),
    );
    expect(auth.AuthenticationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/authorize\?/);
    await client.send(
      new CancelParticipantAuthenticationCommand({ ConnectionToken: token, SessionId: sessionId }),
    );
    await client.send(new DisconnectParticipantCommand({ ConnectionToken: token }));
    const after = await rejection(
      client.send(
        new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'x' }),
      ),
    );
    expect(after).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
      message: 'Access denied',
    });
  });

  it('parses 400 ValidationException', async () => {
    const { token } = await connected();
    const error = await rejection(
      client.send(
        new GetTranscriptCommand({
          ConnectionToken: token,
          ScanDirection: 'FORWARD',
          StartPosition: {},
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
  });

  it('parses 402 ServiceQuotaExceededException', async () => {
    const { token } = await connected();
    const upload = async (): Promise<string> => {
      const started = await client.send(
        new StartAttachmentUploadCommand({
          ConnectionToken: token,
          ContentType: 'text/plain',
          AttachmentSizeInBytes: 1,
          AttachmentName: 'a.txt',
        }),
      );
      await fetch(started.UploadMetadata!.Url!, {
        method: 'PUT',
        headers: started.UploadMetadata!.HeadersToInclude,
        body: 'a',
      });
      return started.AttachmentId!;
    };
    const first = await upload();
    await client.send(
      new CompleteAttachmentUploadCommand({ ConnectionToken: token, AttachmentIds: [first] }),
    );
    const error = await rejection(upload());
    expect(error).toMatchObject({ name: 'ServiceQuotaExceededException', status: 402 });
  });

  it('parses 403 AccessDeniedException for a participant token used as a connection token', async () => {
    const chat = await startChat(emulator.url);
    const error = await rejection(
      client.send(
        new SendMessageCommand({
          ConnectionToken: chat.ParticipantToken,
          ContentType: 'text/plain',
          Content: 'x',
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
  });

  it('parses 404 ResourceNotFoundException with ResourceId and ResourceType', async () => {
    const { token } = await connected();
    const error = await rejection(
      client.send(new DescribeViewCommand({ ConnectionToken: token, ViewToken: 'a/b+c=' })),
    );
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(error.error.ResourceId).toBe('a/b+c=');
    expect(error.error.ResourceType).toBe('CONTACT_FLOW');
  });

  it('parses 409 ConflictException', async () => {
    const { token } = await connected();
    const started = await client.send(
      new StartAttachmentUploadCommand({
        ConnectionToken: token,
        ContentType: 'text/plain',
        AttachmentSizeInBytes: 1,
        AttachmentName: 'a.txt',
      }),
    );
    const error = await rejection(
      client.send(
        new CompleteAttachmentUploadCommand({
          ConnectionToken: token,
          AttachmentIds: [started.AttachmentId!],
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'ConflictException', status: 409 });
  });

  it('parses 429 ThrottlingException and 500 InternalServerException (retried by the SDK)', async () => {
    const { token } = await connected();
    await request(`${emulator.url}/admin/faults`, {
      body: { failNext: { operation: 'SendMessage', status: 429, count: 3 } },
    });
    const throttled = await rejection(
      client.send(
        new SendMessageCommand({ ConnectionToken: token, ContentType: 'text/plain', Content: 'x' }),
      ),
    );
    expect(throttled).toMatchObject({ name: 'ThrottlingException', status: 429 });
    expect((throttled.error.$metadata as { attempts: number }).attempts).toBe(3);

    await request(`${emulator.url}/admin/faults`, {
      body: { failNext: { operation: 'GetTranscript', status: 500, count: 3 } },
    });
    const failed = await rejection(
      client.send(new GetTranscriptCommand({ ConnectionToken: token })),
    );
    expect(failed).toMatchObject({ name: 'InternalServerException', status: 500 });
    // the faults are used up: the next call succeeds
    await expect(
      client.send(new GetTranscriptCommand({ ConnectionToken: token })),
    ).resolves.toHaveProperty('Transcript');
  });

  it('a retried call after one injected 500 succeeds with the same ClientToken and stores one message', async () => {
    const { token, contactId } = await connected();
    await request(`${emulator.url}/admin/faults`, {
      body: { failNext: { operation: 'SendMessage', status: 500, count: 1 } },
    });
    const sent = await client.send(
      new SendMessageCommand({
        ConnectionToken: token,
        ContentType: 'text/plain',
        Content: 'once',
      }),
    );
    expect(sent.$metadata.attempts).toBe(2);
    const transcript = await request<{ Transcript: { Content?: string }[] }>(
      `${emulator.url}/admin/contacts/${contactId}/transcript`,
    );
    expect(transcript.body.Transcript.filter((item) => item.Content === 'once')).toHaveLength(1);
  });
});
