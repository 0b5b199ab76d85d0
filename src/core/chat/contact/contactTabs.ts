import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { ChatSnapshot } from '../session/chatSession';
import type { ChatSessionLike } from '../session/chatSessionLike';
import { createFollowerSession } from '../tabs/followerSession';
import type { FollowerSession } from '../tabs/followerSession';
import { createTabElection, readElectionMessage } from '../tabs/tabElection';
import type { TabElection, TabRole } from '../tabs/tabElection';
import { createTabHost } from '../tabs/tabHost';
import { TAB_NOT_LEADER, encodeSnapshot } from '../tabs/tabMessages';
import type { TabMessage } from '../tabs/tabMessages';
import type { BroadcastChannelLike, LockManagerLike } from '../tabs/tabTransport';
import type { ChatContact } from './contactMachine';
import type { ReadMarker } from './readMarker';

/**
 * What a tab knows of the contact it runs, as it tells the other tabs.
 *
 * @example
 * ```ts
 * tabs.announce({ contact, readMarker });
 * ```
 */
export interface SharedContact {
  readonly contact: ChatContact;
  readonly readMarker: ReadMarker | undefined;
}

/**
 * Options of {@link ContactTabs}: the transport (injectable for tests) and the controller's
 * callbacks.
 *
 * @example
 * ```ts
 * const tabs = createContactTabs({ name, openChannel: (n) => new BroadcastChannel(n), locks: navigator.locks, clock, logger, onContact, onReadMarker, current });
 * const contact = await tabs.beforeStart(); // another tab's contact, if one answers
 * ```
 */
export interface ContactTabsOptions {
  /** The channel's and locks' name (from the storage key). */
  readonly name: string;
  /** This tab's id; a fresh one by default. */
  readonly tabId?: string | undefined;
  readonly openChannel: (name: string) => BroadcastChannelLike;
  /** `navigator.locks`, or `undefined` for the BroadcastChannel-only election. */
  readonly locks: LockManagerLike | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Another tab runs this contact (it answered, or announced a new one). */
  onContact(shared: SharedContact): void;
  /** Another tab's customer read further. */
  onReadMarker(marker: ReadMarker): void;
  /** This tab's running contact, for a tab that asks; `undefined` when none (or it ended). */
  current(): SharedContact | undefined;
  /**
   * How long `beforeStart` waits for another tab to say which contact it runs, when one may run
   * one. Defaults to `500` with Web Locks (asked only when a tab runs a contact), `200` without.
   */
  readonly askTimeoutMs?: number | undefined;
}

/**
 * How the controller places a contact's session, as the election decides: `lead` creates the
 * real session (the tabs layer then serves it to the others), `follow` adopts the mirror.
 *
 * @example
 * ```ts
 * tabs.run(contact, { lead: (epoch) => placeLeader(epoch), follow: (mirror) => placeFollower(mirror) });
 * ```
 */
export interface TabPlacement {
  lead(epoch: number): void;
  follow(mirror: ChatSessionLike & { unconfirmedSends(): readonly unknown[] }): void;
}

/**
 * The tabs of one browser sharing a contact: asks who runs one, announces this tab's, elects
 * the tab that holds the socket, serves its session to the others and mirrors it in them.
 *
 * @example
 * ```ts
 * const tabs = createContactTabs(options);
 * tabs.ask();
 * ```
 */
export interface ContactTabs {
  readonly tabId: string;
  /** Asks the other tabs whether one runs a contact (answers arrive through `onContact`). */
  ask(): void;
  /** Tells the other tabs about this tab's (new) contact. */
  announce(shared: SharedContact): void;
  /**
   * Serialises starting across tabs (a Web Lock): resolves, holding it, with a contact another
   * tab started meanwhile, or `undefined` to go ahead. Call `afterStart` when done.
   */
  beforeStart(): Promise<ChatContact | undefined>;
  afterStart(): void;
  /** Runs the election for `contact` and calls `placement` on every role change. */
  run(contact: ChatContact, placement: TabPlacement): void;
  /** Serves `session` to the other tabs as leader of `epoch`; returns the stop function. */
  host(session: ChatSessionLike, epoch: number): () => void;
  /** Leaves the election (the contact ended or was dropped). */
  stop(): void;
  shareReadMarker(marker: ReadMarker): void;
  destroy(): void;
}

