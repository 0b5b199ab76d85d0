/**
 * The part of the Web Storage API the session uses (`sessionStorage` fits; so does an in-memory
 * map in tests or AsyncStorage wrapped synchronously).
 *
 * @example
 * ```ts
 * const memory = new Map<string, string>();
 * const storage: StorageLike = {
 *   getItem: (key) => memory.get(key) ?? null,
 *   setItem: (key, value) => void memory.set(key, value),
 *   removeItem: (key) => void memory.delete(key),
 * };
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
  /** Defaults to {@link defaultChatStorage}; `null` means none. */
  storage?: StorageLike | null | undefined;
  /** Defaults to {@link DEFAULT_CHAT_STORAGE_KEY}. */
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
    const value = JSON.parse(text) as Partial<StoredChat> | null;
    if (typeof value?.participantToken !== 'string' || value.participantToken === '') {
      return undefined;
    }
    return {
      participantToken: value.participantToken,
      contactId: typeof value.contactId === 'string' ? value.contactId : undefined,
      participantId: typeof value.participantId === 'string' ? value.participantId : undefined,
      connectionToken:
        typeof value.connectionToken === 'string' ? value.connectionToken : undefined,
      tokenExpiresAt: typeof value.tokenExpiresAt === 'number' ? value.tokenExpiresAt : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * Saves the chat (quota and privacy-mode errors are swallowed: resuming is a convenience).
 *
 * @example
 * ```ts
 * writeStoredChat({ participantToken, contactId, participantId }, { storage });
 * ```
 */
export function writeStoredChat(chat: StoredChat, options: ChatStorageOptions = {}): void {
  try {
    resolve(options)?.setItem(options.key ?? DEFAULT_CHAT_STORAGE_KEY, JSON.stringify(chat));
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
