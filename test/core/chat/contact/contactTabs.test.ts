import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  ContentType,
  createChatSession,
  createContactController,
  silentLogger,
} from 'contact-kit/core';
import type { ContactController, Item, StartChatResult } from 'contact-kit/core';
import {
  contactKey,
  createContactTabs,
  readContactTabMessage,
} from '../../../../src/core/chat/contact/contactTabs';
import type { BroadcastChannelLike } from '../../../../src/core/chat/tabs/tabTransport';
import { FakeBroadcastHub } from '../../../fakes/FakeBroadcastChannel';
import type { FakeBroadcastChannel } from '../../../fakes/FakeBroadcastChannel';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeLockManager } from '../../../fakes/FakeLockManager';
import { FakeParticipantClient } from '../../../fakes/FakeParticipantClient';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';
import { memoryStorage } from '../../../fakes/memoryStorage';
import { recordBrowserGlobalReads } from '../../../fakes/recordBrowserGlobalReads';
import { TabClock } from '../tabs/tabWorld';

/**
 * A channel of one tab: a frozen tab neither hears (held until it thaws) nor posts (its posts
 * wait too: a frozen page runs nothing).
 */
class TabChannel implements BroadcastChannelLike {
  private held: unknown[] | undefined;

  constructor(readonly inner: FakeBroadcastChannel) {}

  postMessage(message: unknown): void {
    if (this.held !== undefined) {
      this.held.push(message);
    } else {
      this.inner.postMessage(message);
    }
  }
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void {
    this.inner.addEventListener(type, listener);
  }
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void {
    this.inner.removeEventListener(type, listener);
  }
  close(): void {
    this.inner.close();
  }
  freeze(): void {
    this.held ??= [];
    this.inner.pause();
  }
  /** What it missed arrives first, then what it meant to post goes out. */
  thaw(): void {
    const held = this.held ?? [];
    this.held = undefined;
    this.inner.resume();
    for (const message of held) {
      try {
        this.inner.postMessage(message);
      } catch {
        // closed meanwhile
      }
    }
  }
}

interface Tab {
  readonly id: string;
  readonly controller: ContactController;
  readonly storage: ReturnType<typeof memoryStorage> | null;
  readonly clock: TabClock;
  readonly channels: TabChannel[];
}

/** One fake service; tabs of one origin, each with its own sessionStorage, clock and locks. */
function world(mode: 'locks' | 'channel' = 'locks') {
  const clock = new FakeClock();
  const service = new FakeParticipantClient(clock);
  const server = new FakeSocketServer({ auto: true });
  service.onMessageStored = (item) => server.broadcast(item);
  const hub = new FakeBroadcastHub();
  const locks = new FakeLockManager();
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
  const open = (id: string, storage: Tab['storage'] | null = memoryStorage()): Tab => {
    const tabClock = new TabClock(clock);
    const channels: TabChannel[] = [];
    const controller = createContactController({
      startChat,
      storage,
      clock: tabClock,
      logger: silentLogger,
      tabs: 'shared',
      tabsTransport: {
        tabId: id,
        openChannel: (name) => {
          const channel = new TabChannel(hub.open(name));
          channels.push(channel);
          return channel;
        },
        locks: mode === 'locks' ? locks.tab(id) : undefined,
      },
      createSession: (options) =>
        createChatSession({
          ...options,
          client: service.client,
          WebSocket: server.WebSocket,
          random: () => 0.5,
          environment: null,
        }),
    });
    return { id, controller, storage, clock: tabClock, channels };
  };
  const settle = async (ms = 0): Promise<void> => {
    await clock.advance(ms);
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(0);
    }
  };
  /** Starts (or joins) in `tab`, letting time run as needed. */
  const start = async (tab: Tab) => {
    const started = tab.controller.start();
    await settle(mode === 'locks' ? 0 : 250);
    const contact = await started;
    await settle(mode === 'locks' ? 0 : 200); // without locks, a lone tab claims for 150 ms
    return contact;
  };
  /** The tab closes: the page leaves (pagehide → destroy), the browser drops its locks. */
  const close = (tab: Tab): void => {
    tab.controller.destroy();
    tab.clock.stop();
    locks.close(tab.id);
  };
  const freeze = (tab: Tab): void => {
    tab.clock.freeze();
    locks.freeze(tab.id);
    for (const channel of tab.channels) {
      channel.freeze();
    }
  };
  const thaw = (tab: Tab): void => {
    for (const channel of tab.channels) {
      channel.thaw();
    }
    tab.clock.thaw();
    locks.thaw(tab.id);
  };
  const agentSays = (content: string): Item => {
    const item = service.addItem({ Content: content });
    server.broadcast(item);
    return item;
  };
  const contents = (tab: Tab): string[] =>
    (tab.controller.getSnapshot().session?.getSnapshot().items ?? []).flatMap((item) =>
      item.content === undefined ? [] : [item.content],
    );
  const stored = (content: string) => service.items.filter((item) => item.Content === content);
  const sendCalls = (localId: string) =>
    service.callsOf('sendMessage').filter((call) => call.request['ClientToken'] === localId);
  const roleOf = (tab: Tab) => tab.controller.getSnapshot().role;
  return {
    clock,
    service,
    server,
    hub,
    locks,
    startChat,
    open,
    settle,
    start,
    close,
    freeze,
    thaw,
    agentSays,
    contents,
    stored,
    sendCalls,
    roleOf,
  };
}

