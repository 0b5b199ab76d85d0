import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { useMessages } from '../../i18n/I18nProvider';
import { useView } from '../../react/hooks/useView';
import * as S from './View.styles';
import { ViewBody } from './ViewBody';

/**
 * The `data-state` of a {@link ViewMessage}: `loading`, `failed-load`, `open`, `answered`,
 * `expired` (the Show view block went on without an answer) or `failed` (the answer could not be
 * sent; open again).
 *
 * @example
 * ```css
 * [data-template='ViewResource'][data-state='expired'] { opacity: 0.8; }
 * ```
 */
export type ViewMessageState =
  'loading' | 'failed-load' | 'open' | 'answered' | 'expired' | 'failed';

/**
 * Props of {@link ViewMessage}.
 *
 * @example
 * ```tsx
 * <ViewMessage item={item} />
 * ```
 */
export interface ViewMessageProps {
  /** A transcript item holding a ViewResource template. */
  item: ChatItem;
}

/**
 * A step-by-step guide in the chat (Show view block, protocol §7.6–7.7): loads the view with
 * DescribeView, renders its template with the message's view data, and sends the customer's
 * action with the form's output. Once answered, or once the other side went on, every control is
 * disabled and a note says why.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'ViewResource' && <ViewMessage item={item} />}
 * ```
 */
export function ViewMessage({ item }: ViewMessageProps): ReactNode {
  const t = useMessages();
  const view = useView(item);
  const [chosenLabel, setChosenLabel] = useState<string>();
  const { act } = view;
  const onAction = useCallback(
    (action: string, output: Readonly<Record<string, unknown>> | undefined, label: string) => {
      if (act(action, output)) {
        setChosenLabel(label);
      }
    },
    [act],
  );

  if (!view.template) {
    return null;
  }
  if (view.load !== 'ready' || !view.view) {
    const failed = view.load === 'failed';
    return (
      <S.Root data-template="ViewResource" data-state={failed ? 'failed-load' : 'loading'}>
        {failed ? (
          <>
            <S.Note role="alert" data-tone="error">
              {t('viewFailed')}
            </S.Note>
            <S.Actions>
              <S.Button type="button" data-variant="secondary" onClick={view.reload}>
                {t('viewRetry')}
              </S.Button>
            </S.Actions>
          </>
        ) : (
          <S.Note>{t('viewLoading')}</S.Note>
        )}
      </S.Root>
    );
  }

  const { state, answer } = view;
  let note: ReactNode = null;
  if (state === 'answered') {
    note = (
      <S.Note>
        {answer?.kind === 'text'
          ? t('viewRepliedWith', { text: answer.text })
          : chosenLabel !== undefined
            ? t('viewChose', { action: chosenLabel })
            : t('replySent')}
      </S.Note>
    );
  } else if (state === 'expired') {
    note = <S.Note>{t('viewExpired')}</S.Note>;
  } else if (state === 'failed') {
    note = (
      <S.Note role="alert" data-tone="error">
        {t('replyFailed')}
      </S.Note>
    );
  }
  return (
    <S.Root
      role="group"
      data-template="ViewResource"
      data-view-id={view.view.id}
      data-state={state}
      aria-label={view.view.title}
    >
      <ViewBody view={view.view} locked={view.isLocked} onAction={onAction} />
      {note}
    </S.Root>
  );
}
