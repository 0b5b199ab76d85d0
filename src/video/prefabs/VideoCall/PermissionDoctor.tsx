import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import { useMediaPermissions } from '../../hooks/useMediaPermissions';
import * as S from './VideoCall.styles';

/**
 * What blocked the camera or microphone and how to fix it, with a "Check again" button; nothing
 * when all is well.
 *
 * @internal
 */
export function PermissionDoctor({ retry = true }: { retry?: boolean }): ReactNode {
  const t = useMessages();
  const { problem, check } = useMediaPermissions();
  if (!problem) {
    return null;
  }
  return (
    <S.Problem role="alert" data-cause={problem.cause}>
      <strong>{t(problem.titleKey)}</strong>
      <p>{t(problem.hintKey)}</p>
      {retry && (
        <button type="button" onClick={() => void check()}>
          {t('checkAgain')}
        </button>
      )}
    </S.Problem>
  );
}
