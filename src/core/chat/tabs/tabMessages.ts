import type { Logger } from '../../logger';
import { ChatError, ContactKitError } from '../../protocol/errors';
import type { ChatErrorCode } from '../../protocol/errors';
import type { ChatAttachment, ChatItem } from '../transcript/chatItem';
import type { ChatConnectionView, ChatSnapshot, ChatStatusView } from '../session/chatSession';

/**
 * Codes the tab layer adds to the session's `ChatErrorCode`s on the wire. `TAB_NOT_LEADER`: the
 * tab that got a `session.call` is not the leader of the call's epoch (a follower sends the call
 * again to the next leader; it never reaches the caller).
 *
 * @example
 * ```ts
 * if (message.error?.code === TAB_NOT_LEADER) resendLater(message.id);
 * ```
 */
export type TabErrorCode = 'TAB_NOT_LEADER';

/**
 * The code of a `session.result` refused because the epoch is not the host's.
 *
 * @example
 * ```ts
 * if (message.kind === 'session.result' && !message.ok && decodeError(message.error).code === TAB_NOT_LEADER) {
 *   // the tab asked is no longer the leader: wait for the next one and ask again
 * }
 * ```
 */
export const TAB_NOT_LEADER: TabErrorCode = 'TAB_NOT_LEADER';

/**
 * A `ChatError` as it travels between tabs (a structured clone loses the class and its `code`).
 *
 * @example
 * ```ts
 * const wire = encodeError(new ChatError('CHAT_ENDED', 'The chat has ended'));
 * decodeError(wire).code; // 'CHAT_ENDED' again in the other tab
 * ```
 */
export interface EncodedError {
  readonly code: ChatErrorCode | TabErrorCode;
  readonly message: string;
  readonly retryable: boolean;
}

type Encoded<T> = T extends ChatError | undefined ? EncodedError | undefined : T;

/** A chat item with its errors encoded. */
export type EncodedItem = Omit<ChatItem, 'error' | 'attachments'> & {
  readonly error?: EncodedError;
  readonly attachments?: ReadonlyArray<Omit<ChatAttachment, 'error'> & { error?: EncodedError }>;
};

/**
 * A `ChatSnapshot` as it travels between tabs: plain data, errors encoded.
 *
 * @example
 * ```ts
 * channel.postMessage({ kind: 'session.snapshot', epoch, tabId, snapshot: encodeSnapshot(session.getSnapshot()) });
 * ```
 */
export type EncodedSnapshot = Omit<ChatSnapshot, 'connection' | 'chat' | 'items'> & {
  readonly connection: { [K in keyof ChatConnectionView]: Encoded<ChatConnectionView[K]> };
  readonly chat: { [K in keyof ChatStatusView]: Encoded<ChatStatusView[K]> };
  readonly items: readonly EncodedItem[];
};

/**
 * The session methods a follower may call on the leader.
 *
 * @example
 * ```ts
 * if (!isTabCallMethod(call.method)) answer(call, { ok: false, error: encodeError(invalid(`Unknown method ${call.method}`)) });
 * ```
 */
export type TabCallMethod =
  | 'sendMessage'
  | 'sendAttachment'
  | 'sendTyping'
  | 'markRead'
  | 'retry'
  | 'loadOlder'
  | 'endChat'
  | 'getAttachmentUrl'
  | 'getAuthenticationUrl'
  | 'cancelAuthentication'
  | 'describeView';

/**
 * Messages of the tab session layer on the shared channel (the election's `election.*` share it
 * and are ignored here). `epoch` is the leadership epoch; `tabId` is the sender, except on
 * `session.result`, where it is the caller the result is for.
 *
 * - `session.snapshot` (leader → all): the leader's current snapshot.
 * - `session.sync` (follower → leader): asks for `session.snapshot` at once.
 * - `session.call` (follower → leader): runs `method(...args)` on the leader's session.
 * - `session.result` (leader → follower): the call's value, or its error.
 *
 * @example
 * ```ts
 * const message = readTabMessage(event.data, logger);
 * if (message?.kind === 'session.call') console.log(message.method, message.args);
 * ```
 */
export type TabMessage =
  | { kind: 'session.snapshot'; epoch: number; tabId: string; snapshot: EncodedSnapshot }
  | { kind: 'session.sync'; epoch: number; tabId: string }
  | {
      kind: 'session.call';
      epoch: number;
      tabId: string;
      id: string;
      method: TabCallMethod;
      args: unknown[];
    }
  | {
      kind: 'session.result';
      epoch: number;
      tabId: string;
      id: string;
      ok: true;
      value: unknown;
    }
  | {
      kind: 'session.result';
      epoch: number;
      tabId: string;
      id: string;
      ok: false;
      error: EncodedError;
    };

const METHODS: ReadonlySet<string> = new Set<TabCallMethod>([
  'sendMessage',
  'sendAttachment',
  'sendTyping',
  'markRead',
  'retry',
  'loadOlder',
  'endChat',
  'getAttachmentUrl',
  'getAuthenticationUrl',
  'cancelAuthentication',
  'describeView',
]);

