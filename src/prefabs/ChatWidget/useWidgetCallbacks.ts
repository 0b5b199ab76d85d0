import { useEffect, useRef } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { watchSession } from '../../core/chat/contact/watchSession';
import { useChatContext } from '../../react/context/ChatSessionContext';

/**
 * The widget's own event props, for apps that render it without a `ChatProvider` of theirs.
 *
 * @example
 * ```tsx
 * <ChatWidget
 *   startChat={startChat}
 *   onMessage={(item) => track('reply', item.id)}
 *   onChatEnded={() => track('chat-ended')}
 *   onUnreadChange={(count) => setBadge(count)}
 * />
 * ```
 */
export interface ChatWidgetCallbacks {
  /** A message or attachment from someone else arrived (never history). */
  onMessage?: ((item: ChatItem) => void) | undefined;
  /** The chat ended. */
  onChatEnded?: (() => void) | undefined;
  /** The unread count changed (also back to 0 once read). */
  onUnreadChange?: ((count: number) => void) | undefined;
}

/**
 * Calls the widget's event props: messages and the end from the chat's session (whichever
 * provider gave it), the unread count as the widget shows it.
 *
 * @example
 * ```ts
 * useWidgetCallbacks(props, count);
 * ```
 */
export function useWidgetCallbacks(callbacks: ChatWidgetCallbacks, unread: number): void {
  const { session } = useChatContext();
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => {
    if (!session) {
      return undefined;
    }
    return watchSession(session, {
      message: (item) => latest.current.onMessage?.(item),
      ended: () => latest.current.onChatEnded?.(),
    });
  }, [session]);

  const reported = useRef(unread);
  useEffect(() => {
    if (unread !== reported.current) {
      reported.current = unread;
      latest.current.onUnreadChange?.(unread);
    }
  }, [unread]);
}
