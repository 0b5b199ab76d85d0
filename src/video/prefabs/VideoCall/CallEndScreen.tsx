import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useVideoCall } from '../../hooks/useVideoCall';
import type { VideoErrorCode } from '../../machine/VideoCallError';
import { PermissionDoctor } from './PermissionDoctor';
import * as S from './VideoCall.styles';

const ERROR_TEXT: Record<VideoErrorCode, MessageKey> = {
  INVALID_CONNECTION_DATA: 'videoErrorGeneric',
  CONNECTION_REQUEST_FAILED: 'videoErrorConnection',
  ACCESS_DENIED: 'videoErrorAccessDenied',
  JOINED_FROM_ANOTHER_DEVICE: 'videoErrorElsewhere',
  CALL_AT_CAPACITY: 'videoErrorCapacity',
  CONNECTION_FAILED: 'videoErrorConnection',
  SERVICE_ERROR: 'videoErrorGeneric',
  JOIN_FAILED: 'videoErrorGeneric',
  UNKNOWN: 'videoErrorGeneric',
};

/**
 * What shows after the call: ended by the other side, left by the customer (with "Rejoin call"),
 * or failed (why, permission hints when a device was the cause, and "Try again").
 *
 * @internal
 */
export function CallEndScreen(): ReactNode {
  const t = useMessages();
  const { state, join, reset } = useVideoCall();
  if (state.status === 'ended') {
    return (
      <S.Notice>
        <S.Title as="h3">{t('callEndedTitle')}</S.Title>
        <p>{state.reason === 'removed' ? t('callRemovedBody') : t('callEndedBody')}</p>
      </S.Notice>
    );
  }
  if (state.status === 'left') {
    return (
      <S.Notice>
        <S.Title as="h3">{t('callLeftTitle')}</S.Title>
        <S.PrimaryButton type="button" onClick={() => join()}>
          {t('rejoinCall')}
        </S.PrimaryButton>
      </S.Notice>
    );
  }
  if (state.status === 'failed') {
    return (
      <S.Notice data-code={state.error.code}>
        <S.Title as="h3">{t('callFailedTitle')}</S.Title>
        <p>{t(ERROR_TEXT[state.error.code])}</p>
        <PermissionDoctor retry={false} />
        {state.error.retryable && (
          <S.PrimaryButton type="button" onClick={reset}>
            {t('tryAgain')}
          </S.PrimaryButton>
        )}
      </S.Notice>
    );
  }
  return null;
}
