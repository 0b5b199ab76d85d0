import type { ReactNode } from 'react';
import { useUnreadCount } from '../../react/hooks/useUnreadCount';
import { usePageVisible } from './usePageVisible';
import { useUnreadTitle } from './useUnreadTitle';
import { useWidgetCallbacks } from './useWidgetCallbacks';
import type { ChatWidgetCallbacks } from './useWidgetCallbacks';

/** Props of {@link UnreadSignals}. */
export interface UnreadSignalsProps {
  /** Put the count in front of the page title while the tab is hidden. */
  unreadInTitle: boolean;
  /** The widget's event props (`onMessage`, `onChatEnded`, `onUnreadChange`). */
  callbacks: ChatWidgetCallbacks;
}

/**
 * What the widget does with the unread count besides its launcher badge: the page title while
 * the tab is hidden ("(2) My shop") and the `onUnreadChange` prop, plus the widget's other event
 * props. It renders nothing. It is a component of its own so that the count, which goes 0 → 1 → 0
 * on every message that arrives while the list is open and followed (the list marks it read),
 * re-renders only this, not the panel, the transcript and the composer (issue #17). Internal to
 * the widget.
 *
 * @example
 * ```tsx
 * <UnreadSignals unreadInTitle callbacks={{ onUnreadChange: (count) => track('unread', count) }} />
 * ```
 */
export function UnreadSignals(props: UnreadSignalsProps): ReactNode {
  const { count } = useUnreadCount();
  const visible = usePageVisible();
  useUnreadTitle(props.unreadInTitle && !visible ? count : 0);
  useWidgetCallbacks(props.callbacks, count);
  return null;
}
