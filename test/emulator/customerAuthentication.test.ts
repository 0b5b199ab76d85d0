import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const AUTH = 'application/vnd.amazonaws.connect.event.authentication.';

async function customer() {
  const chat = await startChat(emulator.url);
  const connection = await connect(emulator.url, chat.ParticipantToken);
  const socket = await TestSocket.subscribed(connection.websocketUrl);
  return { contactId: chat.ContactId, token: connection.connectionToken, socket };
}

async function authenticate(contactId: string, body: Record<string, unknown> = {}) {
  return request<{ SessionId: string; Status: string; TimeoutSeconds: number }>(
    `${emulator.url}/admin/contacts/${contactId}/authenticate`,
    { body },
  );
}

async function state(contactId: string) {
  return (
    await request<{ Authentication?: Record<string, unknown>; Processing?: unknown }>(
      `${emulator.url}/admin/contacts/${contactId}`,
      { method: 'GET' },
    )
  ).body;
}

const sessionOf = (item: Item) =>
  (JSON.parse(item.Content ?? '{}') as { SessionId?: string }).SessionId;

async function signInUrl(
  token: string,
  sessionId: string,
  redirectUri = 'http://127.0.0.1:9/back',
) {
  const answer = await call<{ AuthenticationUrl: string }>(
    emulator.url,
    'authentication-url',
    token,
    {
      SessionId: sessionId,
      RedirectUri: redirectUri,
    },
  );
  expect(answer.status).toBe(200);
  return answer.body.AuthenticationUrl;
}

/** Submits the sign-in page's form as its button would. */
async function decide(url: string, decision: 'allow' | 'deny'): Promise<Response> {
  const query = new URL(url).searchParams;
  const form = new URLSearchParams({
    session_id: query.get('session_id') ?? '',
    redirect_uri: query.get('redirect_uri') ?? '',
    decision,
  });
  return fetch(`${emulator.url}/auth/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
}

describe('POST /admin/contacts/{ContactId}/authenticate', () => {
  it('emits initiated with a SessionId; signing in on the page emits succeeded and redirects', async () => {
    const ana = await customer();
    const started = await authenticate(ana.contactId, { TimeoutSeconds: 120 });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ Status: 'INITIATED', TimeoutSeconds: 120 });
    const initiated = await ana.socket.waitForItem(
      (item) => item.ContentType === `${AUTH}initiated`,
    );
    expect(sessionOf(initiated)).toBe(started.body.SessionId);
    expect(sessionOf(initiated)).toHaveLength(36);
    expect(initiated).toMatchObject({ Type: 'EVENT', ParticipantRole: 'SYSTEM' });

    const url = await signInUrl(ana.token, started.body.SessionId);
    expect((await state(ana.contactId)).Authentication).toMatchObject({
      Status: 'INITIATED',
      UrlIssued: true,
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('id="sign-in"');
    expect(html).toContain('id="deny"');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const back = await decide(url, 'allow');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(
      `http://127.0.0.1:9/back?code=emulator-authorization-code&state=${started.body.SessionId}`,
    );
    const succeeded = await ana.socket.waitForItem(
      (item) => item.ContentType === `${AUTH}succeeded`,
    );
    expect(sessionOf(succeeded)).toBe(started.body.SessionId);
    expect((await state(ana.contactId)).Authentication).toMatchObject({ Status: 'SUCCEEDED' });
    // Settled: a second decision or a cancel emits nothing more.
    await decide(url, 'deny');
    await call(emulator.url, 'cancel-authentication', ana.token, {
      SessionId: started.body.SessionId,
    });
    const authEvents = (
      await request<{ Transcript: Item[] }>(
        `${emulator.url}/admin/contacts/${ana.contactId}/transcript`,
        { method: 'GET' },
      )
    ).body.Transcript.filter((item) => item.ContentType?.startsWith(AUTH));
    expect(authEvents.map((item) => item.ContentType)).toEqual([
      `${AUTH}initiated`,
      `${AUTH}succeeded`,
    ]);
    ana.socket.close();
  });

  it('Deny emits failed and redirects with error=access_denied', async () => {
    const ana = await customer();
    const { SessionId } = (await authenticate(ana.contactId)).body;
    const url = await signInUrl(ana.token, SessionId, 'https://shop.example/cb?x=1');
    const back = await decide(url, 'deny');
    expect(back.headers.get('location')).toBe(
      `https://shop.example/cb?x=1&error=access_denied&state=${SessionId}`,
    );
    await ana.socket.waitForItem((item) => item.ContentType === `${AUTH}failed`);
    expect((await state(ana.contactId)).Authentication).toMatchObject({ Status: 'FAILED' });
    ana.socket.close();
  });

  it('CancelParticipantAuthentication emits cancelled; the agent sees every event too', async () => {
    const ana = await customer();
    const agent = await addAgent(emulator.url, ana.contactId);
    const agentSocket = await TestSocket.subscribed(
      (await connect(emulator.url, agent.ParticipantToken)).websocketUrl,
    );
    const { SessionId } = (await authenticate(ana.contactId)).body;
    const cancelled = await call(emulator.url, 'cancel-authentication', ana.token, { SessionId });
    expect(cancelled.status).toBe(200);
    const event = await agentSocket.waitForItem((item) => item.ContentType === `${AUTH}cancelled`);
    expect(sessionOf(event)).toBe(SessionId);
    expect((await state(ana.contactId)).Authentication).toMatchObject({ Status: 'CANCELLED' });
    ana.socket.close();
    agentSocket.close();
  });

  it('times out after TimeoutSeconds when nobody acts', async () => {
    const ana = await customer();
    const { SessionId } = (await authenticate(ana.contactId, { TimeoutSeconds: 30 })).body;
    clock.advance(29_000);
    expect((await state(ana.contactId)).Authentication).toMatchObject({ Status: 'INITIATED' });
    clock.advance(1_000);
    const timeout = await ana.socket.waitForItem((item) => item.ContentType === `${AUTH}timeout`);
    expect(sessionOf(timeout)).toBe(SessionId);
    expect((await state(ana.contactId)).Authentication).toMatchObject({ Status: 'TIMEOUT' });
    ana.socket.close();
  });

  it('refuses a bad TimeoutSeconds, an unknown contact and an ended one', async () => {
    const ana = await customer();
    expect((await authenticate(ana.contactId, { TimeoutSeconds: 0 })).status).toBe(400);
    expect((await authenticate(ana.contactId, { TimeoutSeconds: 'x' })).status).toBe(400);
    expect((await authenticate('no-such-contact')).status).toBe(404);
    await request(`${emulator.url}/admin/contacts/${ana.contactId}/stop`, { body: {} });
    expect((await authenticate(ana.contactId)).status).toBe(400);
    ana.socket.close();
  });

  it('the sign-in page escapes what it echoes and refuses non-http redirects', async () => {
    const query = new URLSearchParams({
      session_id: '"><script>alert(1)</script>',
      redirect_uri: 'https://shop.example/cb?q="><b>',
    });
    const page = await fetch(`${emulator.url}/auth/authorize?${query.toString()}`);
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><b>');
    const refused = await fetch(
      `${emulator.url}/auth/authorize?${new URLSearchParams({ session_id: 's', redirect_uri: 'javascript:alert(1)' }).toString()}`,
    );
    expect(refused.status).toBe(400);
  });
});

