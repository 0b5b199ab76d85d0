import { useRef } from 'react';
import type { ReactNode, Ref } from 'react';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import { useTranscript } from '../../react/hooks/useTranscript';
import * as S from './ChatWidget.styles';
import * as F from './ChatWidgetBody.styles';
import { downloadTranscript } from './downloadTranscript';

/**
 * Props of {@link EndedFooter}, and of an `EndedFooter` replacement.
 *
 * @example
 * ```tsx
 * function Ended({ onNewChat, primaryRef }: EndedFooterProps) {
 *   return onNewChat ? <button ref={primaryRef} type="button" onClick={onNewChat}>Chat again</button> : null;
 * }
 * ```
 */
export interface EndedFooterProps {
  /** Starts a new chat; undefined when the widget cannot start one. */
  onNewChat: (() => void) | undefined;
  /** Continues the ended conversation in a new contact (persistent chat); undefined when there is nothing to continue. */
  onContinue: (() => void) | undefined;
  /** Put it on the first action (continue, else new chat): it gets focus when the chat ends. */
  primaryRef: Ref<HTMLButtonElement>;
}

/**
 * What replaces the composer once the chat ended: "Chat ended", the transcript download, and
 * Continue or Start a new chat.
 *
 * @example
 * ```tsx
 * {status === 'ended' ? <EndedFooter onNewChat={start} onContinue={undefined} primaryRef={ref} /> : <Composer />}
 * ```
 */
export function EndedFooter(props: EndedFooterProps): ReactNode {
  const t = useMessages();
  const format = useFormatter();
  const { items } = useTranscript();
  const footer = useRef<HTMLDivElement>(null);

  const download = () => downloadTranscript(items, { t, format }, footer.current ?? document.body);

  return (
    <F.Footer ref={footer} data-state="ended">
      <div>
        <S.ConfirmTitle as="p">{t('chatEndedTitle')}</S.ConfirmTitle>
        <S.ConfirmBody>{t('chatEndedBody')}</S.ConfirmBody>
      </div>
      <S.Actions>
        <S.TextButton type="button" onClick={download}>
          {t('downloadTranscript')}
        </S.TextButton>
        {props.onContinue ? (
          <>
            {props.onNewChat ? (
              <S.TextButton type="button" onClick={props.onNewChat}>
                {t('startNewChat')}
              </S.TextButton>
            ) : null}
            <S.PrimaryButton ref={props.primaryRef} type="button" onClick={props.onContinue}>
              {t('continueChat')}
            </S.PrimaryButton>
          </>
        ) : props.onNewChat ? (
          <S.PrimaryButton ref={props.primaryRef} type="button" onClick={props.onNewChat}>
            {t('startNewChat')}
          </S.PrimaryButton>
        ) : null}
      </S.Actions>
    </F.Footer>
  );
}
