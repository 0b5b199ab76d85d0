import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import type { BroadcastChannelLike, LockManagerLike } from './tabTransport';

/**
 * A tab's part in the election: `leader` of `epoch` (it holds the socket), or `follower` of the
 * leader of `epoch` (`undefined`: no leader known right now).
 *
 * @example
 * ```ts
 * const role = election.role();
 * if (role?.role === 'leader') createTabHost({ channel, session, epoch: role.epoch, tabId, logger });
 * ```
 */
export type TabRole =
  | { readonly role: 'leader'; readonly epoch: number }
  | { readonly role: 'follower'; readonly epoch: number | undefined };

/**
 * Options of {@link createTabElection}.
 *
 * @example
 * ```ts
 * const election = createTabElection({ name: 'contact-kit:chat', tabId, channel, locks: navigator.locks, clock: systemClock, logger: defaultLogger, onRole: console.log });
 * election.role(); // undefined until the first onRole
 * ```
 */
export interface TabElectionOptions {
  /** The lock's name (tabs electing together use the same one). */
  readonly name: string;
  readonly tabId: string;
  /** The channel the tabs electing together share (`election.*` messages; others are ignored). */
  readonly channel: BroadcastChannelLike;
  /** `navigator.locks`; `undefined`: the BroadcastChannel-only election (lowest tab id wins). */
  readonly locks: LockManagerLike | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called on every change of this tab's role or of the leader it follows. */
  onRole(role: TabRole): void;
  /** How often the leader says it is alive. Defaults to `500`. */
  readonly heartbeatMs?: number | undefined;
  /** Silence after which a follower takes over. Defaults to `1500`. */
  readonly timeoutMs?: number | undefined;
}

/**
 * One tab's end of the election.
 *
 * @example
 * ```ts
 * const election = createTabElection(options);
 * if (election.leads(epoch)) answer(call);
 * election.destroy();
 * ```
 */
export interface TabElection {
  /** The current role; `undefined` until decided (at most a few milliseconds). */
  role(): TabRole | undefined;
  /**
   * Whether this tab leads `epoch` right now, as far as it can tell: a tab that finds it did not
   * run for longer than the timeout (it was frozen) says no until it has checked that nobody
   * took over meanwhile.
   */
  leads(epoch: number): boolean;
  /** Leaves the election: a leader releases the lock and says so, so a follower takes over at once. */
  destroy(): void;
}

/**
 * Messages of the election on the shared channel.
 *
 * - `election.beat` (leader → all): "`tabId` leads `epoch`"; every `heartbeatMs`, at once when
 *   it becomes leader, and in answer to `election.hello` and `election.claim`.
 * - `election.hello` (any → all): a tab joins, or checks it was not replaced while frozen.
 * - `election.resign` (leader → all): the leader leaves (its lock is released).
 * - `election.claim` (no locks only): `tabId` wants to lead; the lowest id wins after a short wait.
 *
 * @example
 * ```ts
 * const message = readElectionMessage(event.data);
 * if (message?.kind === 'election.beat') console.log(`${message.tabId} leads epoch ${message.epoch}`);
 * ```
 */
export type ElectionMessage =
  | { kind: 'election.beat'; tabId: string; epoch: number }
  | { kind: 'election.hello'; tabId: string }
  | { kind: 'election.resign'; tabId: string; epoch: number }
  | { kind: 'election.claim'; tabId: string };

/**
 * Reads an election message off the channel; `undefined` for anything else (never throws).
 *
 * @example
 * ```ts
 * const message = readElectionMessage(event.data);
 * if (message?.kind === 'election.beat') heard(message.epoch);
 * ```
 */
export function readElectionMessage(data: unknown): ElectionMessage | undefined {
  if (typeof data !== 'object' || data === null) {
    return undefined;
  }
  const { kind, tabId, epoch } = data as Record<string, unknown>;
  if (typeof tabId !== 'string') {
    return undefined;
  }
  const validEpoch = typeof epoch === 'number' && Number.isFinite(epoch);
  switch (kind) {
    case 'election.beat':
    case 'election.resign':
      return validEpoch ? { kind, tabId, epoch: epoch as number } : undefined;
    case 'election.hello':
    case 'election.claim':
      return { kind, tabId };
    default:
      return undefined;
  }
}

/**
 * The epoch a new leader takes: above every epoch it has seen, at least the current time in
 * milliseconds (so a tab that never heard the previous leader still goes above it), plus a
 * fraction of its own (from its id), so that two tabs that heard nothing of each other in the
 * same millisecond still take different epochs.
 *
 * @example
 * ```ts
 * nextEpoch(41, 7, 'tab-a'); // 42.something
 * ```
 */