/**
 * Messages of the contact layer. On the origin's channel (`name`): `contact.ask` (which contact
 * runs?), `contact.answer` (to the asking tab) and `contact.announce` (a new contact), both
 * with the contact and its read marker. On the contact's own channel (`name:key`, shared with
 * the election and the session messages, so a tab on another contact hears none of them):
 * `contact.read` (the customer read further). Without Web Locks, `contact.starting` says a tab is
 * about to start a contact (`committed`: it already decided to), so that one of two tabs
 * starting at once waits for the other's contact.
 *
 * @example
 * ```ts
 * const message = readContactTabMessage(event.data);
 * if (message?.kind === 'contact.ask') tabs.announce({ contact, readMarker }); // answer the asking tab
 * ```
 */
export type ContactTabMessage =
  | { kind: 'contact.ask'; tabId: string }
  | { kind: 'contact.answer'; tabId: string; to: string; shared: SharedContact }
  | { kind: 'contact.announce'; tabId: string; shared: SharedContact }
  | { kind: 'contact.read'; tabId: string; marker: ReadMarker }
  | { kind: 'contact.starting'; tabId: string; committed: boolean };

type UnknownRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): boolean =>
  value === undefined || typeof value === 'string';

function readMarkerOf(value: unknown): ReadMarker | undefined | false {
  if (value === undefined) {
    return undefined;
  }
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['time'] === 'string'
    ? { id: value['id'], time: value['time'] }
    : false;
}

function readShared(value: unknown): SharedContact | undefined {
  if (!isRecord(value) || !isRecord(value['contact'])) {
    return undefined;
  }
  const contact = value['contact'];
  const token = contact['ParticipantToken'];
  const marker = readMarkerOf(value['readMarker']);
  if (
    typeof token !== 'string' ||
    token === '' ||
    !optionalString(contact['ContactId']) ||
    !optionalString(contact['ParticipantId']) ||
    marker === false
  ) {
    return undefined;
  }
  return {
    contact: {
      ParticipantToken: token,
      ...(contact['ContactId'] !== undefined ? { ContactId: contact['ContactId'] as string } : {}),
      ...(contact['ParticipantId'] !== undefined
        ? { ParticipantId: contact['ParticipantId'] as string }
        : {}),
    },
    readMarker: marker,
  };
}

/**
 * Reads one contact-layer message; `undefined` for anything else or anything malformed.
 *
 * @example
 * ```ts
 * const message = readContactTabMessage(event.data);
 * if (message?.kind === 'contact.ask') answer(message.tabId);
 * ```
 */
export function readContactTabMessage(data: unknown): ContactTabMessage | undefined {
  if (!isRecord(data) || typeof data['tabId'] !== 'string') {
    return undefined;
  }
  const tabId = data['tabId'];
  switch (data['kind']) {
    case 'contact.ask':
      return { kind: 'contact.ask', tabId };
    case 'contact.answer': {
      const shared = readShared(data['shared']);
      return shared !== undefined && typeof data['to'] === 'string'
        ? { kind: 'contact.answer', tabId, to: data['to'], shared }
        : undefined;
    }
    case 'contact.announce': {
      const shared = readShared(data['shared']);
      return shared === undefined ? undefined : { kind: 'contact.announce', tabId, shared };
    }
    case 'contact.starting':
      return typeof data['committed'] === 'boolean'
        ? { kind: 'contact.starting', tabId, committed: data['committed'] }
        : undefined;
    case 'contact.read': {
      const marker = readMarkerOf(data['marker']);
      return marker === undefined || marker === false
        ? undefined
        : { kind: 'contact.read', tabId, marker };
    }
    default:
      return undefined;
  }
}

