import type { ComponentType, RefAttributes } from 'react';
import type { AttachmentViewProps } from '../AttachmentView/AttachmentView';
import type { ComposerProps } from '../Composer/Composer';
import type { ConnectionBannerProps } from '../ConnectionBanner/ConnectionBanner';
import type { InteractiveMessageProps } from '../Interactive/InteractiveMessage';
import type { MessageBubbleProps } from '../MessageBubble/MessageBubble';
import type { AvatarProps } from '../MessageBubble/AvatarProps';
import type { SystemNoteProps } from '../MessageBubble/SystemNote';
import type { DaySeparatorProps } from '../MessageList/DaySeparator';
import type { MessageListProps } from '../MessageList/MessageList';
import type { MessageRowProps } from '../MessageList/MessageRow';
import type { TypingIndicatorProps } from '../TypingIndicator/TypingIndicator';
import type { ChatHeaderProps } from '../../prefabs/ChatWidget/ChatHeader';
import type { ChatLauncherProps } from '../../prefabs/ChatWidget/ChatLauncher';
import type { EndChatConfirmProps } from '../../prefabs/ChatWidget/EndChatConfirm';
import type { EndedFooterProps } from '../../prefabs/ChatWidget/EndedFooter';
import type { PreChatFormHandle, PreChatFormProps } from '../../prefabs/ChatWidget/PreChatForm';

/**
 * Every replaceable part of the kit's UI, by slot name. A slot left out keeps the kit's own
 * component; a replacement gets the same props as the default (see each props type), so it can
 * also wrap the default: `MessageBubble: (props) => <div className="mine"><MessageBubble {...props} /></div>`.
 * Give them through {@link WithComponents} (any component below it) or `ChatWidget`'s
 * `components` prop.
 *
 * Slots, from the outside in: `Launcher`, `Header`, `EndChatConfirm`, `PreChatForm`,
 * `ConnectionBanner`, `MessageList`, its rows (`MessageRow`, `DaySeparator`), each row's
 * `MessageBubble` with its `Avatar` (none by default), `AttachmentView` and `SystemNote` (events),
 * `InteractiveMessage` and one slot per template type (`ListPicker`, `Panel`, `QuickReply`,
 * `TimePicker`, `Carousel`, `ViewMessage` for step-by-step guides), `TypingIndicator`, `Composer`
 * and `EndedFooter`.
 *
 * @example
 * ```tsx
 * <WithComponents
 *   overrides={{
 *     Avatar: ({ name }) => <img className="avatar" alt="" src={`/staff/${encodeURIComponent(name)}.png`} />,
 *     TypingIndicator: () => null,
 *   }}
 * >
 *   <MessageList />
 * </WithComponents>;
 * ```
 */
export interface ContactKitComponents {
  /** The round button that opens the widget's panel. */
  Launcher?: ComponentType<ChatLauncherProps>;
  /** The top of the panel: title, status line, end chat, download, minimise and close. */
  Header?: ComponentType<ChatHeaderProps>;
  /** "End this chat?" with its confirm and cancel buttons. */
  EndChatConfirm?: ComponentType<EndChatConfirmProps>;
  /** The form before the chat starts (a `ref` gets a {@link PreChatFormHandle}). */
  PreChatForm?: ComponentType<PreChatFormProps & RefAttributes<PreChatFormHandle>>;
  /** The reconnecting/offline line above the transcript. */
  ConnectionBanner?: ComponentType<ConnectionBannerProps>;
  /** The whole transcript (build your own with `useWindowedRows` and `buildRows`). */
  MessageList?: ComponentType<MessageListProps>;
  /** One item row of the transcript: by default a `MessageBubble` grouped by sender. */
  MessageRow?: ComponentType<MessageRowProps>;
  /** The line between days. */
  DaySeparator?: ComponentType<DaySeparatorProps>;
  /** One transcript item: text, attachment, interactive message or event note. */
  MessageBubble?: ComponentType<MessageBubbleProps>;
  /** Beside the first message of someone else's run. Nothing by default. */
  Avatar?: ComponentType<AvatarProps>;
  /** One attachment in a message. */
  AttachmentView?: ComponentType<AttachmentViewProps>;
  /** Centred notes: joins, leaves, transfers, the end of the chat, what cannot be shown. */
  SystemNote?: ComponentType<SystemNoteProps>;
  /** Any interactive message (it picks the template's component). */
  InteractiveMessage?: ComponentType<InteractiveMessageProps>;
  /** A ListPicker interactive message. */
  ListPicker?: ComponentType<InteractiveMessageProps>;
  /** A Panel interactive message. */
  Panel?: ComponentType<InteractiveMessageProps>;
  /** A QuickReply interactive message. */
  QuickReply?: ComponentType<InteractiveMessageProps>;
  /** A TimePicker interactive message. */
  TimePicker?: ComponentType<InteractiveMessageProps>;
  /** A Carousel interactive message. */
  Carousel?: ComponentType<InteractiveMessageProps>;
  /** A step-by-step guide view (ViewResource, from a "Show view" block). */
  ViewMessage?: ComponentType<InteractiveMessageProps>;
  /** "Sam is typing…". */
  TypingIndicator?: ComponentType<TypingIndicatorProps>;
  /** The message box with attach and send. */
  Composer?: ComponentType<ComposerProps>;
  /** What replaces the composer once the chat ended: download, new chat, continue. */
  EndedFooter?: ComponentType<EndedFooterProps>;
}
