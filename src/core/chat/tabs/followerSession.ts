import { createStore } from '../../store';
import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import { ContentType } from '../../protocol/contentTypes';
import type { SendableMessageContentType } from '../../protocol/contentTypes';
import { checkLocalId, checkMessage } from '../outbox/checkSend';
import { ChatError } from '../../protocol/errors';
import type { View } from '../../protocol/types';
import { newClientToken } from '../../protocol/newClientToken';
import type { ChatItem } from '../transcript/chatItem';
import type { AttachmentFile, ChatSession, ChatSnapshot } from '../session/chatSession';
import { addPendingAttachment, addPendingMessage, failPending } from '../transcript/pendingItems';
import { createTranscript, selectItems } from '../transcript/transcript';
import type { Transcript } from '../transcript/transcript';
import { TAB_NOT_LEADER, createSnapshotDecoder, decodeError, readTabMessage } from './tabMessages';
import type { TabCallMethod, TabMessage } from './tabMessages';
import type { BroadcastChannelLike } from './tabTransport';

/**
 * Options of {@link createFollowerSession}.
 *
 * @example
 * ```ts
 * const follower = createFollowerSession({ channel, tabId: 'tab-b', clock: systemClock, logger: defaultLogger });
 * follower.leaderChanged(epoch); // from the election's onRole
 * ```
 */
export interface FollowerSessionOptions {
  channel: BroadcastChannelLike;
  tabId: string;
  clock: Clock;
  logger: Logger;
  /** Shown until the leader's first snapshot arrives (e.g. the snapshot of this tab's session when it stopped leading). */
  initialSnapshot?: ChatSnapshot;
  /** Marks own pending rows (defaults to the mirrored snapshot's `participantId`). */
  participantId?: string;
  /** Shown on own pending rows. */
  displayName?: string;
  /** How long a call waits for its result. Defaults to `10000`. */
  callTimeoutMs?: number;
}

/**
 * An own send the leader has not confirmed yet, as handed to a new real session when this tab
 * becomes the leader (send it again with the same `localId`).
 *
 * @example
 * ```ts
 * for (const send of follower.unconfirmedSends()) {
 *   if (send.kind === 'message') session.sendMessage(send.content, { localId: send.localId, contentType: send.contentType });
 *   else session.sendAttachment(send.file, { localId: send.localId });
 * }
 * ```
 */
export type PendingSend =
  | {
      readonly kind: 'message';
      readonly localId: string;
      readonly content: string;
      readonly contentType: SendableMessageContentType;
      readonly time: string;
    }
  | {
      readonly kind: 'attachment';
      readonly localId: string;
      readonly file: AttachmentFile;
      readonly time: string;
    };

/**
 * A chat session of a follower tab: the leader tab's session mirrored over the channel, with
 * this tab's own sends overlaid until the mirror shows them. Same members as `ChatSessionLike`,
 * plus what the tab controller tells it.
 *
 * @example
 * ```ts
 * const follower = createFollowerSession({ channel, tabId, clock: systemClock, logger: defaultLogger });
 * election.onLeader((epoch) => follower.leaderChanged(epoch));
 * ```
 */
export interface FollowerSession extends Pick<
  ChatSession,
  | 'subscribe'
  | 'getSnapshot'
  | 'connect'
  | 'sendMessage'
  | 'sendTyping'
  | 'markRead'
  | 'sendAttachment'
  | 'getAttachmentUrl'
  | 'getAuthenticationUrl'
  | 'cancelAuthentication'
  | 'describeView'
  | 'loadOlder'
  | 'retry'
  | 'endChat'
  | 'destroy'
> {
  /** A new leader leads `epoch`: asks it for its snapshot and sends it again every unconfirmed send and waiting call. */
  leaderChanged(epoch: number): void;
  /** No leader right now: sends stay queued; other waiting calls reject after `callTimeoutMs`. */
  leaderLost(): void;
  /** Own sends the mirror does not show `sent` yet (and the leader did not refuse), in send order. */
  unconfirmedSends(): readonly PendingSend[];
}

interface SendEntry {
  send: PendingSend;
  /** Interactive responses: no row, confirmed by their result. */
  hidden: boolean;
  /** The call carrying it, while one waits for its result. */
  callId: string | undefined;
  /** Refused by the leader for misuse: shown failed, never sent again. */
  refused: boolean;
}

interface WaitingCall {
  method: TabCallMethod;
  args: unknown[];
  epoch: number | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: TimerHandle | undefined;
}

const INTERACTIVE_RESPONSE: string = ContentType.interactiveResponse;

