import type { ChatSnapshot } from '../../core/chat/chatSession';
import { useCallback, useMemo } from 'react';
import type { ChatItem } from '../../core/chat/chatItem';

import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * What {@link useUnreadCount} returns.
 *
 * @example
 * ```ts
 * const { count, markAllRead }: UseUnreadCountResult = useUnreadCount();
 * ```
 */
export interface UseUnreadCountResult {
  /** Messages and attachments from others since the customer last read the chat. */
  count: number;
  /** Marks everything as read and sends a read receipt for the newest incoming item. */
  markAllRead: () => void;
}

function isIncoming(item: ChatItem): boolean {
  return !item.isOwn && (item.type === 'message' || item.type === 'attachment');
}

const selectItems = (snapshot: ChatSnapshot) => snapshot.items;
const selectMarker = (marker: string | undefined) => marker;

/**
 * How many messages the customer has not read, for a launcher badge. Call `markAllRead` when the
 * chat is visible.
 *
 * @example
 * ```tsx
 * function Launcher({ open, onOpen }: { open: boolean; onOpen: () => void }) {
 *   const { count, markAllRead } = useUnreadCount();
 *   useEffect(() => { if (open) markAllRead(); }, [open, count, markAllRead]);
 *   return <button onClick={onOpen}>Open chat {count > 0 && <span>{count}</span>}</button>;
 * }
 * ```
 */
export function useUnreadCount(): UseUnreadCountResult {
  const { session, store, readMarker } = useChatContext();
  const items = useStoreSelector(store, selectItems);
  const marker = useStoreSelector(readMarker, selectMarker);

  const count = useMemo(() => {
    const start = marker === undefined ? 0 : items.findIndex((item) => item.id === marker) + 1;
    let unread = 0;
    for (let index = start; index < items.length; index += 1) {
      const item = items[index];
      if (item && isIncoming(item)) {
        unread += 1;
      }
    }
    return unread;
  }, [items, marker]);

  const markAllRead = useCallback(() => {
    const latest = store.getSnapshot().items.findLast(isIncoming);
    if (!latest || readMarker.getSnapshot() === latest.id) {
      return;
    }
    readMarker.set(latest.id);
    session?.markRead(latest.id);
  }, [session, store, readMarker]);

  return { count, markAllRead };
}
