import { connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { systemClock } from 'contact-kit/core';
import { TestSocket, call, connect, request, startChat } from './support';

let emulator: RunningEmulator;
let explode = false;

beforeAll(async () => {
  // a clock that can be made to throw lets the test provoke an unexpected handler error
  const clock = {
    ...systemClock,
    now: () => {
      if (explode) {
        throw new Error('boom');
      }
      return Date.now();
    },
  };
  emulator = await startEmulator({ port: 0, clock, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await emulator.close();
});

/** Proves the server still serves after a bad request. */
async function stillServing(): Promise<void> {
  const chat = await startChat(emulator.url);
  expect(chat.ContactId).toBeTruthy();
}

async function customer(
  body: Record<string, unknown> = {},
): Promise<{ token: string; participantToken: string }> {
  const chat = await startChat(emulator.url, body);
  const { connectionToken } = await connect(emulator.url, chat.ParticipantToken);
  return { token: connectionToken, participantToken: chat.ParticipantToken };
}

describe('error answers', () => {
  it('carry x-amzn-ErrorType, x-amzn-RequestId, JSON content type and CORS headers', async () => {
    const answer = await call(emulator.url, 'message', 'wrong-token', {
      ContentType: 'text/plain',
      Content: 'x',
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ message: 'Access denied' });
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('success answers carry a request id and CORS headers too', async () => {
    const { token } = await customer();
    const answer = await call(emulator.url, 'transcript', token, {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('tokens', () => {
  it('reads X-Amz-Bearer case-insensitively and ignores SigV4 headers', async () => {
    const { token } = await customer();
    const answer = await request(`${emulator.url}/participant/transcript`, {
      body: {},
      headers: {
        'X-AMZ-BEARER': token,
        authorization: 'AWS4-HMAC-SHA256 Credential=/x',
        'x-amz-date': '20250101T000000Z',
      },
    });
    expect(answer.status).toBe(200);
  });

  it('accepts the participant token only on /participant/connection, the connection token everywhere else', async () => {
    const { token, participantToken } = await customer();
    expect((await call(emulator.url, 'transcript', participantToken, {})).status).toBe(403);
    expect((await call(emulator.url, 'connection', token, { Type: ['WEBSOCKET'] })).status).toBe(
      403,
    );
    expect((await request(`${emulator.url}/participant/transcript`, { body: {} })).status).toBe(
      403,
    );
  });
});

describe('validation', () => {
  it('CreateParticipantConnection: Type rules, ConnectParticipant alone, WEBRTC_CONNECTION omitted for chat', async () => {
    const chat = await startChat(emulator.url);
    const token = chat.ParticipantToken;
    expect((await call(emulator.url, 'connection', token, {})).status).toBe(400);
    expect((await call(emulator.url, 'connection', token, { Type: [] })).status).toBe(400);
    expect((await call(emulator.url, 'connection', token, { Type: ['TELEPATHY'] })).status).toBe(
      400,
    );
    expect((await call(emulator.url, 'connection', token, { Type: 'WEBSOCKET' })).status).toBe(400);
    expect(
      await call(emulator.url, 'connection', token, { ConnectParticipant: true }),
    ).toMatchObject({ status: 200, body: {} });
    const webrtc = await call(emulator.url, 'connection', token, {
      Type: ['WEBRTC_CONNECTION', 'CONNECTION_CREDENTIALS'],
      Unknown: 1,
    });
    expect(webrtc.status).toBe(200);
    expect(Object.keys(webrtc.body)).toEqual(['ConnectionCredentials']);
  });

  it("SendMessage: sendable types only, per-type limits, the contact's supported types", async () => {
    const { token } = await customer({
      SupportedMessagingContentTypes: ['text/plain', 'application/json'],
    });
    const send = (ContentType: string, Content: unknown): Promise<{ status: number }> =>
      call(emulator.url, 'message', token, { ContentType, Content });
    expect((await send('text/plain', 'x'.repeat(1024))).status).toBe(200);
    expect((await send('text/plain', 'x'.repeat(1025))).status).toBe(400);
    expect((await send('application/json', JSON.stringify({ a: 'x'.repeat(11_000) }))).status).toBe(
      200,
    );
    expect((await send('text/markdown', '**x**')).status).toBe(400);
    expect((await send('application/vnd.amazonaws.connect.message.interactive', '{}')).status).toBe(
      400,
    );
    expect((await send('text/plain', '')).status).toBe(400);
    expect((await send('text/plain', 42)).status).toBe(400);
    expect((await call(emulator.url, 'message', token, { ContentType: 'text/plain' })).status).toBe(
      400,
    );
  });

  it('the four sendable content types are accepted by default', async () => {
    const { token } = await customer();
    for (const type of [
      'text/plain',
      'text/markdown',
      'application/json',
      'application/vnd.amazonaws.connect.message.interactive.response',
    ]) {
      expect(
        (await call(emulator.url, 'message', token, { ContentType: type, Content: '{"a":1}' }))
          .status,
      ).toBe(200);
    }
  });

  it('GetAuthenticationUrl and CancelParticipantAuthentication need a 36-character SessionId', async () => {
    const { token } = await customer();
    expect(
      (
        await call(emulator.url, 'authentication-url', token, {
          SessionId: 'x'.repeat(35),
          RedirectUri: 'https://a',
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(emulator.url, 'authentication-url', token, { SessionId: 'x'.repeat(36) })).status,
    ).toBe(400);
    expect(
      (await call(emulator.url, 'cancel-authentication', token, { SessionId: 'x'.repeat(37) }))
        .status,
    ).toBe(400);
    const ok = await call<{ AuthenticationUrl: string }>(
      emulator.url,
      'authentication-url',
      token,
      {
        SessionId: 'x'.repeat(36),
        RedirectUri: 'https://shop.example/cb',
      },
    );
    // The URL opens the local sign-in page; its Sign in button posts the form back.
    const page = await fetch(ok.body.AuthenticationUrl, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const query = new URL(ok.body.AuthenticationUrl).searchParams;
    const redirect = await fetch(`${emulator.url}/auth/authorize`, {
      method: 'POST',
      body: new URLSearchParams({
        session_id: query.get('session_id') ?? '',
        redirect_uri: query.get('redirect_uri') ?? '',
        decision: 'allow',
      }),
      redirect: 'manual',
    });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(
      `https://shop.example/cb?code=emulator-authorization-code&state=${'x'.repeat(36)}`,
    );
  });
});

describe('the sign-in redirect', () => {
  it.each([
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/cb',
  ])('GetAuthenticationUrl and /auth/authorize refuse RedirectUri %s', async (redirectUri) => {
    const { token } = await customer();
    const refused = await call(emulator.url, 'authentication-url', token, {
      SessionId: 'x'.repeat(36),
      RedirectUri: redirectUri,
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-amzn-errortype')).toBe('ValidationException');
    // The authorize page itself can be opened with any query: it must not redirect there either.
    const query = new URLSearchParams({ session_id: 'x'.repeat(36), redirect_uri: redirectUri });
    const authorize = await fetch(`${emulator.url}/auth/authorize?${query.toString()}`, {
      redirect: 'manual',
    });
    expect(authorize.status).toBe(400);
    expect(authorize.headers.get('location')).toBeNull();
  });

  it('still redirects to http and https URLs', async () => {
    for (const target of ['http://127.0.0.1:5173/signed-in', 'https://shop.example/cb?x=1']) {
      const authorize = await fetch(`${emulator.url}/auth/authorize`, {
        method: 'POST',
        body: new URLSearchParams({ session_id: 's', redirect_uri: target, decision: 'allow' }),
        redirect: 'manual',
      });
      expect(authorize.status).toBe(303);
      expect(authorize.headers.get('location')).toMatch(/^https?:\/\/[^?]+\?.*code=/);
    }
  });
});

describe('bad input never crashes the server', () => {
  it('malformed JSON -> 400 ValidationException', async () => {
    const { token } = await customer();
    const answer = await request(`${emulator.url}/participant/message`, {
      raw: '{"ContentType":',
      headers: { 'x-amz-bearer': token },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(String(answer.body.message)).toContain('SerializationException');
    await stillServing();
  });

  it('a JSON body that is not an object -> 400', async () => {
    const answer = await request(`${emulator.url}/admin/chat`, { raw: '["a"]' });
    expect(answer.status).toBe(400);
    await stillServing();
  });

  it('unknown paths -> 404 UnknownOperationException with a JSON body', async () => {
    const answer = await request(`${emulator.url}/participant/nothing`, { body: {} });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(answer.body.message).toContain('/participant/nothing');
    await stillServing();
  });

  it('wrong methods -> 405 with Allow', async () => {
    const answer = await request(`${emulator.url}/participant/message`, { method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST, OPTIONS');
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    await stillServing();
  });

  it('oversized bodies -> 413 without reading them', async () => {
    const answer = await request(`${emulator.url}/admin/chat`, {
      raw: JSON.stringify({ pad: 'x'.repeat(200 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('x-amzn-errortype')).toBe('RequestEntityTooLargeException');
    await stillServing();
  });

  it('an oversized chunked body (no Content-Length) -> 413', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 10; index += 1) {
          controller.enqueue(new Uint8Array(16 * 1024).fill(32));
        }
        controller.close();
      },
    });
    const response = await fetch(`${emulator.url}/admin/chat`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    await stillServing();
  });

  it('a malformed URI label -> 400', async () => {
    const { token } = await customer();
    const answer = await request(`${emulator.url}/participant/views/%E0%A4%A`, {
      headers: { 'x-amz-bearer': token },
    });
    expect(answer.status).toBe(400);
    await stillServing();
  });

  it('a handler that throws -> 500 InternalServerException, and the server keeps serving', async () => {
    const { token } = await customer();
    explode = true;
    let answer;
    try {
      answer = await call(emulator.url, 'message', token, {
        ContentType: 'text/plain',
        Content: 'x',
      });
    } finally {
      explode = false;
    }
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-amzn-errortype')).toBe('InternalServerException');
    expect(answer.body).toEqual({ message: 'Internal Server Error' });
    await stillServing();
  });

  it('a failure while handling a websocket frame or upgrade is never fatal', async () => {
    const chat = await startChat(emulator.url);
    const socket = await TestSocket.subscribed(
      (await connect(emulator.url, chat.ParticipantToken)).websocketUrl,
    );
    const spare = await connect(emulator.url, chat.ParticipantToken);
    try {
      explode = true;
      socket.send('{"topic":"aws/heartbeat"}');
      await expect(TestSocket.open(spare.websocketUrl)).rejects.toThrow();
      explode = false;
      socket.send('{"topic":"aws/heartbeat"}');
      await socket.waitFor((frame) => frame.topic === 'aws/heartbeat');
      // only the second heartbeat was answered; the socket survived the first
      expect(socket.frames.filter((frame) => frame.topic === 'aws/heartbeat')).toHaveLength(1);
      const later = await TestSocket.open(spare.websocketUrl);
      later.close();
    } finally {
      explode = false;
      socket.close();
    }
    await stillServing();
  });

  it('garbage on the TCP connection -> 400, and the server keeps serving', async () => {
    const { port, hostname } = new URL(emulator.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = netConnect(Number(port), hostname, () =>
        socket.write('THIS IS NOT HTTP\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (data) => (text += data.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });
});

describe('CORS', () => {
  it.each([
    ['POST', '/participant/connection'],
    ['POST', '/participant/message'],
    ['POST', '/participant/event'],
    ['POST', '/participant/transcript'],
    ['POST', '/participant/disconnect'],
    ['POST', '/participant/start-attachment-upload'],
    ['POST', '/participant/complete-attachment-upload'],
    ['POST', '/participant/attachment'],
    ['GET', '/participant/views/sample-view-token'],
    ['POST', '/participant/authentication-url'],
    ['POST', '/participant/cancel-authentication'],
    ['POST', '/admin/chat'],
    ['GET', '/admin/contacts'],
  ])('answers the preflight of %s %s, echoing the requested headers', async (method, path) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': method,
        'access-control-request-headers':
          'content-type,x-amz-bearer,x-amz-user-agent,x-amz-date,x-amz-content-sha256,authorization',
      },
    });
    expect(response.status).toBe(204);
    // The admin API grants only the loopback page that asked (adminAccess.test.ts), never `*`.
    expect(response.headers.get('access-control-allow-origin')).toBe(
      path.startsWith('/admin/') ? 'http://127.0.0.1:5173' : '*',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain(method);
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-amz-bearer,x-amz-user-agent,x-amz-date,x-amz-content-sha256,authorization',
    );
  });
});
