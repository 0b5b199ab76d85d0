import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { silentLogger } from 'contact-kit/core';
import {
  createTabElection,
  nextEpoch,
  readElectionMessage,
  stagger,
} from '../../../../src/core/chat/tabs/tabElection';
import type { TabElection, TabRole } from '../../../../src/core/chat/tabs/tabElection';
import { FakeBroadcastHub } from '../../../fakes/FakeBroadcastChannel';
import type { FakeBroadcastChannel } from '../../../fakes/FakeBroadcastChannel';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeLockManager } from '../../../fakes/FakeLockManager';
import { TabClock } from './tabWorld';

interface Tab {
  readonly id: string;
  readonly channel: FakeBroadcastChannel;
  readonly clock: TabClock;
  readonly election: TabElection;
  /** Every role it took, with the time. */
  readonly roles: Array<TabRole & { at: number }>;
  state: 'live' | 'frozen' | 'gone';
}

/** Tabs of one origin electing over a fake channel hub, with or without fake Web Locks. */
function world(mode: 'locks' | 'channel') {
  const clock = new FakeClock();
  const hub = new FakeBroadcastHub();
  const locks = new FakeLockManager();
  const tabs: Tab[] = [];
  const open = (id: string): Tab => {
    const channel = hub.open('contact-kit:chat');
    const tabClock = new TabClock(clock);
    const roles: Tab['roles'] = [];
    const election = createTabElection({
      name: 'contact-kit:chat',
      tabId: id,
      channel,
      locks: mode === 'locks' ? locks.tab(id) : undefined,
      clock: tabClock,
      logger: silentLogger,
      onRole: (role) => roles.push({ ...role, at: clock.now() }),
    });
    const tab: Tab = { id, channel, clock: tabClock, election, roles, state: 'live' };
    tabs.push(tab);
    return tab;
  };
  /** The tab closes normally (pagehide: it leaves the election, then the page goes). */
  const close = (tab: Tab): void => {
    tab.election.destroy();
    crash(tab);
  };
  /** The tab's process dies: nothing of it runs again; the browser releases its locks. */
  const crash = (tab: Tab): void => {
    tab.state = 'gone';
    tab.clock.stop();
    tab.channel.close();
    locks.close(tab.id);
  };
  /** A frozen tab (Chrome's page lifecycle): hears nothing, runs nothing, keeps its lock. */
  const freeze = (tab: Tab): void => {
    tab.state = 'frozen';
    tab.channel.pause();
    tab.clock.freeze();
    locks.freeze(tab.id);
  };
  const thaw = (tab: Tab): void => {
    tab.state = 'live';
    tab.clock.thaw();
    tab.channel.resume();
    locks.thaw(tab.id);
  };
  const role = (tab: Tab): TabRole | undefined => tab.election.role();
  /** Live tabs that lead. */
  const leaders = (): Tab[] =>
    tabs.filter((tab) => tab.state === 'live' && role(tab)?.role === 'leader');
  const epochOf = (tab: Tab): number | undefined => role(tab)?.epoch;
  return { clock, hub, locks, tabs, open, close, crash, freeze, thaw, role, leaders, epochOf };
}

const MODES = ['locks', 'channel'] as const;

