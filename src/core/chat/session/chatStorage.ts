import {
  MESSAGE_CONTENT_LIMITS,
  SENDABLE_MESSAGE_CONTENT_TYPES,
} from '../../protocol/contentTypes';
import type { SendableMessageContentType } from '../../protocol/contentTypes';
import { isValidTime } from '../transcript/itemOrder';

/**
 * The part of the Web Storage API the session uses (`sessionStorage` fits; so does an in-memory
 * map in tests or AsyncStorage wrapped synchronously).
 *
 * @example
 * ```ts
 * const memory = new Map<string, string>();
 * createChatSession({
 *   participantToken,
 *   region: 'us-east-1',
 *   storage: {
 *     getItem: (key) => memory.get(key) ?? null,
 *     setItem: (key, value) => void memory.set(key, value),
 *     removeItem: (key) => void memory.delete(key),
 *   },
 * });
 * ```
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * What a page needs to pick up a running chat after a reload, without a new StartChatContact.
 *
 * @example
 * ```ts
 * const stored = readStoredChat();
 * if (stored) createChatSession({ ...stored, endpoint });
 * ```
 */
export interface StoredChat {
  readonly participantToken: string;
  readonly contactId?: string | undefined;
  readonly participantId?: string | undefined;
  readonly connectionToken?: string | undefined;
  /** Epoch milliseconds. */
  readonly tokenExpiresAt?: number | undefined;
  /**
   * Own sends not confirmed yet, oldest first (see {@link StoredSend}); a resumed session replays
   * them with the same ClientToken. Bounded by {@link STORED_OUTBOX_LIMITS}.
   */
  readonly outbox?: readonly StoredSend[] | undefined;
}

/**
 * An own message kept with the stored chat until the service confirmed it: queued offline, in
 * flight, or failed. `localId` is its SendMessage ClientToken, so replaying it after a reload
 * cannot store it twice. `hidden` marks an interactive response (sent, but not a transcript row);
 * `failed` one that had failed (it comes back failed, ready for `retry`).
 *
 * @example
 * ```ts
 * const unsent = readStoredChat()?.outbox?.flatMap((send) => (send.kind === 'message' ? [send.content] : []));
 * ```
 */
export interface StoredMessage {
  readonly kind: 'message';
  readonly localId: string;
  readonly contentType: SendableMessageContentType;
  readonly content: string;
  /** When it was sent, ISO-8601 (where the row sorts). */
  readonly time: string;
  readonly hidden?: boolean | undefined;
  readonly failed?: boolean | undefined;
}

/**
 * An own attachment that was uploading (or had failed) when the page went away. The file itself
 * cannot be kept: after a reload it shows as failed with `ATTACHMENT_LOST_ON_RELOAD`, so the
 * customer knows to send it again.
 *
 * @example
 * ```ts
 * const lostFiles = readStoredChat()?.outbox?.flatMap((send) => (send.kind === 'attachment' ? [send.name] : []));
 * ```
 */
export interface StoredAttachment {
  readonly kind: 'attachment';
  readonly localId: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly time: string;
}

/**
 * One entry of the stored outbox.
 *
 * @example
 * ```ts
 * const lost = stored.outbox?.filter((send): send is StoredAttachment => send.kind === 'attachment');
 * ```
 */
export type StoredSend = StoredMessage | StoredAttachment;

/**
 * The version of the stored outbox's format, written as `v` with every stored chat that has an
 * outbox. A record without one (nothing unsent, or an older release) resumes without an outbox;
 * a record of another version keeps its valid token fields but its outbox is ignored, since its
 * shape is unknown.
 *
 * @example
 * ```ts
 * JSON.parse(sessionStorage.getItem(DEFAULT_CHAT_STORAGE_KEY)!).v === STORED_CHAT_VERSION;
 * ```
 */
export const STORED_CHAT_VERSION = 1;