const count = (list: readonly string[], value: string): number =>
  list.filter((entry) => entry === value).length;

describe.each(['locks', 'channel'] as const)('shared tabs (%s)', (mode) => {
  it('a second tab joins the running contact: one StartChatContact, one socket, a send from it shows once everywhere', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    const contact = await w.start(a);
    expect(w.roleOf(a)).toBe('leader');
    const b = w.open('tab-b');
    // The token reaches b over the channel only: no localStorage, cookie (document) or URL.
    const { value: joined, reads } = await recordBrowserGlobalReads(() => w.start(b));
    expect(joined).toEqual(contact);
    expect(reads.filter((read) => ['localStorage', 'document', 'location'].includes(read))).toEqual(
      [],
    );
    expect(w.startChat).toHaveBeenCalledTimes(1);
    expect(b.controller.getSnapshot().state).toMatchObject({ status: 'ready', source: 'joined' });
    expect(w.roleOf(b)).toBe('follower');
    expect(w.server.live).toHaveLength(1);
    expect(b.controller.getSnapshot().session?.getSnapshot().connection.status).toBe('open');

    b.controller.getSnapshot().session!.sendMessage('hello from b');
    await w.settle();
    expect(w.stored('hello from b')).toHaveLength(1);
    expect(count(w.contents(a), 'hello from b')).toBe(1);
    expect(count(w.contents(b), 'hello from b')).toBe(1);
    w.agentSays('hi both');
    await w.settle();
    expect(count(w.contents(a), 'hi both')).toBe(1);
    expect(count(w.contents(b), 'hi both')).toBe(1);
    // Tokens went over the channel only: B's storage has its own record, nothing else was used.
    expect(JSON.parse(b.storage!.data.get('contact-kit.chat')!)).toMatchObject({
      participantToken: 'token-1',
    });
  });

  it('the leader closes: the follower takes the socket at once, a send it made during the hand-over is delivered once, and later messages reach it', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    const b = w.open('tab-b');
    await w.start(b);
    w.agentSays('before');
    await w.settle();
    const sessionB = b.controller.getSnapshot().session!;
    const early = sessionB.sendMessage('sent as a closes'); // its call may reach a, or not
    w.close(a);
    const during = sessionB.sendMessage('sent during the hand-over');
    await w.settle(mode === 'locks' ? 0 : 200);
    expect(w.roleOf(b)).toBe('leader');
    await w.settle(100);
    for (const [localId, content] of [
      [early, 'sent as a closes'],
      [during, 'sent during the hand-over'],
    ] as const) {
      expect(w.stored(content)).toHaveLength(1);
      expect(count(w.contents(b), content)).toBe(1);
      expect(w.sendCalls(localId).length).toBeGreaterThanOrEqual(1);
    }
    w.agentSays('after');
    await w.settle();
    expect(w.contents(b)).toEqual([
      'before',
      'sent as a closes',
      'sent during the hand-over',
      'after',
    ]);
    expect(w.server.live).toHaveLength(1);
    expect(w.startChat).toHaveBeenCalledTimes(1);
  });

  it('the leader freezes: the follower takes over within 2 s; the thawed tab refuses its late calls, follows, and shows everything once', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    const b = w.open('tab-b');
    await w.start(b);
    await w.settle(700);
    w.freeze(a);
    const frozenAt = w.clock.now();
    const localId = b.controller.getSnapshot().session!.sendMessage('sent to a frozen leader');
    let tookOver: number | undefined;
    for (let t = 0; t < 2000 && tookOver === undefined; t += 50) {
      await w.settle(50);
      if (w.roleOf(b) === 'leader') {
        tookOver = w.clock.now() - frozenAt;
      }
    }
    expect(tookOver).toBeDefined();
    expect(tookOver!).toBeLessThanOrEqual(2000);
    await w.settle(100);
    expect(w.stored('sent to a frozen leader')).toHaveLength(1);
    expect(count(w.contents(b), 'sent to a frozen leader')).toBe(1);
    w.agentSays('after the freeze');
    await w.settle();
    expect(count(w.contents(b), 'after the freeze')).toBe(1);

    await w.settle(3000);
    // Thaws in the worst order: what it missed (the call to it) before its timers and locks.
    for (const channel of a.channels) {
      channel.thaw();
    }
    a.clock.thaw();
    w.locks.thaw(a.id);
    await w.settle(500);
    // The frozen leader never sent it: the only SendMessage was b's.
    expect(w.sendCalls(localId)).toHaveLength(1);
    expect(w.roleOf(a)).toBe('follower');
    expect(w.roleOf(b)).toBe('leader');
    expect(count(w.contents(a), 'sent to a frozen leader')).toBe(1);
    expect(count(w.contents(a), 'after the freeze')).toBe(1);
    expect(w.server.live).toHaveLength(1);
  });

  it('the read marker is shared: reading in one tab clears unread in the other, and survives its reload', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    const b = w.open('tab-b');
    await w.start(b);
    w.agentSays('one');
    const last = w.agentSays('two');
    await w.settle();
    expect(a.controller.getSnapshot().unread).toBe(2);
    expect(b.controller.getSnapshot().unread).toBe(2);
    a.controller.markRead(last.Id!);
    await w.settle();
    expect(a.controller.getSnapshot().unread).toBe(0);
    expect(b.controller.getSnapshot().unread).toBe(0);
    expect(b.controller.getSnapshot().readMarker).toEqual(a.controller.getSnapshot().readMarker);

    // Reload of b: its sessionStorage resumes the contact (no new one) with the marker.
    b.controller.destroy();
    w.locks.close(b.id);
    const reloaded = w.open('tab-b2', b.storage);
    reloaded.controller.subscribe(() => undefined);
    await w.settle(mode === 'locks' ? 0 : 200);
    expect(reloaded.controller.getSnapshot().state).toMatchObject({ source: 'restored' });
    expect(reloaded.controller.getSnapshot().unread).toBe(0);
    expect(w.roleOf(reloaded)).toBe('follower');
    expect(w.startChat).toHaveBeenCalledTimes(1);
  });

  it('with no live tab left, a new tab starts a new contact (nothing kept in localStorage)', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    w.close(a);
    await w.settle();
    const c = w.open('tab-c');
    const contact = await w.start(c);
    expect(contact.ParticipantToken).toBe('token-2');
    expect(w.startChat).toHaveBeenCalledTimes(2);
    expect(w.roleOf(c)).toBe('leader');
  });
});

