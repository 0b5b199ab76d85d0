import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatError, ContentType, createChatSession } from 'contact-kit/core';
import type { ChatSession, ChatSessionOptions, Logger } from 'contact-kit/core';
import { createFollowerSession } from '../../../../src/core/chat/tabs/followerSession';
import type { FollowerSession } from '../../../../src/core/chat/tabs/followerSession';
import { createTabHost } from '../../../../src/core/chat/tabs/tabHost';
import type { TabHost } from '../../../../src/core/chat/tabs/tabHost';
import { FakeBroadcastHub } from '../../../fakes/FakeBroadcastChannel';
import type { FakeBroadcastChannel } from '../../../fakes/FakeBroadcastChannel';
import { FakeClock, flushMicrotasks } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';

// The upload steps load with a session's first file (a dynamic import). Loaded here once, as a
// browser that has fetched the chunk would, so the fake clock's settle is enough.
beforeAll(async () => {
  await import('../../../../src/core/chat/attachments/attachmentUpload');
});

const CHANNEL = 'contact-kit.chat';

/** One service, a leader tab (real session + host at epoch 1) and follower tabs. */
function setup(overrides: Partial<ChatSessionOptions> = {}) {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  service.onMessageStored = (item) => server.broadcast(item);
  const hub = new FakeBroadcastHub();
  const logger = {
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  } satisfies Logger;
  const newSession = (): ChatSession =>
    createChatSession({
      participantToken: 'participant-token',
      participantId: 'customer-1',
      contactId: 'contact-1',
      client: service.client,
      WebSocket: server.WebSocket,
      clock,
      random: () => 0.5,
      logger,
      storage: null,
      environment: null,
      upload: async () => undefined,
      ...overrides,
    });
  const lead = (epoch: number, tabId: string) => {
    const channel = hub.open(CHANNEL);
    const session = newSession();
    session.connect();
    const host: TabHost = createTabHost({ channel, session, epoch, tabId, logger });
    return { channel, session, host };
  };
  const follow = (tabId: string, epoch: number | undefined = 1) => {
    const channel: FakeBroadcastChannel = hub.open(CHANNEL);
    const follower: FollowerSession = createFollowerSession({
      channel,
      tabId,
      clock,
      logger,
      participantId: 'customer-1',
      displayName: 'Me',
    });
    if (epoch !== undefined) {
      follower.leaderChanged(epoch);
    }
    return { channel, follower };
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) {
      await clock.advance(0);
      await flushMicrotasks();
    }
  };
  const agentSays = (content: string) => server.broadcast(service.addItem({ Content: content }));
  const sendsOf = (clientToken: string) =>
    service.callsOf('sendMessage').filter((call) => call.request['ClientToken'] === clientToken);
  const stored = (content: string) => service.items.filter((item) => item.Content === content);
  return { clock, service, server, hub, logger, lead, follow, settle, agentSays, sendsOf, stored };
}

describe('createFollowerSession: mirror', () => {
  it('shows a connecting, empty chat before any snapshot', () => {
    const s = setup();
    const { follower } = s.follow('tab-b', undefined);
    expect(follower.getSnapshot()).toMatchObject({
      connection: { status: 'connecting', attempt: 0 },
      chat: { status: 'active' },
      items: [],
      participantId: 'customer-1',
    });
    expect(follower.getSnapshot()).toBe(follower.getSnapshot());
  });

  it("equals the leader's snapshot (connection, items, typing, chat) after each change", async () => {
    const s = setup();
    const leader = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    expect(follower.getSnapshot().connection.status).toBe('open');
    expect(follower.getSnapshot()).toEqual(leader.session.getSnapshot());

    s.agentSays('Hello, how can I help?');
    s.server.broadcast(s.service.addItem({ Type: 'EVENT', ContentType: ContentType.typing }));
    await s.settle();
    expect(follower.getSnapshot().typing).toHaveLength(1);
    expect(follower.getSnapshot().items.map((item) => item.content)).toEqual([
      'Hello, how can I help?',
    ]);
    expect(follower.getSnapshot()).toEqual(leader.session.getSnapshot());

    await leader.session.endChat();
    await s.clock.advance(10_000);
    await s.settle();
    expect(follower.getSnapshot().chat.status).toBe('ended');
    expect(follower.getSnapshot()).toEqual(leader.session.getSnapshot());
    expect(() => follower.sendMessage('too late')).toThrow(
      expect.objectContaining({ code: 'CHAT_ENDED' }) as Error,
    );
  });

  it('keeps unchanged items (and an unchanged snapshot) as the same objects, and notifies only on change', async () => {
    const s = setup();
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    s.agentSays('one');
    await s.settle();
    const first = follower.getSnapshot();
    const listener = vi.fn();
    follower.subscribe(listener);

    // A second follower's sync makes the leader post the same snapshot again.
    s.follow('tab-c');
    await s.settle();
    expect(follower.getSnapshot()).toBe(first);
    expect(listener).not.toHaveBeenCalled();

    s.agentSays('two');
    await s.settle();
    const second = follower.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.items).toHaveLength(2);
    expect(second.items[0]).toBe(first.items[0]);
    expect(listener).toHaveBeenCalled();
  });
});