/**
 * Encodes any thrown value: a `ContactKitError` keeps its code, anything else becomes
 * `MESSAGE_INVALID` with its message.
 *
 * @example
 * ```ts
 * encodeError(new ChatError('CHAT_ENDED', 'ended')); // { code: 'CHAT_ENDED', message: 'ended', retryable: false }
 * ```
 */
export function encodeError(error: unknown): EncodedError {
  if (error instanceof ContactKitError) {
    return {
      code: error.code as ChatErrorCode,
      message: error.message,
      retryable: error.retryable,
    };
  }
  return {
    code: 'MESSAGE_INVALID',
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
  };
}

/**
 * Rebuilds a real `ChatError` from its wire form.
 *
 * @example
 * ```ts
 * const error = decodeError({ code: 'CHAT_ENDED', message: 'ended', retryable: false });
 * error instanceof ChatError; // true
 * ```
 */
export function decodeError(encoded: EncodedError): ChatError {
  // TAB_NOT_LEADER never reaches a caller; other codes are the session's own.
  return new ChatError(encoded.code as ChatErrorCode, encoded.message, {
    retryable: encoded.retryable,
  });
}

const optionalError = (error: ChatError | undefined): { error?: EncodedError } =>
  error === undefined ? {} : { error: encodeError(error) };

function encodeItem(item: ChatItem): EncodedItem {
  const { error, attachments, ...rest } = item;
  return {
    ...rest,
    ...optionalError(error),
    ...(attachments === undefined
      ? {}
      : {
          attachments: attachments.map(({ error: failure, ...attachment }) => ({
            ...attachment,
            ...optionalError(failure),
          })),
        }),
  };
}

/**
 * Turns a snapshot into plain, structured-cloneable data.
 *
 * @example
 * ```ts
 * const wire = encodeSnapshot(session.getSnapshot());
 * ```
 */
export function encodeSnapshot(snapshot: ChatSnapshot): EncodedSnapshot {
  return {
    ...snapshot,
    connection: { ...snapshot.connection, error: encodeOptional(snapshot.connection.error) },
    chat: { ...snapshot.chat, error: encodeOptional(snapshot.chat.error) },
    items: snapshot.items.map(encodeItem),
    participants: snapshot.participants.map((participant) => ({ ...participant })),
    typing: snapshot.typing.map((participant) => ({ ...participant })),
  };
}

const encodeOptional = (error: ChatError | undefined): EncodedError | undefined =>
  error === undefined ? undefined : encodeError(error);

const decodeOptional = (error: EncodedError | undefined): ChatError | undefined =>
  error === undefined ? undefined : decodeError(error);

function decodeItem(item: EncodedItem): ChatItem {
  const { error, attachments, ...rest } = item;
  const decoded: ChatItem = { ...rest, receipts: rest.receipts.map((receipt) => ({ ...receipt })) };
  if (error !== undefined) {
    decoded.error = decodeError(error);
  }
  if (attachments !== undefined) {
    decoded.attachments = attachments.map(({ error: failure, ...attachment }) =>
      failure === undefined ? attachment : { ...attachment, error: decodeError(failure) },
    );
  }
  return decoded;
}

/**
 * Decodes snapshots one after another, keeping object identity: an item whose wire form did not
 * change is the previous item object, an unchanged part (connection, chat, lists) the previous
 * part, and a snapshot with nothing changed the previous snapshot.
 *
 * @example
 * ```ts
 * const decoder = createSnapshotDecoder();
 * const first = decoder.decode(wire);
 * decoder.decode(wire) === first; // true
 * ```
 */
export interface SnapshotDecoder {
  decode(encoded: EncodedSnapshot): ChatSnapshot;
}

/**
 * Creates a {@link SnapshotDecoder}.
 *
 * @example
 * ```ts
 * const decoder = createSnapshotDecoder();
 * mirror = decoder.decode(message.snapshot);
 * ```
 */
