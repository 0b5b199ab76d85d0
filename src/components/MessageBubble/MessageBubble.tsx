import { forwardRef, memo, useContext } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { isNotDelivered, receiptState } from '../../core/chat/transcript/chatItem';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { interactiveOf } from '../../core/chat/interactive/interactiveOf';
import { ContentType } from '../../core/protocol/contentTypes';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import { useSendMessage } from '../../react/hooks/useSendMessage';
import { AttachmentView } from '../AttachmentView/AttachmentView';
import { useComponentOverrides } from '../WithComponents/WithComponents';
import { SignInPrompt } from '../SignInPrompt/SignInPrompt';
import type { GetAttachmentUrl } from '../AttachmentView/useAttachmentUrlGetter';
import { InteractiveRendererContext } from '../MessageList/InteractiveRendererContext';
import type { InteractiveRenderer } from '../MessageList/InteractiveRendererContext';
import * as S from './MessageBubble.styles';
import { MessageContent } from './MessageContent';
import { EventNote, SystemNote, senderName } from './SystemNote';

/**
 * What a bubble shows, for `data-state`: `received` (someone else's), `sending`, `sent`,
 * `delivered`, `read` or `failed` (own); `processing` while the service's message processing
 * holds an own message, `undelivered` when it rejected it or failed.
 *
 * @example
 * ```ts
 * const { retry } = useSendMessage();
 * if (bubbleState(item) === 'failed' && item.localId) retry(item.localId);
 * ```
 */
export type MessageBubbleState =
  'received' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'processing' | 'undelivered';

/**
 * The {@link MessageBubbleState} of an item.
 *
 * @example
 * ```ts
 * bubbleState({ isOwn: true, status: 'sent', receipts: [{ participantId: 'a', readAt: 't' }] }); // 'read'
 * ```
 */
export function bubbleState(
  item: Pick<ChatItem, 'isOwn' | 'status' | 'receipts' | 'processing'>,
): MessageBubbleState {
  if (!item.isOwn) {
    return 'received';
  }
  if (item.status === 'sending' || item.status === 'failed') {
    return item.status;
  }
  if (isNotDelivered(item)) {
    return 'undelivered';
  }
  if (item.processing === 'processing') {
    return 'processing';
  }
  const receipt = receiptState(item);
  return receipt === 'none' ? 'sent' : receipt;
}

/**
 * Props of {@link MessageBubble}.
 *
 * @example
 * ```tsx
 * <MessageBubble item={item} showSender showMeta />
 * ```
 */
export interface MessageBubbleProps extends ComponentPropsWithoutRef<'div'> {
  item: ChatItem;
  /** Show the sender's name above the bubble (first of a group). Defaults to `true`. */
  showSender?: boolean;
  /** Show the time and receipt under the bubble (last of a group). Defaults to `true`. */
  showMeta?: boolean;
  /**
   * Renders interactive messages. Defaults to the `InteractiveRendererContext` value, else the
   * template's title as text.
   */
  renderInteractive?: InteractiveRenderer;
  /** Resolves download URLs of attachments. Defaults to the session's. */
  getAttachmentUrl?: GetAttachmentUrl;
}

function interactiveTitle(item: ChatItem): string | undefined {
  const content = interactiveOf(item)?.data.content as { title?: unknown } | undefined;
  return typeof content?.title === 'string' ? content.title : undefined;
}

/**
 * One transcript item: a message bubble (plain text or safe Markdown), an attachment, an
 * interactive message, an event note, or a neutral note for what cannot be shown. Own messages
 * show Sending…/Delivered/Read, a Retry action when sending failed, and "Not delivered" with the
 * reason when the service's message processing rejected them or failed.
 *
 * @example
 * ```tsx
 * {items.map((item) => (
 *   <div key={item.localId ?? item.id} data-message-id={item.id}>
 *     <MessageBubble item={item} />
 *   </div>
 * ))}
 * ```
 */
