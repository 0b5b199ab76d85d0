import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect as netConnect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  ConnectClient,
  StartChatContactCommand,
  StartWebRTCContactCommand,
} from '@aws-sdk/client-connect';
import type { StartChatResult } from 'contact-kit';
import { createChatSession, silentLogger } from 'contact-kit/core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { configFromEnv } from '../../examples/backend/configFromEnv';
import { createClientIpResolver } from '../../examples/backend/createClientIpResolver';
import { createRateLimiter } from '../../examples/backend/createRateLimiter';
import { rateLimitKey } from '../../examples/backend/rateLimitKey';
import { createStartChatHandler } from '../../examples/backend/createStartChatHandler';
import type {
  ConnectSender,
  StartChatResponseBody,
  StartWebCallResponseBody,
} from '../../examples/backend/createStartChatHandler';
import { startServer } from '../../examples/backend/server';
import type { StartServerOptions } from '../../examples/backend/server';

const ORIGIN = 'https://shop.example.com';
const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const FLOW_ID = '66666666-7777-8888-9999-000000000000';
const TOKEN = 'secret-participant-token-QWERTY';
const PAST_CONTACT = 'abcdefab-1234-4cde-8f00-0123456789ab';

const CONNECTION_DATA = {
  Attendee: { AttendeeId: 'attendee-1', JoinToken: 'join-token-secret' },
  Meeting: {
    MeetingId: 'meeting-1',
    MediaRegion: 'us-east-1',
    MediaPlacement: { SignalingUrl: 'wss://signal.example', AudioHostUrl: 'audio.example' },
  },
};

type Command = StartChatContactCommand | StartWebRTCContactCommand;

/** A Connect stand-in that records every command and answers like the service (plus extras). */
function fakeConnect(answer?: (command: Command) => Promise<unknown>) {
  const commands: Command[] = [];
  const connect: ConnectSender = {
    send: async (command) => {
      commands.push(command);
      if (answer) {
        return (await answer(command)) as never;
      }
      return {
        ContactId: 'contact-1',
        ParticipantId: 'participant-1',
        ParticipantToken: TOKEN,
        // Members a real answer may carry that the browser must not receive.
        ContinuedFromContactId: 'older-contact',
        $metadata: { httpStatusCode: 200, requestId: 'req-1' },
        ...(command instanceof StartWebRTCContactCommand
          ? { ConnectionData: CONNECTION_DATA }
          : {}),
      };
    },
  };
  return { connect, commands };
}

const servers: Server[] = [];
const emulators: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

interface Harness {
  url: string;
  commands: Command[];
  logs: Array<[string, Record<string, unknown>]>;
  clock: { now: number };
}

async function start(
  options: {
    connect?: ConnectSender;
    commands?: Command[];
    handler?: StartServerOptions['handler'];
  } = {},
): Promise<Harness> {
  const fake = fakeConnect();
  const logs: Harness['logs'] = [];
  const clock = { now: 1_000_000 };
  let tokens = 0;
  const { server, url } = await startServer({
    instanceId: INSTANCE_ID,
    contactFlowId: FLOW_ID,
    webCallContactFlowId: FLOW_ID,
    region: 'us-east-1',
    allowedOrigin: ORIGIN,
    port: 0,
    trustProxy: [],
    connect: options.connect ?? fake.connect,
    handler: {
      log: (event, fields) => logs.push([event, fields]),
      newClientToken: () => `client-token-${++tokens}`,
      now: () => clock.now,
      ...options.handler,
    },
  });
  servers.push(server);
  return { url, commands: options.commands ?? fake.commands, logs, clock };
}