export function nextEpoch(maxSeen: number, now: number, tabId: string): number {
  return Math.floor(Math.max(maxSeen + 1, now)) + stagger(tabId, 1_000_000) / 1_000_000;
}

/**
 * A fixed delay in `[0, spread)` from the tab id, so that followers of a frozen leader do not all
 * try to take over in the same instant.
 *
 * @example
 * ```ts
 * clock.setTimeout(takeOver, timeoutMs + stagger(tabId, 150));
 * ```
 */
export function stagger(tabId: string, spread: number): number {
  let hash = 2166136261;
  for (let i = 0; i < tabId.length; i += 1) {
    hash = Math.imul(hash ^ tabId.charCodeAt(i), 16777619);
  }
  return (hash >>> 0) % spread;
}

const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: unknown }).name === 'AbortError';

/** A lock this tab holds; `release` lets it go. */
interface Grant {
  active: boolean;
  release(): void;
}

/**
 * Elects one leader among the tabs of an origin that use the same `name`: the tab that will
 * hold the WebSocket. With Web Locks, the holder of the exclusive lock `name` leads: when it
 * closes, the next tab in the lock's queue leads at once. The leader says it is alive every
 * `heartbeatMs` (500); a follower that hears nothing for `timeoutMs` (1500; a frozen leader keeps
 * its lock) asks once more and, still hearing nothing, steals the lock: the new leader leads
 * within 2 s of the freeze. A leader whose lock was stolen, or that hears a higher epoch, steps
 * down at once; one that finds it was frozen longer than the timeout acts on nothing (`leads`
 * is false) until it has checked. Without Web Locks, tabs claim the leadership over the channel
 * and the lowest tab id wins, with the same heartbeat and timeout. Epochs only grow: a new
 * leader takes one above every epoch it has seen.
 *
 * @example
 * ```ts
 * const election = createTabElection({
 *   name: 'contact-kit:chat',
 *   tabId: crypto.randomUUID(),
 *   channel: new BroadcastChannel('contact-kit:chat'),
 *   locks: navigator.locks,
 *   clock: systemClock,
 *   logger: defaultLogger,
 *   onRole: (role) => (role.role === 'leader' ? connect(role.epoch) : mirror(role.epoch)),
 * });
 * window.addEventListener('pagehide', () => election.destroy());
 * ```
 */
