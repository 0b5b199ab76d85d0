import { memo } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { GetAttachmentUrl } from '../AttachmentView/useAttachmentUrlGetter';
import { MessageBubble } from '../MessageBubble/MessageBubble';
import { useComponentOverrides } from '../WithComponents/WithComponents';
import type { InteractiveRenderer } from './InteractiveRendererContext';

/**
 * Props of {@link MessageRow}: one item of the transcript with its place in a run of messages
 * from one sender.
 *
 * @example
 * ```tsx
 * <WithComponents overrides={{ MessageRow: (props) => <div data-first={props.groupStart || undefined}><MessageRow {...props} /></div> }}>
 *   <MessageList />
 * </WithComponents>
 * ```
 */
export interface MessageRowProps {
  item: ChatItem;
  /** First of consecutive messages from one sender on one day. */
  groupStart: boolean;
  /** Last of them. */
  groupEnd: boolean;
  /** The list's `renderInteractive`, when it was given one. */
  renderInteractive?: InteractiveRenderer | undefined;
  /** The list's `getAttachmentUrl`, when it was given one. */
  getAttachmentUrl?: GetAttachmentUrl | undefined;
}

/**
 * What {@link MessageList} renders for an item: the `MessageBubble` (or its replacement), with
 * the sender's name on the first of a run and the time on the last. Replace it (slot
 * `MessageRow`) to put something around every message, such as reactions or a menu.
 *
 * @example
 * ```tsx
 * function RowWithMenu(props: MessageRowProps) {
 *   return (
 *     <div className="row">
 *       <MessageRow {...props} />
 *       <MessageMenu item={props.item} />
 *     </div>
 *   );
 * }
 * ```
 */
export const MessageRow = /* @__PURE__ */ memo(function MessageRow(
  props: MessageRowProps,
): ReactNode {
  const { item, groupStart, groupEnd, renderInteractive, getAttachmentUrl } = props;
  const { MessageBubble: Bubble = MessageBubble } = useComponentOverrides();
  return (
    <Bubble
      item={item}
      showSender={groupStart}
      showMeta={groupEnd}
      {...(renderInteractive ? { renderInteractive } : {})}
      {...(getAttachmentUrl ? { getAttachmentUrl } : {})}
    />
  );
});
