import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback, useMemo } from 'react';
import { countUnread, isIncomingItem } from '../../core/chat/contact/readMarker';

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

const selectItems = (snapshot: ChatSnapshot) => snapshot.items;
const selectMarker = (marker: string | undefined) => marker;
const selectUnread = (snapshot: { readonly unread: number }) => snapshot.unread;
const NO_UNREAD = { unread: 0 };
const NO_CONTROLLER = { subscribe: () => () => undefined, getSnapshot: () => NO_UNREAD };

/**
 * How many messages the customer has not read, for a launcher badge. Call `markAllRead` when the
 * chat is visible. For the kit's contact the read state is the core's: every tab of the chat
 * shows the same count, and a reload keeps it (messages already seen stay read).
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
  const { session, store, readMarker, controller } = useChatContext();
  const items = useStoreSelector(store, selectItems);
  const marker = useStoreSelector(readMarker, selectMarker);
  const kept = useStoreSelector(controller ?? NO_CONTROLLER, selectUnread);

  // A session of the app's: the marker is this provider's, by id.
  const counted = useMemo(() => {
    if (controller) {
      return 0;
    }
    const seen =
      marker === undefined
        ? undefined
        : // From the end: the marker is the newest message read, so it is near it.
          items.findLast((item) => item.id === marker);
    return countUnread(items, seen && { id: seen.id, time: seen.time });
  }, [controller, items, marker]);

  const markAllRead = useCallback(() => {
    const latest = store.getSnapshot().items.findLast(isIncomingItem);
    if (!latest) {
      return;
    }
    if (controller) {
      controller.markRead(latest.id);
      return;
    }
    if (readMarker.getSnapshot() === latest.id) {
      return;
    }
    readMarker.set(latest.id);
    session?.markRead(latest.id);
  }, [controller, session, store, readMarker]);

  return { count: controller ? kept : counted, markAllRead };
}