describe.each(['locks', 'channel'] as const)('shared tabs (%s): more hand-overs', (mode) => {
  it('without sessionStorage, a follower’s send during the hand-over still goes exactly once (the mirror hands it to the new session)', async () => {
    const w = world(mode);
    const a = w.open('tab-a', null);
    await w.start(a);
    const b = w.open('tab-b', null);
    await w.start(b);
    const session = b.controller.getSnapshot().session!;
    w.close(a);
    const localId = session.sendMessage('no storage, no loss');
    await w.settle(mode === 'locks' ? 100 : 300);
    expect(w.roleOf(b)).toBe('leader');
    expect(w.stored('no storage, no loss')).toHaveLength(1);
    expect(w.sendCalls(localId)).toHaveLength(1);
    expect(count(w.contents(b), 'no storage, no loss')).toBe(1);
  });

  it('a leader that was replaced while its send hung hands the send to the new leader: it goes once', async () => {
    const w = world(mode);
    // No sessionStorage: the follower's stored outbox cannot carry it; the hand-over must.
    const a = w.open('tab-a', null);
    await w.start(a);
    const b = w.open('tab-b', null);
    await w.start(b);
    const hung = w.service.holdNext('sendMessage');
    const localId = a.controller.getSnapshot().session!.sendMessage('from the old leader');
    await w.settle();
    w.freeze(a);
    await w.settle(2000);
    expect(w.roleOf(b)).toBe('leader');
    w.thaw(a);
    await w.settle(500);
    expect(w.roleOf(a)).toBe('follower');
    // The old session's request never made it (the frozen tab's network went away with it).
    (await hung).fail(new TypeError('Failed to fetch'));
    await w.settle(100);
    expect(w.stored('from the old leader')).toHaveLength(1);
    expect(w.sendCalls(localId).length).toBeGreaterThanOrEqual(1);
    for (const tab of [a, b]) {
      const items = tab.controller.getSnapshot().session!.getSnapshot().items;
      const sent = items.filter((item) => item.content === 'from the old leader');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.status).toBe('sent');
    }
  });

  it('a leader checking it was not replaced after a freeze refuses calls for a moment; they go once it is sure', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    w.freeze(a);
    await w.settle(1501);
    w.thaw(a); // alone: nobody took over, but it must check first
    await w.clock.advance(1);
    const b = w.open('tab-b');
    await w.start(b);
    b.controller.getSnapshot().session!.sendMessage('while the leader checks');
    await w.settle(1000); // well under the mirror's 10 s call timeout
    expect(w.stored('while the leader checks')).toHaveLength(1);
    expect(count(w.contents(b), 'while the leader checks')).toBe(1);
  });

  it('the chat ends in every tab without a new leader taking it up; a new start in one tab is joined by the other', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    const b = w.open('tab-b');
    await w.start(b);
    const sockets = w.server.sockets.length;
    const ending = b.controller.end(); // from the follower: through the leader
    await w.settle();
    expect(w.service.callsOf('disconnectParticipant')).toHaveLength(1);
    w.server.broadcast(
      w.service.addItem({
        Type: 'EVENT',
        ContentType: ContentType.chatEnded,
        Content: undefined,
        ParticipantRole: 'SYSTEM',
      }),
    );
    await ending;
    await w.settle(3000);
    for (const tab of [a, b]) {
      expect(tab.controller.getSnapshot().session?.getSnapshot().chat.status).toBe('ended');
      expect(tab.controller.getSnapshot().previousContactId).toBe('contact-1');
    }
    expect(w.server.sockets.length).toBe(sockets); // nobody connected again to an ended chat
    await w.start(b);
    await w.settle(300);
    expect(w.startChat).toHaveBeenCalledTimes(2);
    expect(a.controller.getSnapshot().state).toMatchObject({
      status: 'ready',
      contact: { ParticipantToken: 'token-2' },
    });
    expect([w.roleOf(a), w.roleOf(b)].sort()).toEqual(['follower', 'leader']);
    // One tab connects for the new contact (the fake service refuses a disconnected customer).
    expect(w.server.sockets.length).toBeLessThanOrEqual(sockets + 1);
    expect(w.service.callsOf('createParticipantConnection').at(-1)?.token).toBe('token-2');
  });

  it('a reloaded tab with no other tab resumes its own contact and leads', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.start(a);
    w.close(a);
    const again = w.open('tab-a2', a.storage);
    again.controller.subscribe(() => undefined);
    await w.settle(300);
    expect(again.controller.getSnapshot().state).toMatchObject({ source: 'restored' });
    expect(w.roleOf(again)).toBe('leader');
    expect(w.startChat).toHaveBeenCalledTimes(1);
  });
});

