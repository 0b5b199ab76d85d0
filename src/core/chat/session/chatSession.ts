import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import { ContentType } from '../../protocol/contentTypes';
import type { SendableMessageContentType } from '../../protocol/contentTypes';
import { checkLocalId, checkMessage } from '../outbox/checkSend';
import { ChatError } from '../../protocol/errors';
import { newClientToken } from '../../protocol/newClientToken';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { RetryPolicy } from '../../protocol/retryPolicy';
import type { Item, View } from '../../protocol/types';
import type { AttachmentPolicy } from '../attachments/validateAttachment';
import type { ChatItem, ChatParticipant, TypingParticipant } from '../transcript/chatItem';
import type { ChatEnvironment } from '../connection/chatEnvironment';
import { boundStoredOutbox, clearStoredChat, writeStoredChat } from './chatStorage';
import type { StorageLike, StoredAttachment, StoredChat, StoredSend } from './chatStorage';
import type { ConnectionState } from '../connection/connectionMachine';
import type { ConnectionPolicy } from '../connection/connectionPolicy';
import { createMessageOutbox } from '../outbox/messageOutbox';
import type { OutboxEntry, OutboxPolicy } from '../outbox/messageOutbox';
import type { ReceiptPolicy } from '../receipts/receiptSender';
import { classifyFailure, failureError, readError } from '../connection/serviceFailure';
import { createAttachmentFlow } from '../attachments/attachmentFlow';
import { connectionView } from '../connection/connectionView';
import { resolveSessionOptions } from './resolveSessionOptions';
import { createSessionReceipts } from '../receipts/sessionReceipts';
import { createSessionTyping } from '../typing/sessionTyping';
import { createSnapshotStore } from './snapshotStore';
import type { WebSocketConstructor } from '../connection/chatSocket';
import { createConnectionDriver } from '../connection/connectionDriver';
import { createEchoWatch } from '../connection/echoWatch';
import type { OfferedConnection } from '../connection/connectionDriver';
import { applyServerItems } from '../transcript/applyServerItems';
import {
  addPendingAttachment,
  addPendingMessage,
  confirmPending,
  failPending,
  retryPending,
} from '../transcript/pendingItems';
import {
  createTranscript,
  findItem,
  selectItems,
  selectParticipants,
} from '../transcript/transcript';
import type { Transcript } from '../transcript/transcript';
import { createTranscriptSync } from '../history/transcriptSync';
import type { HistoryPurpose, TranscriptSyncPolicy } from '../history/transcriptSync';
import type { UploadFunction } from '../attachments/uploadAttachment';

/**
 * Socket connectivity of a chat session (one axis; whether the chat ended is another): `idle`
 * (never connected), `connecting` / `reconnecting` (getting a socket subscribed, the first time or
 * after one was lost), `open`, `closed` (the chat ended or the session was destroyed), `failed`
 * (the first connection was refused).
 *
 * @example
 * ```ts
 * const offline = (status: ChatConnectionStatus) => status === 'reconnecting' || status === 'failed';
 * ```
 */
export type ChatConnectionStatus =
  'idle' | 'connecting' | 'reconnecting' | 'open' | 'closed' | 'failed';

/**
 * Socket connectivity as the UI shows it (one axis; chat participation is another).
 *
 * @example
 * ```ts
 * const banner = connection.status === 'reconnecting' ? `Reconnecting (attempt ${connection.attempt})…` : null;
 * ```
 */
export interface ChatConnectionView {
  readonly status: ChatConnectionStatus;
  /** The current connect attempt while connecting or reconnecting, else 0. */
  readonly attempt: number;
  /** Why the last attempt failed (`connecting`/`reconnecting`), or why it gave up (`failed`). */
  readonly error: ChatError | undefined;
}

/**
 * Whether the chat is still going.
 *
 * @example
 * ```ts
 * if (snapshot.chat.status === 'ended') showSurvey();
 * ```
 */
export interface ChatStatusView {
  readonly status: 'active' | 'ended';
  /** Set when `endChat()` could not reach the service. */
  readonly error: ChatError | undefined;
}

