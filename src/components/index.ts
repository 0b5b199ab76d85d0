/**
 * The styled chat components. Each one renders from the public hooks; theme and strings come
 * from `ContactKitThemeProvider`.
 *
 * @packageDocumentation
 */

// Core chat components (transcript, messages, composer, status).
export {
  MessageList,
  InteractiveRendererContext,
  buildRows,
  updateRows,
  DaySeparator,
  MessageRow,
  RowList,
  useWindowedRows,
} from './MessageList/index';
export type {
  MessageListHandle,
  MessageListProps,
  MessageListState,
  InteractiveRenderer,
  TranscriptRow,
  TranscriptRows,
  DaySeparatorProps,
  MessageRowProps,
  ListChange,
  UseWindowedRowsOptions,
  UseWindowedRowsResult,
  KeyList,
  WindowAnchor,
} from './MessageList/index';
export {
  MessageBubble,
  bubbleState,
  MessageContent,
  EventNote,
  SystemNote,
  eventText,
  senderName,
} from './MessageBubble/index';
export type {
  MessageBubbleProps,
  MessageBubbleState,
  MessageContentProps,
  SystemNoteProps,
  AvatarProps,
} from './MessageBubble/index';
export { LinkifiedText, Markdown } from './Markdown/index';
export type { LinkifiedTextProps, MarkdownProps } from './Markdown/index';
export { AttachmentView } from './AttachmentView/index';
export type { AttachmentViewProps, GetAttachmentUrl } from './AttachmentView/index';
export { Composer } from './Composer/index';
export type { ComposerProps } from './Composer/index';
export { TypingIndicator } from './TypingIndicator/index';
export type { TypingIndicatorProps } from './TypingIndicator/index';
export { ConnectionBanner, connectionBannerState } from './ConnectionBanner/index';
export type { ConnectionBannerProps, ConnectionBannerState } from './ConnectionBanner/index';
export {
  SignInPrompt,
  SignInPromptView,
  CustomerAuthenticationOptionsContext,
} from './SignInPrompt/index';
export type { SignInPromptProps, SignInPromptViewProps } from './SignInPrompt/index';
export { ViewMessage, ViewBody } from './View/index';
export type { ViewMessageProps, ViewMessageState, ViewBodyProps } from './View/index';

// Replacing parts of the UI.
export { WithComponents, useComponentOverrides } from './WithComponents/index';
export type { WithComponentsProps, ContactKitComponents } from './WithComponents/index';