describe('POST /admin/contacts/{ContactId}/processing', () => {
  it('REJECTED with Match: the answer says PROCESSING, then a MESSAGEMETADATA verdict; nothing is delivered', async () => {
    const ana = await customer();
    const agent = await addAgent(emulator.url, ana.contactId);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const agentSocket = await TestSocket.subscribed(agentConnection.websocketUrl);
    const set = await request(`${emulator.url}/admin/contacts/${ana.contactId}/processing`, {
      body: { Status: 'REJECTED', Match: 'Secret' },
    });
    expect(set.body).toEqual({
      ContactId: ana.contactId,
      Processing: { Status: 'REJECTED', Match: 'Secret' },
    });
    expect((await state(ana.contactId)).Processing).toEqual({
      Status: 'REJECTED',
      Match: 'Secret',
    });

    const held = await call<{ Id: string; MessageMetadata?: unknown }>(
      emulator.url,
      'message',
      ana.token,
      {
        ContentType: 'text/plain',
        Content: 'my secret is 1234',
      },
    );
    expect(held.body.MessageMetadata).toEqual({ MessageProcessingStatus: 'PROCESSING' });
    clock.advance(200);
    const verdict = await ana.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA');
    expect(verdict.MessageMetadata).toEqual({
      MessageId: held.body.Id,
      MessageProcessingStatus: 'REJECTED',
    });
    // Messages that do not match go through; the agent never gets the rejected one.
    const plain = await call<{ Id: string; MessageMetadata?: unknown }>(
      emulator.url,
      'message',
      ana.token,
      {
        ContentType: 'text/plain',
        Content: 'hello',
      },
    );
    expect(plain.body.MessageMetadata).toBeUndefined();
    await agentSocket.waitForItem((item) => item.Id === plain.body.Id);
    expect(agentSocket.items().some((item) => item.Id === held.body.Id)).toBe(false);
    // The agent's own messages are never processed.
    const fromAgent = await call<{ MessageMetadata?: unknown }>(
      emulator.url,
      'message',
      agentConnection.connectionToken,
      { ContentType: 'text/plain', Content: 'a secret from me' },
    );
    expect(fromAgent.body.MessageMetadata).toBeUndefined();

    const off = await request(`${emulator.url}/admin/contacts/${ana.contactId}/processing`, {
      body: { Status: 'NONE' },
    });
    expect(off.body).toEqual({ ContactId: ana.contactId, Processing: null });
    expect((await state(ana.contactId)).Processing).toBeUndefined();
    expect(
      (
        await request(`${emulator.url}/admin/contacts/${ana.contactId}/processing`, {
          body: { Status: 'MAYBE' },
        })
      ).status,
    ).toBe(400);
    ana.socket.close();
    agentSocket.close();
  });

  it('FAILED without Match applies to every customer message', async () => {
    const ana = await customer();
    await request(`${emulator.url}/admin/contacts/${ana.contactId}/processing`, {
      body: { Status: 'FAILED' },
    });
    const held = await call<{ Id: string }>(emulator.url, 'message', ana.token, {
      ContentType: 'text/plain',
      Content: 'anything',
    });
    clock.advance(200);
    const verdict = await ana.socket.waitForItem((item) => item.Type === 'MESSAGEMETADATA');
    expect(verdict.MessageMetadata).toEqual({
      MessageId: held.body.Id,
      MessageProcessingStatus: 'FAILED',
    });
    ana.socket.close();
  });
});
