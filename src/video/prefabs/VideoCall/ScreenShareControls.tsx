import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages';
import type { ScreenShareState } from '../../adapter/MeetingAdapter';
import { ScreenShareIcon, StopShareIcon } from './icons';
import * as S from './VideoCall.styles';

/**
 * What the call says about this customer's screen share, if anything: why it cannot start (once
 * asked), or why it stopped.
 *
 * @example
 * ```ts
 * screenShareNote({ status: 'unavailable', reason: 'browser' }, true); // 'screenShareUnsupported'
 * ```
 *
 * @internal
 */
export function screenShareNote(state: ScreenShareState, asked: boolean): MessageKey | undefined {
  if (state.status === 'unavailable') {
    return asked
      ? state.reason === 'browser'
        ? 'screenShareUnsupported'
        : 'screenShareNotAllowed'
      : undefined;
  }
  if (state.status === 'off' && state.problem === 'failed') {
    return 'screenShareFailed';
  }
  if (state.status === 'off' && state.problem === 'cancelled' && asked) {
    return 'screenShareCancelled';
  }
  return undefined;
}

/**
 * The Share screen button of the control bar. Where sharing is unavailable it stays focusable but
 * `aria-disabled`, and pressing it says why.
 *
 * @internal
 */
export function ShareScreenButton({
  state,
  onToggle,
  onUnavailable,
}: {
  state: ScreenShareState;
  onToggle: () => void;
  onUnavailable: () => void;
}): ReactNode {
  const t = useMessages();
  const sharing = state.status === 'sharing' || state.status === 'starting';
  const unavailable = state.status === 'unavailable';
  return (
    <S.ControlButton
      type="button"
      data-active={sharing}
      aria-disabled={unavailable || state.status === 'starting' ? 'true' : undefined}
      onClick={() => {
        if (unavailable) {
          onUnavailable();
        } else if (state.status !== 'starting') {
          onToggle();
        }
      }}
    >
      {sharing ? <StopShareIcon /> : <ScreenShareIcon />}
      {sharing ? t('stopSharing') : t('shareScreen')}
    </S.ControlButton>
  );
}

/**
 * The "You are sharing your screen" bar with its Stop button, shown while this customer shares.
 *
 * @internal
 */
export function SharingBanner({ onStop }: { onStop: () => void }): ReactNode {
  const t = useMessages();
  return (
    <S.ShareBanner data-testid="sharing-banner">
      <p>
        <ScreenShareIcon />
        {t('youAreSharing')}
      </p>
      <button type="button" onClick={onStop}>
        {t('stopSharing')}
      </button>
    </S.ShareBanner>
  );
}
