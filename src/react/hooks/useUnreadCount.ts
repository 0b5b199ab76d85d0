import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback, useRef } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { countUnread, isIncomingItem } from '../../core/chat/contact/readMarker';

import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * What {@link useUnreadCount} returns.
 *
 * @example
 * ```tsx
 * const { count, markAllRead } = useUnreadCount();
 * return <button onClick={markAllRead}>Messages {count > 0 ? `(${count})` : ''}</button>;
 * ```
 */
export interface UseUnreadCountResult {
  /** Messages and attachments from others since the customer last read the chat. */
  count: number;
  /** Marks everything as read and sends a read receipt for the newest incoming item. */
  markAllRead: () => void;
}

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
  const marker = useStoreSelector(readMarker, selectMarker);
  const kept = useStoreSelector(controller ?? NO_CONTROLLER, selectUnread);

  // A session of the app's: the marker is this provider's, by id. The component subscribes to the
  // count, not the items, so a new message it does not count (or one that leaves the count as it
  // was) does not re-render it; the count is kept per items array.
  const last = useRef<{ items: readonly ChatItem[]; marker: string | undefined; count: number }>(
    undefined,
  );
  const selectCount = useCallback(
    (snapshot: ChatSnapshot): number => {
      if (controller) {
        return 0;
      }
      const { items } = snapshot;
      const cached = last.current;
      if (cached && cached.items === items && cached.marker === marker) {
        return cached.count;
      }
      const seen =
        marker === undefined
          ? undefined
          : // From the end: the marker is the newest message read, so it is near it.
            items.findLast((item) => item.id === marker);
      const count = countUnread(items, seen && { id: seen.id, time: seen.time });
      last.current = { items, marker, count };
      return count;
    },
    [controller, marker],
  );
  const counted = useStoreSelector(store, selectCount);

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
