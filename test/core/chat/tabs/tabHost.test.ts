import { describe, expect, it, vi } from 'vitest';
import { createChatSession } from 'contact-kit/core';
import type { ChatSession, Logger } from 'contact-kit/core';
import { createTabHost } from '../../../../src/core/chat/tabs/tabHost';
import { encodeSnapshot } from '../../../../src/core/chat/tabs/tabMessages';
import type { TabMessage } from '../../../../src/core/chat/tabs/tabMessages';
import { FakeBroadcastHub } from '../../../fakes/FakeBroadcastChannel';
import { FakeClock, flushMicrotasks } from '../../../fakes/FakeClock';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';

/** A leader (real session + host at epoch 7) and a raw "follower" channel that records what it hears. */
function setup(isLeader?: () => boolean) {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  service.onMessageStored = (item) => server.broadcast(item);
  const logger = {
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  } satisfies Logger;
  const session: ChatSession = createChatSession({
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
  });
  const hub = new FakeBroadcastHub();
  const leaderChannel = hub.open('chat');
  const peer = hub.open('chat');
  const heard: TabMessage[] = [];
  peer.addEventListener('message', (event) => heard.push(event.data as TabMessage));
  const host = createTabHost({
    channel: leaderChannel,
    session,
    epoch: 7,
    tabId: 'leader',
    logger,
    isLeader,
  });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) {
      await clock.advance(0);
      await flushMicrotasks();
    }
  };
  const results = () => heard.filter((message) => message.kind === 'session.result');
  const snapshots = () => heard.filter((message) => message.kind === 'session.snapshot');
  let nextId = 0;
  const call = (method: string, args: unknown[], epoch = 7): string => {
    const id = `call-${(nextId += 1)}`;
    peer.postMessage({ kind: 'session.call', epoch, tabId: 'tab-b', id, method, args });
    return id;
  };
  const resultOf = (id: string) =>
    results().find((message) => (message as { id: string }).id === id) as
      (TabMessage & { ok: boolean; value?: unknown; error?: { code: string } }) | undefined;
  return {
    clock,
    service,
    server,
    session,
    host,
    peer,
    heard,
    logger,
    settle,
    results,
    snapshots,
    call,
    resultOf,
  };
}

