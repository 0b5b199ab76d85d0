import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestValidationError, createParticipantClient, silentLogger } from 'contact-kit/core';
import { validateRequest } from '../../../src/core/protocol/validateRequest';
import type { OperationName, ParticipantClient } from 'contact-kit/core';
import { createFakeFetch } from './fakeFetch';

const SESSION_ID = '123e4567-e89b-12d3-a456-426614174000';
const TOKEN = 'connection-token';

/** [operation, request, field] — each request is invalid because of `field`. */
const invalid: [OperationName, unknown, string][] = [
  ['CreateParticipantConnection', { Type: [] }, 'Type'],
  ['CreateParticipantConnection', { Type: 'WEBSOCKET' }, 'Type'],
  ['CreateParticipantConnection', { Type: ['WEBSOCKET', 'CHAT'] }, 'Type[1]'],
  ['CreateParticipantConnection', { ConnectParticipant: 'yes' }, 'ConnectParticipant'],
  ['CreateParticipantConnection', 'WEBSOCKET', 'request'],

  ['SendMessage', { Content: 'hi' }, 'ContentType'],
  ['SendMessage', { ContentType: 'text/plain' }, 'Content'],
  ['SendMessage', { ContentType: 'text/plain', Content: '' }, 'Content'],
  ['SendMessage', { ContentType: 'text/plain', Content: 'x'.repeat(1025) }, 'Content'],
  ['SendMessage', { ContentType: 'text/markdown', Content: 'x'.repeat(1025) }, 'Content'],
  ['SendMessage', { ContentType: 'application/json', Content: 'x'.repeat(12_001) }, 'Content'],
  [
    'SendMessage',
    {
      ContentType: 'application/vnd.amazonaws.connect.message.interactive.response',
      Content: 'x'.repeat(12_289),
    },
    'Content',
  ],
  ['SendMessage', { ContentType: 'image/png', Content: 'x' }, 'ContentType'],
  [
    'SendMessage',
    { ContentType: 'application/vnd.amazonaws.connect.message.interactive', Content: '{}' },
    'ContentType',
  ],
  ['SendMessage', { ContentType: 'x'.repeat(101), Content: 'x' }, 'ContentType'],
  ['SendMessage', { ContentType: 'text/plain', Content: 42 }, 'Content'],
  [
    'SendMessage',
    { ContentType: 'text/plain', Content: 'x', ClientToken: 'x'.repeat(501) },
    'ClientToken',
  ],
  ['SendMessage', { ContentType: 'text/plain', Content: 'x', ClientToken: '' }, 'ClientToken'],

  ['SendEvent', {}, 'ContentType'],
  ['SendEvent', { ContentType: '' }, 'ContentType'],
  [
    'SendEvent',
    { ContentType: 'application/vnd.amazonaws.connect.event.typing', Content: 'x'.repeat(16_385) },
    'Content',
  ],
  [
    'SendEvent',
    { ContentType: 'application/vnd.amazonaws.connect.event.typing', Content: '' },
    'Content',
  ],
  [
    'SendEvent',
    { ContentType: 'application/vnd.amazonaws.connect.event.typing', ClientToken: 'x'.repeat(501) },
    'ClientToken',
  ],

  ['GetTranscript', { MaxResults: 101 }, 'MaxResults'],
  ['GetTranscript', { MaxResults: -1 }, 'MaxResults'],
  ['GetTranscript', { MaxResults: 1.5 }, 'MaxResults'],
  ['GetTranscript', { MaxResults: '15' }, 'MaxResults'],
  ['GetTranscript', { ContactId: '' }, 'ContactId'],
  ['GetTranscript', { ContactId: 'x'.repeat(257) }, 'ContactId'],
  ['GetTranscript', { NextToken: '' }, 'NextToken'],
  ['GetTranscript', { NextToken: 'x'.repeat(1001) }, 'NextToken'],
  ['GetTranscript', { ScanDirection: 'UP' }, 'ScanDirection'],
  ['GetTranscript', { SortOrder: 'RANDOM' }, 'SortOrder'],
  ['GetTranscript', { StartPosition: 'latest' }, 'StartPosition'],
  ['GetTranscript', { StartPosition: { MostRecent: 101 } }, 'StartPosition.MostRecent'],
  ['GetTranscript', { StartPosition: { MostRecent: -1 } }, 'StartPosition.MostRecent'],
  ['GetTranscript', { StartPosition: { Id: '' } }, 'StartPosition.Id'],
  ['GetTranscript', { StartPosition: { Id: 'x'.repeat(257) } }, 'StartPosition.Id'],
  [
    'GetTranscript',
    { StartPosition: { AbsoluteTime: 'x'.repeat(101) } },
    'StartPosition.AbsoluteTime',
  ],
  ['GetTranscript', { ScanDirection: 'FORWARD' }, 'StartPosition'],
  ['GetTranscript', { ScanDirection: 'FORWARD', StartPosition: {} }, 'StartPosition'],
  [
    'GetTranscript',
    { ScanDirection: 'FORWARD', StartPosition: { Id: null, AbsoluteTime: undefined } },
    'StartPosition',
  ],

  ['DisconnectParticipant', { ClientToken: 'x'.repeat(501) }, 'ClientToken'],
  ['DisconnectParticipant', [], 'request'],

  ['StartAttachmentUpload', { AttachmentSizeInBytes: 1, AttachmentName: 'a.png' }, 'ContentType'],
  [
    'StartAttachmentUpload',
    { ContentType: 'x'.repeat(256), AttachmentSizeInBytes: 1, AttachmentName: 'a' },
    'ContentType',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentName: 'a.png' },
    'AttachmentSizeInBytes',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 0, AttachmentName: 'a.png' },
    'AttachmentSizeInBytes',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 1.5, AttachmentName: 'a.png' },
    'AttachmentSizeInBytes',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 1 },
    'AttachmentName',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 1, AttachmentName: 'x'.repeat(257) },
    'AttachmentName',
  ],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 1, AttachmentName: 'a', ClientToken: '' },
    'ClientToken',
  ],

  ['CompleteAttachmentUpload', {}, 'AttachmentIds'],
  ['CompleteAttachmentUpload', { AttachmentIds: 'att-1' }, 'AttachmentIds'],
  ['CompleteAttachmentUpload', { AttachmentIds: [] }, 'AttachmentIds'],
  ['CompleteAttachmentUpload', { AttachmentIds: ['a', 'b'] }, 'AttachmentIds'],
  ['CompleteAttachmentUpload', { AttachmentIds: [''] }, 'AttachmentIds[0]'],
  ['CompleteAttachmentUpload', { AttachmentIds: ['x'.repeat(257)] }, 'AttachmentIds[0]'],
  [
    'CompleteAttachmentUpload',
    { AttachmentIds: ['a'], ClientToken: 'x'.repeat(501) },
    'ClientToken',
  ],

  ['GetAttachment', {}, 'AttachmentId'],
  ['GetAttachment', { AttachmentId: '' }, 'AttachmentId'],
  ['GetAttachment', { AttachmentId: 'a', UrlExpiryInSeconds: 4 }, 'UrlExpiryInSeconds'],
  ['GetAttachment', { AttachmentId: 'a', UrlExpiryInSeconds: 301 }, 'UrlExpiryInSeconds'],

  ['DescribeView', {}, 'ViewToken'],
  ['DescribeView', { ViewToken: '' }, 'ViewToken'],
  ['DescribeView', { ViewToken: 'x'.repeat(1001) }, 'ViewToken'],

  ['GetAuthenticationUrl', { RedirectUri: 'https://r' }, 'SessionId'],
  ['GetAuthenticationUrl', { SessionId: 'short', RedirectUri: 'https://r' }, 'SessionId'],
  ['GetAuthenticationUrl', { SessionId: `${SESSION_ID}x`, RedirectUri: 'https://r' }, 'SessionId'],
  ['GetAuthenticationUrl', { SessionId: SESSION_ID }, 'RedirectUri'],
  ['GetAuthenticationUrl', { SessionId: SESSION_ID, RedirectUri: 'x'.repeat(1025) }, 'RedirectUri'],

  ['CancelParticipantAuthentication', {}, 'SessionId'],
  ['CancelParticipantAuthentication', { SessionId: SESSION_ID.slice(1) }, 'SessionId'],
];