/**
 * How much of the outbox is kept. The rule: entries are kept in order (queued messages in send
 * order, then failed messages, then attachments) while there are at most `maxEntries` of them and
 * their JSON is at most `maxBytes` UTF-8 bytes in all; the first entry past either limit and all
 * after it are not stored (a reload then loses them; the running page still sends them). 50
 * messages is far more than a customer types offline, and 256 KiB stays well inside the 5 MB a
 * browser gives `sessionStorage`.
 *
 * @example
 * ```ts
 * if (pending.length > STORED_OUTBOX_LIMITS.maxEntries) logger.warn('Some messages will not survive a reload');
 * ```
 */
export const STORED_OUTBOX_LIMITS: Readonly<{ maxEntries: number; maxBytes: number }> =
  Object.freeze({ maxEntries: 50, maxBytes: 256 * 1024 });

/**
 * The longest prefix of `sends` within {@link STORED_OUTBOX_LIMITS} (the rule is there).
 *
 * @example
 * ```ts
 * const kept = boundStoredOutbox(sends);
 * if (kept.length < sends.length) logger.warn(`${sends.length - kept.length} sends will not survive a reload`);
 * ```
 */
export function boundStoredOutbox(sends: readonly StoredSend[]): readonly StoredSend[] {
  let bytes = 0;
  let count = 0;
  for (const send of sends) {
    bytes += new TextEncoder().encode(JSON.stringify(send)).length;
    if (count + 1 > STORED_OUTBOX_LIMITS.maxEntries || bytes > STORED_OUTBOX_LIMITS.maxBytes) {
      break;
    }
    count += 1;
  }
  return count === sends.length ? sends : sends.slice(0, count);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** One stored entry as written by this version, or `undefined` when it is anything else. */
function readStoredSend(value: unknown): StoredSend | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const send = value as Record<string, unknown>;
  if (!isText(send['localId']) || send['localId'].length > 500 || !isValidTime(send['time'])) {
    return undefined;
  }
  if (send['kind'] === 'message') {
    const contentType = send['contentType'];
    const content = send['content'];
    if (
      !(SENDABLE_MESSAGE_CONTENT_TYPES as readonly unknown[]).includes(contentType) ||
      !isText(content) ||
      content.length > MESSAGE_CONTENT_LIMITS[contentType as SendableMessageContentType]
    ) {
      return undefined;
    }
    return {
      kind: 'message',
      localId: send['localId'],
      contentType: contentType as SendableMessageContentType,
      content,
      time: send['time'],
      ...(send['hidden'] === true ? { hidden: true } : {}),
      ...(send['failed'] === true ? { failed: true } : {}),
    };
  }
  if (send['kind'] === 'attachment') {
    const size = send['size'];
    if (
      typeof send['name'] !== 'string' ||
      typeof send['contentType'] !== 'string' ||
      typeof size !== 'number' ||
      !Number.isFinite(size) ||
      size < 0
    ) {
      return undefined;
    }
    return {
      kind: 'attachment',
      localId: send['localId'],
      name: send['name'],
      size,
      contentType: send['contentType'],
      time: send['time'],
    };
  }
  return undefined;
}

/**
 * The stored outbox, checked entry by entry: anything malformed is skipped, never trusted, and
 * a `localId` seen twice counts once.
 */
function readStoredOutbox(value: unknown): readonly StoredSend[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const seen = new Set<string>();
  const sends: StoredSend[] = [];
  for (const entry of value.slice(0, STORED_OUTBOX_LIMITS.maxEntries)) {
    const send = readStoredSend(entry);
    if (send !== undefined && !seen.has(send.localId)) {
      seen.add(send.localId);
      sends.push(send);
    }
  }
  return sends.length > 0 ? boundStoredOutbox(sends) : undefined;
}

/**
 * The storage key used unless `storageKey` says otherwise.
 *
 * @example
 * ```ts
 * sessionStorage.removeItem(DEFAULT_CHAT_STORAGE_KEY);
 * ```
 */
export const DEFAULT_CHAT_STORAGE_KEY = 'contact-kit.chat';

