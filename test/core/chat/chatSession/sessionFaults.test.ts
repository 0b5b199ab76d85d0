import { describe, expect, it } from 'vitest';
import { createChatSession, silentLogger } from 'contact-kit/core';
import type { ChatSessionOptions, ParticipantClient } from 'contact-kit/core';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';

/** The smaller faults of issue #12 §4, each against the real session over the fakes. */
function setup(
  overrides: Partial<ChatSessionOptions> = {},
  wrap: (client: ParticipantClient) => ParticipantClient = (client) => client,
) {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  const storage = memoryStorage();
  service.onMessageStored = (item) => server.broadcast(item);
  const session = createChatSession({
    participantToken: 'participant-token',
    participantId: 'customer-1',
    contactId: 'contact-1',
    client: wrap(service.client),
    WebSocket: server.WebSocket,
    clock,
    random: () => 0.5,
    logger: silentLogger,
    storage,
    environment: null,
    ...overrides,
  });
  return { clock, service, server, storage, session };
}

type Setup = ReturnType<typeof setup>;

async function connected(s: Setup): Promise<void> {
  s.session.connect();
  await s.clock.advance(0);
  expect(s.session.getSnapshot().connection.status).toBe('open');
}

/** SendMessage answers whose Id is dropped (like a proxy mangling the body) while `strip() ` says so. */
function withoutIds(strip: () => boolean) {
  return (client: ParticipantClient): ParticipantClient => ({
    ...client,
    sendMessage: async (...args: Parameters<ParticipantClient['sendMessage']>) => {
      const response = await client.sendMessage(...args);
      return strip() ? { AbsoluteTime: response.AbsoluteTime } : response;
    },
  });
}

describe('SendMessage answering 200 without an Id', () => {
  it('asks again with the same ClientToken: the message is stored once and shows sent once', async () => {
    let stripped = 0;
    const s = setup(
      {},
      withoutIds(() => stripped++ < 1),
    );
    await connected(s);
    const localId = s.session.sendMessage('is anyone there?');
    await s.clock.advance(10_000);
    const tokens = s.service.callsOf('sendMessage').map((call) => call.request['ClientToken']);
    expect(tokens).toEqual([localId, localId]);
    const stored = s.service.items.filter((item) => item.Content === 'is anyone there?');
    expect(stored).toHaveLength(1);
    const shown = s.session.getSnapshot().items.filter((i) => i.content === 'is anyone there?');
    expect(shown).toEqual([expect.objectContaining({ status: 'sent', id: stored[0]!.Id })]);
  });

  it('never leaves the message sending: it fails after the outbox attempts, retryable', async () => {
    const s = setup(
      { outboxPolicy: { maxAttempts: 3 } },
      withoutIds(() => true),
    );
    // Echoes not delivered: nothing else could confirm the message.
    s.service.onMessageStored = undefined;
    await connected(s);
    const localId = s.session.sendMessage('hello?');
    await s.clock.advance(10_000);
    expect(s.service.callsOf('sendMessage')).toHaveLength(3);
    expect(s.session.getSnapshot().items.find((item) => item.localId === localId)).toMatchObject({
      status: 'failed',
      error: { code: 'SEND_FAILED' },
    });
    // The next gap fill finds the service's copy: the failed row becomes it, shown once.
    s.server.last.drop();
    await s.clock.advance(5_000);
    const stored = s.service.items.filter((item) => item.Content === 'hello?');
    expect(stored).toHaveLength(1);
    const shown = s.session.getSnapshot().items.filter((item) => item.content === 'hello?');
    expect(shown).toEqual([expect.objectContaining({ status: 'sent', id: stored[0]!.Id })]);
  });
});