/** The same table, field first, so test names stay short (some requests are 16k characters). */
const invalidByField = invalid.map(
  ([operation, request, field]) => [operation, field, request] as const,
);

/** Requests right at the model's limits, which must pass. */
const valid: [OperationName, unknown][] = [
  ['CreateParticipantConnection', {}],
  ['CreateParticipantConnection', { Type: ['WEBRTC_CONNECTION'], ConnectParticipant: true }],
  ['SendMessage', { ContentType: 'text/plain', Content: 'x'.repeat(1024) }],
  // 1024 emoji are 2048 UTF-16 units but 1024 characters, as the service counts them.
  ['SendMessage', { ContentType: 'text/plain', Content: '😀'.repeat(1024) }],
  ['SendMessage', { ContentType: 'application/json', Content: 'x'.repeat(12_000) }],
  [
    'SendMessage',
    {
      ContentType: 'application/vnd.amazonaws.connect.message.interactive.response',
      Content: 'x'.repeat(12_288),
    },
  ],
  ['SendMessage', { ContentType: 'text/plain', Content: 'x', ClientToken: 'x'.repeat(500) }],
  ['SendEvent', { ContentType: 'application/vnd.amazonaws.connect.event.typing' }],
  ['GetTranscript', {}],
  ['GetTranscript', { MaxResults: 0, StartPosition: {} }],
  [
    'GetTranscript',
    { MaxResults: 100, ScanDirection: 'BACKWARD', StartPosition: { MostRecent: 100 } },
  ],
  ['GetTranscript', { ScanDirection: 'FORWARD', StartPosition: { MostRecent: 0 } }],
  ['GetTranscript', { ScanDirection: 'FORWARD', StartPosition: { Id: 'msg-1' } }],
  ['GetTranscript', { NextToken: null, ContactId: undefined }],
  ['DisconnectParticipant', undefined],
  ['DisconnectParticipant', {}],
  [
    'StartAttachmentUpload',
    { ContentType: 'image/png', AttachmentSizeInBytes: 1, AttachmentName: 'a' },
  ],
  ['CompleteAttachmentUpload', { AttachmentIds: ['att-1'] }],
  ['GetAttachment', { AttachmentId: 'a', UrlExpiryInSeconds: 5 }],
  ['GetAttachment', { AttachmentId: 'a', UrlExpiryInSeconds: 300 }],
  ['DescribeView', { ViewToken: 'x'.repeat(1000) }],
  ['GetAuthenticationUrl', { SessionId: SESSION_ID, RedirectUri: 'x'.repeat(1024) }],
  ['CancelParticipantAuthentication', { SessionId: SESSION_ID }],
];

