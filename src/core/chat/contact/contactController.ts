import { systemClock } from '../../clock';
import { createStore } from '../../store';
import type { Clock } from '../../clock';
import { defaultLogger } from '../../logger';
import type { Logger } from '../../logger';
import type { ChatSessionOptions } from '../session/chatSession';
import type { ChatSessionLike } from '../session/chatSessionLike';
import type { StorageLike } from '../session/chatStorage';
import type { OfferedConnection } from '../connection/connectionDriver';
import type { WebSocketConstructor } from '../connection/chatSocket';
import type { BroadcastChannelLike } from '../tabs/tabTransport';
import { createEmitter } from './createEmitter';
import type { Emitter } from './createEmitter';
import { createContactRecordStore, MAX_STORED_DRAFT } from './contactRecord';
import { assertStartChatResult, contactTransition, idleContactState } from './contactMachine';
import type { ChatContact, ContactEvent, ContactState, StartChatResult } from './contactMachine';
import { createLazyContactTabs } from './lazyContactTabs';
import type { ContactTabs, ContactTabsOptions, SharedContact } from './contactTabs';
import { countUnread, isIncomingItem, laterMarker } from './readMarker';
import type { ReadMarker } from './readMarker';
import { watchSession } from './watchSession';
import type { ChatItem } from '../transcript/chatItem';
import type { ChatConnectionView } from '../session/chatSession';
import type { StoredSend } from '../session/chatStorage';

/**
 * What the app's `startChat` is told: `previousContactId` when the customer continues an ended
 * conversation, for the backend's StartChatContact `PersistentChat: { SourceContactId,
 * RehydrationType }`.
 *
 * @example
 * ```ts
 * const startChat = (request: StartChatRequest) =>
 *   fetch('/api/start-chat', { method: 'POST', body: JSON.stringify({ ResumeContactId: request.previousContactId }) })
 *     .then((response) => response.json());
 * ```
 */
export interface StartChatRequest {
  readonly previousContactId?: string | undefined;
}

/**
 * Creates the chat session of a contact, at once or asynchronously.
 *
 * @example
 * ```ts
 * createContactController({ region, startChat, createSession: (options) => createChatSession({ ...options, logger }) });
 * ```
 */
export type ContactSessionFactory = (
  options: ChatSessionOptions,
) => ChatSessionLike | Promise<ChatSessionLike>;

/**
 * How tabs of one browser share the chat: `shared` (the default where the browser has
 * `BroadcastChannel`): one contact and one socket for all tabs of the origin; `single`: every
 * tab has its own chat, as if it were the only one.
 *
 * @example
 * ```ts
 * createContactController({ region, startChat, tabs: 'single' }); // each tab its own chat
 * ```
 */
export type ContactTabsMode = 'shared' | 'single';

/**
 * Options of {@link createContactController}. Give `endpoint` or `region`, and `startChat` or
 * `participantToken`.
 *
 * @example
 * ```ts
 * const controller = createContactController({
 *   region: 'us-east-1',
 *   startChat: () => fetch('/api/start-chat', { method: 'POST' }).then((r) => r.json()),
 * });
 * ```
 */
export interface ContactControllerOptions {
  /** Starts a contact through the storefront's backend (StartChatContact). */
  startChat?: ((request: StartChatRequest) => Promise<StartChatResult>) | undefined;
  /** A participant token obtained elsewhere: the contact is ready at once. */
  participantToken?: string | undefined;
  endpoint?: string | undefined;
  region?: string | undefined;
  fetch?: typeof fetch | undefined;
  WebSocket?: WebSocketConstructor | undefined;
  /** Where the tab keeps its contact for reloads. Defaults to `sessionStorage`; `null`: nowhere. */
  storage?: StorageLike | null | undefined;
  /** Defaults to `contact-kit.chat`; also names the channel and lock tabs share. */
  storageKey?: string | undefined;
  logger?: Logger | undefined;
  clock?: Clock | undefined;
  /** Defaults to the core's `createChatSession`, loaded on first use. */
  createSession?: ContactSessionFactory | undefined;
  /** More options for every session (policies, `displayName`, `environment`, …). */
  sessionOptions?: Partial<ChatSessionOptions> | undefined;
  /** Connect as soon as a session exists (default). `false`: call `connect()` yourself. */
  autoConnect?: boolean | undefined;
  /**
   * How the tabs of the browser share the chat: `shared` (default where the browser has
   * `BroadcastChannel`) or `single` (each tab alone). A `participantToken` given as an option is
   * the app's own contact and never shared.
   */
  tabs?: ContactTabsMode | undefined;
  /**
   * Replaces the browser's channel and locks (tests).
   *
   * @internal
   */
  tabsTransport?: Partial<Pick<ContactTabsOptions, 'openChannel' | 'locks' | 'tabId'>> | undefined;
}

