import { describe, expect, it, vi } from 'vitest';
import {
  ContentType,
  createChatSession,
  createContactController,
  silentLogger,
} from 'contact-kit/core';
import type { ContactControllerOptions, Item, StartChatResult } from 'contact-kit/core';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

/** One fake service and one tab's storage; `controller()` is a page load of that tab. */
function world() {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  service.onMessageStored = (item) => server.broadcast(item);
  const storage = memoryStorage();
  let contacts = 0;
  const startChat = vi.fn(async (): Promise<StartChatResult> => {
    contacts += 1;
    service.contactId = `contact-${contacts}`;
    return {
      ContactId: `contact-${contacts}`,
      ParticipantId: 'customer-1',
      ParticipantToken: `token-${contacts}`,
    };
  });
  const controller = (overrides: Partial<ContactControllerOptions> = {}) =>
    createContactController({
      startChat,
      storage,
      clock,
      logger: silentLogger,
      tabs: 'single',
      createSession: (options) =>
        createChatSession({
          ...options,
          client: service.client,
          WebSocket: server.WebSocket,
          random: () => 0.5,
          environment: null,
        }),
      ...overrides,
    });
  const settle = () => clock.advance(0);
  const agentSays = (content: string): Item => {
    const item = service.addItem({ Content: content });
    server.broadcast(item);
    return item;
  };
  const endChat = () =>
    server.broadcast(
      service.addItem({
        Type: 'EVENT',
        ContentType: ContentType.chatEnded,
        Content: undefined,
        ParticipantRole: 'SYSTEM',
      }),
    );
  return { clock, service, server, storage, startChat, controller, settle, agentSays, endChat };
}

