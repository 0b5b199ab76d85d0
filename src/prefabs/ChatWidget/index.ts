export { ChatWidget } from './ChatWidget';
export type { ChatWidgetComponents, ChatWidgetPreChatForm, ChatWidgetProps } from './ChatWidget';
export type { WidgetPosition } from './ChatWidget.styles';
export { PreChatForm } from './PreChatForm';
export type { PreChatFormHandle, PreChatFormProps } from './PreChatForm';
export { validatePreChatForm } from './validatePreChatForm';
export type { PreChatField, PreChatProblem, PreChatValues } from './validatePreChatForm';
export { buildTranscriptText, transcriptFileName } from './buildTranscriptText';
export type { BuildTranscriptTextOptions } from './buildTranscriptText';