function post(
  url: string,
  body: unknown,
  {
    origin = ORIGIN,
    contentType = 'application/json',
  }: { origin?: string | null; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (origin !== null) {
    headers.origin = origin;
  }
  return fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('example backend: POST /api/start-chat', () => {
  it('sends StartChatContact with the configured instance and flow and the validated body', async () => {
    const { url, commands } = await start();
    const response = await post(`${url}/api/start-chat`, {
      DisplayName: '  Ana Lima  ',
      Attributes: { topic: 'orders', orderNumber: ' A-1001 ' },
    });
    expect(response.status).toBe(200);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toBeInstanceOf(StartChatContactCommand);
    expect(commands[0]!.input).toStrictEqual({
      InstanceId: INSTANCE_ID,
      ContactFlowId: FLOW_ID,
      ParticipantDetails: { DisplayName: 'Ana Lima' },
      Attributes: { topic: 'orders', orderNumber: 'A-1001' },
      SupportedMessagingContentTypes: [
        'text/plain',
        'text/markdown',
        'application/vnd.amazonaws.connect.message.interactive',
        'application/vnd.amazonaws.connect.message.interactive.response',
      ],
      ChatDurationInMinutes: 120,
      ClientToken: 'client-token-1',
    });
  });

  it('answers only ContactId, ParticipantId and ParticipantToken, never cached, for the storefront origin', async () => {
    const { url } = await start();
    const response = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toStrictEqual({
      ContactId: 'contact-1',
      ParticipantId: 'participant-1',
      ParticipantToken: TOKEN,
    });
  });

  it.each([
    ['no DisplayName', { Attributes: {} }, 'invalid_display_name'],
    ['a blank DisplayName', { DisplayName: '   ' }, 'invalid_display_name'],
    ['a 257-character DisplayName', { DisplayName: 'x'.repeat(257) }, 'invalid_display_name'],
    ['a DisplayName that is not a string', { DisplayName: 42 }, 'invalid_display_name'],
    [
      'an attribute outside the allow-list',
      { DisplayName: 'Ana', Attributes: { isVip: 'true' } },
      'unknown_attribute',
    ],
    [
      'a prototype key as attribute',
      { DisplayName: 'Ana', Attributes: { constructor: 'x' } },
      'unknown_attribute',
    ],
    [
      'an attribute failing its pattern',
      { DisplayName: 'Ana', Attributes: { topic: 'refund-me' } },
      'invalid_attribute',
    ],
    [
      'an attribute over its length',
      { DisplayName: 'Ana', Attributes: { orderNumber: '1'.repeat(33) } },
      'invalid_attribute',
    ],
    [
      'an attribute that is not a string',
      { DisplayName: 'Ana', Attributes: { topic: ['orders'] } },
      'invalid_attribute',
    ],
    [
      'Attributes that are not an object',
      { DisplayName: 'Ana', Attributes: 'topic=orders' },
      'invalid_attributes',
    ],
    [
      'a member the endpoint does not know',
      { DisplayName: 'Ana', InstanceId: 'other-instance' },
      'unknown_field',
    ],
    ['an array body', [{ DisplayName: 'Ana' }], 'invalid_body'],
    ['a body that is not JSON', '{"DisplayName": "Ana"', 'invalid_json'],
  ])('rejects %s with 400 and a JSON error, without calling Connect', async (_, body, code) => {
    const { url, commands } = await start();
    const response = await post(`${url}/api/start-chat`, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: code });
    expect(commands).toHaveLength(0);
  });

  it('names the member at fault', async () => {
    const { url } = await start();
    const response = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      Attributes: { isVip: 'true' },
    });
    expect(await response.json()).toStrictEqual({
      error: 'unknown_attribute',
      field: 'Attributes.isVip',
    });
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const { url, commands } = await start();
    const response = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      Attributes: { topic: 'x'.repeat(5000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toStrictEqual({ error: 'body_too_large' });
    expect(commands).toHaveLength(0);
  });

  it('refuses bodies that are not declared JSON with 415 (form posts skip the CORS preflight)', async () => {
    const { url, commands } = await start();
    const response = await post(`${url}/api/start-chat`, '{"DisplayName":"Ana"}', {
      contentType: 'text/plain',
    });
    expect(response.status).toBe(415);
    expect(commands).toHaveLength(0);
  });

  it('turns a Connect failure into a 502 that leaks nothing from AWS, and logs only its name', async () => {
    const failure = Object.assign(
      new Error(
        `Instance ${INSTANCE_ID} flow ${FLOW_ID} is not authorized for arn:aws:iam::123456789012:role/x`,
      ),
      { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } },
    );
    const fake = fakeConnect(() => Promise.reject(failure));
    const { url, logs } = await start({ connect: fake.connect, commands: fake.commands });
    const response = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toStrictEqual({ error: 'contact_not_started' });
    for (const secret of [INSTANCE_ID, FLOW_ID, '123456789012', 'AccessDenied']) {
      expect(text).not.toContain(secret);
    }
    expect(logs).toContainEqual([
      'start-contact.failed',
      { route: 'chat', error: 'AccessDeniedException', status: 403 },
    ]);
    expect(JSON.stringify(logs)).not.toContain('123456789012');
  });

  it('turns an answer without a token into a 502 too', async () => {
    const fake = fakeConnect(async () => ({ ContactId: 'c', ParticipantId: 'p' }));
    const { url } = await start({ connect: fake.connect, commands: fake.commands });
    const response = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect(response.status).toBe(502);
  });

  it('never writes a participant or join token to the log', async () => {
    const { url, logs } = await start();
    await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    await post(`${url}/api/start-web-call`, { DisplayName: 'Ana' });
    expect(logs.map(([event]) => event)).toStrictEqual([
      'start-contact.started',
      'start-contact.started',
    ]);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect(JSON.stringify(logs)).not.toContain('join-token-secret');
  });

  it('continues an earlier chat (PersistentChat) only when canResume says this customer owns it', async () => {
    const asked: string[] = [];
    const { url, commands } = await start({
      handler: {
        canResume: (contactId) => {
          asked.push(contactId);
          return contactId === PAST_CONTACT;
        },
      },
    });
    const allowed = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      ResumeContactId: PAST_CONTACT,
    });
    expect(allowed.status).toBe(200);
    expect(commands[0]!.input).toMatchObject({
      PersistentChat: { RehydrationType: 'ENTIRE_PAST_SESSION', SourceContactId: PAST_CONTACT },
    });

    const other = 'ffffffff-1234-4cde-8f00-0123456789ab';
    const refused = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      ResumeContactId: other,
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toStrictEqual({ error: 'resume_not_allowed' });
    expect(asked).toStrictEqual([PAST_CONTACT, other]);
    expect(commands).toHaveLength(1);
  });

  it('refuses every resume request when no canResume is configured, and malformed contact ids', async () => {
    const { url, commands } = await start();
    const refused = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      ResumeContactId: PAST_CONTACT,
    });
    expect(refused.status).toBe(403);
    const malformed = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      ResumeContactId: '../../etc',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_resume_contact_id' });
    expect(commands).toHaveLength(0);
  });
});