/**
 * A short key of a contact, from its participant token (FNV-1a, twice): it names the contact's
 * channel and lock, so the token itself is not in a name.
 *
 * @example
 * ```ts
 * const channelName = `${name}:${contactKey(contact.ParticipantToken)}`;
 * ```
 */
export function contactKey(participantToken: string): string {
  const fnv = (seed: number): string => {
    let hash = seed;
    for (let i = 0; i < participantToken.length; i += 1) {
      hash = Math.imul(hash ^ participantToken.charCodeAt(i), 16777619);
    }
    return (hash >>> 0).toString(36);
  };
  return `${fnv(2166136261)}${fnv(0x811c9dc5 ^ 0x5bd1e995)}`;
}

/** Own messages a leader's session had not got confirmed: its successor sends them again. */
function unconfirmed(snapshot: ChatSnapshot | undefined): Array<{
  localId: string;
  content: string;
  contentType: string;
}> {
  return (snapshot?.items ?? []).flatMap((item) =>
    item.isOwn &&
    item.type === 'message' &&
    item.status === 'sending' &&
    item.localId !== undefined &&
    item.content !== undefined &&
    item.contentType !== undefined
      ? [{ localId: item.localId, content: item.content, contentType: item.contentType }]
      : [],
  );
}

interface Run {
  readonly contact: ChatContact;
  readonly channel: BroadcastChannelLike;
  readonly placement: TabPlacement;
  election: TabElection | undefined;
  /** This tab's mirror while it follows (until the controller destroys it). */
  mirror: FollowerSession | undefined;
  /** This tab's session while it leads (until the controller stops hosting it). */
  hosted: { session: ChatSessionLike; epoch: number } | undefined;
  /** The epoch whose host this follower waits to hear from before sending it calls. */
  awaiting: number | undefined;
  /** The epoch whose host this follower's mirror sends its calls to. */
  following: number | undefined;
  /** That host refused a call (it was checking it still leads): calls go again at its next beat. */
  refused: boolean;
  releasePresence: (() => void) | undefined;
  presenceAbort: AbortController | undefined;
  stopped: boolean;
  closed: boolean;
  /** Mirrors not destroyed yet (the channel stays open for them). */
  mirrors: number;
  onMessage(event: { data: unknown }): void;
}

const noop = (): void => undefined;

/** A fresh id for this tab. */
const newTabId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Creates the tabs layer of a contact controller (`tabs: 'shared'`). Two channels: the origin's
 * (`name`), where tabs ask and announce which contact runs, and one per contact
 * (`name:key`), where the tabs of that contact elect their leader ({@link createTabElection},
 * Web Locks `name:key`), the leader serves its session ({@link createTabHost}) and followers
 * mirror it ({@link createFollowerSession}); messages of another contact never reach it.
 * Participant tokens travel only over these channels, between live tabs. `beforeStart` holds
 * the Web Lock `name:start` and, when a tab runs a contact (the shared lock `name:present`),
 * asks it, so two tabs that start at once make one contact. A tab that gets no answer within
 * `askTimeoutMs` (the only tabs running a contact are frozen) starts its own contact. Without
 * Web Locks, `beforeStart` asks and waits `askTimeoutMs` every time, and of tabs starting at
 * once the one that decided first, else the lowest id, starts; the others wait (up to 10 s) for
 * its contact. On every role change `run` calls
 * `placement.lead(epoch)` or `placement.follow(mirror)`: a tab that stops leading hands its
 * unconfirmed sends to its new mirror (same `localId`: sent once); a tab that starts leading
 * gets them from its mirror through the controller.
 *
 * @example
 * ```ts
 * const tabs = createContactTabs({
 *   name: 'contact-kit:contact-kit.chat',
 *   openChannel: (name) => new BroadcastChannel(name),
 *   locks: navigator.locks,
 *   clock: systemClock,
 *   logger: defaultLogger,
 *   onContact: (shared) => join(shared.contact),
 *   onReadMarker: (marker) => setReadMarker(marker),
 *   current: () => (contact ? { contact, readMarker } : undefined),
 * });
 * tabs.ask();
 * ```
 */