/**
 * Everything a chat UI renders. Immutable; a new object only when something in it changed, so it
 * plugs straight into `useSyncExternalStore`.
 *
 * @example
 * ```ts
 * const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
 * ```
 */
export interface ChatSnapshot {
  readonly connection: ChatConnectionView;
  readonly chat: ChatStatusView;
  /** Messages, attachments and displayable events, ordered by time, with own pending sends. */
  readonly items: readonly ChatItem[];
  readonly participants: readonly ChatParticipant[];
  /** Others typing right now. */
  readonly typing: readonly TypingParticipant[];
  /** `loadOlder()` has more to load. */
  readonly hasOlder: boolean;
  /** A `loadOlder()` call is running. */
  readonly loadingOlder: boolean;
  readonly contactId: string | undefined;
  /** This participant (given, stored, or learnt from the first echo of an own message). */
  readonly participantId: string | undefined;
}

/**
 * A file to send: a browser `File`, or any `Blob` with a name.
 *
 * @example
 * ```ts
 * session.sendAttachment(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
 * ```
 */
export type AttachmentFile = Blob & { readonly name: string };

/**
 * Options every send takes. `localId` lets the caller choose the send's id (its SendMessage
 * ClientToken): a send repeated with a `localId` the session already holds returns that id and
 * sends nothing again, so a caller that is unsure whether a send arrived (another tab, a retry
 * after a crash) can simply send it again.
 *
 * @example
 * ```ts
 * const localId = newClientToken();
 * session.sendMessage('Hi', { localId });
 * session.sendMessage('Hi', { localId }); // the same send: nothing new
 * ```
 */
export interface SendOptions {
  /** 1–500 characters, unique per send. Defaults to a fresh UUID. */
  localId?: string;
}

/**
 * Options of {@link createChatSession}. Only `participantToken` and one of `endpoint`/`region`
 * (or a `client`) are needed; the rest tunes or replaces the environment.
 *
 * @example
 * ```ts
 * const session = createChatSession({ participantToken, participantId, contactId, region: 'eu-west-2' });
 * ```
 */
export interface ChatSessionOptions {
  /** From StartChatContact (via your backend). */
  participantToken: string;
  /** Base URL of the Participant Service, e.g. the local emulator's. */
  endpoint?: string;
  /** AWS region of the Connect instance (when no `endpoint`). */
  region?: string;
  /** Defaults to `globalThis.fetch` at call time. */
  fetch?: typeof fetch;
  /** Defaults to `globalThis.WebSocket`, looked up when a socket is opened. Node: pass `ws`. */
  WebSocket?: WebSocketConstructor;
  /**
   * Where a reload finds the chat again, with the messages not confirmed yet (replayed with
   * their ClientTokens). Defaults to `sessionStorage` when present; `null` turns it off.
   */
  storage?: StorageLike | null;
  /** Defaults to `contact-kit.chat`. */
  storageKey?: string;
  /** Defaults to `defaultLogger` (warnings and errors only). */
  logger?: Logger;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Jitter source in `[0, 1)`. Defaults to `Math.random`. */
  random?: () => number;
  /** From StartChatContact; kept in the snapshot and in storage. */
  contactId?: string;
  /** From StartChatContact: marks own items and stops receipts for own messages. */
  participantId?: string;
  /** Shown on own pending items. */
  displayName?: string;
  /** A ready client (tests, custom transports); `endpoint`, `region`, `fetch` are then unused. */
  client?: ParticipantClient;
  /** Retries of each single call by the participant client. */
  clientRetry?: Partial<RetryPolicy> | false;
  /** Connection lifecycle timings. */
  connectionPolicy?: Partial<ConnectionPolicy>;
  /** Message retries on top of the client's. */
  outboxPolicy?: Partial<OutboxPolicy>;
  /** Receipt throttling; `false` sends no receipts. */
  receiptPolicy?: Partial<ReceiptPolicy> | false;
  /** Page sizes and the gap-fill overlap. */
  historyPolicy?: Partial<TranscriptSyncPolicy>;
  /** At most one typing event per this many ms. Defaults to `10000`. */
  typingThrottleMs?: number;
  /** Others' typing indicators expire after this. Defaults to `12000`. */
  typingTimeoutMs?: number;
  /** Which files `sendAttachment` accepts. Defaults to Connect's defaults (20 MB). */
  attachmentPolicy?: AttachmentPolicy;
  /** Uploads attachment bytes. Defaults to XMLHttpRequest (progress) or fetch. */
  upload?: UploadFunction;
  /** Wake-up signals. Defaults to the browser's `online`/`visibilitychange`; `null` for none. */
  environment?: ChatEnvironment | null;
  /**
   * After `endChat()` the session waits this long for the service's `chat.ended` (flows may still
   * send messages) before ending on its own. Defaults to `10000`.
   */
  endedFallbackMs?: number;
}