describe('createFollowerSession: actions through the leader', () => {
  it('shows a send at once as sending, then exactly once as sent, stored once with its localId as ClientToken', async () => {
    const s = setup();
    const leader = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    const seen: string[] = [];
    follower.subscribe(() => {
      const rows = follower.getSnapshot().items.filter((item) => item.content === 'Hi from B');
      seen.push(rows.map((row) => row.status).join(','));
    });

    const localId = follower.sendMessage('Hi from B');
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({
        localId,
        content: 'Hi from B',
        status: 'sending',
        isOwn: true,
        displayName: 'Me',
      }),
    ]);
    expect(follower.unconfirmedSends()).toEqual([
      expect.objectContaining({
        kind: 'message',
        localId,
        content: 'Hi from B',
        contentType: 'text/plain',
      }),
    ]);
    await s.settle();

    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, content: 'Hi from B', status: 'sent' }),
    ]);
    expect(follower.getSnapshot()).toEqual(leader.session.getSnapshot());
    expect(seen.every((statuses) => statuses.split(',').length === 1)).toBe(true);
    expect(s.sendsOf(localId)).toHaveLength(1);
    expect(s.stored('Hi from B')).toHaveLength(1);
    expect(follower.unconfirmedSends()).toEqual([]);
  });

  it('validates sends like the session: empty, oversized, unsendable type, bad localId', () => {
    const s = setup();
    const { follower } = s.follow('tab-b');
    for (const send of [
      () => follower.sendMessage('   '),
      () => follower.sendMessage('x'.repeat(1025)),
      () => follower.sendMessage('hi', { contentType: 'text/html' as never }),
      () => follower.sendMessage('hi', { localId: '' }),
    ]) {
      expect(send).toThrow(expect.objectContaining({ code: 'MESSAGE_INVALID' }) as Error);
    }
    expect(follower.getSnapshot().items).toEqual([]);
  });

  it('sends an interactive response without a row', async () => {
    const s = setup();
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    const localId = follower.sendMessage('{"choice":"A"}', {
      contentType: ContentType.interactiveResponse,
    });
    expect(follower.getSnapshot().items).toEqual([]);
    await s.settle();
    expect(s.sendsOf(localId)).toHaveLength(1);
    expect(follower.getSnapshot().items).toEqual([]);
    expect(follower.unconfirmedSends()).toEqual([]);
  });

  it('forwards typing, markRead, loadOlder, attachments, getAttachmentUrl, describeView and endChat to the service', async () => {
    const s = setup();
    for (let i = 0; i < 40; i += 1) {
      s.service.addItem({ Content: `old ${i}` });
    }
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    expect(follower.getSnapshot().hasOlder).toBe(true);

    follower.sendTyping();
    const newest = follower.getSnapshot().items.at(-1)!;
    follower.markRead(newest.id);
    await s.clock.advance(5_000);
    await s.settle();
    const events = s.service.callsOf('sendEvent').map((call) => call.request['ContentType']);
    expect(events).toContain(ContentType.typing);
    expect(events).toContain(ContentType.messageRead);

    await expect(follower.loadOlder()).resolves.toBe(true);
    await s.settle();
    expect(follower.getSnapshot().items).toHaveLength(40);

    const localId = follower.sendAttachment(
      new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    );
    expect(follower.getSnapshot().items.at(-1)).toMatchObject({
      localId,
      type: 'attachment',
      status: 'sending',
      attachments: [{ name: 'notes.txt', status: 'uploading' }],
    });
    await s.settle();
    expect(s.service.callsOf('startAttachmentUpload')[0]!.request).toMatchObject({
      AttachmentName: 'notes.txt',
      ClientToken: localId,
    });
    const attachmentId = follower.getSnapshot().items.at(-1)!.attachments![0]!.id!;
    expect(s.service.callsOf('completeAttachmentUpload')[0]!.request).toEqual({
      AttachmentIds: [attachmentId],
      ClientToken: localId,
    });
    s.server.broadcast(
      s.service.addItem({
        Type: 'ATTACHMENT',
        ContentType: undefined,
        Content: undefined,
        ParticipantId: 'customer-1',
        ParticipantRole: 'CUSTOMER',
        Attachments: [
          {
            AttachmentId: attachmentId,
            AttachmentName: 'notes.txt',
            ContentType: 'text/plain',
            Status: 'APPROVED',
          },
        ],
      }),
    );
    await s.settle();
    const attachment = follower.getSnapshot().items.filter((item) => item.type === 'attachment');
    expect(attachment).toEqual([expect.objectContaining({ localId, status: 'sent' })]);
    await expect(follower.getAttachmentUrl(attachmentId)).resolves.toBe(
      `http://fake/download/${attachmentId}`,
    );

    await expect(follower.describeView('view-token')).resolves.toMatchObject({
      Id: 'view-of-view-token',
    });

    await follower.endChat();
    expect(s.service.callsOf('disconnectParticipant')).toHaveLength(1);
  });

  it('gives a Blob its name back on the leader', async () => {
    const s = setup();
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    const blob = Object.assign(new Blob(['hi'], { type: 'text/plain' }), { name: 'blob.txt' });
    follower.sendAttachment(blob);
    await s.settle();
    expect(s.service.callsOf('startAttachmentUpload')[0]!.request['AttachmentName']).toBe(
      'blob.txt',
    );
  });

  it('shows a send the leader refused for misuse (the chat ended meanwhile) as failed, with a real ChatError', async () => {
    const s = setup();
    const leader = s.lead(1, 'tab-a');
    const { follower, channel } = s.follow('tab-b');
    await s.settle();
    channel.pause(); // this tab has not heard of the end yet
    await leader.session.endChat();
    await s.clock.advance(10_000);
    const localId = follower.sendMessage('Still there?');
    await s.settle();
    channel.resume();
    await s.settle();

    const row = follower.getSnapshot().items.find((item) => item.localId === localId);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toBeInstanceOf(ChatError);
    expect(row!.error!.code).toBe('CHAT_ENDED');
    expect(follower.unconfirmedSends()).toEqual([]);
    expect(s.sendsOf(localId)).toHaveLength(0);
  });

  it('retries a failed mirrored message through the leader', async () => {
    const s = setup({ outboxPolicy: { maxAttempts: 1 } });
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    s.service.failNext('sendMessage', 400);
    const localId = follower.sendMessage('flaky');
    await s.clock.advance(60_000);
    await s.settle();
    expect(follower.getSnapshot().items.find((item) => item.localId === localId)?.status).toBe(
      'failed',
    );
    expect(follower.retry(localId)).toBe(true);
    expect(follower.retry('unknown')).toBe(false);
    await s.clock.advance(60_000);
    await s.settle();
    expect(follower.getSnapshot().items.find((item) => item.localId === localId)?.status).toBe(
      'sent',
    );
    expect(s.stored('flaky')).toHaveLength(1);
  });
});

