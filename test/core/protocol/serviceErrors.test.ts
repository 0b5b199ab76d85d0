import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  ParticipantServiceError,
  createParticipantClient,
  silentLogger,
} from 'contact-kit/core';
import type { ParticipantServiceErrorName } from 'contact-kit/core';
import { createFakeFetch } from './fakeFetch';
import type { FakeReply } from './fakeFetch';

async function failWith(reply: FakeReply): Promise<ParticipantServiceError> {
  const fake = createFakeFetch(reply);
  const client = createParticipantClient({
    endpoint: 'https://participant.example.test',
    fetch: fake.fetch,
    retry: false,
    logger: silentLogger,
  });
  const error = await client.getTranscript('connection-token', { MaxResults: 10 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParticipantServiceError);
  return error as ParticipantServiceError;
}

const modelled: [ParticipantServiceErrorName, number][] = [
  ['ValidationException', 400],
  ['ServiceQuotaExceededException', 402],
  ['AccessDeniedException', 403],
  ['ResourceNotFoundException', 404],
  ['ConflictException', 409],
  ['ThrottlingException', 429],
  ['InternalServerException', 500],
  ['ServiceUnavailable', 503],
];

describe('service errors', () => {
  it.each(modelled)('%s from x-amzn-ErrorType (with a :suffix)', async (name, status) => {
    const error = await failWith({
      status,
      headers: {
        'x-amzn-ErrorType': `${name}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
      },
      body: { message: 'boom' },
    });
    expect(error).toMatchObject({
      name,
      status,
      message: 'boom',
      code: 'SERVICE_ERROR',
      operation: 'GetTranscript',
      errorType: name,
    });
  });

  it.each(modelled)('%s from a namespaced body __type', async (name, status) => {
    const error = await failWith({
      status,
      body: { __type: `com.amazonaws.connectparticipant#${name}`, Message: 'boom' },
    });
    expect(error).toMatchObject({ name, status, message: 'boom' });
  });

  it.each(modelled)('%s from a body code', async (name, status) => {
    const error = await failWith({ status, body: { code: name } });
    expect(error.name).toBe(name);
  });

  it.each(modelled)('%s from the status alone (%i)', async (name, status) => {
    const error = await failWith({ status, body: { message: 'no type given' } });
    expect(error).toMatchObject({ name, status, errorType: undefined, message: 'no type given' });
  });

  it('prefers the header over the body', async () => {
    const error = await failWith({
      status: 400,
      headers: { 'x-amzn-errortype': 'ValidationException' },
      body: { __type: 'AccessDeniedException' },
    });
    expect(error.name).toBe('ValidationException');
  });

  it('names an unlisted status Unknown', async () => {
    const error = await failWith({ status: 418, body: '' });
    expect(error).toMatchObject({ name: 'Unknown', status: 418, retryable: false });
    expect(error.message).toMatch(/HTTP 418/);
  });

  it('falls back to the status for an unrecognised type and keeps the raw type', async () => {
    const error = await failWith({
      status: 429,
      headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
      body: { message: 'Too Many Requests' },
    });
    expect(error).toMatchObject({
      name: 'ThrottlingException',
      errorType: 'TooManyRequestsException',
      retryable: true,
    });
  });

  it.each([
    [{ message: 'lower' }, 'lower'],
    [{ Message: 'Pascal' }, 'Pascal'],
    [{ MESSAGE: 'upper' }, 'upper'],
  ])('reads the message case-insensitively from %j', async (body, message) => {
    const error = await failWith({ status: 403, body });
    expect(error.message).toBe(message);
    expect(error.details).toEqual({});
  });

  it('has a useful message when the body has none (or is not JSON)', async () => {
    const error = await failWith({
      status: 403,
      headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
      body: '<html>Forbidden</html>',
    });
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe('GetTranscript failed: AccessDeniedException (HTTP 403)');
  });

  it.each([
    [{ 'x-amzn-RequestId': 'rid-1' }, 'rid-1'],
    [{ 'x-amzn-Request-Id': 'rid-2' }, 'rid-2'],
    [{ 'x-amz-request-id': 'rid-3' }, 'rid-3'],
    [{ 'x-amz-request-id': 'rid-low', 'x-amzn-requestid': 'rid-high' }, 'rid-high'],
    [{}, undefined],
  ])('reads the request id from %j', async (headers, requestId) => {
    const error = await failWith({ status: 400, headers, body: {} });
    expect(error.requestId).toBe(requestId);
  });

  it('puts the other body members in details', async () => {
    const error = await failWith({
      status: 404,
      headers: { 'x-amzn-ErrorType': 'ResourceNotFoundException' },
      body: { message: 'View not found', ResourceId: 'view-1', ResourceType: 'CONTACT_FLOW' },
    });
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      details: { ResourceId: 'view-1', ResourceType: 'CONTACT_FLOW' },
    });
  });

  it.each([
    [400, false],
    [402, false],
    [403, false],
    [404, false],
    [409, false],
    [429, true],
    [500, true],
    [503, true],
  ])('HTTP %i is retryable: %s', async (status, retryable) => {
    const error = await failWith({ status, body: {} });
    expect(error.retryable).toBe(retryable);
  });

  it('turns a rejected fetch into a retryable NetworkError with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const fake = createFakeFetch({ networkError: cause });
    const client = createParticipantClient({
      endpoint: 'https://participant.example.test',
      fetch: fake.fetch,
      retry: false,
      logger: silentLogger,
    });
    const error = await client.disconnectParticipant('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
      operation: 'DisconnectParticipant',
      cause,
    });
  });
});