/**
 * A customer's chat: connection lifecycle, transcript, sending, receipts, typing, attachments.
 * Actions never throw for service or network failures (those become state); they throw a
 * `ChatError` for misuse: `SESSION_DESTROYED` after `destroy()`, `CHAT_ENDED` for sends after the
 * end, `MESSAGE_INVALID` for empty or oversized content.
 *
 * @example
 * ```ts
 * const session = createChatSession({ participantToken, participantId, endpoint });
 * const stop = session.subscribe(() => render(session.getSnapshot()));
 * session.connect();
 * session.sendMessage('Hello!');
 * ```
 */
export interface ChatSession {
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): ChatSnapshot;
  /**
   * Connects (idempotent: a second call while connecting or open does nothing). `connection` is a
   * CreateParticipantConnection answer fetched elsewhere (React Query's `useParticipantConnection`,
   * a server): the first connect uses it instead of asking again while its websocket URL is fresh.
   */
  connect(options?: { connection?: OfferedConnection }): void;
  /**
   * Adds the message at once (status `sending`) and sends it when the connection is open, retrying
   * with the same ClientToken. Returns its `localId` (= ClientToken), usable with `retry`.
   * Interactive responses are sent without a transcript row.
   */
  sendMessage(
    content: string,
    options?: SendOptions & { contentType?: SendableMessageContentType },
  ): string;
  /** Tells the others we are typing (throttled to once per 10 s; dropped while offline). */
  sendTyping(): void;
  /** Sends a read receipt for someone else's message (coalesced, once per message). */
  markRead(itemId: string): void;
  /** Validates and uploads a file; returns the item's `localId`. Failures land on the item. */
  sendAttachment(file: AttachmentFile, options?: SendOptions): string;
  /** A short-lived download URL (GetAttachment); rejects with a `ChatError` on failure. */
  getAttachmentUrl(attachmentId: string): Promise<string>;
  /**
   * The sign-in URL for an `authentication.initiated` event's SessionId (GetAuthenticationUrl,
   * within a minute of the event); the sign-in page sends the customer back to `redirectUri`.
   * Rejects with a `ChatError` (`AUTHENTICATION_FAILED`, `CHAT_ENDED`, `CONNECTION_LOST`).
   */
  getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string>;
  /**
   * The customer continues without signing in (CancelParticipantAuthentication): the flow takes
   * its opted-out branch and `authentication.cancelled` follows. Rejects like
   * {@link ChatSession.getAuthenticationUrl}.
   */
  cancelAuthentication(sessionId: string): Promise<void>;
  /**
   * The step-by-step guide view a ViewResource message names (DescribeView with its `viewToken`);
   * rejects with a `ChatError` (`NOT_FOUND`-like service errors come back as `CONNECTION_LOST`
   * or `ACCESS_DENIED`, as for attachments).
   */
  describeView(viewToken: string): Promise<View>;
  /** Loads the previous page of history; resolves `false` when there was nothing (more) to load. */
  loadOlder(): Promise<boolean>;
  /**
   * Sends a failed message again (same ClientToken) or uploads a failed attachment again (a new
   * upload); `false` when not retryable (e.g. an attachment lost in a reload).
   */
  retry(localId: string): boolean;
  /** Leaves the chat (DisconnectParticipant); never rejects. */
  endChat(): Promise<void>;
  /** Closes sockets and timers; the contact keeps running (a reload can resume it). */
  destroy(): void;
  /** The underlying Participant Service client (DescribeView, authentication, …). */
  readonly client: ParticipantClient;
}

