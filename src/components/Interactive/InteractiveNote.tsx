import type { ReactNode } from 'react';
import * as S from './Interactive.styles';
import type { InteractiveState } from './interactiveState';
import { useMessages } from '../../i18n/I18nProvider';

/**
 * The line under an interactive message saying what happened: answer sent, a page requested, or
 * a failed send (an alert).
 *
 * @remarks Internal to the interactive message components.
 *
 * @example
 * ```tsx
 * <InteractiveNote state="answered" />
 * ```
 */
export function InteractiveNote(props: { state: InteractiveState }): ReactNode {
  const t = useMessages();
  switch (props.state) {
    case 'answered':
      return <S.Note>{t('replySent')}</S.Note>;
    case 'paging':
      return <S.Note>{t('sending')}</S.Note>;
    case 'failed':
      return (
        <S.Note role="alert" data-tone="error">
          {t('replyFailed')}
        </S.Note>
      );
    default:
      return null;
  }
}