/**
 * `sessionStorage` when the page has one and it works (it throws in some privacy modes), looked up
 * at call time; `undefined` elsewhere (Node, SSR). Tokens are deliberately not kept in
 * `localStorage`: they would outlive the tab and leak to every tab of the origin.
 *
 * @example
 * ```ts
 * const storage = options.storage === undefined ? defaultChatStorage() : options.storage ?? undefined;
 * ```
 */
export function defaultChatStorage(): StorageLike | undefined {
  try {
    const storage = (globalThis as { sessionStorage?: StorageLike }).sessionStorage;
    return storage !== undefined && typeof storage.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Options of the stored-chat helpers.
 *
 * @example
 * ```ts
 * readStoredChat({ storage: window.sessionStorage, key: 'shop.chat' });
 * ```
 */
export interface ChatStorageOptions {
  /** Defaults to the page's `sessionStorage` (none in Node or SSR); `null` means none. */
  storage?: StorageLike | null | undefined;
  /** Defaults to `'contact-kit.chat'`. */
  key?: string | undefined;
}

function resolve(options: ChatStorageOptions): StorageLike | undefined {
  return options.storage === undefined ? defaultChatStorage() : (options.storage ?? undefined);
}

/**
 * The chat a previous page load left in storage, if any (and readable).
 *
 * @example
 * ```ts
 * const details = readStoredChat() ?? (await startChatOnMyBackend());
 * const session = createChatSession({ ...details, endpoint });
 * ```
 */
export function readStoredChat(options: ChatStorageOptions = {}): StoredChat | undefined {
  const storage = resolve(options);
  try {
    const text = storage?.getItem(options.key ?? DEFAULT_CHAT_STORAGE_KEY);
    if (text == null) {
      return undefined;
    }
    const value = JSON.parse(text) as (Partial<StoredChat> & { v?: unknown }) | null;
    if (typeof value?.participantToken !== 'string' || value.participantToken === '') {
      return undefined;
    }
    const outbox = value.v === STORED_CHAT_VERSION ? readStoredOutbox(value.outbox) : undefined;
    return {
      participantToken: value.participantToken,
      contactId: typeof value.contactId === 'string' ? value.contactId : undefined,
      participantId: typeof value.participantId === 'string' ? value.participantId : undefined,
      connectionToken:
        typeof value.connectionToken === 'string' ? value.connectionToken : undefined,
      tokenExpiresAt: typeof value.tokenExpiresAt === 'number' ? value.tokenExpiresAt : undefined,
      ...(outbox !== undefined ? { outbox } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Saves the chat, its outbox (if any) bounded by {@link STORED_OUTBOX_LIMITS} and tagged with
 * {@link STORED_CHAT_VERSION} (quota and privacy-mode errors are swallowed: resuming is a
 * convenience).
 *
 * @example
 * ```ts
 * writeStoredChat({ participantToken, contactId, participantId }, { storage });
 * ```
 */
export function writeStoredChat(chat: StoredChat, options: ChatStorageOptions = {}): void {
  try {
    const outbox = chat.outbox === undefined ? [] : boundStoredOutbox(chat.outbox);
    // A record without an outbox has the shape older releases wrote and read; only an outbox
    // needs the version that says how to read it.
    const record =
      outbox.length > 0
        ? { v: STORED_CHAT_VERSION, ...chat, outbox }
        : { ...chat, outbox: undefined };
    resolve(options)?.setItem(options.key ?? DEFAULT_CHAT_STORAGE_KEY, JSON.stringify(record));
  } catch {
    // Nothing to do: the chat still works, it just cannot be resumed after a reload.
  }
}

/**
 * Forgets the stored chat (done automatically when the chat ends).
 *
 * @example
 * ```ts
 * clearStoredChat();
 * ```
 */
export function clearStoredChat(options: ChatStorageOptions = {}): void {
  try {
    resolve(options)?.removeItem(options.key ?? DEFAULT_CHAT_STORAGE_KEY);
  } catch {
    // See writeStoredChat.
  }
}
