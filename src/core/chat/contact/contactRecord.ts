import {
  clearStoredChat,
  DEFAULT_CHAT_STORAGE_KEY,
  defaultChatStorage,
  readStoredChat,
  writeStoredChat,
} from '../session/chatStorage';
import type { ChatStorageOptions, StorageLike, StoredChat } from '../session/chatStorage';
import { readMarkerFrom } from './readMarker';
import type { ReadMarker } from './readMarker';

/**
 * The one record a tab keeps about its contact (in `sessionStorage` by default): the running
 * chat (tokens, ids, unsent messages), how far the customer has read, and the last ended contact
 * so a reload can still offer to continue it. Written only by the contact controller: the chat
 * session's own writes go through {@link ContactRecordStore.sessionStorage}.
 *
 * @example
 * ```ts
 * const { chat, readMarker } = createContactRecordStore({ key: 'contact-kit.chat' }).read();
 * ```
 */
export interface ContactRecord {
  readonly chat?: StoredChat | undefined;
  readonly readMarker?: ReadMarker | undefined;
  readonly previousContactId?: string | undefined;
  /** What the customer was typing and has not sent (kept across minimise and reload). */
  readonly draft?: string | undefined;
}

/**
 * Reads and writes the {@link ContactRecord} under one key.
 *
 * @example
 * ```ts
 * const records = createContactRecordStore({ storage: sessionStorage, key: 'contact-kit.chat' });
 * records.update((record) => ({ ...record, readMarker }));
 * ```
 */
export interface ContactRecordStore {
  read(): ContactRecord;
  update(change: (record: ContactRecord) => ContactRecord): void;
  /**
   * A `StorageLike` for the chat session: what it writes under the key becomes the record's
   * `chat` (the rest of the record is kept), what it removes clears `chat` only.
   */
  readonly sessionStorage: StorageLike;
}

/** The longest draft kept: past any message limit, short of filling the storage quota. */
export const MAX_STORED_DRAFT = 20_000;

const isDraft = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= MAX_STORED_DRAFT;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= 500;

/**
 * Creates the store of the record under `options.key` in `options.storage` (the defaults of
 * the chat session: `sessionStorage`, `contact-kit.chat`). Storage failures are swallowed:
 * resuming is a convenience, never a reason for the chat to fail.
 *
 * @example
 * ```ts
 * const records = createContactRecordStore({});
 * const { chat } = records.read();
 * ```
 */
export function createContactRecordStore(options: ChatStorageOptions): ContactRecordStore {
  const name = options.key ?? DEFAULT_CHAT_STORAGE_KEY;
  // Resolved on first use, so creating the store on a server reads no browser global.
  let resolved: { storage: StorageLike | undefined } | undefined;
  const storage = (): StorageLike | undefined =>
    (resolved ??= {
      storage:
        options.storage === undefined ? defaultChatStorage() : (options.storage ?? undefined),
    }).storage;
  const at = (): ChatStorageOptions => ({ storage: storage() ?? null, key: name });

  function readExtras(): Pick<ContactRecord, 'readMarker' | 'previousContactId' | 'draft'> {
    try {
      const text = storage()?.getItem(name);
      const value = text == null ? undefined : (JSON.parse(text) as Record<string, unknown>);
      return {
        readMarker: readMarkerFrom(value?.['readMarker']),
        previousContactId: isId(value?.['previousContactId'])
          ? value['previousContactId']
          : undefined,
        draft: isDraft(value?.['draft']) ? value['draft'] : undefined,
      };
    } catch {
      return {};
    }
  }

  function read(): ContactRecord {
    return { chat: readStoredChat(at()), ...readExtras() };
  }

  function write(record: ContactRecord): void {
    const extras = {
      ...(record.readMarker !== undefined ? { readMarker: record.readMarker } : {}),
      ...(record.previousContactId !== undefined
        ? { previousContactId: record.previousContactId }
        : {}),
      ...(record.draft ? { draft: record.draft } : {}),
    };
    if (record.chat !== undefined) {
      const chat: StoredChat = { ...record.chat, ...extras };
      writeStoredChat(chat, at());
      return;
    }
    if (record.previousContactId === undefined) {
      clearStoredChat(at());
      return;
    }
    try {
      storage()?.setItem(name, JSON.stringify(extras));
    } catch {
      // See writeStoredChat.
    }
  }

  const update = (change: (record: ContactRecord) => ContactRecord): void => write(change(read()));

  return {
    read,
    update,
    sessionStorage: {
      getItem: (asked) => storage()?.getItem(asked) ?? null,
      setItem: (_name, value) => {
        const chat = readStoredChat({
          storage: { getItem: () => value, setItem() {}, removeItem() {} },
        });
        update((record) => ({ ...record, chat }));
      },
      removeItem: () => update((record) => ({ ...record, chat: undefined })),
    },
  };
}
