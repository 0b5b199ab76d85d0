import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { ChatSessionLike } from '../session/chatSessionLike';
import type { BroadcastChannelLike, LockManagerLike } from '../tabs/tabTransport';
import type { ChatContact } from './contactMachine';
import type { ReadMarker } from './readMarker';

/**
 * What a tab knows of the contact it runs, as it tells the other tabs.
 *
 * @example
 * ```ts
 * const shared: SharedContact = { contact, readMarker };
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
 * const options: ContactTabsOptions = { name, openChannel: (n) => new BroadcastChannel(n), locks: navigator.locks, clock, logger, onContact, onReadMarker, current };
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
 * Creates the tabs layer. Not built yet: the election (Web Locks with a BroadcastChannel
 * fallback) is missing, so this throws; the controller uses it only for `tabs: 'shared'`.
 *
 * @example
 * ```ts
 * const tabs = createContactTabs(options);
 * ```
 */
export function createContactTabs(options: ContactTabsOptions): ContactTabs {
  throw new Error(
    `tabs: 'shared' is not available yet (${options.name}): the tab election is not built; use tabs: 'single'`,
  );
}
