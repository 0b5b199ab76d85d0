import { useId } from 'react';
import type { ReactNode, Ref } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import * as S from './ChatWidget.styles';
import { ChatIcon } from './icons';

/**
 * Props of {@link ChatLauncher}, and of a `Launcher` replacement.
 *
 * @example
 * ```tsx
 * function PillLauncher({ buttonRef, onOpen, onPrefetch, unreadCount }: ChatLauncherProps) {
 *   return (
 *     <button ref={buttonRef} type="button" onClick={onOpen} onPointerEnter={onPrefetch} onFocus={onPrefetch}>
 *       Questions? {unreadCount > 0 ? `(${unreadCount})` : null}
 *     </button>
 *   );
 * }
 * ```
 */
export interface ChatLauncherProps {
  /** Put it on your button: focus goes back to it when the panel closes. */
  buttonRef: Ref<HTMLButtonElement>;
  /** Unread messages from the agent. */
  unreadCount: number;
  /** Opens the panel. */
  onOpen: () => void;
  /** Fetches the panel's code ahead of the click (call it on hover and focus). */
  onPrefetch: () => void;
}

/**
 * The widget's round "Open chat" button, with a badge for unread messages (also in its name:
 * "Open chat 2 unread messages").
 *
 * @example
 * ```tsx
 * <ChatLauncher buttonRef={ref} unreadCount={2} onOpen={open} onPrefetch={preloadChatWidget} />
 * ```
 */
export function ChatLauncher(props: ChatLauncherProps): ReactNode {
  const { buttonRef, unreadCount: count, onOpen, onPrefetch } = props;
  const t = useMessages();
  const id = useId();
  const unreadLabel = count > 0 ? t('unreadMessages', { count }) : undefined;
  return (
    <S.Launcher
      ref={buttonRef}
      type="button"
      // With unread messages the name says so ("Open chat 2 unread messages"), so the badge's
      // visible number is part of the name too.
      {...(unreadLabel
        ? { 'aria-labelledby': `${id}-open ${id}-unread` }
        : { 'aria-label': t('openChat') })}
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={onOpen}
      onPointerEnter={onPrefetch}
      onFocus={onPrefetch}
    >
      <ChatIcon />
      {unreadLabel ? (
        <>
          <S.Badge aria-hidden="true">{count > 99 ? '99+' : count}</S.Badge>
          <S.VisuallyHidden id={`${id}-open`}>{t('openChat')}</S.VisuallyHidden>
          <S.VisuallyHidden id={`${id}-unread`}>{unreadLabel}</S.VisuallyHidden>
        </>
      ) : null}
    </S.Launcher>
  );
}