/**
 * The contact as a whole: where it stands, its session, this tab's part in it, and the unread
 * count. Immutable: a new object only when something changed.
 *
 * @example
 * ```ts
 * const { status, session, unread } = controller.getSnapshot();
 * ```
 */
export interface ContactSnapshot {
  readonly state: ContactState;
  /** The contact's chat session (this tab's, or a mirror of the tab holding the socket). */
  readonly session: ChatSessionLike | undefined;
  /** `single` (tabs off), `leader` (holds the socket), `follower`, or `undefined` (no session). */
  readonly role: 'single' | 'leader' | 'follower' | undefined;
  /** The newest message from someone else the customer has seen (shared by the tabs). */
  readonly readMarker: ReadMarker | undefined;
  /** Messages and attachments from others after the read marker. */
  readonly unread: number;
  /** The last ended contact, which `continue()` picks up (persistent chat). */
  readonly previousContactId: string | undefined;
}

/**
 * The typed events of a contact.
 *
 * @example
 * ```ts
 * controller.on('message', (item) => playSound());
 * ```
 */
export interface ContactEvents {
  /** A message or attachment from someone else arrived (live or after a gap; never history). */
  message: ChatItem;
  /** An own message or attachment was confirmed by the service. */
  confirmed: ChatItem;
  /** An own message or attachment failed. */
  failed: ChatItem;
  /** The socket's status changed. */
  connection: ChatConnectionView;
  /** The unread count changed. */
  unread: number;
  /** Starting failed, or the connection reported an error. */
  error: Error;
  /** The chat ended. */
  ended: { readonly contactId: string | undefined };
}

/**
 * A customer's contact, from start to end and across reloads and tabs: starts it through the
 * app's `startChat` (once, even when called concurrently, and once per browser when tabs are
 * shared), keeps the one stored record, resumes after a reload, joins the contact another tab
 * runs, connects, ends, and continues an ended contact (persistent chat). Framework-free: React
 * binds to it, and so can anything else.
 *
 * @example
 * ```ts
 * const contact = createContactController({ endpoint, startChat });
 * contact.subscribe(() => render(contact.getSnapshot()));
 * await contact.start();
 * contact.getSnapshot().session?.sendMessage('Hello');
 * ```
 */
export interface ContactController {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ContactSnapshot;
  /** Subscribes to one event; returns the unsubscribe function. */
  on<K extends keyof ContactEvents>(
    type: K,
    listener: (value: ContactEvents[K]) => void,
  ): () => void;
  /**
   * The running contact, or a new one: resumes the stored contact or joins another tab's, else
   * calls `startChat` (once). After an ended chat, a new contact. Rejects with what `startChat`
   * threw (also shown as `state.status === 'failed'`).
   */
  start(): Promise<ChatContact>;
  /** Like `start`, continuing the ended contact (`previousContactId`) so its messages show. */
  continue(): Promise<ChatContact>;
  /** Opens the session's socket (needed only with `autoConnect: false`). */
  connect(options?: { connection?: OfferedConnection }): void;
  /** Leaves the chat (DisconnectParticipant); never rejects. */
  end(): Promise<void>;
  /** Drops an ended or failed contact: back to `idle`, ready for `start()`. */
  reset(): void;
  /** The customer has seen everything up to this item (shared with the other tabs). */
  markRead(itemId: string): void;
  /** What the customer was typing in this tab and has not sent yet (`''` when nothing). */
  draft(): string;
  /**
   * Keeps what the customer is typing with the running contact, so it survives minimising the
   * chat and reloading the page; `''` forgets it. Ignored without a running contact, and for a
   * text longer than any message could be (`MAX_STORED_DRAFT`).
   */
  saveDraft(text: string): void;
  /** Closes the session and stops listening; the contact keeps running for a reload. */
  destroy(): void;
}

interface Placement {
  readonly session: ChatSessionLike;
  readonly role: 'single' | 'leader' | 'follower';
  readonly dispose: () => void;
}

