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
  const seen = new Set<string>();
  const ownStatus = new Map<string, ChatItem['status']>();
  for (const item of previous.items) {
    seen.add(item.id);
    if (item.localId !== undefined) {
      seen.add(item.localId);
    }
    if (item.isOwn) {
      ownStatus.set(item.localId ?? item.id, item.status);
    }
  }
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
      const { start, inserted } = changedRange(before.items, next.items);
      for (let index = start; index < start + inserted; index += 1) {
        const item = next.items[index]!;
        if (item.isOwn) {
          const key = item.localId ?? item.id;
          const was = ownStatus.get(key);
          if (was !== item.status) {
            ownStatus.set(key, item.status);
            if (was !== undefined && item.status === 'sent') {
              handlers.confirmed?.(item);
            } else if (item.status === 'failed') {
              handlers.failed?.(item);
            }
          }
          continue;
        }
        if (seen.has(item.id)) {
          continue;
        }
        seen.add(item.id);
        if (isIncomingItem(item) && !item.fromHistory) {
          handlers.message?.(item);
        }
      }
    }
    if (next.chat.status === 'ended' && before.chat.status !== 'ended') {
      handlers.ended?.();
    }
  };
  return session.subscribe(onChange);
}
