import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { adminAccess, isLoopbackHost, isLoopbackOrigin } from '../../src/emulator/adminAccess';
import { startChat } from './support';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers (fetch would not let us set Host). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method,
        path,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const LOOPBACK_HOST = () => `127.0.0.1:${emulator.port}`;
const CHAT_BODY = JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } });

describe('admin API: loopback callers only', () => {
  it.each([
    'https://evil.example',
    'http://127.0.0.1.evil.example:5173',
    'http://192.168.1.20:5173',
    'null',
  ])('refuses Origin %s: 403, no CORS grant, no contact created', async (origin) => {
    const before = (await raw('GET', '/admin/contacts', { host: LOOPBACK_HOST() })).body;
    const created = await raw('POST', '/admin/chat', { host: LOOPBACK_HOST(), origin }, CHAT_BODY);
    expect(created.status).toBe(403);
    expect(created.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(created.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await raw('GET', '/admin/contacts', { host: LOOPBACK_HOST(), origin });
    expect(listed.status).toBe(403);
    expect(listed.body).not.toContain('ContactId');
    expect((await raw('GET', '/admin/contacts', { host: LOOPBACK_HOST() })).body).toBe(before);
  });

  it('refuses the preflight of a foreign origin, and never opts in to Private Network Access', async () => {
    const preflight = (origin: string) =>
      raw('OPTIONS', '/admin/chat', {
        host: LOOPBACK_HOST(),
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        'access-control-request-private-network': 'true',
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.headers['access-control-allow-private-network']).toBeUndefined();

    const local = await preflight('http://127.0.0.1:5173');
    expect(local.status).toBe(204);
    expect(local.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    expect(local.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it.each(['evil.example', 'evil.example:4010', '192.168.1.20:4010', '127.0.0.1.nip.io'])(
    'refuses Host %s (DNS rebinding), even without an Origin',
    async (host) => {
      const answer = await raw('GET', '/admin/contacts', { host });
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('Contacts');
      const created = await raw('POST', '/admin/chat', { host }, CHAT_BODY);
      expect(created.status).toBe(403);
    },
  );

  it.each([
    ['http://127.0.0.1:5173', '127.0.0.1:4010'],
    ['http://localhost:5173', 'localhost:4010'],
    ['http://[::1]:5173', '[::1]:4010'],
    ['https://127.0.0.2', '127.0.0.2'],
  ])('answers %s (Host %s) with that origin, never *', async (origin, host) => {
    const created = await raw('POST', '/admin/chat', { host, origin }, CHAT_BODY);
    expect(created.status).toBe(200);
    expect(created.headers['access-control-allow-origin']).toBe(origin);
    expect(created.headers.vary).toContain('Origin');
    expect(JSON.parse(created.body)).toHaveProperty('ContactId');
    const failed = await raw('GET', '/admin/contacts/no-such-contact', { host, origin });
    expect(failed.status).toBe(404);
    expect(failed.headers['access-control-allow-origin']).toBe(origin);
  });

  it('serves tools and tests that send no Origin (Node fetch, curl) without any CORS grant', async () => {
    const chat = await startChat(emulator.url);
    expect(chat.ContactId).toBeTruthy();
    const listed = await raw('GET', '/admin/contacts', { host: LOOPBACK_HOST() });
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves the Participant Service routes open to any origin, as before', async () => {
    const answer = await raw(
      'POST',
      '/participant/transcript',
      {
        host: 'participant.example',
        origin: 'https://shop.example.com',
        'x-amz-bearer': 'no-such-token',
      },
      '{}',
    );
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('adminAccess', () => {
  const asked = (host: string, origin?: string) =>
    ({ headers: { host, ...(origin === undefined ? {} : { origin }) } }) as IncomingMessage;

  it('accepts, besides loopback, the IP address the emulator was started on (its agents call it there)', () => {
    expect(adminAccess(asked('192.168.1.5:4010'), '192.168.1.5').allowed).toBe(true);
    expect(adminAccess(asked('[fd00::5]:4010'), '[fd00::5]').allowed).toBe(true);
    expect(adminAccess(asked('192.168.1.6:4010'), '192.168.1.5').allowed).toBe(false);
    // A name is what DNS rebinding controls: never accepted, even when it is the configured host.
    expect(adminAccess(asked('devbox.example:4010'), 'devbox.example').allowed).toBe(false);
    // Browsers still need a loopback page.
    expect(
      adminAccess(asked('192.168.1.5:4010', 'http://192.168.1.5:5173'), '192.168.1.5').allowed,
    ).toBe(false);
  });

  it('recognises loopback hosts and origins only', () => {
    expect(
      ['127.0.0.1', '127.9.9.9:1', 'localhost:4010', '[::1]:4010'].map(isLoopbackHost),
    ).toEqual([true, true, true, true]);
    expect(
      [undefined, '', 'localhost.evil.example', 'evil@127.0.0.1', '127.0.0.1/x', '[::2]'].map(
        isLoopbackHost,
      ),
    ).toEqual([false, false, false, false, false, false]);
    expect(
      [
        'http://127.0.0.1:5173',
        'http://localhost:3000',
        'https://[::1]',
        'http://127.0.0.1:5173/',
        'ws://127.0.0.1:5173',
        'file://',
        'null',
      ].map(isLoopbackOrigin),
    ).toEqual([true, true, true, false, false, false, false]);
  });
});
