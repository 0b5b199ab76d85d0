import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidResponseError,
  createParticipantClient,
  participantEndpoint,
  silentLogger,
} from 'contact-kit/core';
import type { ParticipantClient } from 'contact-kit/core';
import { createFakeFetch } from './fakeFetch';
import type { FakeReply } from './fakeFetch';

const ENDPOINT = 'https://participant.example.test';
const PARTICIPANT_TOKEN = 'participant-token-1';
const CONNECTION_TOKEN = 'connection-token-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(...replies: FakeReply[]) {
  const fake = createFakeFetch(...replies);
  const client = createParticipantClient({
    endpoint: ENDPOINT,
    fetch: fake.fetch,
    retry: false,
    logger: silentLogger,
  });
  return { fake, client };
}

interface OperationCase {
  name: string;
  call: (client: ParticipantClient) => Promise<unknown>;
  method: 'GET' | 'POST';
  path: string;
  bearer: string;
  /** The body expected on the wire; `ClientToken` is checked separately for idempotent calls. */
  body: Record<string, unknown> | undefined;
  idempotent: boolean;
  response: Record<string, unknown>;
  /** What the call resolves to, when it differs from `response`. */
  expected?: unknown;
}

const operations: OperationCase[] = [
  {
    name: 'CreateParticipantConnection',
    call: (c) =>
      c.createParticipantConnection(PARTICIPANT_TOKEN, {
        Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
        ConnectParticipant: null as unknown as undefined,
      }),
    method: 'POST',
    path: '/participant/connection',
    bearer: PARTICIPANT_TOKEN,
    body: { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
    idempotent: false,
    response: {
      Websocket: { Url: 'wss://ws.example/abc', ConnectionExpiry: '2026-11-23T10:01:40.000Z' },
      ConnectionCredentials: { ConnectionToken: 'ct', Expiry: '2026-11-24T10:00:00.000Z' },
    },
  },
  {
    name: 'SendMessage',
    call: (c) => c.sendMessage(CONNECTION_TOKEN, { ContentType: 'text/plain', Content: 'Hello' }),
    method: 'POST',
    path: '/participant/message',
    bearer: CONNECTION_TOKEN,
    body: { ContentType: 'text/plain', Content: 'Hello' },
    idempotent: true,
    response: {
      Id: 'msg-1',
      AbsoluteTime: '2019-11-08T02:41:28.172Z',
      MessageMetadata: { MessageProcessingStatus: 'PROCESSING' },
    },
  },
  {
    name: 'SendEvent',
    call: (c) =>
      c.sendEvent(CONNECTION_TOKEN, {
        ContentType: 'application/vnd.amazonaws.connect.event.message.read',
        Content: '{"messageId":"msg-1"}',
        ClientToken: 'caller-token',
      }),
    method: 'POST',
    path: '/participant/event',
    bearer: CONNECTION_TOKEN,
    body: {
      ContentType: 'application/vnd.amazonaws.connect.event.message.read',
      Content: '{"messageId":"msg-1"}',
      ClientToken: 'caller-token',
    },
    idempotent: false,
    response: { Id: 'evt-1', AbsoluteTime: '2019-11-08T02:41:29.000Z' },
  },
  {
    name: 'GetTranscript',
    call: (c) =>
      c.getTranscript(CONNECTION_TOKEN, {
        MaxResults: 15,
        ScanDirection: 'BACKWARD',
        SortOrder: 'ASCENDING',
        StartPosition: { MostRecent: 0, Id: undefined },
        NextToken: undefined,
      }),
    method: 'POST',
    path: '/participant/transcript',
    bearer: CONNECTION_TOKEN,
    body: {
      MaxResults: 15,
      ScanDirection: 'BACKWARD',
      SortOrder: 'ASCENDING',
      StartPosition: { MostRecent: 0 },
    },
    idempotent: false,
    response: {
      InitialContactId: 'contact-1',
      Transcript: [
        {
          Id: 'msg-1',
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'Hi',
          MessageMetadata: { MessageId: 'msg-1', MessageCompleted: false, ChunkNumber: 1 },
        },
      ],
      NextToken: '',
    },
  },
  {
    name: 'DisconnectParticipant',
    call: (c) => c.disconnectParticipant(CONNECTION_TOKEN),
    method: 'POST',
    path: '/participant/disconnect',
    bearer: CONNECTION_TOKEN,
    body: {},
    idempotent: true,
    response: {},
  },
  {
    name: 'StartAttachmentUpload',
    call: (c) =>
      c.startAttachmentUpload(CONNECTION_TOKEN, {
        ContentType: 'image/png',
        AttachmentSizeInBytes: 2048,
        AttachmentName: 'photo.png',
      }),
    method: 'POST',
    path: '/participant/start-attachment-upload',
    bearer: CONNECTION_TOKEN,
    body: { ContentType: 'image/png', AttachmentSizeInBytes: 2048, AttachmentName: 'photo.png' },
    idempotent: true,
    response: {
      AttachmentId: 'att-1',
      UploadMetadata: {
        Url: 'https://upload.example/att-1',
        UrlExpiry: '2026-11-23T10:05:00.000Z',
        HeadersToInclude: { 'Content-Type': 'image/png' },
      },
    },
  },
  {
    name: 'CompleteAttachmentUpload',
    call: (c) => c.completeAttachmentUpload(CONNECTION_TOKEN, { AttachmentIds: ['att-1'] }),
    method: 'POST',
    path: '/participant/complete-attachment-upload',
    bearer: CONNECTION_TOKEN,
    body: { AttachmentIds: ['att-1'] },
    idempotent: true,
    response: {},
  },
  {
    name: 'GetAttachment',
    call: (c) =>
      c.getAttachment(CONNECTION_TOKEN, { AttachmentId: 'att-1', UrlExpiryInSeconds: 60 }),
    method: 'POST',
    path: '/participant/attachment',
    bearer: CONNECTION_TOKEN,
    body: { AttachmentId: 'att-1', UrlExpiryInSeconds: 60 },
    idempotent: false,
    response: {
      Url: 'https://download.example/att-1',
      UrlExpiry: '2026-11-23T10:01:00.000Z',
      AttachmentSizeInBytes: 2048,
    },
  },
  {
    name: 'DescribeView',
    call: (c) => c.describeView(CONNECTION_TOKEN, { ViewToken: 'a/b+c=d e' }),
    method: 'GET',
    path: '/participant/views/a%2Fb%2Bc%3Dd%20e',
    bearer: CONNECTION_TOKEN,
    body: undefined,
    idempotent: false,
    response: {
      View: {
        Id: 'view-1',
        Arn: 'arn:aws:connect:us-east-1:123:instance/i/view/view-1',
        Name: 'Detail',
        Version: 1,
        Content: { InputSchema: '{}', Template: '{}', Actions: ['Submit'] },
      },
    },
  },
  {
    name: 'GetAuthenticationUrl',
    call: (c) =>
      c.getAuthenticationUrl(CONNECTION_TOKEN, {
        SessionId: '123e4567-e89b-12d3-a456-426614174000',
        RedirectUri: 'https://shop.example/signed-in',
      }),
    method: 'POST',
    path: '/participant/authentication-url',
    bearer: CONNECTION_TOKEN,
    body: {
      SessionId: '123e4567-e89b-12d3-a456-426614174000',
      RedirectUri: 'https://shop.example/signed-in',
    },
    idempotent: false,
    response: { AuthenticationUrl: 'https://auth.example/authorize?x=1' },
  },
  {
    name: 'CancelParticipantAuthentication',
    call: (c) =>
      c.cancelParticipantAuthentication(CONNECTION_TOKEN, {
        SessionId: '123e4567-e89b-12d3-a456-426614174000',
      }),
    method: 'POST',
    path: '/participant/cancel-authentication',
    bearer: CONNECTION_TOKEN,
    body: { SessionId: '123e4567-e89b-12d3-a456-426614174000' },
    idempotent: false,
    response: {},
  },
];

describe('createParticipantClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('covers all 11 operations', () => {
    expect(new Set(operations.map((o) => o.name)).size).toBe(11);
  });

  describe.each(operations)('$name', (op) => {
    it(`sends ${op.method} ${op.path} with the right bearer token and headers`, async () => {
      const { fake, client } = setup({ body: op.response });
      await op.call(client);
      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request!.method).toBe(op.method);
      expect(request!.url).toBe(`${ENDPOINT}${op.path}`);
      expect(request!.headers['x-amz-bearer']).toBe(op.bearer);
      expect(request!.headers['x-amz-user-agent']).toBe('contact-kit');
      expect(request!.headers['authorization']).toBeUndefined();
      if (op.method === 'POST') {
        expect(request!.headers['content-type']).toBe('application/json');
      } else {
        expect(request!.headers['content-type']).toBeUndefined();
        expect(request!.rawBody).toBeUndefined();
      }
    });

    it('sends the body without null/undefined members', async () => {
      const { fake, client } = setup({ body: op.response });
      await op.call(client);
      const body = fake.requests[0]!.body as Record<string, unknown> | undefined;
      if (op.idempotent) {
        expect(body!['ClientToken']).toMatch(UUID);
        const { ClientToken: _, ...rest } = body!;
        expect(rest).toEqual(op.body);
      } else {
        expect(body).toEqual(op.body);
      }
      expect(fake.requests[0]!.rawBody ?? '').not.toContain('null');
    });

    it('resolves with the parsed response', async () => {
      const { client } = setup({ body: op.response });
      await expect(op.call(client)).resolves.toEqual(op.expected ?? op.response);
    });
  });

  it.each(operations.filter((op) => op.response && Object.keys(op.response).length === 0))(
    '$name accepts an empty 200 body as {}',
    async (op) => {
      const { client } = setup({ body: '' });
      await expect(op.call(client)).resolves.toEqual({});
    },
  );

  it.each(operations.filter((op) => Object.keys(op.response).length > 0))(
    '$name rejects an empty 200 body with InvalidResponseError',
    async (op) => {
      const { client } = setup({ body: '' });
      await expect(op.call(client)).rejects.toBeInstanceOf(InvalidResponseError);
    },
  );

  it.each(operations)('$name rejects a non-JSON 200 body with InvalidResponseError', async (op) => {
    const { client } = setup({
      body: '<html>gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    const error = await op.call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', operation: op.name, retryable: false });
  });

  it('rejects JSON that is not an object with InvalidResponseError', async () => {
    const { client } = setup({ body: '[1,2]' });
    await expect(client.getTranscript(CONNECTION_TOKEN, {})).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('keeps the caller ClientToken and drops members the model does not know', async () => {
    const { fake, client } = setup({ body: { Id: 'm', AbsoluteTime: 't' } });
    const request = {
      ContentType: 'text/plain',
      Content: 'x',
      ClientToken: 'mine',
      ConnectionToken: 'leak',
    };
    await client.sendMessage(CONNECTION_TOKEN, request);
    expect(fake.requests[0]!.body).toEqual({
      ContentType: 'text/plain',
      Content: 'x',
      ClientToken: 'mine',
    });
  });

  it('does not mutate the caller request when filling ClientToken', async () => {
    const { client } = setup({ body: { Id: 'm', AbsoluteTime: 't' } });
    const request = { ContentType: 'text/plain', Content: 'x' };
    await client.sendMessage(CONNECTION_TOKEN, request);
    expect(request).toEqual({ ContentType: 'text/plain', Content: 'x' });
  });

  it('fills ClientToken from globalThis.crypto looked up at call time', async () => {
    const { fake, client } = setup({ body: { Id: 'm', AbsoluteTime: 't' } });
    vi.stubGlobal('crypto', { randomUUID: () => '00000000-0000-4000-8000-000000000001' });
    await client.sendMessage(CONNECTION_TOKEN, { ContentType: 'text/plain', Content: 'x' });
    expect(fake.requests[0]!.body).toMatchObject({
      ClientToken: '00000000-0000-4000-8000-000000000001',
    });
  });

  it('falls back to getRandomValues for ClientToken where randomUUID is missing', async () => {
    const { fake, client } = setup({});
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff),
    });
    await client.disconnectParticipant(CONNECTION_TOKEN);
    expect((fake.requests[0]!.body as { ClientToken: string }).ClientToken).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
  });

  it('uses globalThis.fetch looked up at call time when no fetch is injected', async () => {
    const client = createParticipantClient({ region: 'eu-west-2', logger: silentLogger });
    const fake = createFakeFetch({ body: { AuthenticationUrl: 'u' } });
    vi.stubGlobal('fetch', fake.fetch);
    await client.getAuthenticationUrl(CONNECTION_TOKEN, {
      SessionId: '123e4567-e89b-12d3-a456-426614174000',
      RedirectUri: 'https://r',
    });
    expect(fake.requests[0]!.url).toBe(
      'https://participant.connect.eu-west-2.amazonaws.com/participant/authentication-url',
    );
  });

  it('appends the caller user agent to x-amz-user-agent', async () => {
    const fake = createFakeFetch({ body: {} });
    const client = createParticipantClient({
      endpoint: ENDPOINT,
      fetch: fake.fetch,
      userAgent: 'my-shop/1.2',
    });
    await client.disconnectParticipant(CONNECTION_TOKEN, { ClientToken: 'c' });
    expect(fake.requests[0]!.headers['x-amz-user-agent']).toBe('contact-kit my-shop/1.2');
  });

  it('passes unmodelled response members through', async () => {
    const { client } = setup({ body: { Id: 'm', AbsoluteTime: 't', Future: { x: 1 } } });
    await expect(
      client.sendMessage(CONNECTION_TOKEN, { ContentType: 'text/plain', Content: 'x' }),
    ).resolves.toMatchObject({ Future: { x: 1 } });
  });
});

