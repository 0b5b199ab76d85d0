import type { ChatItem } from '../transcript/chatItem';
import type { ChatConnectionView } from '../session/chatSession';
import type { ChatSessionLike } from '../session/chatSessionLike';
import { isIncomingItem } from './readMarker';
import { changedRange } from '../transcript/changedRange';

/**
 * What a chat session's snapshots say happened, as events: the typed events of
 * {@link ContactEvents} that come from the session.
 *
 * @example
 * ```ts
 * const stop = watchSession(session, {
 *   message: (item) => notify(item.content),
 *   confirmed: () => undefined,
 *   failed: (item) => console.warn(item.error?.code),
 *   connection: () => undefined,
 *   error: () => undefined,
 *   ended: () => showSurvey(),
 * });
 * ```
 */
export interface SessionEventHandlers {
  /** A message or attachment from someone else, live or filled in after a gap (never history). */
  message(item: ChatItem): void;
  /** An own message or attachment the service confirmed. */
  confirmed(item: ChatItem): void;
  /** An own message or attachment that failed (see `item.error`). */
  failed(item: ChatItem): void;
  /** The socket's status changed. */
  connection(view: ChatConnectionView): void;
  /** A new connection error. */
  error(error: Error): void;
  /** The chat ended. */
  ended(): void;
}

/**
 * Watches a session and calls `handlers` (any of them) for what changed, once per change: items already there
 * when watching starts are not news, an item is news once (also when it moves from pending to
 * sent, or comes back in a gap fill), and history pages are never news.
 *
 * @example
 * ```ts
 * const stop = watchSession(session, handlers);
 * stop();
 * ```
 */
export function watchSession(
  session: ChatSessionLike,
  handlers: Partial<SessionEventHandlers>,
): () => void {
  let previous = session.getSnapshot();
  // What was seen is known without indexing the transcript up front (that cost every watcher a
  // pass over all items when it started, three per widget mount; issue #17): an item still in the
  // transcript is either unchanged (outside the changed window) or replaced by its own new version
  // (inside the window of the previous array), so only items that left the transcript are kept.
  const left = new Set<string>();
  const leftOwnStatus = new Map<string, ChatItem['status']>();
  const onChange = (): void => {
    const next = session.getSnapshot();
    if (next === previous) {
      return;
    }
    const before = previous;
    previous = next;
    if (next.connection.status !== before.connection.status) {
      handlers.connection?.(next.connection);
    }
    if (next.connection.error && next.connection.error !== before.connection.error) {
      handlers.error?.(next.connection.error);
    }
    if (next.items !== before.items) {
      // Items that kept their identity were seen with this status already: only the changed
      // window can hold news, so an update costs its changes, not the transcript's length.
      const { start, removed, inserted } = changedRange(before.items, next.items);
      // The window's previous versions: ids and local ids, and own items' statuses by key.
      const replaced = new Set<string>();
      const replacedOwnStatus = new Map<string, ChatItem['status']>();
      for (let index = start; index < start + removed; index += 1) {
        const item = before.items[index]!;
        replaced.add(item.id);
        if (item.localId !== undefined) {
          replaced.add(item.localId);
        }
        if (item.isOwn) {
          replacedOwnStatus.set(item.localId ?? item.id, item.status);
        }
      }
      const kept = new Set<string>();
      for (let index = start; index < start + inserted; index += 1) {
        const item = next.items[index]!;
        kept.add(item.id);
        if (item.localId !== undefined) {
          kept.add(item.localId);
        }
        if (item.isOwn) {
          const key = item.localId ?? item.id;
          kept.add(key);
          const was = replacedOwnStatus.has(key)
            ? replacedOwnStatus.get(key)
            : leftOwnStatus.get(key);
          if (was !== item.status) {
            if (was !== undefined && item.status === 'sent') {
              handlers.confirmed?.(item);
            } else if (item.status === 'failed') {
              handlers.failed?.(item);
            }
          }
          continue;
        }
        if (replaced.has(item.id) || left.has(item.id)) {
          continue;
        }
        // Seen from now on, also if the same id comes twice in this window.
        replaced.add(item.id);
        if (isIncomingItem(item) && !item.fromHistory) {
          handlers.message?.(item);
        }
      }
      // Items that left the transcript: remembered, in case they come back.
      for (let index = start; index < start + removed; index += 1) {
        const item = before.items[index]!;
        for (const id of [item.id, item.localId]) {
          if (id !== undefined && !kept.has(id)) {
            left.add(id);
          }
        }
        if (item.isOwn) {
          const key = item.localId ?? item.id;
          if (!kept.has(key)) {
            leftOwnStatus.set(key, item.status);
          }
        }
      }
    }
    if (next.chat.status === 'ended' && before.chat.status !== 'ended') {
      handlers.ended?.();
    }
  };
  return session.subscribe(onChange);
}