describe.each(['locks', 'channel'] as const)('shared tabs (%s): starting at once', (mode) => {
  it('two tabs that start at once make one contact', async () => {
    const w = world(mode);
    // startChat takes a while, as a request to the backend does.
    const plain = w.startChat.getMockImplementation()!;
    w.startChat.mockImplementation(async () => {
      await new Promise<void>((resolve) => w.clock.setTimeout(resolve, 100));
      return plain();
    });
    const a = w.open('tab-b');
    const b = w.open('tab-a');
    const [first, second] = await Promise.all([
      a.controller.start(),
      b.controller.start(),
      w.settle(mode === 'locks' ? 150 : 400),
    ]);
    await w.settle(mode === 'locks' ? 0 : 200);
    expect(w.startChat).toHaveBeenCalledTimes(1);
    expect(first).toEqual(second);
    expect([w.roleOf(a), w.roleOf(b)].sort()).toEqual(['follower', 'leader']);
    expect(w.server.live).toHaveLength(1);
  });

  it('a tab that starts while another is calling startChat joins its contact', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    const b = w.open('tab-b');
    let finish: (() => void) | undefined;
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const plain = w.startChat.getMockImplementation()!;
    w.startChat.mockImplementationOnce(async () => {
      await slow;
      return plain();
    });
    const first = a.controller.start();
    await w.settle(mode === 'locks' ? 0 : 250); // a is inside startChat now
    expect(w.startChat).toHaveBeenCalledTimes(1);
    const second = b.controller.start();
    await w.settle(mode === 'locks' ? 0 : 250);
    finish!();
    await w.settle(mode === 'locks' ? 0 : 200);
    expect(await second).toEqual(await first);
    expect(w.startChat).toHaveBeenCalledTimes(1);
  });
});