describe('example backend: POST /api/start-web-call', () => {
  it('sends StartWebRTCContact allowing video both ways and answers with ConnectionData', async () => {
    const { url, commands } = await start({
      handler: { webCallContactFlowId: 'web-call-flow' },
    });
    const response = await post(`${url}/api/start-web-call`, {
      DisplayName: 'Ana',
      Attributes: { locale: 'pt-BR' },
    });
    expect(response.status).toBe(200);
    expect(commands[0]).toBeInstanceOf(StartWebRTCContactCommand);
    expect(commands[0]!.input).toStrictEqual({
      InstanceId: INSTANCE_ID,
      ContactFlowId: 'web-call-flow',
      ParticipantDetails: { DisplayName: 'Ana' },
      Attributes: { locale: 'pt-BR' },
      AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
      ClientToken: 'client-token-1',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toStrictEqual({
      ContactId: 'contact-1',
      ParticipantId: 'participant-1',
      ParticipantToken: TOKEN,
      ConnectionData: CONNECTION_DATA,
    });
  });

  it('does not accept ResumeContactId (persistent chat is a chat feature)', async () => {
    const { url, commands } = await start({ handler: { canResume: () => true } });
    const response = await post(`${url}/api/start-web-call`, {
      DisplayName: 'Ana',
      ResumeContactId: PAST_CONTACT,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unknown_field' });
    expect(commands).toHaveLength(0);
  });
});

describe('example backend: origins, methods and rate limit', () => {
  it('grants the CORS preflight to the configured storefront origin only', async () => {
    const { url } = await start();
    const preflight = (origin: string) =>
      fetch(`${url}/api/start-chat`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ours = await preflight(ORIGIN);
    expect(ours.status).toBe(204);
    expect(ours.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ours.headers.get('access-control-allow-methods')).toBe('POST');
    expect(ours.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('content-type');

    for (const origin of [
      'https://evil.example',
      'https://shop.example.com.evil.example',
      'null',
    ]) {
      const theirs = await preflight(origin);
      expect(theirs.status).toBe(403);
      expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses POSTs from another origin or with no origin, without creating a contact', async () => {
    const { url, commands } = await start();
    const foreign = await post(
      `${url}/api/start-chat`,
      { DisplayName: 'Ana' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const none = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' }, { origin: null });
    expect(none.status).toBe(403);
    expect(commands).toHaveLength(0);
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const { url } = await start();
    expect((await post(`${url}/api/start-anything`, { DisplayName: 'Ana' })).status).toBe(404);
    const get = await fetch(`${url}/api/start-chat`, { headers: { origin: ORIGIN } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('limits each client IP per window and lets it in again once the window has passed', async () => {
    const { url, commands, clock } = await start({
      handler: { rateLimit: { limit: 2, windowMs: 60_000 } },
    });
    const chat = () => post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect((await chat()).status).toBe(200);
    expect((await chat()).status).toBe(200);
    const limited = await chat();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toStrictEqual({ error: 'rate_limited' });
    // The web-call route shares the quota: it is the same expensive resource.
    expect((await post(`${url}/api/start-web-call`, { DisplayName: 'Ana' })).status).toBe(429);
    expect(commands).toHaveLength(2);

    clock.now += 60_000;
    expect((await chat()).status).toBe(200);
  });
});

describe('example backend: who counts as one client (TRUST_PROXY)', () => {
  const from = (url: string, forwardedFor: string) =>
    fetch(`${url}/api/start-chat`, {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        'content-type': 'application/json',
        'x-forwarded-for': forwardedFor,
      },
      body: JSON.stringify({ DisplayName: 'Ana' }),
    });

  it('behind a trusted proxy, counts the client the proxy names, whatever the client prepends', async () => {
    const { url } = await start({
      handler: { rateLimit: { limit: 1, windowMs: 60_000 }, trustProxy: ['127.0.0.1'] },
    });
    expect((await from(url, '203.0.113.7')).status).toBe(200);
    // Another customer behind the same proxy has its own quota.
    expect((await from(url, '203.0.113.8')).status).toBe(200);
    expect((await from(url, '203.0.113.7')).status).toBe(429);
    // What the client itself wrote sits left of what the proxy appended: it changes nothing.
    expect((await from(url, '198.51.100.99, 203.0.113.7')).status).toBe(429);
  });

  it('counts an IPv6 client by its /64', async () => {
    const { url } = await start({
      handler: { rateLimit: { limit: 1, windowMs: 60_000 }, trustProxy: ['127.0.0.0/8'] },
    });
    expect((await from(url, '2001:db8:1:2::1')).status).toBe(200);
    expect((await from(url, '2001:db8:1:2:ffff:eeee:dddd:9')).status).toBe(429);
    expect((await from(url, '[2001:db8:1:2::abcd]:443')).status).toBe(429);
    expect((await from(url, '2001:db8:1:3::1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, or from a peer that is not a trusted proxy', async () => {
    for (const trustProxy of [[], ['10.0.0.0/8']]) {
      const { url } = await start({
        handler: { rateLimit: { limit: 1, windowMs: 60_000 }, trustProxy },
      });
      expect((await from(url, '203.0.113.7')).status).toBe(200);
      // A client that invents a new address per request is still the same socket address.
      expect((await from(url, '203.0.113.8')).status).toBe(429);
    }
  });

  it('refuses a TRUST_PROXY entry that is not an address or a range (misuse throws at start)', () => {
    for (const entry of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1', '::1/abc']) {
      expect(() => createClientIpResolver([entry])).toThrow(TypeError);
    }
    expect(() => createClientIpResolver(['10.0.0.0/8', '::1', 'fd00::/8'])).not.toThrow();
  });

  it('walks X-Forwarded-For from the right through every trusted hop', () => {
    const resolve = createClientIpResolver(['10.0.0.0/8', '::ffff:127.0.0.1']);
    const request = (remoteAddress: string, forwardedFor?: string) =>
      ({
        socket: { remoteAddress },
        headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      }) as unknown as IncomingMessage;
    expect(resolve(request('::ffff:127.0.0.1', '198.51.100.1, 203.0.113.7, 10.1.2.3'))).toBe(
      '203.0.113.7',
    );
    expect(resolve(request('10.0.0.1', '203.0.113.7:51000'))).toBe('203.0.113.7');
    expect(resolve(request('10.0.0.1'))).toBe('10.0.0.1');
    expect(resolve(request('10.0.0.1', 'not-an-ip, 10.0.0.2'))).toBe('10.0.0.2');
    expect(resolve(request('198.51.100.1', '203.0.113.7'))).toBe('198.51.100.1');
    const behindIpv6 = createClientIpResolver(['fd00::/8']);
    expect(behindIpv6(request('fd12::5', '2001:db8::8, fd00::1'))).toBe(
      '2001:0db8:0000:0000:0000:0000:0000:0008',
    );
    expect(behindIpv6(request('2001:db8::9', '203.0.113.7'))).toBe(
      '2001:0db8:0000:0000:0000:0000:0000:0009',
    );
  });
});

describe('rateLimitKey', () => {
  it('keys IPv4 by address, IPv4-mapped IPv6 as IPv4 and IPv6 by /64', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:DB8:0:1::5')).toBe('2001:0db8:0000:0001::/64');
    expect(rateLimitKey('2001:db8:0:1:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0000:0001::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(rateLimitKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(rateLimitKey('64:ff9b::192.0.2.1')).toBe('0064:ff9b:0000:0000::/64');
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});

describe('example backend: Connect failures', () => {
  const failing = (name: string, httpStatusCode: number) =>
    fakeConnect(() =>
      Promise.reject(
        Object.assign(new Error(`${name} for instance ${INSTANCE_ID}`), {
          name,
          $metadata: { httpStatusCode },
        }),
      ),
    );

  it.each([
    ['ThrottlingException', 429],
    ['LimitExceededException', 429],
    ['TooManyRequestsException', 429],
  ])('maps %s to 429 with Retry-After, leaking nothing', async (name, status) => {
    const fake = failing(name, status);
    const { url, logs } = await start({
      connect: fake.connect,
      commands: fake.commands,
      handler: { throttledRetryAfterSeconds: 7 },
    });
    const response = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const text = await response.text();
    expect(JSON.parse(text)).toStrictEqual({ error: 'upstream_throttled' });
    expect(text).not.toContain(INSTANCE_ID);
    expect(logs).toContainEqual(['start-contact.failed', { route: 'chat', error: name, status }]);
  });

  it.each([
    ['InternalServiceException', 500],
    ['InvalidRequestException', 400],
    ['ResourceNotFoundException', 404],
  ])('maps %s to 502', async (name, status) => {
    const fake = failing(name, status);
    const { url } = await start({ connect: fake.connect, commands: fake.commands });
    const response = await post(`${url}/api/start-web-call`, { DisplayName: 'Ana' });
    expect(response.status).toBe(502);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toStrictEqual({ error: 'contact_not_started' });
  });
});

describe('createRateLimiter', () => {
  it('counts keys separately and reports the seconds left in the window', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: () => now });
    expect(limiter.take('a')).toStrictEqual({ allowed: true, retryAfterSeconds: 10 });
    expect(limiter.take('b').allowed).toBe(true);
    now = 2_500;
    expect(limiter.take('a')).toStrictEqual({ allowed: false, retryAfterSeconds: 8 });
  });

  it('throws on a nonsensical configuration (misuse)', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});

describe('configFromEnv', () => {
  it('names every missing variable', () => {
    expect(() => configFromEnv({ AWS_REGION: 'eu-west-2' })).toThrow(
      'Missing environment variables: CONNECT_INSTANCE_ID, CONNECT_CONTACT_FLOW_ID, ALLOWED_ORIGIN',
    );
  });

  it('reads the settings, with the chat flow for web calls and port 8787 by default', () => {
    expect(
      configFromEnv({
        CONNECT_INSTANCE_ID: INSTANCE_ID,
        CONNECT_CONTACT_FLOW_ID: FLOW_ID,
        AWS_REGION: 'eu-west-2',
        ALLOWED_ORIGIN: ORIGIN,
      }),
    ).toStrictEqual({
      instanceId: INSTANCE_ID,
      contactFlowId: FLOW_ID,
      webCallContactFlowId: FLOW_ID,
      region: 'eu-west-2',
      allowedOrigin: ORIGIN,
      port: 8787,
      trustProxy: [],
    });
  });

  it('reads TRUST_PROXY as a comma-separated list', () => {
    expect(
      configFromEnv({
        CONNECT_INSTANCE_ID: INSTANCE_ID,
        CONNECT_CONTACT_FLOW_ID: FLOW_ID,
        AWS_REGION: 'eu-west-2',
        ALLOWED_ORIGIN: ORIGIN,
        TRUST_PROXY: ' 10.0.0.0/8, ::1 ,',
      }).trustProxy,
    ).toStrictEqual(['10.0.0.0/8', '::1']);
  });

  it('refuses a handler whose allowedOrigin is not an origin (misuse throws at start)', async () => {
    await expect(
      startServer({
        instanceId: INSTANCE_ID,
        contactFlowId: FLOW_ID,
        webCallContactFlowId: FLOW_ID,
        region: 'us-east-1',
        allowedOrigin: 'https://shop.example.com/',
        port: 0,
        trustProxy: [],
        connect: fakeConnect().connect,
      }),
    ).rejects.toThrow(/allowedOrigin/);
  });
});

describe('the kit contract', () => {
  it("answers with exactly the type ContactKitProvider's startChat must resolve to", () => {
    expectTypeOf<StartChatResponseBody>().toEqualTypeOf<StartChatResult>();
    expectTypeOf<StartWebCallResponseBody>().toExtend<StartChatResult>();
    // A real ConnectClient can be passed where the handler takes its `send`.
    expectTypeOf<ConnectClient>().toExtend<ConnectSender>();
  });

  it('hands out a token the kit connects and chats with (Connect played by the emulator)', async () => {
    const emulator = await startEmulator({ port: 0, agent: 'echo' });
    emulators.push(emulator);
    // Connect's StartChatContact stood in for by the emulator's admin route, which takes the same input.
    const connect: ConnectSender = {
      send: async (command) => {
        const { ParticipantDetails, Attributes, SupportedMessagingContentTypes } =
          command.input as StartChatContactCommand['input'];
        const response = await fetch(`${emulator.url}/admin/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ParticipantDetails, Attributes, SupportedMessagingContentTypes }),
        });
        return (await response.json()) as never;
      },
    };
    const { url } = await start({ connect });
    const response = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    const contact = (await response.json()) as StartChatResult;

    const session = createChatSession({
      participantToken: contact.ParticipantToken,
      contactId: contact.ContactId,
      participantId: contact.ParticipantId,
      endpoint: emulator.url,
      WebSocket,
      storage: null,
      environment: null,
      logger: silentLogger,
    });
    try {
      session.connect();
      session.sendMessage('hello from the storefront');
      // The customer's message is confirmed by the service and the echo agent answers it.
      await expect
        .poll(
          () =>
            session
              .getSnapshot()
              .items.filter((item) => item.type === 'message')
              .map((item) => `${item.isOwn ? 'me' : 'agent'}:${item.status ?? ''}:${item.content}`),
          { timeout: 20_000, interval: 50 },
        )
        .toEqual(
          expect.arrayContaining([
            'me:sent:hello from the storefront',
            'agent::Echo: hello from the storefront',
          ]),
        );
    } finally {
      session.destroy();
    }
  }, 30_000);
});

describe('the real ConnectClient', () => {
  it('puts our StartChatContact and StartWebRTCContact inputs on the wire (Connect played by a local server)', async () => {
    const requests: Array<{ method?: string; path?: string; body: unknown }> = [];
    const fakeConnectService = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({
          method: request.method,
          path: request.url,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            ContactId: 'wire-contact',
            ParticipantId: 'wire-participant',
            ParticipantToken: TOKEN,
            ...(request.url === '/contact/webrtc' ? { ConnectionData: CONNECTION_DATA } : {}),
          }),
        );
      });
    });
    servers.push(fakeConnectService);
    await new Promise<void>((resolve) => fakeConnectService.listen(0, '127.0.0.1', resolve));
    const { port } = fakeConnectService.address() as AddressInfo;
    const connect = new ConnectClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
      maxAttempts: 1,
    });

    const { url } = await start({ connect });
    const chat = await post(`${url}/api/start-chat`, { DisplayName: 'Ana' });
    expect(await chat.json()).toStrictEqual({
      ContactId: 'wire-contact',
      ParticipantId: 'wire-participant',
      ParticipantToken: TOKEN,
    });
    const call = await post(`${url}/api/start-web-call`, { DisplayName: 'Ana' });
    expect(await call.json()).toMatchObject({
      ContactId: 'wire-contact',
      ConnectionData: CONNECTION_DATA,
    });

    expect(requests).toStrictEqual([
      {
        method: 'PUT',
        path: '/contact/chat',
        body: {
          InstanceId: INSTANCE_ID,
          ContactFlowId: FLOW_ID,
          ParticipantDetails: { DisplayName: 'Ana' },
          Attributes: {},
          SupportedMessagingContentTypes: [
            'text/plain',
            'text/markdown',
            'application/vnd.amazonaws.connect.message.interactive',
            'application/vnd.amazonaws.connect.message.interactive.response',
          ],
          ChatDurationInMinutes: 120,
          ClientToken: 'client-token-1',
        },
      },
      {
        method: 'PUT',
        path: '/contact/webrtc',
        body: {
          InstanceId: INSTANCE_ID,
          ContactFlowId: FLOW_ID,
          ParticipantDetails: { DisplayName: 'Ana' },
          Attributes: {},
          AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
          ClientToken: 'client-token-2',
        },
      },
    ]);
    connect.destroy();
  });
});

describe('example backend: clients that go away', () => {
  /** The handler mounted the way the README shows (`void handler(req, res)`), each run's outcome kept. */
  async function mountBare(
    connect: ConnectSender,
    extra: Partial<Parameters<typeof createStartChatHandler>[0]> = {},
  ) {
    const runs: Array<Promise<void>> = [];
    const logs: Array<[string, Record<string, unknown>]> = [];
    const handler = createStartChatHandler({
      connect,
      instanceId: INSTANCE_ID,
      contactFlowId: FLOW_ID,
      allowedOrigin: ORIGIN,
      log: (event, fields) => logs.push([event, fields]),
      ...extra,
    });
    const server = createServer((request, response) => {
      runs.push(handler(request, response));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { port, runs, logs, url: `http://127.0.0.1:${port}` };
  }

  /** Opens a raw connection and sends a start-chat request: the whole body, or only its start. */
  function rawRequest(port: number, { partial }: { partial: boolean }): Promise<Socket> {
    const body = '{"DisplayName":"Ana"}';
    return new Promise((resolve, reject) => {
      const socket = netConnect(port, '127.0.0.1', () => {
        socket.write(
          [
            'POST /api/start-chat HTTP/1.1',
            'Host: 127.0.0.1',
            `Origin: ${ORIGIN}`,
            'Content-Type: application/json',
            `Content-Length: ${partial ? 100 : body.length}`,
            '',
            partial ? body.slice(0, 10) : body,
          ].join('\r\n'),
          () => resolve(socket),
        );
      });
      socket.on('error', reject);
    });
  }

  it('a client that aborts mid-body settles the handler without a rejection, and it keeps serving', async () => {
    const { port, runs, logs, url } = await mountBare(fakeConnect().connect);
    const socket = await rawRequest(port, { partial: true });
    await expect.poll(() => runs.length).toBe(1);
    socket.resetAndDestroy();
    // A rejection here is an unhandled rejection in `void handler(req, res)`: Node exits.
    await expect(runs[0]).resolves.toBeUndefined();
    expect(logs).toContainEqual(['start-contact.aborted', { route: 'chat' }]);
    expect((await post(`${url}/api/start-chat`, { DisplayName: 'Ana' })).status).toBe(200);
  });

  it('a bug in a hook (canResume throwing) answers 500 and settles the handler', async () => {
    const { url, runs, logs } = await mountBare(fakeConnect().connect, {
      canResume: () => {
        throw new TypeError('session store down');
      },
    });
    const response = await post(`${url}/api/start-chat`, {
      DisplayName: 'Ana',
      ResumeContactId: PAST_CONTACT,
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toStrictEqual({ error: 'internal_error' });
    await expect(runs[0]).resolves.toBeUndefined();
    expect(logs).toContainEqual(['start-contact.error', { error: 'TypeError' }]);
  });

  it('a client that leaves while Connect is answering settles the handler, and the orphaned contact is logged', async () => {
    let answer: (value: unknown) => void = () => {};
    const held = new Promise((resolve) => (answer = resolve));
    // The first call waits until the client has gone; later ones answer at once.
    const slow = fakeConnect(async () =>
      slow.commands.length === 1
        ? held
        : { ContactId: 'c2', ParticipantId: 'p2', ParticipantToken: TOKEN },
    );
    const { port, runs, logs, url } = await mountBare(slow.connect);
    const socket = await rawRequest(port, { partial: false });
    await expect.poll(() => slow.commands.length).toBe(1);
    socket.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer({ ContactId: 'c', ParticipantId: 'p', ParticipantToken: TOKEN });
    await expect(runs[0]).resolves.toBeUndefined();
    expect(logs).toStrictEqual([['start-contact.abandoned', { route: 'chat', contactId: 'c' }]]);
    expect((await post(`${url}/api/start-chat`, { DisplayName: 'Ana' })).status).toBe(200);
  });
});