const callers: Record<OperationName, (c: ParticipantClient, request: never) => Promise<unknown>> = {
  CreateParticipantConnection: (c, r) => c.createParticipantConnection(TOKEN, r),
  SendMessage: (c, r) => c.sendMessage(TOKEN, r),
  SendEvent: (c, r) => c.sendEvent(TOKEN, r),
  GetTranscript: (c, r) => c.getTranscript(TOKEN, r),
  DisconnectParticipant: (c, r) => c.disconnectParticipant(TOKEN, r),
  StartAttachmentUpload: (c, r) => c.startAttachmentUpload(TOKEN, r),
  CompleteAttachmentUpload: (c, r) => c.completeAttachmentUpload(TOKEN, r),
  GetAttachment: (c, r) => c.getAttachment(TOKEN, r),
  DescribeView: (c, r) => c.describeView(TOKEN, r),
  GetAuthenticationUrl: (c, r) => c.getAuthenticationUrl(TOKEN, r),
  CancelParticipantAuthentication: (c, r) => c.cancelParticipantAuthentication(TOKEN, r),
};

function setup() {
  const fake = createFakeFetch({ body: {} });
  const client = createParticipantClient({
    endpoint: 'https://participant.example.test',
    fetch: fake.fetch,
    logger: silentLogger,
  });
  return { fake, client };
}