export function createTabElection(options: TabElectionOptions): TabElection {
  const { name, tabId, channel, locks, clock, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 1500;
  /** How long a check (a probe before stealing, a claim) waits for an answer. */
  const probeMs = Math.min(150, heartbeatMs);
  const delay = stagger(tabId, Math.min(150, heartbeatMs));

  let destroyed = false;
  let role: TabRole | undefined;
  let maxSeen = 0;
  /** Leader: when its heartbeat last ran (a long gap means it was frozen). */
  let lastTick = 0;
  /** Leader: found a gap; acts on nothing until the check is done. */
  let suspect = false;
  /** Follower: when it last heard its leader (or started waiting for one). */
  let lastHeard = clock.now();
  let leaderId: string | undefined;
  let claiming = false;
  let held: Grant | undefined;
  let queued: AbortController | undefined;
  let beatTimer: TimerHandle | undefined;
  let watchTimer: TimerHandle | undefined;
  let checkTimer: TimerHandle | undefined;

  function post(message: ElectionMessage): void {
    if (destroyed) {
      return;
    }
    try {
      channel.postMessage(message);
    } catch (error) {
      logger.warn('Could not post to the other tabs', error);
    }
  }

  function clear(timer: TimerHandle | undefined): undefined {
    if (timer !== undefined) {
      clock.clearTimeout(timer);
    }
    return undefined;
  }

  function emit(next: TabRole): void {
    if (role !== undefined && role.role === next.role && role.epoch === next.epoch) {
      return;
    }
    role = next;
    logger.debug(`Tab ${tabId}: ${next.role} of epoch ${String(next.epoch)}`);
    try {
      options.onRole(next);
    } catch (error) {
      logger.error('A tab role listener threw', error);
    }
  }

  const leading = (epoch: number): boolean =>
    !destroyed && role?.role === 'leader' && role.epoch === epoch;

  const beat = (): void => {
    if (role?.role === 'leader') {
      post({ kind: 'election.beat', tabId, epoch: role.epoch });
    }
  };

  function scheduleBeat(): void {
    beatTimer = clear(beatTimer);
    beatTimer = clock.setTimeout(() => {
      beatTimer = undefined;
      if (destroyed || role?.role !== 'leader') {
        return;
      }
      if (!checkGap()) {
        lastTick = clock.now();
        beat();
      }
      scheduleBeat();
    }, heartbeatMs);
  }

  /** True (and a check started) when the leader did not run for longer than the timeout. */
  function checkGap(): boolean {
    if (suspect) {
      return true;
    }
    if (clock.now() - lastTick <= timeoutMs) {
      return false;
    }
    suspect = true;
    logger.info(`Tab ${tabId} was frozen while leading: checking nobody took over`);
    post({ kind: 'election.hello', tabId });
    checkTimer = clear(checkTimer);
    checkTimer = clock.setTimeout(() => {
      checkTimer = undefined;
      if (!destroyed && role?.role === 'leader' && suspect) {
        suspect = false;
        lastTick = clock.now();
        beat();
      }
    }, probeMs);
    return true;
  }

  function becomeLeader(): void {
    if (destroyed) {
      return;
    }
    queued?.abort();
    queued = undefined;
    watchTimer = clear(watchTimer);
    checkTimer = clear(checkTimer);
    claiming = false;
    suspect = false;
    const epoch = nextEpoch(maxSeen, clock.now(), tabId);
    maxSeen = epoch;
    leaderId = tabId;
    lastTick = clock.now();
    emit({ role: 'leader', epoch });
    // The listener may have destroyed the election, or a step-down may have run meanwhile.
    if (!leading(epoch)) {
      return;
    }
    beat();
    scheduleBeat();
  }

  function follow(epoch: number | undefined, from: string | undefined): void {
    leaderId = from;
    lastHeard = clock.now();
    emit({ role: 'follower', epoch });
    watch();
  }

  function stepDown(why: string, epoch: number | undefined, from: string | undefined): void {
    if (role?.role !== 'leader') {
      return;
    }
    logger.info(`Tab ${tabId} stops leading epoch ${role.epoch}: ${why}`);
    beatTimer = clear(beatTimer);
    checkTimer = clear(checkTimer);
    suspect = false;
    const grant = held;
    held = undefined;
    if (grant?.active === true) {
      grant.active = false;
      grant.release();
    }
    follow(epoch, from);
    if (locks !== undefined) {
      queue();
    }
  }

  /** Follower: takes over when the leader stays silent for `timeoutMs`. */
  function watch(): void {
    watchTimer = clear(watchTimer);
    if (destroyed || role?.role === 'leader') {
      return;
    }
    const wait = Math.max(0, lastHeard + timeoutMs - clock.now()) + delay;
    watchTimer = clock.setTimeout(() => {
      watchTimer = undefined;
      if (destroyed || role?.role === 'leader') {
        return;
      }
      if (clock.now() - lastHeard < timeoutMs) {
        watch();
        return;
      }
      if (role?.epoch !== undefined) {
        logger.info(`Tab ${tabId}: the leader of epoch ${role.epoch} went silent`);
        emit({ role: 'follower', epoch: undefined });
      }
      if (locks !== undefined) {
        probeThenSteal();
      } else {
        claim();
      }
    }, wait);
  }

  /** Asks once more (a leader answers `hello` at once), then steals the lock of a silent leader. */
  function probeThenSteal(): void {
    const asked = clock.now();
    post({ kind: 'election.hello', tabId });
    checkTimer = clear(checkTimer);
    checkTimer = clock.setTimeout(() => {
      checkTimer = undefined;
      if (destroyed || role?.role === 'leader') {
        return;
      }
      if (lastHeard >= asked) {
        watch(); // the leader answered
        return;
      }
      logger.info(`Tab ${tabId} takes the lock of a silent leader`);
      queued?.abort();
      queued = undefined;
      acquire({ steal: true });
    }, probeMs);
  }

  /** Without locks: claims the leadership; leads unless a leader or a lower id answers in time. */
  function claim(): void {
    claiming = true;
    const claimed = clock.now();
    post({ kind: 'election.claim', tabId });
    checkTimer = clear(checkTimer);
    checkTimer = clock.setTimeout(() => {
      checkTimer = undefined;
      if (destroyed || !claiming) {
        return;
      }
      if (clock.now() - claimed > 2 * probeMs) {
        claim(); // frozen while claiming: what others said may still be on its way
        return;
      }
      becomeLeader();
    }, probeMs);
  }

  function acquire(
    lockOptions: { steal?: boolean; signal?: AbortSignal; ifAvailable?: boolean },
    unavailable?: () => void,
  ): void {
    if (locks === undefined || destroyed) {
      return;
    }
    const grant: Grant = { active: false, release: () => undefined };
    let request: Promise<unknown>;
    try {
      request = locks.request(name, lockOptions, (lock) => {
        if (destroyed) {
          return undefined;
        }
        if (lock === null) {
          unavailable?.();
          return undefined;
        }
        if (queued?.signal === lockOptions.signal) {
          queued = undefined;
        }
        return new Promise<void>((resolve) => {
          grant.active = true;
          grant.release = resolve;
          held = grant;
          becomeLeader();
        });
      });
    } catch (error) {
      logger.error('Could not request the tab lock', error);
      return;
    }
    request.catch((error: unknown) => {
      if (grant.active) {
        // Stolen (Chromium rejects the request with an AbortError): step down at once.
        grant.active = false;
        if (held === grant) {
          held = undefined;
          stepDown('its lock was taken by another tab', undefined, undefined);
        }
      } else if (!isAbortError(error)) {
        logger.warn('The tab lock request failed', error);
      }
    });
  }

  /** Waits in the lock's queue (a follower): leads as soon as the lock is released. */
  function queue(): void {
    if (locks === undefined || destroyed || queued !== undefined) {
      return;
    }
    queued = new AbortController();
    acquire({ signal: queued.signal });
  }

  function onBeat(epoch: number, from: string): void {
    if (epoch < maxSeen) {
      if (role?.role === 'leader') {
        beat(); // a stale leader: it steps down when it hears the newer epoch
      }
      return;
    }
    maxSeen = epoch;
    if (role?.role === 'leader') {
      if (epoch > role.epoch || (epoch === role.epoch && from < tabId)) {
        stepDown(`tab ${from} leads epoch ${epoch}`, epoch, from);
      } else {
        beat();
      }
      return;
    }
    claiming = false;
    checkTimer = clear(checkTimer);
    if (role?.epoch === epoch && leaderId !== undefined && leaderId !== from) {
      return; // two tabs on one epoch: keep the first heard until one steps down
    }
    follow(epoch, from);
  }

  const onMessage = (event: { data: unknown }): void => {
    if (destroyed) {
      return;
    }
    const message = readElectionMessage(event.data);
    if (message === undefined || message.tabId === tabId) {
      return;
    }
    switch (message.kind) {
      case 'election.beat':
        onBeat(message.epoch, message.tabId);
        break;
      case 'election.hello':
        beat();
        break;
      case 'election.claim':
        if (role?.role === 'leader') {
          beat();
        } else if (claiming && message.tabId < tabId) {
          // A lower id claims: it leads; wait for it (and take over if it does not).
          claiming = false;
          checkTimer = clear(checkTimer);
          follow(undefined, undefined);
        } else if (claiming) {
          post({ kind: 'election.claim', tabId });
        }
        break;
      case 'election.resign':
        maxSeen = Math.max(maxSeen, message.epoch);
        if (role?.role === 'follower' && role.epoch === message.epoch) {
          emit({ role: 'follower', epoch: undefined });
          if (locks === undefined) {
            watchTimer = clear(watchTimer);
            claim(); // the lock's queue decides with locks
          }
        }
        break;
    }
  };

  channel.addEventListener('message', onMessage);
  post({ kind: 'election.hello', tabId });
  if (locks !== undefined) {
    // Leads at once if the lock is free; else follows and waits in the lock's queue.
    acquire({ ifAvailable: true }, () => {
      if (role === undefined) {
        follow(undefined, undefined);
      }
      queue();
    });
  } else {
    claim();
  }

  return {
    role: () => role,
    leads(epoch) {
      return (
        !destroyed &&
        role?.role === 'leader' &&
        role.epoch === epoch &&
        (locks === undefined || held?.active === true) &&
        !checkGap()
      );
    },
    destroy() {
      if (destroyed) {
        return;
      }
      if (role?.role === 'leader') {
        post({ kind: 'election.resign', tabId, epoch: role.epoch });
      }
      destroyed = true;
      beatTimer = clear(beatTimer);
      watchTimer = clear(watchTimer);
      checkTimer = clear(checkTimer);
      queued?.abort();
      queued = undefined;
      const grant = held;
      held = undefined;
      if (grant?.active === true) {
        grant.active = false;
        grant.release();
      }
      channel.removeEventListener('message', onMessage);
    },
  };
}