describe('tab election: pure parts', () => {
  it('takes an epoch above every one seen, at least the time, with a fraction of its own', () => {
    expect(Math.floor(nextEpoch(41, 7, 'a'))).toBe(42);
    expect(Math.floor(nextEpoch(41.9, 7, 'a'))).toBe(42);
    expect(nextEpoch(41.9, 7, 'a')).toBeGreaterThan(41.9);
    expect(Math.floor(nextEpoch(3, 1_000.7, 'a'))).toBe(1_000);
    expect(nextEpoch(0, 0, 'a')).toBeGreaterThanOrEqual(1);
    expect(nextEpoch(5, 1_000, 'a')).not.toBe(nextEpoch(5, 1_000, 'b'));
    expect(nextEpoch(5, 1_000, 'a')).toBe(nextEpoch(5, 1_000, 'a'));
  });

  it('staggers tabs by id, within the spread and the same every time', () => {
    const delays = ['a', 'b', 'c', 'tab-1', 'tab-2'].map((id) => stagger(id, 150));
    expect(delays.every((delay) => delay >= 0 && delay < 150)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(1);
    expect(stagger('tab-1', 150)).toBe(delays[3]);
  });

  it('reads only well-formed election messages', () => {
    expect(readElectionMessage({ kind: 'election.beat', tabId: 'a', epoch: 3 })).toEqual({
      kind: 'election.beat',
      tabId: 'a',
      epoch: 3,
    });
    expect(readElectionMessage({ kind: 'election.beat', tabId: 'a' })).toBeUndefined();
    expect(readElectionMessage({ kind: 'election.beat', tabId: 'a', epoch: NaN })).toBeUndefined();
    expect(readElectionMessage({ kind: 'session.sync', tabId: 'a', epoch: 1 })).toBeUndefined();
    expect(readElectionMessage({ kind: 'election.hello' })).toBeUndefined();
    expect(readElectionMessage(null)).toBeUndefined();
    expect(readElectionMessage('election.hello')).toBeUndefined();
  });
});

describe.each(MODES)('tab election (%s)', (mode) => {
  it('elects the first tab; later tabs follow its epoch; exactly one leader in steady state', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    expect(w.role(a)).toMatchObject({ role: 'leader' });
    const epoch = w.epochOf(a)!;
    const b = w.open('tab-b');
    const c = w.open('tab-c');
    await w.clock.advance(200);
    expect(w.role(b)).toEqual({ role: 'follower', epoch });
    expect(w.role(c)).toEqual({ role: 'follower', epoch });
    expect(a.election.leads(epoch)).toBe(true);
    expect(b.election.leads(epoch)).toBe(false);

    const rolesBefore = w.tabs.map((tab) => tab.roles.length);
    for (let i = 0; i < 40; i += 1) {
      await w.clock.advance(250);
      expect(w.leaders()).toEqual([a]);
    }
    // Ten quiet seconds: nobody changed role, nobody doubted the leader.
    expect(w.tabs.map((tab) => tab.roles.length)).toEqual(rolesBefore);
    expect(
      a.channel.posted.filter((m) => (m as { kind: string }).kind === 'election.beat').length,
    ).toBeGreaterThanOrEqual(20);
  });

  it('hands over at once when the leader closes, to a higher epoch', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    const b = w.open('tab-b');
    const c = w.open('tab-c');
    await w.clock.advance(1000);
    const first = w.epochOf(a)!;
    const closedAt = w.clock.now();
    w.close(a);
    // With locks the next tab in the lock's queue leads at once; without, after a short claim.
    await w.clock.advance(mode === 'locks' ? 0 : 200);
    const [leader] = w.leaders();
    expect(w.leaders()).toHaveLength(1);
    expect(leader).toBe(mode === 'locks' ? b : b); // b queued first / has the lower id
    const second = w.epochOf(leader!)!;
    expect(second).toBeGreaterThan(first);
    expect(leader!.roles.at(-1)!.at - closedAt).toBeLessThanOrEqual(mode === 'locks' ? 0 : 150);
    await w.clock.advance(200);
    expect(w.role(c)).toEqual({ role: 'follower', epoch: second });
    expect(c.election.leads(first)).toBe(false);
  });

  it('takes over within 2 s when the leader crashes without a word', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    const b = w.open('tab-b');
    await w.clock.advance(1234);
    const first = w.epochOf(a)!;
    const crashedAt = w.clock.now();
    w.crash(a);
    await w.clock.advance(2000);
    expect(w.leaders()).toEqual([b]);
    expect(w.epochOf(b)).toBeGreaterThan(first);
    const tookOver = b.roles.findLast((role) => role.role === 'leader')!.at - crashedAt;
    // The browser releases a crashed tab's lock: at once. Without locks: the timeout.
    expect(tookOver).toBeLessThan(mode === 'locks' ? 1 : 2000);
  });

  it('a frozen leader keeps its lock; a follower steals it within 2 s; the thawed tab steps down and never acts on its epoch', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    const b = w.open('tab-b');
    await w.clock.advance(777);
    const old = w.epochOf(a)!;
    const frozenAt = w.clock.now();
    w.freeze(a);
    await w.clock.advance(1000);
    expect(w.role(b)).toEqual({ role: 'follower', epoch: old }); // not yet: it may only be slow
    await w.clock.advance(1000);
    expect(w.leaders()).toEqual([b]);
    const took = b.roles.findLast((role) => role.role === 'leader')!;
    expect(took.at - frozenAt).toBeLessThanOrEqual(2000);
    expect(took.epoch).toBeGreaterThan(old);
    if (mode === 'locks') {
      expect(w.locks.holders('contact-kit:chat')).toEqual(['tab-b']);
    }
    // Frozen for 5 s in all, it wakes up believing it leads: it must not act on the old epoch.
    await w.clock.advance(3000);
    expect(w.role(a)).toMatchObject({ role: 'leader', epoch: old });
    a.state = 'live';
    a.channel.resume(); // the worst order: what it missed arrives before its timers and locks
    expect(a.election.leads(old)).toBe(false);
    a.clock.thaw();
    w.locks.thaw(a.id);
    expect(a.election.leads(old)).toBe(false);
    await w.clock.advance(300);
    expect(w.role(a)).toEqual({ role: 'follower', epoch: took.epoch });
    expect(w.leaders()).toEqual([b]);
    expect(a.election.leads(old)).toBe(false);
    // And it stays that way.
    await w.clock.advance(5000);
    expect(w.leaders()).toEqual([b]);
    expect(w.role(a)).toEqual({ role: 'follower', epoch: took.epoch });
  });

  it('a leader frozen briefly (under the timeout) keeps leading; one frozen longer with nobody to take over resumes after checking', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    const epoch = w.epochOf(a)!;
    w.freeze(a);
    await w.clock.advance(1200);
    w.thaw(a);
    expect(a.election.leads(epoch)).toBe(true);
    w.freeze(a);
    await w.clock.advance(10_000);
    w.thaw(a);
    expect(a.election.leads(epoch)).toBe(false); // it checks first
    await w.clock.advance(500);
    expect(w.leaders()).toEqual([a]);
    expect(a.election.leads(epoch)).toBe(true);
  });

  it('one follower, not two, takes over from a frozen leader', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    w.open('tab-b');
    w.open('tab-c');
    w.open('tab-d');
    await w.clock.advance(600);
    w.freeze(a);
    await w.clock.advance(2000);
    expect(w.leaders()).toHaveLength(1);
    const leader = w.leaders()[0]!;
    const epoch = w.epochOf(leader)!;
    for (const tab of w.tabs.filter((t) => t !== a && t !== leader)) {
      expect(w.role(tab)).toEqual({ role: 'follower', epoch });
      // Nobody else ever led.
      expect(tab.roles.some((role) => role.role === 'leader')).toBe(false);
    }
  });

  it('a frozen follower that thaws does not depose a live leader', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    const b = w.open('tab-b');
    await w.clock.advance(300);
    const epoch = w.epochOf(a)!;
    w.freeze(b);
    await w.clock.advance(5000);
    // Its timers first: it finds the leader silent for 5 s, but asks before taking over.
    b.state = 'live';
    b.clock.thaw();
    w.locks.thaw(b.id);
    b.channel.resume();
    await w.clock.advance(2000);
    expect(w.leaders()).toEqual([a]);
    expect(w.epochOf(a)).toBe(epoch);
    expect(w.role(b)).toEqual({ role: 'follower', epoch });
  });

  it('epochs only grow across a chain of leaders', async () => {
    const w = world(mode);
    const epochs: number[] = [];
    let current = w.open('tab-0');
    await w.clock.advance(200);
    for (let i = 1; i <= 5; i += 1) {
      const next = w.open(`tab-${i}`);
      await w.clock.advance(300);
      epochs.push(w.epochOf(current)!);
      if (i % 2 === 0) {
        w.close(current);
      } else {
        w.freeze(current);
      }
      await w.clock.advance(2000);
      expect(w.leaders()).toEqual([next]);
      current = next;
    }
    epochs.push(w.epochOf(current)!);
    expect(epochs).toEqual([...epochs].sort((x, y) => x - y));
    expect(new Set(epochs).size).toBe(epochs.length);
  });

  it('destroy leaves the election and timers', async () => {
    const w = world(mode);
    const a = w.open('tab-a');
    await w.clock.advance(200);
    a.election.destroy();
    expect(a.election.leads(w.epochOf(a)!)).toBe(false);
    expect(w.clock.pendingCount).toBe(0);
    if (mode === 'locks') {
      await w.clock.advance(0);
      expect(w.locks.holders('contact-kit:chat')).toEqual([]);
    }
  });
});