describe('createTabHost', () => {
  it('posts the snapshot at once, then one post per microtask however many changes it had', async () => {
    const s = setup();
    await flushMicrotasks();
    expect(s.snapshots()).toHaveLength(1);
    expect(s.snapshots()[0]).toMatchObject({ epoch: 7, tabId: 'leader' });

    s.session.sendMessage('one');
    s.session.sendMessage('two');
    s.session.sendMessage('three');
    await flushMicrotasks();
    expect(s.snapshots()).toHaveLength(2);
    const last = s.snapshots().at(-1) as Extract<TabMessage, { kind: 'session.snapshot' }>;
    expect(last.snapshot).toEqual(encodeSnapshot(s.session.getSnapshot()));
    expect(last.snapshot.items.map((item) => item.content)).toEqual(['one', 'two', 'three']);
  });

  it('answers session.sync at once, with the current snapshot', async () => {
    const s = setup();
    s.session.connect();
    await s.settle();
    const before = s.snapshots().length;
    s.peer.postMessage({ kind: 'session.sync', epoch: 7, tabId: 'tab-b' });
    await flushMicrotasks();
    expect(s.snapshots()).toHaveLength(before + 1);
    expect(
      (s.snapshots().at(-1) as { snapshot: { connection: { status: string } } }).snapshot.connection
        .status,
    ).toBe('open');
  });

  it('runs calls and answers each with its value', async () => {
    const s = setup();
    s.session.connect();
    await s.settle();
    const send = s.call('sendMessage', [
      'Hi',
      { localId: 'local-1', contentType: 'text/markdown' },
    ]);
    const older = s.call('loadOlder', []);
    await s.settle();
    expect(s.resultOf(send)).toMatchObject({
      ok: true,
      value: 'local-1',
      tabId: 'tab-b',
      epoch: 7,
    });
    expect(s.resultOf(older)).toMatchObject({ ok: true, value: false });
    expect(s.service.callsOf('sendMessage')[0]!.request).toMatchObject({
      ClientToken: 'local-1',
      ContentType: 'text/markdown',
      Content: 'Hi',
    });
  });

  it('refuses calls of another epoch with TAB_NOT_LEADER, running nothing', async () => {
    const s = setup();
    const id = s.call('sendMessage', ['Hi', { localId: 'local-1' }], 6);
    await s.settle();
    expect(s.resultOf(id)).toMatchObject({
      ok: false,
      error: { code: 'TAB_NOT_LEADER', retryable: true },
    });
    expect(s.session.getSnapshot().items).toEqual([]);
  });

  it('refuses calls of its own epoch while the election says it may no longer lead, and runs them again once it does', async () => {
    let leads = false;
    const s = setup(() => leads);
    const refused = s.call('sendMessage', ['Hi', { localId: 'local-1' }]);
    await s.settle();
    expect(s.resultOf(refused)).toMatchObject({
      ok: false,
      error: { code: 'TAB_NOT_LEADER', retryable: true },
    });
    expect(s.session.getSnapshot().items).toEqual([]);
    leads = true;
    const accepted = s.call('sendMessage', ['Hi', { localId: 'local-1' }]);
    await s.settle();
    expect(s.resultOf(accepted)).toMatchObject({ ok: true, value: 'local-1' });
    expect(s.session.getSnapshot().items).toHaveLength(1);
  });

  it('answers unknown methods, bad arguments and misuse with an encoded error, never throwing', async () => {
    const s = setup();
    const unknown = s.call('destroy', []);
    const badArgs = s.call('markRead', [42]);
    const empty = s.call('sendMessage', ['   ']);
    const notAFile = s.call('sendAttachment', ['file.txt']);
    await s.settle();
    for (const id of [unknown, badArgs, empty, notAFile]) {
      expect(s.resultOf(id)).toMatchObject({
        ok: false,
        error: { code: 'MESSAGE_INVALID', retryable: false },
      });
    }
    s.session.destroy();
    const destroyed = s.call('sendMessage', ['Hi']);
    await s.settle();
    expect(s.resultOf(destroyed)).toMatchObject({
      ok: false,
      error: { code: 'SESSION_DESTROYED' },
    });
  });

  it('names a Blob that lost its name on the way', async () => {
    const s = setup();
    s.session.connect();
    await s.settle();
    s.call('sendAttachment', [
      new Blob(['hi'], { type: 'text/plain' }),
      { localId: 'file-1', name: 'hi.txt' },
    ]);
    await s.settle();
    expect(s.session.getSnapshot().items[0]?.attachments?.[0]?.name).toBe('hi.txt');
  });

  it('ignores malformed session messages with a warning and other kinds silently', async () => {
    const s = setup();
    s.peer.postMessage({ kind: 'election.hello', epoch: 7 });
    s.peer.postMessage({
      kind: 'session.call',
      epoch: 7,
      tabId: 'tab-b',
      method: 'sendTyping',
      args: [],
    });
    s.peer.postMessage({ kind: 'session.sync', tabId: 'tab-b' });
    await s.settle();
    expect(s.logger.warn).toHaveBeenCalledTimes(2);
    expect(s.results()).toEqual([]);
  });

  it('destroy() stops answering and broadcasting, and leaves the session running', async () => {
    const s = setup();
    await flushMicrotasks();
    s.host.destroy();
    const before = s.heard.length;
    s.call('sendMessage', ['Hi']);
    s.peer.postMessage({ kind: 'session.sync', epoch: 7, tabId: 'tab-b' });
    s.session.sendMessage('local');
    await s.settle();
    expect(s.heard).toHaveLength(before);
    expect(s.session.getSnapshot().items.map((item) => item.content)).toEqual(['local']);
  });
});