describe('shared tabs: starting', () => {
  it('a tab started right after another was opened waits for its answer instead of starting', async () => {
    const w = world('locks');
    const a = w.open('tab-a');
    await w.start(a);
    // b starts in the same task as it loads: the ask is still in flight.
    const b = w.open('tab-b');
    const joined = b.controller.start();
    await w.settle();
    expect(await joined).toMatchObject({ ParticipantToken: 'token-1' });
    expect(w.startChat).toHaveBeenCalledTimes(1);
  });
});

describe('contact tab messages', () => {
  it('reads only well-formed messages', () => {
    const shared = { contact: { ParticipantToken: 't', ContactId: 'c' }, readMarker: undefined };
    expect(readContactTabMessage({ kind: 'contact.ask', tabId: 'a' })).toEqual({
      kind: 'contact.ask',
      tabId: 'a',
    });
    expect(readContactTabMessage({ kind: 'contact.announce', tabId: 'a', shared })).toEqual({
      kind: 'contact.announce',
      tabId: 'a',
      shared,
    });
    expect(
      readContactTabMessage({ kind: 'contact.announce', tabId: 'a', shared: { contact: {} } }),
    ).toBeUndefined();
    expect(readContactTabMessage({ kind: 'contact.answer', tabId: 'a', shared })).toBeUndefined(); // no `to`
    expect(
      readContactTabMessage({ kind: 'contact.read', tabId: 'a', marker: { id: 'x' } }),
    ).toBeUndefined();
    expect(readContactTabMessage({ kind: 'session.sync', tabId: 'a', epoch: 1 })).toBeUndefined();
  });

  it('keys contacts apart without naming the token', () => {
    expect(contactKey('token-1')).not.toBe(contactKey('token-2'));
    expect(contactKey('token-1')).toBe(contactKey('token-1'));
    expect(contactKey('secret-token')).not.toContain('secret');
  });

  it('a tab of another contact hears none of this contact’s read markers or elections', async () => {
    const clock = new FakeClock();
    const hub = new FakeBroadcastHub();
    const locks = new FakeLockManager();
    const make = (tabId: string) => {
      const onReadMarker = vi.fn();
      const tabs = createContactTabs({
        name: 'contact-kit:chat',
        tabId,
        openChannel: (name) => hub.open(name),
        locks: locks.tab(tabId),
        clock,
        logger: silentLogger,
        onContact: vi.fn(),
        onReadMarker,
        current: () => undefined,
      });
      const lead = vi.fn();
      return { tabs, onReadMarker, lead };
    };
    const one = make('tab-1');
    const two = make('tab-2');
    one.tabs.run({ ParticipantToken: 'token-1' }, { lead: one.lead, follow: vi.fn() });
    two.tabs.run({ ParticipantToken: 'token-2' }, { lead: two.lead, follow: vi.fn() });
    await clock.advance(0);
    // Each leads its own contact.
    expect(one.lead).toHaveBeenCalledTimes(1);
    expect(two.lead).toHaveBeenCalledTimes(1);
    one.tabs.shareReadMarker({ id: 'm', time: '2030-01-01T00:00:00.000Z' });
    await clock.advance(0);
    expect(two.onReadMarker).not.toHaveBeenCalled();
    one.tabs.destroy();
    two.tabs.destroy();
    await clock.advance(0);
    expect(clock.pendingCount).toBe(0);
  });
});