type Step =
  | { kind: 'open' }
  | { kind: 'close'; tab: number }
  | { kind: 'crash'; tab: number }
  | { kind: 'freeze'; tab: number }
  | { kind: 'thaw'; tab: number }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'open' }),
  fc.nat(5).map<Step>((tab) => ({ kind: 'close', tab })),
  fc.nat(5).map<Step>((tab) => ({ kind: 'crash', tab })),
  fc.nat(5).map<Step>((tab) => ({ kind: 'freeze', tab })),
  fc.nat(5).map<Step>((tab) => ({ kind: 'thaw', tab })),
  fc.integer({ min: 0, max: 2500 }).map<Step>((ms) => ({ kind: 'wait', ms })),
);

describe.each(MODES)('tab election (%s): random schedules', (mode) => {
  it('never two live tabs acting as leader of one epoch; epochs grow; once calm, exactly one leader within 2 s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const w = world(mode);
        let opened = 0;
        w.open(`tab-${(opened += 1)}`);
        const epochs = new Map<number, string>();
        const check = (): void => {
          const acting = w.tabs.filter(
            (tab) =>
              tab.state === 'live' &&
              w.role(tab)?.role === 'leader' &&
              tab.election.leads(w.epochOf(tab)!),
          );
          // Locks: one holder. Without: for a moment two may lead, never on the same epoch.
          if (mode === 'locks') {
            expect(acting.length).toBeLessThanOrEqual(1);
          }
          for (const tab of acting) {
            const epoch = w.epochOf(tab)!;
            expect(epochs.get(epoch) ?? tab.id).toBe(tab.id);
            epochs.set(epoch, tab.id);
          }
        };
        for (const s of steps) {
          const tab = 'tab' in s ? w.tabs[s.tab % w.tabs.length] : undefined;
          if (s.kind === 'open') {
            await w.clock.advance(1); // a page takes a moment to load
            w.open(`tab-${(opened += 1)}`);
          } else if (s.kind === 'wait') {
            await w.clock.advance(s.ms);
          } else if (tab !== undefined && tab.state !== 'gone') {
            if (s.kind === 'close') {
              w.close(tab);
            }
            if (s.kind === 'crash') {
              w.crash(tab);
            }
            if (s.kind === 'freeze' && tab.state === 'live') {
              w.freeze(tab);
            }
            if (s.kind === 'thaw' && tab.state === 'frozen') {
              w.thaw(tab);
            }
          }
          await w.clock.advance(0);
          check();
        }
        // Calm: every frozen tab thaws; then within 2 s exactly one live leader, all follow it.
        for (const tab of w.tabs.filter((t) => t.state === 'frozen')) {
          w.thaw(tab);
        }
        if (w.tabs.every((t) => t.state === 'gone')) {
          await w.clock.advance(1);
          w.open(`tab-${opened + 1}`);
        }
        await w.clock.advance(2000);
        check();
        const leaders = w.leaders();
        expect(leaders).toHaveLength(1);
        const epoch = w.epochOf(leaders[0]!)!;
        expect(leaders[0]!.election.leads(epoch)).toBe(true);
        for (const tab of w.tabs.filter((t) => t.state === 'live' && t !== leaders[0])) {
          expect(w.role(tab)).toEqual({ role: 'follower', epoch });
        }
        // Each leader's epoch is above the ones it could have seen.
        const led = w.tabs.flatMap((t) =>
          t.roles.filter((r) => r.role === 'leader').map((r) => ({ at: r.at, epoch: r.epoch! })),
        );
        led.sort((x, y) => x.at - y.at || x.epoch - y.epoch);
        for (let i = 1; i < led.length; i += 1) {
          expect(led[i]!.epoch).toBeGreaterThan(led[i - 1]!.epoch);
        }
      }),
      { numRuns: 200 },
    );
  });
});
