import type { ReactNode, Ref } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import * as S from './ChatWidget.styles';
import { CloseIcon, DownloadIcon, MinimizeIcon } from './icons';

/**
 * Props of {@link ChatHeader}, and of a `Header` replacement.
 *
 * @example
 * ```tsx
 * function BrandHeader({ titleId, title, subtitle, onMinimize, onClose }: ChatHeaderProps) {
 *   return (
 *     <header className="brand-header">
 *       <h2 id={titleId}>{title}</h2>
 *       {subtitle ? <p>{subtitle}</p> : null}
 *       <button type="button" onClick={onMinimize}>Hide</button>
 *       <button type="button" onClick={onClose}>Close</button>
 *     </header>
 *   );
 * }
 * ```
 */
export interface ChatHeaderProps {
  /** Give it to the heading: it names the panel's dialog. */
  titleId: string;
  title: string;
  /** "Chatting with Sam", "Waiting for an agent…", "Chat ended", or nothing. */
  subtitle: string | undefined;
  /** Asks "End this chat?"; undefined when there is no chat to end (or the question is shown). */
  onEndChat: (() => void) | undefined;
  /** Put it on the end-chat button: focus returns there when the customer cancels. */
  endChatRef: Ref<HTMLButtonElement>;
  /** Downloads the transcript; undefined when there is nothing to download yet. */
  onDownload: (() => void) | undefined;
  /** Hides the panel; the chat goes on. */
  onMinimize: () => void;
  /** Closes the panel, asking first when a chat is going on. */
  onClose: () => void;
}

/**
 * The top of the widget's panel: title and status line, then End chat, download, minimise and
 * close.
 *
 * @example
 * ```tsx
 * <ChatHeader titleId={id} title="Support" subtitle="Chatting with Sam" onEndChat={ask}
 *   endChatRef={endRef} onDownload={download} onMinimize={hide} onClose={close} />
 * ```
 */
export function ChatHeader(props: ChatHeaderProps): ReactNode {
  const t = useMessages();
  return (
    <S.Header>
      <S.HeaderText>
        <S.Title id={props.titleId}>{props.title}</S.Title>
        {props.subtitle ? <S.Subtitle>{props.subtitle}</S.Subtitle> : null}
      </S.HeaderText>
      {props.onEndChat ? (
        <S.TextButton ref={props.endChatRef} type="button" onClick={props.onEndChat}>
          {t('endChat')}
        </S.TextButton>
      ) : null}
      {props.onDownload ? (
        <S.IconButton type="button" aria-label={t('downloadTranscript')} onClick={props.onDownload}>
          <DownloadIcon />
        </S.IconButton>
      ) : null}
      <S.IconButton type="button" aria-label={t('minimize')} onClick={props.onMinimize}>
        <MinimizeIcon />
      </S.IconButton>
      <S.IconButton type="button" aria-label={t('closeChat')} onClick={props.onClose}>
        <CloseIcon />
      </S.IconButton>
    </S.Header>
  );
}