/**
 * Creates a chat session. Nothing is sent until `connect()`. With storage (the default in
 * browsers) a session created again with the same participant token after a reload resumes the
 * contact: no new StartChatContact, no duplicates. Messages the previous page had not got
 * confirmed come back as own `sending` rows and are sent once the connection opens, with their
 * first ClientToken, so the service stores each once; files that were uploading come back failed
 * (`ATTACHMENT_LOST_ON_RELOAD`): the file is gone and must be sent again.
 *
 * @example
 * ```ts
 * import { createChatSession, readStoredChat } from 'contact-kit/core';
 *
 * const details = readStoredChat() ?? (await fetch('/api/start-chat').then((r) => r.json()));
 * const session = createChatSession({
 *   participantToken: details.participantToken,
 *   participantId: details.participantId,
 *   contactId: details.contactId,
 *   region: 'us-east-1',
 * });
 * session.subscribe(() => console.log(session.getSnapshot().items.length));
 * session.connect();
 * ```
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const resolved = resolveSessionOptions(options);
  const { clock, logger, random, client, stored, contactId, storageOptions } = resolved;

  let transcript: Transcript = createTranscript({ ownParticipantId: resolved.ownParticipantId });
  let chatStatus: ChatStatusView = Object.freeze({ status: 'active', error: undefined });
  let destroyed = false;
  let endedFallback: TimerHandle | undefined;
  let connection: ChatConnectionView | undefined;
  /** Messages kept for `retry` after they failed. */
  const failedMessages = new Map<string, OutboxEntry>();
  /** Interactive responses: sent, but not transcript rows. */
  const hiddenSends = new Set<string>();
  /** Attachments that were uploading when an earlier page went away: shown failed, kept stored. */
  const lostAttachments: StoredAttachment[] = [];
  let lastPersisted = '';
  /** `persist()` waits until the session is built (and its stored outbox restored). */
  let built = false;
  let warnedOutboxBound = false;

  const ownId = (): string | undefined => transcript.ownParticipantId;
  let lastLocalTime = 0;
  /** Strictly increasing, so sends made within one millisecond still show in the order they were made. */
  const localTime = (): string => {
    lastLocalTime = Math.max(clock.now(), lastLocalTime + 1);
    return new Date(lastLocalTime).toISOString();
  };
  const isEnded = (): boolean => chatStatus.status === 'ended';

  function openToken(): string | undefined {
    const state = driver.state;
    return state.status === 'open' ? state.credentials?.connectionToken : undefined;
  }

  function anyToken(): string | undefined {
    return driver.state.credentials?.connectionToken;
  }

  /** One authentication call with the connection token; failures become `ChatError`s. */
  async function authenticationCall<T>(
    operation: string,
    call: (token: string) => Promise<T>,
  ): Promise<T> {
    if (isEnded()) {
      throw new ChatError('CHAT_ENDED', `${operation}: the chat has ended`);
    }
    const token = anyToken();
    if (token === undefined) {
      throw new ChatError('CONNECTION_LOST', `${operation}: not connected yet`);
    }
    try {
      return await call(token);
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'denied') {
        driver.tokenRejected();
      }
      throw failureError(failure, 'AUTHENTICATION_FAILED', `${operation} failed`);
    }
  }

  const store = createSnapshotStore<ChatSnapshot>(() => {
    connection = connectionView(driver.state, connection);
    return {
      connection,
      chat: chatStatus,
      items: selectItems(transcript),
      participants: selectParticipants(transcript),
      typing: typing.participants,
      hasOlder: sync.hasOlder,
      loadingOlder: sync.loadingOlder,
      contactId,
      participantId: ownId(),
    };
  }, logger);
  const publish = (): void => store.publish();

  function updateTranscript(change: (current: Transcript) => Transcript): void {
    transcript = change(transcript);
    publish();
  }

  /**
   * Own sends the service has not confirmed, as kept with the stored chat: queued and in-flight
   * messages in send order, then failed messages, then unfinished (or lost) attachments.
   */
  function storedOutbox(): StoredSend[] {
    const now = new Date(clock.now()).toISOString();
    const unconfirmed = (localId: string): boolean => {
      const item = findItem(transcript, localId);
      return item === undefined || item.status !== 'sent';
    };
    const message = (entry: OutboxEntry, failed: boolean): StoredSend => ({
      kind: 'message',
      localId: entry.localId,
      contentType: entry.contentType as SendableMessageContentType,
      content: entry.content,
      time: findItem(transcript, entry.localId)?.time ?? now,
      ...(hiddenSends.has(entry.localId) ? { hidden: true } : {}),
      ...(failed ? { failed: true } : {}),
    });
    const sends: StoredSend[] = [];
    for (const entry of outbox.entries()) {
      if (hiddenSends.has(entry.localId) || unconfirmed(entry.localId)) {
        sends.push(message(entry, false));
      }
    }
    for (const entry of failedMessages.values()) {
      if (findItem(transcript, entry.localId)?.status === 'failed') {
        sends.push(message(entry, true));
      }
    }
    for (const upload of attachments.unfinished()) {
      if (unconfirmed(upload.localId)) {
        const time = findItem(transcript, upload.localId)?.time ?? now;
        sends.push({ kind: 'attachment', ...upload, time });
      }
    }
    sends.push(...lostAttachments);
    if (!warnedOutboxBound && boundStoredOutbox(sends).length < sends.length) {
      warnedOutboxBound = true;
      logger.warn('Too many unsent messages to keep them all: some would not survive a reload');
    }
    return sends;
  }

  function persist(): void {
    const credentials = driver.state.credentials;
    if (!built || destroyed || isEnded()) {
      return;
    }
    const outboxToStore = storedOutbox();
    // A token the service never accepted is worth resuming with only to deliver what the customer
    // already wrote (the network went before the first connection): otherwise store nothing.
    if (credentials === undefined && outboxToStore.length === 0) {
      return;
    }
    const value: StoredChat = {
      participantToken: resolved.participantToken,
      contactId,
      participantId: ownId(),
      connectionToken: credentials?.connectionToken,
      tokenExpiresAt: credentials?.tokenExpiresAt,
      ...(outboxToStore.length > 0 ? { outbox: outboxToStore } : {}),
    };
    const text = JSON.stringify(value);
    if (text !== lastPersisted) {
      lastPersisted = text;
      writeStoredChat(value, storageOptions);
    }
  }

  function markEnded(): void {
    if (isEnded()) {
      return;
    }
    chatStatus = Object.freeze({ status: 'ended', error: undefined });
    if (endedFallback !== undefined) {
      clock.clearTimeout(endedFallback);
      endedFallback = undefined;
    }
    driver.chatEnded();
    const ended = new ChatError('CHAT_ENDED', 'The chat has ended');
    outbox.failAll(ended);
    receipts.stop();
    typing.stop();
    attachments.stopWaiting(ended);
    clearStoredChat(storageOptions);
    publish();
  }

  function isCurrentContact(item: Item): boolean {
    return item.RelatedContactId === undefined;
  }

  function receive(items: readonly Item[], purpose: HistoryPurpose | 'socket'): void {
    if (destroyed || items.length === 0) {
      return;
    }
    const result = applyServerItems(transcript, items, {
      source: purpose === 'socket' ? 'socket' : 'history',
      // A gap fill brings messages missed while offline: news, not history.
      fromHistory: purpose !== 'socket' && purpose !== 'gap',
    });
    transcript = result.transcript;
    for (const skipped of result.skipped) {
      logger.warn(`Skipped a malformed ${skipped.source} item: ${skipped.reason}`, skipped.item);
    }
    // Typing and receipts read only the items of a well-formed shape.
    if (purpose === 'socket') {
      for (const item of items) {
        if (item.Id !== undefined) {
          echoes.seen(item.Id);
        }
      }
      typing.receive(result.accepted, ownId());
      sync.activity();
    } else {
      // A typing event in a page of history is old news; a message there still ends typing.
      typing.receive(
        result.accepted.filter((item) => item.ContentType !== ContentType.typing),
        ownId(),
      );
    }
    let ended = false;
    let rehydrated = false;
    for (const item of result.accepted) {
      if (item.Type === 'MESSAGEMETADATA') {
        receipts.metadata(item);
        continue;
      }
      if (!isCurrentContact(item)) {
        continue;
      }
      if (item.ContentType === ContentType.chatEnded) {
        ended = true;
      } else if (item.ContentType === ContentType.chatRehydrated && purpose === 'socket') {
        rehydrated = true;
      } else {
        receipts.received(item, purpose);
      }
    }
    persist();
    publish();
    if (rehydrated) {
      sync.rehydrate();
    }
    if (ended) {
      markEnded();
    }
  }

  function onConnectionChange(state: ConnectionState, previous: ConnectionState['status']): void {
    if (state.status === 'open' && previous !== 'open') {
      attachments.connectionOpened(openToken());
      outbox.resume();
      receipts.resume();
    }
    if (previous === 'open' && state.status !== 'open') {
      sync.connectionLost();
    }
    persist();
    publish();
  }

  let previousStatus: ConnectionState['status'] = 'idle';
  const driver = createConnectionDriver({
    participantToken: resolved.participantToken,
    client,
    getWebSocket: resolved.getWebSocket,
    clock,
    random,
    logger,
    policy: resolved.connectionPolicy,
    getEnvironment: resolved.getEnvironment,
    initialCredentials: resolved.initialCredentials,
    onChange: (state) => {
      const previous = previousStatus;
      previousStatus = state.status;
      onConnectionChange(state, previous);
    },
    onItem: (item) => receive([item], 'socket'),
    onFillGap: () => sync.fill(),
    onChatEnded: () => markEnded(),
  });
  const tokenRejected = (): void => driver.tokenRejected();
  const echoes = createEchoWatch({
    clock,
    timeoutMs: resolved.connectionPolicy.echoTimeoutMs,
    onMissing: () => driver.probe(),
  });

  const outbox = createMessageOutbox({
    clock,
    random,
    logger,
    policy: resolved.outboxPolicy,
    send: (entry, token, signal) =>
      client.sendMessage(
        token,
        { ContentType: entry.contentType, Content: entry.content, ClientToken: entry.localId },
        { signal },
      ),
    getToken: openToken,
    onConfirmed: (entry, response) => {
      // Its echo is due on the socket: check the transcript soon, in case the socket lost it,
      // and the socket itself, in case it died.
      sync.activity();
      if (response.Id) {
        echoes.expect(response.Id);
      }
      if (hiddenSends.delete(entry.localId) || !response.Id) {
        persist();
        return;
      }
      transcript = confirmPending(transcript, entry.localId, response);
      persist();
      publish();
    },
    onFailed: (entry, error) => {
      if (hiddenSends.delete(entry.localId)) {
        logger.warn(`An interactive response could not be sent: ${error.message}`);
        persist();
        return;
      }
      failedMessages.set(entry.localId, entry);
      transcript = failPending(transcript, entry.localId, error);
      persist();
      publish();
    },
    onTokenRejected: tokenRejected,
  });

  const receipts = createSessionReceipts({
    clock,
    logger,
    policy: resolved.receiptPolicy,
    enabled: resolved.receiptsEnabled,
    client,
    getToken: openToken,
    getTranscript: () => transcript,
    ownId,
    tokenRejected,
  });

  const typing = createSessionTyping({
    clock,
    logger,
    throttleMs: resolved.typingThrottleMs,
    timeoutMs: resolved.typingTimeoutMs,
    client,
    getToken: openToken,
    tokenRejected,
    isDestroyed: () => destroyed,
    onExpired: publish,
  });

  const sync = createTranscriptSync({
    client,
    clock,
    random,
    logger,
    policy: resolved.historyPolicy,
    getToken: openToken,
    getTranscript: () => transcript,
    apply: (items, purpose) => receive(items, purpose),
    onHistoryChange: () => publish(),
    onTokenRejected: tokenRejected,
  });

  const attachments = createAttachmentFlow({
    client,
    upload: resolved.upload,
    fetch: resolved.fetch,
    logger,
    policy: resolved.attachmentPolicy,
    displayName: resolved.displayName,
    openToken,
    anyToken,
    tokenRejected,
    isDestroyed: () => destroyed,
    localTime,
    getTranscript: () => transcript,
    update: updateTranscript,
    onUnfinishedChange: () => persist(),
  });

  /**
   * Brings back what an earlier page left unsent: messages show as own `sending` rows (same
   * localId, so the same ClientToken) and are replayed once the connection opens; failed ones
   * come back failed; attachments, whose file is gone, come back failed with
   * `ATTACHMENT_LOST_ON_RELOAD`. An entry that cannot be restored is skipped with a warning.
   */
  function restoreOutbox(sends: readonly StoredSend[] | undefined): void {
    for (const send of sends ?? []) {
      lastLocalTime = Math.max(lastLocalTime, Date.parse(send.time));
      const name = resolved.displayName !== undefined ? { displayName: resolved.displayName } : {};
      try {
        if (send.kind === 'attachment') {
          const lost = new ChatError(
            'ATTACHMENT_LOST_ON_RELOAD',
            `${send.name} was not sent before the page reloaded: send it again`,
          );
          transcript = failPending(
            addPendingAttachment(transcript, { ...send, ...name }),
            send.localId,
            lost,
          );
          lostAttachments.push(send);
          continue;
        }
        const entry: OutboxEntry = {
          localId: send.localId,
          contentType: send.contentType,
          content: send.content,
        };
        if (send.hidden === true) {
          if (send.failed !== true) {
            hiddenSends.add(send.localId);
            outbox.enqueue(entry);
          }
          continue;
        }
        transcript = addPendingMessage(transcript, { ...entry, time: send.time, ...name });
        if (send.failed === true) {
          failedMessages.set(send.localId, entry);
          transcript = failPending(
            transcript,
            send.localId,
            new ChatError('SEND_FAILED', 'The message was not sent before the page reloaded', {
              retryable: true,
            }),
          );
        } else {
          outbox.enqueue(entry);
        }
      } catch (error) {
        logger.warn('Skipped a stored unsent message that could not be restored', error);
      }
    }
  }

  /** Whether a send with this id is already held: shown, queued, hidden or failed. */
  function holdsSend(localId: string): boolean {
    return (
      findItem(transcript, localId) !== undefined ||
      hiddenSends.has(localId) ||
      failedMessages.has(localId) ||
      outbox.entries().some((entry) => entry.localId === localId)
    );
  }

  function assertUsable(action: string): void {
    if (destroyed) {
      throw new ChatError('SESSION_DESTROYED', `${action}: the chat session was destroyed`);
    }
  }

  function assertActive(action: string): void {
    assertUsable(action);
    if (isEnded()) {
      throw new ChatError('CHAT_ENDED', `${action}: the chat has ended`);
    }
  }

  const session: ChatSession = {
    client,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    connect(connectOptions) {
      assertUsable('connect');
      if (isEnded()) {
        return;
      }
      driver.connect({ resumed: stored !== undefined, connection: connectOptions?.connection });
    },
    sendMessage(content, sendOptions) {
      assertActive('sendMessage');
      const contentType = checkMessage('sendMessage', content, sendOptions?.contentType);
      const chosen = checkLocalId('sendMessage', sendOptions?.localId);
      if (chosen !== undefined && holdsSend(chosen)) {
        return chosen;
      }
      const localId = chosen ?? newClientToken();
      if (contentType === ContentType.interactiveResponse) {
        hiddenSends.add(localId);
      } else {
        const time = localTime();
        updateTranscript((current) =>
          addPendingMessage(current, {
            localId,
            contentType,
            content,
            time,
            ...(resolved.displayName !== undefined ? { displayName: resolved.displayName } : {}),
          }),
        );
      }
      outbox.enqueue({ localId, contentType, content });
      // Kept with the stored chat at once: a reload or a crash from here on replays it.
      persist();
      typing.messageSent();
      return localId;
    },
    sendTyping() {
      assertUsable('sendTyping');
      if (!isEnded()) {
        typing.send();
      }
    },
    markRead(itemId) {
      assertUsable('markRead');
      if (!isEnded()) {
        receipts.markRead(itemId);
      }
    },
    sendAttachment(file, sendOptions) {
      assertActive('sendAttachment');
      const chosen = checkLocalId('sendAttachment', sendOptions?.localId);
      if (chosen !== undefined && holdsSend(chosen)) {
        return chosen;
      }
      const sent = attachments.send(file, chosen);
      typing.messageSent();
      return sent;
    },
    async getAttachmentUrl(attachmentId) {
      // Misuse rejects here rather than throwing: callers await this one.
      assertUsable('getAttachmentUrl');
      return attachments.getUrl(attachmentId);
    },
    async getAuthenticationUrl(sessionId, redirectUri) {
      assertUsable('getAuthenticationUrl');
      const result = await authenticationCall('GetAuthenticationUrl', (token) =>
        client.getAuthenticationUrl(token, { SessionId: sessionId, RedirectUri: redirectUri }),
      );
      if (!result.AuthenticationUrl) {
        throw new ChatError('AUTHENTICATION_FAILED', 'GetAuthenticationUrl returned no URL');
      }
      return result.AuthenticationUrl;
    },
    async cancelAuthentication(sessionId) {
      assertUsable('cancelAuthentication');
      await authenticationCall('CancelParticipantAuthentication', (token) =>
        client.cancelParticipantAuthentication(token, { SessionId: sessionId }),
      );
    },
    async describeView(viewToken) {
      assertUsable('describeView');
      const token = anyToken();
      if (token === undefined) {
        throw new ChatError('CONNECTION_LOST', 'describeView: not connected yet');
      }
      const { View: view } = await client
        .describeView(token, { ViewToken: viewToken })
        .catch((error: unknown) => {
          throw readError(error, tokenRejected, 'Could not load the view');
        });
      if (!view) {
        throw new ChatError('INTERACTIVE_INVALID', 'DescribeView returned no view');
      }
      return view;
    },
    loadOlder() {
      assertUsable('loadOlder');
      return sync.loadOlder();
    },
    retry(localId) {
      assertActive('retry');
      const message = failedMessages.get(localId);
      if (message !== undefined) {
        failedMessages.delete(localId);
        updateTranscript((current) => retryPending(current, localId));
        outbox.enqueue(message);
        persist();
        return true;
      }
      return attachments.retry(localId);
    },
    async endChat() {
      assertUsable('endChat');
      if (isEnded()) {
        return;
      }
      const token = anyToken();
      if (token === undefined) {
        markEnded();
        return;
      }
      try {
        await client.disconnectParticipant(token, {});
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind === 'denied') {
          markEnded();
          return;
        }
        if (failure.kind !== 'aborted' && !destroyed) {
          chatStatus = Object.freeze({
            status: chatStatus.status,
            error: failureError(failure, 'CONNECTION_LOST', 'Could not leave the chat'),
          });
          publish();
        }
        return;
      }
      if (!isEnded() && !destroyed) {
        // Flows may still send messages until the service says chat.ended; don't wait forever.
        endedFallback = clock.setTimeout(() => {
          endedFallback = undefined;
          markEnded();
        }, resolved.endedFallbackMs);
      }
    },
    destroy() {
      if (destroyed) {
        return;
      }
      destroyed = true;
      driver.destroy();
      echoes.destroy();
      outbox.destroy();
      receipts.stop();
      typing.destroy();
      sync.stop();
      attachments.destroy(new ChatError('SESSION_DESTROYED', 'The chat session was destroyed'));
      if (endedFallback !== undefined) {
        clock.clearTimeout(endedFallback);
        endedFallback = undefined;
      }
      publish();
    },
  };
  restoreOutbox(stored?.outbox);
  built = true;
  persist();
  return session;
}
