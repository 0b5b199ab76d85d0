export { MessageBubble, bubbleState } from './MessageBubble';
export type { MessageBubbleProps, MessageBubbleState } from './MessageBubble';
export { MessageContent } from './MessageContent';
export type { MessageContentProps } from './MessageContent';
export { EventNote, SystemNote, eventText, senderName } from './SystemNote';
export type { SystemNoteProps } from './SystemNote';
export type { AvatarProps } from './AvatarProps';