export const MessageBubble = /* @__PURE__ */ memo(
  forwardRef<HTMLDivElement, MessageBubbleProps>(function MessageBubble(props, ref) {
    const {
      item,
      showSender = true,
      showMeta = true,
      renderInteractive,
      getAttachmentUrl,
      ...rest
    } = props;
    const t = useMessages();
    const format = useFormatter();
    const { retry } = useSendMessage();
    const fromContext = useContext(InteractiveRendererContext);
    const {
      AttachmentView: Attachment = AttachmentView,
      SystemNote: Note = SystemNote,
      Avatar,
    } = useComponentOverrides();

    if (item.type === 'event') {
      return (
        <div ref={ref} {...rest}>
          {item.event === 'authentication.initiated' ? (
            <SignInPrompt item={item} />
          ) : (
            <EventNote item={item} />
          )}
        </div>
      );
    }
    if (item.type === 'unsupported') {
      return (
        <div ref={ref} data-state="unsupported" {...rest}>
          <Note>{t('unsupportedMessage')}</Note>
        </div>
      );
    }

    const isInteractive =
      item.interactive !== undefined || item.contentType === ContentType.interactive;
    const render = renderInteractive ?? fromContext;
    const state = bubbleState(item);
    const name = senderName(item, t);
    const time = format.time(item.time);

    let body: ReactNode;
    if (isInteractive && render) {
      body = render(item);
    } else if (item.type === 'attachment') {
      body = (
        <S.Bubble $own={item.isOwn} data-state={state}>
          {(item.attachments ?? []).map((attachment, index) => (
            <Attachment
              // The index keeps keys unique when a (malformed) item repeats an AttachmentId.
              key={`${attachment.id ?? attachment.name}.${index}`}
              attachment={attachment}
              {...(getAttachmentUrl ? { getAttachmentUrl } : {})}
            />
          ))}
        </S.Bubble>
      );
    } else {
      body = (
        <S.Bubble $own={item.isOwn} data-state={state} data-streaming={item.streaming || undefined}>
          {isInteractive ? (
            <S.PlainText>{interactiveTitle(item) ?? t('unsupportedMessage')}</S.PlainText>
          ) : (
            <MessageContent item={item} />
          )}
        </S.Bubble>
      );
    }

    return (
      <S.Row ref={ref} $own={item.isOwn} $groupStart={showSender} data-state={state} {...rest}>
        {showSender && !item.isOwn ? (
          <S.Sender>
            {Avatar ? <Avatar item={item} name={name} /> : null}
            {name}
          </S.Sender>
        ) : (
          <S.Hidden>{name}: </S.Hidden>
        )}
        {body}
        {state === 'failed' ? (
          <S.Meta $failed>
            <span>{t('notSent')}</span>
            {item.localId !== undefined && item.error?.code !== 'ATTACHMENT_LOST_ON_RELOAD' && (
              <S.RetryButton type="button" onClick={() => retry(item.localId!)}>
                {t('retry')}
              </S.RetryButton>
            )}
          </S.Meta>
        ) : state === 'undelivered' ? (
          <S.Meta $failed data-processing={item.processing}>
            <span>
              {t(item.processing === 'failed' ? 'notDeliveredFailed' : 'notDeliveredRejected')}
            </span>
          </S.Meta>
        ) : state === 'sending' || state === 'processing' ? (
          <S.Meta>
            <span>{t(state === 'sending' ? 'sending' : 'processingMessage')}</span>
          </S.Meta>
        ) : showMeta ? (
          <S.Meta>
            <time dateTime={item.time}>{time}</time>
            {(state === 'delivered' || state === 'read') && (
              <S.Receipt data-state={state}>
                <span aria-hidden="true">·</span> {t(state)}
              </S.Receipt>
            )}
          </S.Meta>
        ) : null}
      </S.Row>
    );
  }),
);