describe('validateRequest', () => {
  it('has bad inputs for every operation', () => {
    expect(new Set(invalid.map(([operation]) => operation))).toEqual(new Set(Object.keys(callers)));
  });

  it.each(invalidByField)(
    '%s: bad %s -> RequestValidationError (case %#)',
    (operation, field, request) => {
      let error: unknown;
      try {
        validateRequest(operation, request);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ field, operation, code: 'INVALID_REQUEST', retryable: false });
      expect((error as Error).message).toContain(operation);
      expect((error as Error).message).toContain(field);
    },
  );

  it.each(valid)('%s accepts valid request %#', (operation, request) => {
    expect(() => validateRequest(operation, request)).not.toThrow();
  });

  it('names the content type and its limit when a message is too long', () => {
    expect(() =>
      validateRequest('SendMessage', { ContentType: 'text/plain', Content: 'x'.repeat(2000) }),
    ).toThrow(/at most 1024 characters long for text\/plain, got 2000/);
  });

  it('explains why an empty NextToken is refused', () => {
    expect(() => validateRequest('GetTranscript', { NextToken: '' })).toThrow(/no more pages/);
  });

  it('throws TypeError for an unknown operation (misuse)', () => {
    expect(() => validateRequest('SendFax' as OperationName, {})).toThrow(TypeError);
  });
});

describe('the client validates before sending', () => {
  it.each(invalidByField)(
    '%s: bad %s is rejected and nothing is sent (case %#)',
    async (operation, field, request) => {
      const { fake, client } = setup();
      const error = await callers[operation](client, request as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ field });
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each(valid)('%s valid request %# is sent', async (operation, request) => {
    const { fake, client } = setup();
    await callers[operation](client, request as never).catch(() => undefined);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['', 'ConnectionToken', 'SendMessage'],
    ['x'.repeat(1001), 'ConnectionToken', 'SendMessage'],
    [undefined, 'ConnectionToken', 'SendMessage'],
    ['', 'ParticipantToken', 'CreateParticipantConnection'],
    ['x'.repeat(1001), 'ParticipantToken', 'CreateParticipantConnection'],
  ] as const)('rejects bearer token (case %#) as %s', async (token, field, operation) => {
    const { fake, client } = setup();
    const call =
      operation === 'SendMessage'
        ? client.sendMessage(token as string, { ContentType: 'text/plain', Content: 'x' })
        : client.createParticipantConnection(token as string, { Type: ['WEBSOCKET'] });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ field, operation });
    expect(fake.requests).toHaveLength(0);
  });

  it('accepts a bearer token of exactly 1000 characters', async () => {
    const { fake, client } = setup();
    await client.disconnectParticipant('x'.repeat(1000));
    expect(fake.requests).toHaveLength(1);
  });
});

describe('in a production build', () => {
  // Bundlers replace process.env.NODE_ENV; stubbing it stands in for that replacement.
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('sends without validating: the service judges the request', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const { fake, client } = setup();
    await client.sendMessage('', { ContentType: 'text/plain', Content: '' }).catch(() => undefined);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).toMatchObject({ ContentType: 'text/plain', Content: '' });
  });

  it('still validates under any other NODE_ENV', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { fake, client } = setup();
    const error = await client
      .sendMessage('', { ContentType: 'text/plain', Content: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(fake.requests).toHaveLength(0);
  });
});