export function createContactTabs(options: ContactTabsOptions): ContactTabs {
  const { name, locks, clock, logger } = options;
  const tabId = options.tabId ?? newTabId();
  const askTimeoutMs = options.askTimeoutMs ?? (locks === undefined ? 200 : 500);
  /** Without locks: how long a tab that let another start first waits for its contact. */
  const startWaitMs = 10_000;
  const control = options.openChannel(name);
  const waiters = new Set<(shared: SharedContact) => void>();
  /** Without locks: listeners for other tabs about to start. */
  const rivals = new Set<(message: { tabId: string; committed: boolean }) => void>();
  /** Without locks: this tab decided to start a contact and has not finished. */
  let committed = false;
  let destroyed = false;
  let active: Run | undefined;
  let releaseStart: (() => void) | undefined;

  function post(channel: BroadcastChannelLike, message: ContactTabMessage | TabMessage): void {
    try {
      channel.postMessage(message);
    } catch (error) {
      logger.warn('Could not post to the other tabs', error);
    }
  }

  function onControl(event: { data: unknown }): void {
    if (destroyed) {
      return;
    }
    const message = readContactTabMessage(event.data);
    if (message === undefined || message.tabId === tabId) {
      return;
    }
    if (message.kind === 'contact.ask') {
      const mine = options.current();
      if (mine !== undefined) {
        post(control, { kind: 'contact.answer', tabId, to: message.tabId, shared: mine });
      } else if (committed) {
        post(control, { kind: 'contact.starting', tabId, committed: true });
      }
      return;
    }
    if (message.kind === 'contact.starting') {
      for (const rival of [...rivals]) {
        rival(message);
      }
      return;
    }
    if (
      message.kind === 'contact.read' ||
      (message.kind === 'contact.answer' && message.to !== tabId)
    ) {
      return;
    }
    for (const waiter of [...waiters]) {
      waiter(message.shared);
    }
    try {
      options.onContact(message.shared);
    } catch (error) {
      logger.error('A contact listener threw', error);
    }
  }
  control.addEventListener('message', onControl);

  function maybeClose(run: Run): void {
    if (run.stopped && !run.closed && run.hosted === undefined && run.mirrors === 0) {
      run.closed = true;
      run.channel.removeEventListener('message', run.onMessage);
      run.channel.close();
    }
  }

  function stopRun(): void {
    const run = active;
    if (run === undefined) {
      return;
    }
    active = undefined;
    run.stopped = true;
    if (run.hosted !== undefined) {
      // The last word of this leader (an ended chat, say) reaches the others before it leaves.
      const { session, epoch } = run.hosted;
      post(run.channel, {
        kind: 'session.snapshot',
        epoch,
        tabId,
        snapshot: encodeSnapshot(session.getSnapshot()),
      });
    }
    run.election?.destroy();
    run.presenceAbort?.abort();
    run.releasePresence?.();
    maybeClose(run);
  }

  /** A mirror whose `destroy` also lets the contact's channel close. */
  function newMirror(run: Run, before: ChatSnapshot | undefined): FollowerSession {
    const carried = unconfirmed(before);
    const carriedIds = new Set(carried.map((send) => send.localId));
    const initialSnapshot =
      before === undefined
        ? undefined
        : {
            ...before,
            items: before.items.filter((item) => !carriedIds.has(item.localId ?? '')),
          };
    const participantId = run.contact.ParticipantId ?? before?.participantId;
    const follower = createFollowerSession({
      channel: run.channel,
      tabId,
      clock,
      logger,
      ...(initialSnapshot !== undefined ? { initialSnapshot } : {}),
      ...(participantId !== undefined ? { participantId } : {}),
    });
    run.mirrors += 1;
    let gone = false;
    const mirror: FollowerSession = {
      ...follower,
      destroy() {
        follower.destroy();
        if (!gone) {
          gone = true;
          run.mirrors -= 1;
          if (run.mirror === mirror) {
            run.mirror = undefined;
          }
          maybeClose(run);
        }
      },
    };
    run.mirror = mirror;
    run.placement.follow(mirror);
    for (const send of carried) {
      try {
        mirror.sendMessage(send.content, {
          localId: send.localId,
          contentType: send.contentType as never,
        });
      } catch (error) {
        logger.warn('A send from before the hand-over could not be carried over', error);
      }
    }
    return mirror;
  }

  function onRole(run: Run, role: TabRole): void {
    if (run !== active || destroyed) {
      return;
    }
    run.following = undefined;
    run.refused = false;
    if (role.role === 'leader') {
      run.awaiting = undefined;
      run.mirror?.leaderLost();
      run.placement.lead(role.epoch);
      return;
    }
    let mirror = run.mirror;
    if (mirror === undefined) {
      const before = run.hosted?.session.getSnapshot();
      mirror = newMirror(run, before);
    }
    if (run !== active) {
      return;
    }
    if (role.epoch === undefined) {
      run.awaiting = undefined;
      mirror.leaderLost();
    } else {
      // Calls go to the new leader once its host answers (its first snapshot).
      run.awaiting = role.epoch;
      post(run.channel, { kind: 'session.sync', epoch: role.epoch, tabId });
    }
  }

  function holdPresence(run: Run): void {
    if (locks === undefined) {
      return;
    }
    const abort = new AbortController();
    run.presenceAbort = abort;
    locks
      .request(`${name}:present`, { mode: 'shared', signal: abort.signal }, () => {
        run.presenceAbort = undefined;
        if (run.stopped) {
          return undefined;
        }
        return new Promise<void>((resolve) => {
          run.releasePresence = resolve;
        });
      })
      .catch(noop);
  }

  /** Takes the start lock; resolves `true` when another tab held it (and maybe started). */
  function takeStartLock(lockManager: LockManagerLike): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let waited = false;
      const take = (): Promise<void> =>
        new Promise<void>((release) => {
          if (destroyed) {
            release(); // destroyed while waiting for it: never keep it
          } else {
            releaseStart = release;
          }
          resolve(waited);
        });
      const fail = (error: unknown): void => {
        logger.warn('Could not take the lock that serialises starting a chat', error);
        resolve(true);
      };
      lockManager
        .request(`${name}:start`, { ifAvailable: true }, (lock) => {
          if (lock !== null) {
            return take();
          }
          waited = true;
          lockManager.request(`${name}:start`, {}, take).catch(fail);
          return undefined;
        })
        .catch(fail);
    });
  }

  /** Whether no tab runs a contact (nobody holds `name:present`). */
  const nobodyRuns = (lockManager: LockManagerLike): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      lockManager
        .request(`${name}:present`, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return undefined;
        })
        .catch(() => resolve(false));
    });

  return {
    tabId,
    ask() {
      if (!destroyed) {
        post(control, { kind: 'contact.ask', tabId });
      }
    },
    announce(shared) {
      if (!destroyed) {
        post(control, { kind: 'contact.announce', tabId, shared });
      }
    },
    async beforeStart() {
      if (destroyed) {
        return undefined;
      }
      const heard: SharedContact[] = [];
      let wake: (() => void) | undefined;
      const waiter = (shared: SharedContact): void => {
        heard.push(shared);
        wake?.();
      };
      waiters.add(waiter);
      /** Without locks: another tab goes first (it decided already, or has the lower id). */
      let yieldTo = false;
      const rival = (message: { tabId: string; committed: boolean }): void => {
        if (message.committed || message.tabId < tabId) {
          yieldTo = true;
        }
      };
      const waitFor = (ms: number): Promise<void> =>
        new Promise<void>((resolve) => {
          const timer = clock.setTimeout(resolve, ms);
          wake = () => {
            clock.clearTimeout(timer);
            resolve();
          };
        });
      try {
        if (locks !== undefined) {
          const waited = await takeStartLock(locks);
          if (!waited && heard.length === 0 && (await nobodyRuns(locks))) {
            return undefined;
          }
        } else {
          rivals.add(rival);
          post(control, { kind: 'contact.starting', tabId, committed: false });
        }
        if (heard.length === 0 && !destroyed) {
          post(control, { kind: 'contact.ask', tabId });
          await waitFor(askTimeoutMs);
        }
        if (locks === undefined && heard.length === 0 && yieldTo && !destroyed) {
          // The other tab is starting: join its contact when it announces it.
          await waitFor(startWaitMs);
        }
        committed = locks === undefined && heard.length === 0;
        return heard.at(-1)?.contact;
      } finally {
        waiters.delete(waiter);
        rivals.delete(rival);
      }
    },
    afterStart() {
      committed = false;
      const release = releaseStart;
      releaseStart = undefined;
      release?.();
    },
    run(contact, placement) {
      stopRun();
      if (destroyed) {
        return;
      }
      const key = contactKey(contact.ParticipantToken);
      const run: Run = {
        contact,
        channel: options.openChannel(`${name}:${key}`),
        placement,
        election: undefined,
        mirror: undefined,
        hosted: undefined,
        awaiting: undefined,
        following: undefined,
        refused: false,
        releasePresence: undefined,
        presenceAbort: undefined,
        stopped: false,
        closed: false,
        mirrors: 0,
        onMessage(event) {
          const data = event.data as {
            kind?: unknown;
            epoch?: unknown;
            tabId?: unknown;
            error?: { code?: unknown };
          };
          if (run.stopped || typeof data !== 'object' || data === null) {
            return;
          }
          const epoch = run.awaiting;
          if (
            data.kind === 'session.snapshot' &&
            epoch !== undefined &&
            data.epoch === epoch &&
            run.mirror !== undefined
          ) {
            run.awaiting = undefined;
            run.following = epoch;
            run.mirror.leaderChanged(epoch);
            return;
          }
          if (
            data.kind === 'session.result' &&
            data.tabId === tabId &&
            data.epoch === run.following &&
            data.error?.code === TAB_NOT_LEADER
          ) {
            // The leader was checking it had not been replaced (it was frozen): ask again once
            // it says it leads.
            run.refused = true;
            return;
          }
          const beat = readElectionMessage(data);
          if (
            beat?.kind === 'election.beat' &&
            run.refused &&
            beat.epoch === run.following &&
            run.mirror !== undefined
          ) {
            run.refused = false;
            run.mirror.leaderChanged(beat.epoch);
            return;
          }
          const message = readContactTabMessage(data);
          if (message?.kind === 'contact.read' && message.tabId !== tabId) {
            try {
              options.onReadMarker(message.marker);
            } catch (error) {
              logger.error('A read marker listener threw', error);
            }
          }
        },
      };
      active = run;
      run.channel.addEventListener('message', run.onMessage);
      holdPresence(run);
      run.election = createTabElection({
        name: `${name}:${key}`,
        tabId,
        channel: run.channel,
        locks,
        clock,
        logger,
        onRole: (role) => onRole(run, role),
      });
    },
    host(session, epoch) {
      const run = active;
      if (run === undefined || destroyed) {
        return noop;
      }
      run.hosted = { session, epoch };
      const host = createTabHost({
        channel: run.channel,
        session,
        epoch,
        tabId,
        logger,
        isLeader: () => run.election?.leads(epoch) === true,
      });
      return () => {
        host.destroy();
        if (run.hosted?.session === session) {
          run.hosted = undefined;
          maybeClose(run);
        }
      };
    },
    stop: stopRun,
    shareReadMarker(marker) {
      if (active !== undefined && !destroyed) {
        post(active.channel, { kind: 'contact.read', tabId, marker });
      }
    },
    destroy() {
      if (destroyed) {
        return;
      }
      const run = active;
      stopRun();
      destroyed = true;
      if (run !== undefined && !run.closed) {
        // Whatever still uses the contact's channel is being destroyed with this tab's controller.
        run.hosted = undefined;
        run.mirrors = 0;
        maybeClose(run);
      }
      waiters.clear();
      control.removeEventListener('message', onControl);
      control.close();
      const release = releaseStart;
      releaseStart = undefined;
      release?.();
    },
  };
}