describe('createFollowerSession: leader changes', () => {
  it('re-sends a send the leader took but never answered (host gone, channel paused) to the next leader, once', async () => {
    const s = setup();
    const old = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    old.channel.pause(); // frozen: hears the call, never runs it
    const localId = follower.sendMessage('Are you there?');
    await s.settle();
    old.host.destroy();
    old.session.destroy();
    follower.leaderLost();
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, status: 'sending' }),
    ]);
    expect(follower.unconfirmedSends().map((send) => send.localId)).toEqual([localId]);

    const next = s.lead(2, 'tab-c');
    follower.leaderChanged(2);
    old.channel.resume();
    await s.settle();

    expect(s.sendsOf(localId)).toHaveLength(1);
    expect(s.stored('Are you there?')).toHaveLength(1);
    const rows = follower.getSnapshot().items.filter((item) => item.content === 'Are you there?');
    expect(rows).toEqual([expect.objectContaining({ localId, status: 'sent' })]);
    expect(follower.getSnapshot()).toEqual(next.session.getSnapshot());
  });

  it('re-sends a send the old leader had sent but this tab never saw confirmed: same ClientToken, stored once', async () => {
    const s = setup();
    const old = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    const held = s.service.holdNext('sendMessage');
    const localId = follower.sendMessage('Once only');
    await s.settle();
    const hang = await held;
    old.host.destroy(); // gone before it could broadcast the confirmation
    hang.release();
    await s.settle();
    expect(s.stored('Once only')).toHaveLength(1);
    old.session.destroy();
    follower.leaderLost();
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, status: 'sending' }),
    ]);

    const next = s.lead(2, 'tab-c');
    follower.leaderChanged(2);
    await s.settle();

    const tokens = s.sendsOf(localId).map((call) => call.request['ClientToken']);
    expect(tokens).toEqual([localId, localId]);
    expect(s.stored('Once only')).toHaveLength(1);
    expect(
      next.session.getSnapshot().items.filter((item) => item.content === 'Once only'),
    ).toHaveLength(1);
    expect(follower.getSnapshot().items.filter((item) => item.content === 'Once only')).toEqual([
      expect.objectContaining({ status: 'sent' }),
    ]);
    expect(follower.unconfirmedSends()).toEqual([]);
  });

  it('a call refused for a stale epoch waits for the right leader and then arrives once', async () => {
    const s = setup();
    const leader = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b', 0); // still believes in epoch 0
    await s.settle();
    const localId = follower.sendMessage('late');
    await s.settle();
    const refused = leader.channel.posted.filter(
      (message) => (message as { error?: { code: string } }).error?.code === 'TAB_NOT_LEADER',
    );
    expect(refused).toHaveLength(1);
    expect(s.sendsOf(localId)).toHaveLength(0);
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, status: 'sending' }),
    ]);

    follower.leaderChanged(1);
    await s.settle();
    expect(s.sendsOf(localId)).toHaveLength(1);
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, status: 'sent' }),
    ]);
  });

  it('keeps sends queued without a leader and hands them over; other calls reject after the timeout', async () => {
    const s = setup();
    const { follower } = s.follow('tab-b', undefined);
    follower.leaderLost();
    const localId = follower.sendMessage('queued');
    const older = follower.loadOlder().catch((error: unknown) => error);
    await s.clock.advance(10_000);
    expect(await older).toMatchObject({ code: 'CONNECTION_LOST' });
    expect(follower.unconfirmedSends()).toEqual([
      expect.objectContaining({ kind: 'message', localId, content: 'queued' }),
    ]);
    expect(follower.getSnapshot().items).toEqual([
      expect.objectContaining({ localId, status: 'sending' }),
    ]);

    s.lead(3, 'tab-c');
    follower.leaderChanged(3);
    await s.settle();
    expect(s.sendsOf(localId)).toHaveLength(1);
    expect(follower.unconfirmedSends()).toEqual([]);
  });
});