/** Before any snapshot: what the React layer shows as "connecting". */
function idleSnapshot(participantId: string | undefined): ChatSnapshot {
  return {
    connection: { status: 'connecting', attempt: 0, error: undefined },
    chat: { status: 'active', error: undefined },
    items: [],
    participants: [],
    typing: [],
    hasOlder: false,
    loadingOlder: false,
    contactId: undefined,
    participantId,
  };
}

/** Merges two lists sorted by `time` (ISO strings), the mirror's first on ties. */
function mergeByTime(mirror: readonly ChatItem[], own: readonly ChatItem[]): ChatItem[] {
  const merged: ChatItem[] = [];
  let i = 0;
  let j = 0;
  while (i < mirror.length || j < own.length) {
    const a = mirror[i];
    const b = own[j];
    if (b === undefined || (a !== undefined && a.time <= b.time)) {
      merged.push(a as ChatItem);
      i += 1;
    } else {
      merged.push(b);
      j += 1;
    }
  }
  return merged;
}

/**
 * Creates the session a follower tab renders: `getSnapshot()` is the leader's snapshot (sent
 * over `channel`) with this tab's unconfirmed sends shown at once as own `sending` rows; actions
 * go to the leader as calls. Sends are never lost: one the leader did not answer (it went away,
 * refused with `TAB_NOT_LEADER`, or the call timed out) is sent again, with the same `localId`,
 * to the next leader; the session there treats a repeated `localId` as the same send.
 * Misuse throws like the real session (`MESSAGE_INVALID`, `CHAT_ENDED`, `SESSION_DESTROYED`).
 *
 * @example
 * ```ts
 * const follower = createFollowerSession({
 *   channel: new BroadcastChannel('contact-kit.chat'),
 *   tabId: crypto.randomUUID(),
 *   clock: systemClock,
 *   logger: defaultLogger,
 * });
 * follower.leaderChanged(3);
 * follower.subscribe(() => render(follower.getSnapshot()));
 * follower.sendMessage('Hello from the second tab');
 * ```
 */
