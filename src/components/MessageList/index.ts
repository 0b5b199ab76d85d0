export { MessageList } from './MessageList';
export type { MessageListHandle, MessageListProps, MessageListState } from './MessageList';
export { InteractiveRendererContext } from './InteractiveRendererContext';
export type { InteractiveRenderer } from './InteractiveRendererContext';
export { buildRows } from './buildRows';
export type { TranscriptRow } from './buildRows';
