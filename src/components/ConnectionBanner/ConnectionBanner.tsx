import { forwardRef, useSyncExternalStore } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import type { ChatConnectionStatus } from '../../react/chatSessionLike';
import { useChatConnection } from '../../react/hooks/useChatConnection';
import * as S from './ConnectionBanner.styles';

/**
 * What the banner shows: nothing (`hidden`), `connecting`, `reconnecting`, `offline` (the browser
 * has no network) or `failed` (with a Retry action).
 *
 * @example
 * ```ts
 * const visible = (state: ConnectionBannerState) => state !== 'hidden';
 * ```
 */
export type ConnectionBannerState = 'hidden' | 'connecting' | 'reconnecting' | 'offline' | 'failed';

/**
 * The banner state for a connection status and the browser's online flag.
 *
 * @example
 * ```ts
 * connectionBannerState('reconnecting', false); // 'offline'
 * ```
 */
export function connectionBannerState(
  status: ChatConnectionStatus,
  online: boolean,
): ConnectionBannerState {
  switch (status) {
    case 'connecting':
      return online ? 'connecting' : 'offline';
    case 'reconnecting':
      return online ? 'reconnecting' : 'offline';
    case 'failed':
      return online ? 'failed' : 'offline';
    default:
      return 'hidden';
  }
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const getOnline = () => navigator.onLine;
const getServerOnline = () => true;

/**
 * Props of {@link ConnectionBanner}; other props go to its root `role="status"` element.
 *
 * @example
 * ```tsx
 * <ConnectionBanner showConnecting={false} />
 * ```
 */
export interface ConnectionBannerProps extends ComponentPropsWithoutRef<'div'> {
  /** Also show the first "Connecting…" (not only problems). Defaults to `true`. */
  showConnecting?: boolean;
}

/**
 * Connection problems in a `role="status"` region: "Reconnecting…", "You are offline…", or "The
 * connection was lost." with a Retry button. The region stays mounted (empty when all is well) so
 * screen readers announce changes. `data-state` is the {@link ConnectionBannerState}.
 *
 * @example
 * ```tsx
 * <ConnectionBanner />
 * <MessageList />
 * ```
 */
export const ConnectionBanner = /* @__PURE__ */ forwardRef<HTMLDivElement, ConnectionBannerProps>(
  function ConnectionBanner({ showConnecting = true, ...rest }, ref) {
    const t = useMessages();
    const { status, attempt, reconnect } = useChatConnection();
    const online = useSyncExternalStore(subscribeOnline, getOnline, getServerOnline);
    let state = connectionBannerState(status, online);
    if (state === 'connecting' && !showConnecting) {
      state = 'hidden';
    }
    const text =
      state === 'connecting'
        ? t('connecting')
        : state === 'reconnecting'
          ? attempt > 1
            ? t('reconnectingAttempt', { attempt })
            : t('reconnecting')
          : state === 'offline'
            ? t('offline')
            : state === 'failed'
              ? t('connectionFailed')
              : '';
    return (
      <S.Root ref={ref} role="status" data-state={state} {...rest}>
        {state !== 'hidden' && (
          <S.Banner data-state={state}>
            <span>{text}</span>
            {state === 'failed' && (
              <S.Retry type="button" onClick={reconnect}>
                {t('retry')}
              </S.Retry>
            )}
          </S.Banner>
        )}
      </S.Root>
    );
  },
);