export function createFollowerSession(options: FollowerSessionOptions): FollowerSession {
  const { channel, tabId, clock, logger } = options;
  const callTimeoutMs = options.callTimeoutMs ?? 10_000;
  const decoder = createSnapshotDecoder();
  const sends = new Map<string, SendEntry>();
  const calls = new Map<string, WaitingCall>();
  /** Every own send ever shown (rows are filtered, never removed, so they keep identity). */
  let overlay: Transcript = createTranscript({ ownParticipantId: options.participantId });
  let mirror: ChatSnapshot | undefined = options.initialSnapshot;
  let leader: number | undefined;
  let snapshotEpoch = -Infinity;
  let destroyed = false;
  const store = createStore<ChatSnapshot>(
    options.initialSnapshot ?? idleSnapshot(options.participantId),
    { logger, name: 'chat snapshot' },
  );
  let lastLocalTime = 0;
  let nextCall = 0;

  const localTime = (): string => {
    lastLocalTime = Math.max(clock.now(), lastLocalTime + 1);
    return new Date(lastLocalTime).toISOString();
  };

  const mirroredItem = (localId: string): ChatItem | undefined =>
    mirror?.items.find((item) => item.localId === localId || item.id === localId);

  function compose(): ChatSnapshot {
    const base = mirror ?? idleSnapshot(options.participantId);
    const own = selectItems(overlay).filter((item) => {
      const localId = item.localId ?? item.id;
      return sends.has(localId) && mirroredItem(localId) === undefined;
    });
    const items = own.length === 0 ? base.items : mergeByTime(base.items, own);
    const current = store.getSnapshot();
    if (
      current.items.length === items.length &&
      current.items.every((item, index) => item === items[index]) &&
      (Object.keys(base) as Array<keyof ChatSnapshot>).every(
        (key) => key === 'items' || base[key] === current[key],
      )
    ) {
      return current;
    }
    return items === base.items ? base : { ...base, items };
  }

  function publish(): void {
    store.set(compose());
  }

  function post(message: TabMessage): void {
    if (destroyed) {
      return;
    }
    try {
      channel.postMessage(message);
    } catch (error) {
      logger.warn('Could not post to the leader tab', error);
    }
  }

  /** Posts a waiting call to the leader, if there is one. */
  function postCall(id: string, call: WaitingCall): void {
    if (leader === undefined) {
      return;
    }
    call.epoch = leader;
    post({ kind: 'session.call', epoch: leader, tabId, id, method: call.method, args: call.args });
  }

  const newCallId = (): string => `${tabId}:${(nextCall += 1)}`;

  function armTimer(id: string, call: WaitingCall, replayable: boolean): void {
    if (call.timer !== undefined) {
      clock.clearTimeout(call.timer);
    }
    call.timer = clock.setTimeout(() => {
      call.timer = undefined;
      if (!calls.has(id)) {
        return;
      }
      if (replayable) {
        // A send is never given up: ask again (the same localId is the same send).
        postCall(id, call);
        armTimer(id, call, true);
        return;
      }
      calls.delete(id);
      call.reject(
        new ChatError('CONNECTION_LOST', `${call.method}: no leader tab answered`, {
          retryable: true,
        }),
      );
    }, callTimeoutMs);
  }

  /** Starts a call that waits for its result. */
  function startCall(
    method: TabCallMethod,
    args: unknown[],
    replayable: boolean,
  ): { id: string; result: Promise<unknown> } {
    const id = newCallId();
    const result = new Promise((resolve, reject) => {
      const waiting: WaitingCall = {
        method,
        args,
        epoch: undefined,
        resolve,
        reject,
        timer: undefined,
      };
      calls.set(id, waiting);
      postCall(id, waiting);
      armTimer(id, waiting, replayable);
    });
    return { id, result };
  }

  const call = (method: TabCallMethod, args: unknown[]): Promise<unknown> =>
    startCall(method, args, false).result;

  /** Sends one action nobody waits for (dropped when there is no leader). */
  function fireAndForget(method: TabCallMethod, args: unknown[]): void {
    if (leader !== undefined) {
      post({ kind: 'session.call', epoch: leader, tabId, id: newCallId(), method, args });
    }
  }

  function forwardSend(entry: SendEntry): void {
    const { send } = entry;
    const [method, args]: [TabCallMethod, unknown[]] =
      send.kind === 'message'
        ? ['sendMessage', [send.content, { localId: send.localId, contentType: send.contentType }]]
        : ['sendAttachment', [send.file, { localId: send.localId, name: send.file.name }]];
    const { id, result } = startCall(method, args, true);
    entry.callId = id;
    result.then(
      () => {
        entry.callId = undefined;
        if (entry.hidden) {
          sends.delete(send.localId);
        }
      },
      (error: unknown) => {
        entry.callId = undefined;
        if (destroyed || !(error instanceof ChatError)) {
          return;
        }
        entry.refused = true;
        overlay = failPending(overlay, send.localId, error);
        if (entry.hidden) {
          sends.delete(send.localId);
          logger.warn(`An interactive response was refused: ${error.message}`);
        }
        publish();
      },
    );
  }

  /** Drops sends the mirror shows `sent`. */
  function settleSends(): void {
    for (const [localId, entry] of sends) {
      if (mirroredItem(localId)?.status === 'sent') {
        sends.delete(localId);
        if (entry.callId !== undefined) {
          const waiting = calls.get(entry.callId);
          calls.delete(entry.callId);
          if (waiting?.timer !== undefined) {
            clock.clearTimeout(waiting.timer);
          }
        }
      }
    }
  }

  function onResult(message: Extract<TabMessage, { kind: 'session.result' }>): void {
    const waiting = calls.get(message.id);
    if (waiting === undefined) {
      return;
    }
    if (!message.ok && message.error.code === TAB_NOT_LEADER) {
      // Waits for the next leader (leaderChanged), unless the leader changed meanwhile.
      if (leader !== undefined && leader !== waiting.epoch) {
        postCall(message.id, waiting);
      } else {
        waiting.epoch = undefined;
      }
      return;
    }
    calls.delete(message.id);
    if (waiting.timer !== undefined) {
      clock.clearTimeout(waiting.timer);
    }
    if (message.ok) {
      waiting.resolve(message.value);
    } else {
      waiting.reject(decodeError(message.error));
    }
  }

  const onMessage = (event: { data: unknown }): void => {
    if (destroyed) {
      return;
    }
    const message = readTabMessage(event.data, logger);
    if (message?.kind === 'session.snapshot') {
      if (message.epoch < snapshotEpoch || (leader !== undefined && message.epoch < leader)) {
        return; // an old leader's
      }
      snapshotEpoch = message.epoch;
      mirror = decoder.decode(message.snapshot);
      settleSends();
      publish();
    } else if (message?.kind === 'session.result' && message.tabId === tabId) {
      onResult(message);
    }
  };
  channel.addEventListener('message', onMessage);

  function assertUsable(action: string): void {
    if (destroyed) {
      throw new ChatError('SESSION_DESTROYED', `${action}: the chat session was destroyed`);
    }
  }

  function assertActive(action: string): void {
    assertUsable(action);
    if (mirror?.chat.status === 'ended') {
      throw new ChatError('CHAT_ENDED', `${action}: the chat has ended`);
    }
  }

  const holds = (localId: string): boolean =>
    sends.has(localId) || overlay.localIds.has(localId) || mirroredItem(localId) !== undefined;

  const ownFields = (): { participantId?: string; displayName?: string } => {
    const participantId = options.participantId ?? mirror?.participantId;
    return {
      ...(participantId !== undefined ? { participantId } : {}),
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
    };
  };

  function startSend(send: PendingSend, hidden: boolean): void {
    const entry: SendEntry = { send, hidden, callId: undefined, refused: false };
    sends.set(send.localId, entry);
    forwardSend(entry);
    publish();
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    connect() {
      assertUsable('connect');
    },
    sendMessage(content, sendOptions) {
      assertActive('sendMessage');
      const contentType = checkMessage('sendMessage', content, sendOptions?.contentType);
      const chosen = checkLocalId('sendMessage', sendOptions?.localId);
      if (chosen !== undefined && holds(chosen)) {
        return chosen;
      }
      const localId = chosen ?? newClientToken();
      const time = localTime();
      const hidden = contentType === INTERACTIVE_RESPONSE;
      if (!hidden) {
        overlay = addPendingMessage(overlay, {
          localId,
          contentType,
          content,
          time,
          ...ownFields(),
        });
      }
      startSend({ kind: 'message', localId, content, contentType, time }, hidden);
      return localId;
    },
    sendAttachment(file, sendOptions) {
      assertActive('sendAttachment');
      const chosen = checkLocalId('sendAttachment', sendOptions?.localId);
      if (chosen !== undefined && holds(chosen)) {
        return chosen;
      }
      const localId = chosen ?? newClientToken();
      const time = localTime();
      overlay = addPendingAttachment(overlay, {
        localId,
        name: file.name,
        size: file.size,
        contentType: file.type,
        time,
        ...ownFields(),
      });
      startSend({ kind: 'attachment', localId, file, time }, false);
      return localId;
    },
    sendTyping() {
      assertUsable('sendTyping');
      fireAndForget('sendTyping', []);
    },
    markRead(itemId) {
      assertUsable('markRead');
      fireAndForget('markRead', [itemId]);
    },
    retry(localId) {
      assertActive('retry');
      if (mirroredItem(localId)?.status !== 'failed') {
        return false;
      }
      fireAndForget('retry', [localId]);
      return true;
    },
    async getAttachmentUrl(attachmentId) {
      assertUsable('getAttachmentUrl');
      return (await call('getAttachmentUrl', [attachmentId])) as string;
    },
    async getAuthenticationUrl(sessionId, redirectUri) {
      assertUsable('getAuthenticationUrl');
      return (await call('getAuthenticationUrl', [sessionId, redirectUri])) as string;
    },
    async cancelAuthentication(sessionId) {
      assertUsable('cancelAuthentication');
      await call('cancelAuthentication', [sessionId]);
    },
    async describeView(viewToken) {
      assertUsable('describeView');
      return (await call('describeView', [viewToken])) as View;
    },
    async loadOlder() {
      assertUsable('loadOlder');
      return (await call('loadOlder', [])) === true;
    },
    async endChat() {
      assertUsable('endChat');
      await call('endChat', []);
    },
    leaderChanged(epoch) {
      if (destroyed) {
        return;
      }
      leader = epoch;
      post({ kind: 'session.sync', epoch, tabId });
      for (const [id, waiting] of calls) {
        postCall(id, waiting);
      }
      for (const entry of sends.values()) {
        // Sends whose call settled but that the mirror does not show sent yet: ask again.
        if (!entry.refused && entry.callId === undefined && !entry.hidden) {
          forwardSend(entry);
        }
      }
    },
    leaderLost() {
      leader = undefined;
    },
    unconfirmedSends() {
      return [...sends.values()].filter((entry) => !entry.refused).map((entry) => entry.send);
    },
    destroy() {
      if (destroyed) {
        return;
      }
      destroyed = true;
      channel.removeEventListener('message', onMessage);
      const gone = new ChatError('SESSION_DESTROYED', 'The chat session was destroyed');
      for (const waiting of calls.values()) {
        if (waiting.timer !== undefined) {
          clock.clearTimeout(waiting.timer);
        }
        waiting.reject(gone);
      }
      calls.clear();
    },
  };
}