type Step =
  | { kind: 'open' }
  | { kind: 'close'; tab: number }
  | { kind: 'freeze'; tab: number }
  | { kind: 'thaw'; tab: number }
  | { kind: 'send'; tab: number }
  | { kind: 'agent' }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'open' }),
  fc.nat(4).map<Step>((tab) => ({ kind: 'close', tab })),
  fc.nat(4).map<Step>((tab) => ({ kind: 'freeze', tab })),
  fc.nat(4).map<Step>((tab) => ({ kind: 'thaw', tab })),
  fc.nat(4).map<Step>((tab) => ({ kind: 'send', tab })),
  fc.constant<Step>({ kind: 'agent' }),
  fc.integer({ min: 0, max: 2500 }).map<Step>((ms) => ({ kind: 'wait', ms })),
);

describe.each(['locks', 'channel'] as const)('shared tabs (%s): random schedules', (mode) => {
  it('nothing lost, nothing twice, one socket once calm', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const w = world(mode);
        const tabs: Array<{ tab: Tab; state: 'live' | 'frozen' | 'gone' }> = [];
        const add = async (): Promise<void> => {
          await w.clock.advance(1);
          const tab = w.open(`tab-${tabs.length + 1}`);
          tabs.push({ tab, state: 'live' });
          await w.start(tab);
        };
        await add();
        const mustArrive: string[] = [];
        let said = 0;
        let sent = 0;
        for (const s of steps) {
          const entry = 'tab' in s ? tabs[s.tab % tabs.length] : undefined;
          if (s.kind === 'open') {
            // A tab opened while every running tab is frozen gets no answer and starts its own
            // contact (by design: a frozen tab cannot hand over its token); not this property.
            if (tabs.some((t) => t.state === 'live')) {
              await add();
            }
          } else if (s.kind === 'agent') {
            w.agentSays(`agent ${(said += 1)}`);
          } else if (s.kind === 'wait') {
            await w.settle(s.ms);
          } else if (entry !== undefined && entry.state !== 'gone') {
            const others = tabs.filter((t) => t !== entry && t.state !== 'gone');
            if (s.kind === 'close' && others.length > 0) {
              w.close(entry.tab);
              entry.state = 'gone';
            } else if (s.kind === 'freeze' && entry.state === 'live') {
              w.freeze(entry.tab);
              entry.state = 'frozen';
            } else if (s.kind === 'thaw' && entry.state === 'frozen') {
              w.thaw(entry.tab);
              entry.state = 'live';
            } else if (s.kind === 'send' && entry.state === 'live') {
              const session = entry.tab.controller.getSnapshot().session;
              if (session !== undefined) {
                const content = `customer ${(sent += 1)} from ${entry.tab.id}`;
                session.sendMessage(content);
                mustArrive.push(content);
              }
            }
          }
          await w.settle();
        }
        // Calm: every frozen tab thaws; one more tab opens (it joins).
        for (const entry of tabs.filter((t) => t.state === 'frozen')) {
          w.thaw(entry.tab);
          entry.state = 'live';
        }
        await add();
        await w.settle(2500);
        await w.settle(2500);
        const live = tabs.filter((t) => t.state === 'live');
        // Sends of tabs closed before they were delivered may be lost; the others may not.
        for (const content of mustArrive) {
          const from = tabs.find((t) => content.endsWith(`from ${t.tab.id}`))!;
          expect(w.stored(content).length).toBeLessThanOrEqual(1);
          if (from.state === 'live') {
            expect(w.stored(content)).toHaveLength(1);
          }
        }
        const expected = w.service.items.flatMap((item) =>
          item.Content === undefined ? [] : [item.Content],
        );
        for (const { tab } of live) {
          expect(w.startChat).toHaveBeenCalledTimes(1);
          const shown = w.contents(tab);
          for (const content of expected) {
            expect(count(shown, content), `${tab.id} shows "${content}" once`).toBe(1);
          }
        }
        expect(live.filter(({ tab }) => w.roleOf(tab) === 'leader')).toHaveLength(1);
        expect(w.server.live).toHaveLength(1);
        for (const { tab } of live) {
          tab.controller.destroy();
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('shared tabs: the start lock', () => {
  it('is released by afterStart, and never kept by a tabs layer destroyed while waiting for it', async () => {
    const clock = new FakeClock();
    const hub = new FakeBroadcastHub();
    const locks = new FakeLockManager();
    const make = (tabId: string) =>
      createContactTabs({
        name: 'contact-kit:chat',
        tabId,
        openChannel: (name) => hub.open(name),
        locks: locks.tab(tabId),
        clock,
        logger: silentLogger,
        onContact: vi.fn(),
        onReadMarker: vi.fn(),
        current: () => undefined,
      });
    const one = make('tab-1');
    const two = make('tab-2');
    const first = one.beforeStart();
    await clock.advance(0);
    expect(await first).toBeUndefined();
    expect(locks.holders('contact-kit:chat:start')).toEqual(['tab-1']);
    const second = two.beforeStart();
    await clock.advance(0);
    expect(locks.waiting('contact-kit:chat:start')).toEqual(['tab-2']);
    two.destroy();
    one.afterStart();
    await clock.advance(600);
    expect(await second).toBeUndefined();
    expect(locks.holders('contact-kit:chat:start')).toEqual([]);
    one.destroy();
  });
});