export function createSnapshotDecoder(): SnapshotDecoder {
  let items = new Map<string, { key: string; item: ChatItem }>();
  let previous: ChatSnapshot | undefined;
  const keys = new Map<string, string>();

  function part<T>(name: string, value: unknown, old: T | undefined, build: () => T): T {
    const key = JSON.stringify(value);
    if (old !== undefined && keys.get(name) === key) {
      return old;
    }
    keys.set(name, key);
    return build();
  }

  return {
    decode(encoded) {
      const nextItems = new Map<string, { key: string; item: ChatItem }>();
      const decodedItems = encoded.items.map((item) => {
        const key = JSON.stringify(item);
        const known = items.get(item.id);
        const entry = known?.key === key ? known : { key, item: decodeItem(item) };
        nextItems.set(item.id, entry);
        return entry.item;
      });
      items = nextItems;
      const sameItems =
        previous !== undefined &&
        previous.items.length === decodedItems.length &&
        previous.items.every((item, index) => item === decodedItems[index]);
      const next: ChatSnapshot = {
        ...encoded,
        connection: part('connection', encoded.connection, previous?.connection, () => ({
          ...encoded.connection,
          error: decodeOptional(encoded.connection.error),
        })),
        chat: part('chat', encoded.chat, previous?.chat, () => ({
          ...encoded.chat,
          error: decodeOptional(encoded.chat.error),
        })),
        items: sameItems && previous ? previous.items : decodedItems,
        participants: part('participants', encoded.participants, previous?.participants, () =>
          encoded.participants.map((participant) => ({ ...participant })),
        ),
        typing: part('typing', encoded.typing, previous?.typing, () =>
          encoded.typing.map((participant) => ({ ...participant })),
        ),
      };
      if (
        previous !== undefined &&
        (Object.keys(next) as Array<keyof ChatSnapshot>).every(
          (key) => next[key] === previous?.[key],
        )
      ) {
        return previous;
      }
      previous = next;
      return next;
    },
  };
}

type UnknownRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEncodedError = (value: unknown): value is EncodedError =>
  isRecord(value) &&
  typeof value['code'] === 'string' &&
  typeof value['message'] === 'string' &&
  typeof value['retryable'] === 'boolean';

const optionalErrorField = (value: UnknownRecord): boolean =>
  value['error'] === undefined || isEncodedError(value['error']);

function isEncodedItem(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    typeof value['type'] === 'string' &&
    typeof value['time'] === 'string' &&
    typeof value['isOwn'] === 'boolean' &&
    Array.isArray(value['receipts']) &&
    value['receipts'].every(isRecord) &&
    optionalErrorField(value) &&
    (value['attachments'] === undefined ||
      (Array.isArray(value['attachments']) &&
        value['attachments'].every(
          (attachment) => isRecord(attachment) && optionalErrorField(attachment),
        )))
  );
}

function isEncodedSnapshot(value: unknown): value is EncodedSnapshot {
  if (!isRecord(value)) {
    return false;
  }
  const { connection, chat, items, participants, typing } = value;
  return (
    isRecord(connection) &&
    typeof connection['status'] === 'string' &&
    typeof connection['attempt'] === 'number' &&
    optionalErrorField(connection) &&
    isRecord(chat) &&
    (chat['status'] === 'active' || chat['status'] === 'ended') &&
    optionalErrorField(chat) &&
    Array.isArray(items) &&
    items.every(isEncodedItem) &&
    Array.isArray(participants) &&
    participants.every(isRecord) &&
    Array.isArray(typing) &&
    typing.every(isRecord) &&
    typeof value['hasOlder'] === 'boolean' &&
    typeof value['loadingOlder'] === 'boolean'
  );
}

/**
 * Reads one message off the shared channel: a well-formed `session.*` message, or `undefined`
 * for anything else. `election.*` and other kinds are skipped silently; a malformed `session.*`
 * message is skipped with `logger.warn`. Never throws.
 *
 * @example
 * ```ts
 * channel.addEventListener('message', (event) => {
 *   const message = readTabMessage(event.data, logger);
 *   if (message?.kind === 'session.sync') answer();
 * });
 * ```
 */
export function readTabMessage(data: unknown, logger: Logger): TabMessage | undefined {
  if (!isRecord(data) || typeof data['kind'] !== 'string' || !data['kind'].startsWith('session.')) {
    return undefined;
  }
  const malformed = (why: string): undefined => {
    logger.warn(
      `Ignored a malformed ${String(data['kind'])} message from another tab: ${why}`,
      data,
    );
    return undefined;
  };
  if (typeof data['epoch'] !== 'number' || !Number.isFinite(data['epoch'])) {
    return malformed('no epoch');
  }
  if (typeof data['tabId'] !== 'string') {
    return malformed('no tabId');
  }
  switch (data['kind']) {
    case 'session.sync':
      return data as TabMessage;
    case 'session.snapshot':
      return isEncodedSnapshot(data['snapshot']) ? (data as TabMessage) : malformed('bad snapshot');
    case 'session.call':
      if (typeof data['id'] !== 'string') {
        return malformed('no id');
      }
      // An unknown method is answered (with an error), not ignored: the caller is waiting.
      if (typeof data['method'] !== 'string' || !Array.isArray(data['args'])) {
        return malformed('no method or args');
      }
      return data as TabMessage;
    case 'session.result':
      if (typeof data['id'] !== 'string' || typeof data['ok'] !== 'boolean') {
        return malformed('no id or ok');
      }
      if (data['ok'] === false && !isEncodedError(data['error'])) {
        return malformed('bad error');
      }
      return data as TabMessage;
    default:
      return malformed('unknown kind');
  }
}

/**
 * Whether `method` is one a follower may call.
 *
 * @example
 * ```ts
 * if (!isTabCallMethod(message.method)) refuse(message);
 * ```
 */
export function isTabCallMethod(method: string): method is TabCallMethod {
  return METHODS.has(method);
}