interface MirrorSession extends ChatSessionLike {
  unconfirmedSends(): readonly unknown[];
}

/** Own messages a mirror shows as not yet confirmed, as a stored outbox (for reload or takeover). */
function mirrorOutbox(session: ChatSessionLike): StoredSend[] {
  const sends: StoredSend[] = [];
  for (const item of session.getSnapshot().items) {
    if (
      item.isOwn &&
      item.type === 'message' &&
      item.localId !== undefined &&
      (item.status === 'sending' || item.status === 'failed') &&
      item.content !== undefined &&
      item.contentType !== undefined
    ) {
      sends.push({
        kind: 'message',
        localId: item.localId,
        contentType: item.contentType as never,
        content: item.content,
        time: item.time,
        ...(item.status === 'failed' ? { failed: true } : {}),
      });
    }
  }
  return sends;
}

/** The core's session, loaded on first use (most of the kit's code; no page needs it early). */
let loading: Promise<(options: ChatSessionOptions) => ChatSessionLike> | undefined;
const loadCreateChatSession = (): Promise<(options: ChatSessionOptions) => ChatSessionLike> =>
  (loading ??= import('../session/chatSession').then(
    (module) => module.createChatSession,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
const defaultCreateSession: ContactSessionFactory = (sessionOptions) =>
  loadCreateChatSession().then((create) => create(sessionOptions));

/**
 * Starts loading the core's chat session code (once), so a chat that starts soon does not wait
 * for it. Resolves when it is loaded or failed to load; never rejects (a failed load is tried
 * again by the next chat).
 *
 * @example
 * ```ts
 * requestIdleCallback(() => void preloadChatSession());
 * ```
 */
export function preloadChatSession(): Promise<void> {
  return loadCreateChatSession().then(
    () => undefined,
    () => undefined,
  );
}

/** A fresh id for this tab. */
const newTabId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Creates a contact controller. Touches no browser global until it is used (subscribed to or
 * started): safe to create while rendering on a server.
 *
 * @example
 * ```ts
 * import { createContactController } from 'contact-kit/core';
 *
 * const contact = createContactController({
 *   endpoint: 'http://127.0.0.1:4010',
 *   startChat: async ({ previousContactId }) =>
 *     (await fetch('/api/start-chat', {
 *       method: 'POST',
 *       body: JSON.stringify({ ResumeContactId: previousContactId }),
 *     })).json(),
 * });
 * contact.on('message', (item) => console.log(item.content));
 * await contact.start();
 * ```
 */
export function createContactController(options: ContactControllerOptions): ContactController {
  const logger = options.logger ?? defaultLogger;
  const clock = options.clock ?? systemClock;
  const records = createContactRecordStore({ storage: options.storage, key: options.storageKey });
  const emitter: Emitter<ContactEvents> = createEmitter<ContactEvents>(logger);

  let state: ContactState = options.participantToken
    ? { status: 'ready', contact: { ParticipantToken: options.participantToken }, source: 'prop' }
    : idleContactState;
  let placement: Placement | undefined;
  let stopWatching: (() => void) | undefined;
  let readMarker: ReadMarker | undefined;
  let previousContactId: string | undefined;
  let unread = 0;
  let inflight: Promise<ChatContact> | undefined;
  let destroyed = false;
  let started = false;
  /** Bumped whenever the contact changes, so late sessions of an older one are dropped. */
  let generation = 0;
  let tabs: ContactTabs | undefined;

  const buildSnapshot = (): ContactSnapshot =>
    Object.freeze({
      state,
      session: placement?.session,
      role: placement?.role,
      readMarker,
      unread,
      previousContactId,
    });
  const store = createStore(buildSnapshot(), { logger, name: 'contact' });

  function notify(): void {
    if (!destroyed) {
      store.set(buildSnapshot());
    }
  }

  const isEnded = (): boolean => placement?.session.getSnapshot().chat.status === 'ended';

  function recount(): void {
    const next = countUnread(placement?.session.getSnapshot().items ?? [], readMarker);
    if (next !== unread) {
      unread = next;
      emitter.emit('unread', next);
      notify();
    }
  }

  function shared(): SharedContact | undefined {
    return state.status === 'ready' && placement !== undefined && !isEnded()
      ? { contact: state.contact, readMarker }
      : undefined;
  }

  /** On first use: the stored record, the other tabs, and whether to share with them. */
  function begin(): void {
    if (started || destroyed) {
      return;
    }
    started = true;
    const record = records.read();
    readMarker = record.readMarker;
    previousContactId = record.previousContactId;
    tabs = openTabs();
    if (record.chat && state.status === 'idle') {
      dispatch({
        type: 'RESTORED',
        contact: {
          ContactId: record.chat.contactId,
          ParticipantId: record.chat.participantId,
          ParticipantToken: record.chat.participantToken,
        },
      });
    } else if (state.status === 'ready') {
      place();
    }
    tabs?.ask();
    notify(); // the stored read marker and ended contact are in the snapshot from now on
  }

  function openTabs(): ContactTabs | undefined {
    const transport = options.tabsTransport;
    const BroadcastChannelImpl = (
      globalThis as unknown as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }
    ).BroadcastChannel;
    if (
      options.tabs === 'single' ||
      (state.status === 'ready' && state.source === 'prop') ||
      (transport?.openChannel === undefined && BroadcastChannelImpl === undefined)
    ) {
      return undefined;
    }
    const locks =
      transport !== undefined && 'locks' in transport
        ? transport.locks
        : (globalThis as { navigator?: { locks?: ContactTabsOptions['locks'] } }).navigator?.locks;
    return createLazyContactTabs({
      name: `contact-kit:${options.storageKey ?? 'contact-kit.chat'}`,
      tabId: transport?.tabId ?? newTabId(),
      openChannel: transport?.openChannel ?? ((name) => new BroadcastChannelImpl!(name)),
      locks,
      clock,
      logger,
      onContact: (other) => {
        if (destroyed) {
          return;
        }
        readMarker = laterMarker(readMarker, other.readMarker);
        const mine = state.status === 'ready' ? state.contact.ParticipantToken : undefined;
        if (mine === other.contact.ParticipantToken) {
          recount();
          return;
        }
        if (state.status === 'starting') {
          return; // beforeStart sees it.
        }
        if (placement?.role === 'leader' && !isEnded()) {
          return; // A live leader keeps its contact; the other tab will follow it.
        }
        dispatch({ type: 'JOINED', contact: other.contact });
      },
      onReadMarker: (marker) => {
        const next = laterMarker(readMarker, marker);
        if (next !== readMarker) {
          readMarker = next;
          records.update((record) => ({ ...record, readMarker: next }));
          recount();
          notify();
        }
      },
      current: shared,
    });
  }

  function dispatch(event: ContactEvent): void {
    const before = state;
    const next = contactTransition(state, event);
    if (next === before) {
      return;
    }
    state = next;
    if (next.status === 'ready' && (before.status !== 'ready' || before.contact !== next.contact)) {
      place();
    } else if (next.status !== 'ready') {
      unplace();
    }
    notify();
  }

  function unplace(): void {
    generation += 1;
    swap(undefined);
    tabs?.stop();
  }

  function swap(next: Placement | undefined): void {
    stopWatching?.();
    stopWatching = undefined;
    const gone = placement;
    placement = next;
    gone?.dispose();
    if (next === undefined) {
      return;
    }
    const session = next.session;
    const stopEvents = watchSession(session, {
      message: (item) => emitter.emit('message', item),
      confirmed: (item) => emitter.emit('confirmed', item),
      failed: (item) => emitter.emit('failed', item),
      connection: (view) => emitter.emit('connection', view),
      error: (error) => emitter.emit('error', error),
      ended: onEnded,
    });
    const stopCount = session.subscribe(() => {
      recount();
      if (next.role === 'follower') {
        keepFollowerRecord(session);
      }
    });
    stopWatching = () => {
      stopEvents();
      stopCount();
    };
    recount();
    if (options.autoConnect !== false) {
      session.connect();
    }
    if (isEnded()) {
      onEnded();
    }
    notify();
  }

  let lastFollowerRecord = '';
  /** A follower keeps its own record from the mirror: a reload, or a takeover, loses nothing. */
  function keepFollowerRecord(session: ChatSessionLike): void {
    if (state.status !== 'ready' || isEnded()) {
      return;
    }
    const outbox = mirrorOutbox(session);
    const chat = {
      participantToken: state.contact.ParticipantToken,
      contactId: state.contact.ContactId,
      participantId: state.contact.ParticipantId ?? session.getSnapshot().participantId,
      ...(outbox.length > 0 ? { outbox } : {}),
    };
    const text = JSON.stringify(chat);
    if (text !== lastFollowerRecord) {
      lastFollowerRecord = text;
      records.update((record) => ({ ...record, chat }));
    }
  }

  function onEnded(): void {
    const contactId = state.status === 'ready' ? state.contact.ContactId : undefined;
    if (contactId !== undefined) {
      previousContactId = contactId;
    }
    records.update(() => ({ previousContactId }));
    tabs?.stop();
    emitter.emit('ended', { contactId });
    notify();
  }

  function sessionOptionsFor(contact: ChatContact): ChatSessionOptions {
    return {
      ...options.sessionOptions,
      participantToken: contact.ParticipantToken,
      ...(contact.ContactId !== undefined ? { contactId: contact.ContactId } : {}),
      ...(contact.ParticipantId !== undefined ? { participantId: contact.ParticipantId } : {}),
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      ...(options.WebSocket !== undefined ? { WebSocket: options.WebSocket } : {}),
      storage: records.sessionStorage,
      ...(options.storageKey !== undefined ? { storageKey: options.storageKey } : {}),
      logger,
      clock,
    };
  }

  /** Creates this tab's own session; `then` runs once it exists, if the contact is still current. */
  function ownSession(contact: ChatContact, then: (session: ChatSessionLike) => void): void {
    const current = generation;
    let made: ChatSessionLike | Promise<ChatSessionLike>;
    try {
      made = (options.createSession ?? defaultCreateSession)(sessionOptionsFor(contact));
    } catch (error) {
      failed(error);
      return;
    }
    const land = (session: ChatSessionLike): void => {
      if (current !== generation || destroyed) {
        session.destroy();
        return;
      }
      then(session);
    };
    if ('then' in made) {
      made.then(land, (error: unknown) => {
        if (current === generation && !destroyed) {
          failed(error);
        }
      });
    } else {
      land(made);
    }
  }

  function failed(cause: unknown): void {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    logger.error('The chat session could not be created', error);
    generation += 1;
    swap(undefined);
    state = { status: 'failed', error };
    emitter.emit('error', error);
    notify();
  }

  /** Gives the ready contact its session: its own, or (tabs shared) as the election decides. */
  function place(): void {
    generation += 1;
    swap(undefined);
    if (state.status !== 'ready' || destroyed) {
      return;
    }
    const contact = state.contact;
    records.update((record) =>
      record.chat?.participantToken === contact.ParticipantToken
        ? record
        : {
            readMarker:
              state.status === 'ready' && state.source === 'joined' ? readMarker : undefined,
            chat: {
              participantToken: contact.ParticipantToken,
              contactId: contact.ContactId,
              participantId: contact.ParticipantId,
            },
          },
    );
    const currentTabs = tabs;
    if (currentTabs === undefined) {
      ownSession(contact, (session) =>
        swap({ session, role: 'single', dispose: () => session.destroy() }),
      );
      return;
    }
    const current = generation;
    /** Bumped on every role change, so a leader session that lands after a step-down is dropped. */
    let turn = 0;
    currentTabs.run(contact, {
      lead(epoch) {
        if (current !== generation) {
          return;
        }
        const mine = (turn += 1);
        ownSession(contact, (session) => {
          if (mine !== turn) {
            session.destroy();
            return;
          }
          // A follower's sends not seen confirmed yet (up to now): the new session replays them (same ids).
          const carried =
            placement?.role === 'follower'
              ? (placement.session as MirrorSession).unconfirmedSends()
              : [];
          const stopHost = currentTabs.host(session, epoch);
          swap({
            session,
            role: 'leader',
            dispose: () => {
              stopHost();
              session.destroy();
            },
          });
          for (const send of carried as readonly CarriedSend[]) {
            try {
              if (send.kind === 'message') {
                session.sendMessage(send.content, {
                  contentType: send.contentType as never,
                  localId: send.localId,
                });
              } else {
                session.sendAttachment(send.file, { localId: send.localId });
              }
            } catch (error) {
              logger.warn('A send from before the takeover could not be carried over', error);
            }
          }
          currentTabs.announce({ contact, readMarker });
        });
      },
      follow(mirror) {
        if (current !== generation) {
          mirror.destroy();
          return;
        }
        turn += 1;
        swap({ session: mirror, role: 'follower', dispose: () => mirror.destroy() });
      },
    });
  }

  function startWith(previous: string | undefined): Promise<ChatContact> {
    if (destroyed) {
      return Promise.reject(new Error('start(): the contact controller was destroyed'));
    }
    begin();
    if (state.status === 'ready' && !isEnded() && previous === undefined) {
      return Promise.resolve(state.contact);
    }
    const stored =
      state.status === 'failed' && previous === undefined ? records.read().chat : undefined;
    if (stored !== undefined) {
      // The contact started but its session failed (its code did not load, say): try the same
      // contact again rather than start a second one.
      state = idleContactState;
      const contact: ChatContact = {
        ContactId: stored.contactId,
        ParticipantId: stored.participantId,
        ParticipantToken: stored.participantToken,
      };
      dispatch({ type: 'RESTORED', contact });
      return Promise.resolve(contact);
    }
    if (inflight) {
      return inflight;
    }
    const startChat = options.startChat;
    if (!startChat) {
      throw new Error(
        'start(): nothing to start the chat with. Pass startChat (or participantToken).',
      );
    }
    if (state.status === 'ready') {
      dispatch({ type: 'FORGOTTEN' });
    }
    dispatch({ type: 'START' });
    if (options.createSession === undefined) {
      void preloadChatSession();
    }
    const promise = (async (): Promise<ChatContact> => {
      try {
        const joined = await tabs?.beforeStart();
        if (joined !== undefined && previous === undefined) {
          dispatch({ type: 'JOINED', contact: joined });
          return joined;
        }
        const contact = assertStartChatResult(
          await startChat(previous === undefined ? {} : { previousContactId: previous }),
        );
        readMarker = undefined;
        dispatch({ type: 'STARTED', contact });
        tabs?.announce({ contact, readMarker: undefined });
        return contact;
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        dispatch({ type: 'START_FAILED', error });
        emitter.emit('error', error);
        throw error;
      } finally {
        inflight = undefined;
        tabs?.afterStart();
      }
    })();
    inflight = promise;
    return promise;
  }

  return {
    subscribe(listener) {
      begin();
      return store.subscribe(listener);
    },
    getSnapshot: () => store.getSnapshot(),
    on(type, listener) {
      return emitter.on(type, listener);
    },
    start: () => startWith(undefined),
    continue() {
      begin();
      if (previousContactId === undefined) {
        return Promise.reject(new Error('continue(): there is no ended contact to continue'));
      }
      return startWith(previousContactId);
    },
    connect(connectOptions) {
      placement?.session.connect(connectOptions);
    },
    async end() {
      await placement?.session.endChat();
    },
    reset() {
      if (state.status === 'failed' || (state.status === 'ready' && isEnded())) {
        dispatch({ type: 'FORGOTTEN' });
      }
    },
    markRead(itemId) {
      const session = placement?.session;
      const item = session?.getSnapshot().items.find((candidate) => candidate.id === itemId);
      if (session === undefined || item === undefined || !isIncomingItem(item)) {
        return;
      }
      if (!isEnded()) {
        session.markRead(item.id);
      }
      const next = laterMarker(readMarker, { id: item.id, time: item.time });
      if (next === readMarker) {
        return;
      }
      readMarker = next;
      records.update((record) => ({ ...record, readMarker: next }));
      if (next !== undefined) {
        tabs?.shareReadMarker(next);
      }
      recount();
      notify();
    },
    draft() {
      // Storage is read once the controller is in use, never while rendering on a server.
      return started && state.status === 'ready' && !isEnded() ? (records.read().draft ?? '') : '';
    },
    saveDraft(text) {
      if (typeof text !== 'string') {
        throw new TypeError('saveDraft(text): text must be a string');
      }
      if (
        state.status !== 'ready' ||
        isEnded() ||
        text.length > MAX_STORED_DRAFT ||
        (records.read().draft ?? '') === text
      ) {
        return;
      }
      records.update((record) => ({ ...record, draft: text || undefined }));
    },
    destroy() {
      if (destroyed) {
        return;
      }
      destroyed = true;
      generation += 1;
      swap(undefined);
      tabs?.destroy();
      emitter.clear();
    },
  };
}

/** A send a follower made that its new session must carry over. */
type CarriedSend =
  | { kind: 'message'; localId: string; content: string; contentType: string }
  | { kind: 'attachment'; localId: string; file: Blob & { readonly name: string } };
