import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import type { ExternalStore } from '../hooks/internal/useStoreSelector';

/**
 * What the hooks see before a chat has started: no connection, no items.
 *
 * @example
 * ```ts
 * IDLE_SNAPSHOT.connection.status; // 'idle'
 * ```
 */
export const IDLE_SNAPSHOT: ChatSnapshot = Object.freeze({
  connection: Object.freeze({ status: 'idle', attempt: 0, error: undefined }),
  chat: Object.freeze({ status: 'active', error: undefined }),
  items: Object.freeze([]),
  participants: Object.freeze([]),
  typing: Object.freeze([]),
  hasOlder: false,
  loadingOlder: false,
  contactId: undefined,
  participantId: undefined,
});

/**
 * A store that never changes, standing in for the session until there is one.
 *
 * @example
 * ```ts
 * const store = session ?? IDLE_STORE;
 * ```
 */
export const IDLE_STORE: ExternalStore<ChatSnapshot> = {
  subscribe: () => () => undefined,
  getSnapshot: () => IDLE_SNAPSHOT,
};