describe('endpoints', () => {
  it('builds the regional endpoint', () => {
    expect(participantEndpoint('us-west-2')).toBe(
      'https://participant.connect.us-west-2.amazonaws.com',
    );
    expect(createParticipantClient({ region: 'ap-southeast-1' }).endpoint).toBe(
      'https://participant.connect.ap-southeast-1.amazonaws.com',
    );
  });

  it('lets an explicit endpoint win over the region and strips trailing slashes', () => {
    const client = createParticipantClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4010/',
    });
    expect(client.endpoint).toBe('http://127.0.0.1:4010');
  });

  it.each([
    [{}],
    [{ region: '' }],
    [{ region: 'not a region' }],
    [{ endpoint: 'not a url' }],
    [{ endpoint: 'ftp://example.com' }],
    [{ region: 'us-east-1', retry: { maxAttempts: 0 } }],
    [{ region: 'us-east-1', retry: { baseDelayMs: -1 } }],
  ])('throws TypeError on misuse: %o', (options) => {
    expect(() => createParticipantClient(options)).toThrow(TypeError);
  });

  it('rejects with TypeError when no fetch exists at call time', async () => {
    const client = createParticipantClient({ region: 'us-east-1' });
    vi.stubGlobal('fetch', undefined);
    await expect(client.disconnectParticipant(CONNECTION_TOKEN)).rejects.toBeInstanceOf(TypeError);
    vi.unstubAllGlobals();
  });
});
