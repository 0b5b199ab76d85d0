import { useId } from 'react';
import type { ReactNode, Ref } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import * as S from './ChatWidget.styles';

/**
 * Props of {@link EndChatConfirm}, and of an `EndChatConfirm` replacement.
 *
 * @example
 * ```tsx
 * function Ask({ onConfirm, onCancel, cancelRef }: EndChatConfirmProps) {
 *   return (
 *     <div role="alertdialog" aria-label="Leave the chat?">
 *       <button type="button" onClick={onConfirm}>Leave</button>
 *       <button ref={cancelRef} type="button" onClick={onCancel}>Stay</button>
 *     </div>
 *   );
 * }
 * ```
 */
export interface EndChatConfirmProps {
  /** Ends the chat (and closes the panel when the question came from Close). */
  onConfirm: () => void;
  /** Keeps chatting; focus returns to End chat. */
  onCancel: () => void;
  /** Put it on the cancel button: it gets focus when the question shows. */
  cancelRef: Ref<HTMLButtonElement>;
}

/**
 * "End this chat?" under the panel's header, an `alertdialog` with End chat and Cancel.
 *
 * @example
 * ```tsx
 * {confirming ? <EndChatConfirm onConfirm={end} onCancel={stay} cancelRef={cancelRef} /> : null}
 * ```
 */
export function EndChatConfirm({ onConfirm, onCancel, cancelRef }: EndChatConfirmProps): ReactNode {
  const t = useMessages();
  const id = useId();
  return (
    <S.Confirm role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <S.ConfirmTitle id={`${id}-title`}>{t('endChatConfirmTitle')}</S.ConfirmTitle>
      <S.ConfirmBody id={`${id}-body`}>{t('endChatConfirmBody')}</S.ConfirmBody>
      <S.Actions>
        <S.PrimaryButton type="button" data-tone="danger" onClick={onConfirm}>
          {t('endChatConfirm')}
        </S.PrimaryButton>
        <S.TextButton ref={cancelRef} type="button" onClick={onCancel}>
          {t('cancel')}
        </S.TextButton>
      </S.Actions>
    </S.Confirm>
  );
}