describe('createFollowerSession: robustness and lifecycle', () => {
  it('ignores malformed messages and election messages on the channel', async () => {
    const s = setup();
    s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    s.agentSays('fine');
    await s.settle();
    const before = follower.getSnapshot();
    const rogue = s.hub.open(CHANNEL);
    s.logger.warn.mockClear();
    for (const junk of [
      null,
      'text',
      { kind: 'election.claim', epoch: 9 },
      { kind: 'session.snapshot', epoch: 1, tabId: 'x', snapshot: { items: 'no' } },
      { kind: 'session.snapshot', epoch: 5, tabId: 'x' },
      { kind: 'session.result', epoch: 1, tabId: 'tab-b', id: 'x', ok: false, error: 'boom' },
      { kind: 'session.call', epoch: 1, tabId: 'tab-b' },
      { kind: 'session.nonsense', epoch: 1, tabId: 'x' },
    ]) {
      rogue.postMessage(junk);
    }
    await s.settle();
    expect(follower.getSnapshot()).toBe(before);
    expect(s.logger.warn).toHaveBeenCalledTimes(5 * 2); // each session.* one, by the follower and the host
  });

  it('destroy() rejects waiting calls with SESSION_DESTROYED and later actions throw it', async () => {
    const s = setup();
    const leader = s.lead(1, 'tab-a');
    const { follower } = s.follow('tab-b');
    await s.settle();
    leader.channel.pause();
    const older = follower.loadOlder();
    const url = follower.getAttachmentUrl('attachment-1');
    follower.destroy();
    await expect(older).rejects.toMatchObject({ code: 'SESSION_DESTROYED' });
    await expect(url).rejects.toBeInstanceOf(ChatError);
    expect(() => follower.sendMessage('hi')).toThrow(
      expect.objectContaining({ code: 'SESSION_DESTROYED' }) as Error,
    );
    expect(() => follower.sendTyping()).toThrow(
      expect.objectContaining({ code: 'SESSION_DESTROYED' }) as Error,
    );
    await expect(follower.endChat()).rejects.toMatchObject({ code: 'SESSION_DESTROYED' });
  });
});