describe('createContactController', () => {
  it('touches nothing until used, then starts once even when asked twice at once', async () => {
    const w = world();
    const contact = w.controller();
    expect(contact.getSnapshot().state).toEqual({ status: 'idle' });
    expect(w.storage.data.size).toBe(0);
    const [first, second] = await Promise.all([contact.start(), contact.start()]);
    expect(first).toBe(second);
    expect(w.startChat).toHaveBeenCalledTimes(1);
    expect(w.startChat).toHaveBeenCalledWith({});
    await w.settle();
    const snapshot = contact.getSnapshot();
    expect(snapshot.state).toMatchObject({ status: 'ready', source: 'started' });
    expect(snapshot.role).toBe('single');
    expect(snapshot.session?.getSnapshot().connection.status).toBe('open');
    expect(JSON.parse(w.storage.data.get('contact-kit.chat')!)).toMatchObject({
      participantToken: 'token-1',
      contactId: 'contact-1',
    });
  });

  it('resumes the stored contact after a reload without a new StartChatContact', async () => {
    const w = world();
    const before = w.controller();
    await before.start();
    await w.settle();
    before.destroy();
    const after = w.controller();
    after.subscribe(() => undefined);
    await w.settle();
    expect(after.getSnapshot().state).toMatchObject({ status: 'ready', source: 'restored' });
    await after.start();
    expect(w.startChat).toHaveBeenCalledTimes(1);
    expect(after.getSnapshot().session?.getSnapshot().connection.status).toBe('open');
  });

  it('keeps the read marker in the record: a reload counts only what was not seen', async () => {
    const w = world();
    const before = w.controller();
    const unreadEvents: number[] = [];
    before.on('unread', (count) => unreadEvents.push(count));
    await before.start();
    await w.settle();
    const seen = w.agentSays('one');
    w.agentSays('two');
    expect(before.getSnapshot().unread).toBe(2);
    before.markRead(w.agentSays('three').Id!);
    expect(before.getSnapshot().unread).toBe(0);
    expect(unreadEvents).toEqual([1, 2, 3, 0]);
    before.destroy();

    const after = w.controller();
    after.subscribe(() => undefined);
    await w.settle();
    expect(
      after
        .getSnapshot()
        .session?.getSnapshot()
        .items.map((item) => item.content),
    ).toEqual(['one', 'two', 'three']);
    expect(after.getSnapshot().unread).toBe(0);
    w.agentSays('four');
    expect(after.getSnapshot().unread).toBe(1);
    // A marker only moves forward.
    after.markRead(seen.Id!);
    expect(after.getSnapshot().readMarker?.id).not.toBe(seen.Id);
  });

  it('emits typed events: message, confirmed, connection, ended', async () => {
    const w = world();
    const contact = w.controller();
    const events: string[] = [];
    contact.on('message', (item) => events.push(`message:${item.content}`));
    contact.on('confirmed', (item) => events.push(`confirmed:${item.content}`));
    contact.on('connection', (view) => events.push(`connection:${view.status}`));
    contact.on('ended', ({ contactId }) => events.push(`ended:${contactId}`));
    await contact.start();
    await w.settle();
    w.agentSays('hello');
    contact.getSnapshot().session?.sendMessage('hi');
    await w.settle();
    w.endChat();
    expect(events).toEqual([
      'connection:connecting',
      'connection:open',
      'message:hello',
      'confirmed:hi',
      'connection:closed',
      'ended:contact-1',
    ]);
  });

  it('reports a failed own send as a failed event', async () => {
    const w = world();
    const contact = w.controller({ sessionOptions: { outboxPolicy: { maxAttempts: 1 } } });
    const failed: string[] = [];
    contact.on('failed', (item) => failed.push(item.error?.code ?? '?'));
    await contact.start();
    await w.settle();
    w.service.failNext('sendMessage', 400);
    contact.getSnapshot().session?.sendMessage('nope');
    await w.settle();
    expect(failed).toHaveLength(1);
  });

  it('after the end keeps only the ended contact, and continue() passes it to startChat', async () => {
    const w = world();
    const contact = w.controller();
    await contact.start();
    await w.settle();
    w.agentSays('earlier');
    w.endChat();
    expect(contact.getSnapshot().previousContactId).toBe('contact-1');
    expect(JSON.parse(w.storage.data.get('contact-kit.chat')!)).toEqual({
      previousContactId: 'contact-1',
    });
    // A reload still offers to continue.
    const reloaded = w.controller();
    reloaded.subscribe(() => undefined);
    expect(reloaded.getSnapshot().state.status).toBe('idle');
    expect(reloaded.getSnapshot().previousContactId).toBe('contact-1');
    await reloaded.continue();
    expect(w.startChat).toHaveBeenLastCalledWith({ previousContactId: 'contact-1' });
    expect(reloaded.getSnapshot().state).toMatchObject({
      status: 'ready',
      contact: { ContactId: 'contact-2' },
    });
  });

  it('start() after an ended chat starts a new contact; reset() goes back to idle', async () => {
    const w = world();
    const contact = w.controller();
    await contact.start();
    await w.settle();
    w.endChat();
    contact.reset();
    expect(contact.getSnapshot().state.status).toBe('idle');
    expect(contact.getSnapshot().session).toBeUndefined();
    await contact.start();
    expect(w.startChat).toHaveBeenCalledTimes(2);
  });

  it('a failing startChat is state and an error event; the next start tries again', async () => {
    const w = world();
    const contact = w.controller();
    const errors: string[] = [];
    contact.on('error', (error) => errors.push(error.message));
    w.startChat.mockRejectedValueOnce(new Error('backend down'));
    await expect(contact.start()).rejects.toThrow('backend down');
    expect(contact.getSnapshot().state).toMatchObject({ status: 'failed' });
    expect(errors).toEqual(['backend down']);
    await contact.start();
    expect(contact.getSnapshot().state.status).toBe('ready');
  });

  it('refuses a startChat answer without ids and misuse without startChat', async () => {
    const w = world();
    w.startChat.mockResolvedValueOnce({ ContactId: 'c' } as StartChatResult);
    await expect(w.controller().start()).rejects.toThrow(TypeError);
    expect(() => w.controller({ startChat: undefined }).start()).toThrow(/startChat/);
    await expect(w.controller().continue()).rejects.toThrow(/no ended contact/);
  });

  it('with autoConnect false connects with an offered CreateParticipantConnection answer', async () => {
    const w = world();
    const contact = w.controller({ autoConnect: false });
    await contact.start();
    await w.settle();
    expect(contact.getSnapshot().session?.getSnapshot().connection.status).toBe('idle');
    const response = await w.service.client.createParticipantConnection('token-1', {
      Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    });
    contact.connect({ connection: { response, fetchedAt: w.clock.now() } });
    await w.settle();
    expect(contact.getSnapshot().session?.getSnapshot().connection.status).toBe('open');
    expect(w.service.callsOf('createParticipantConnection')).toHaveLength(1);
  });

  it('destroys a session that arrives after destroy(), and a factory failure is state', async () => {
    const w = world();
    let release: (() => void) | undefined;
    const destroyed = vi.fn();
    const late = w.controller({
      createSession: (options) =>
        new Promise((resolve) => {
          release = () => {
            const session = createChatSession({ ...options, client: w.service.client });
            session.destroy = destroyed;
            resolve(session);
          };
        }),
    });
    await late.start();
    late.destroy();
    release?.();
    await w.settle();
    expect(destroyed).toHaveBeenCalledTimes(1);

    const broken = w.controller({ createSession: () => Promise.reject(new Error('chunk failed')) });
    await broken.start();
    await w.settle();
    expect(broken.getSnapshot().state).toMatchObject({
      status: 'failed',
      error: { message: 'chunk failed' },
    });
  });
});
