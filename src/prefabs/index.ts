/**
 * Ready-made compositions of the chat components.
 *
 * @packageDocumentation
 */
export {
  ChatWidget,
  preloadChatWidget,
  PreChatForm,
  validatePreChatForm,
  buildTranscriptText,
  transcriptFileName,
  ChatLauncher,
  ChatHeader,
  EndChatConfirm,
  EndedFooter,
} from './ChatWidget/index';
export type {
  ChatWidgetComponents,
  ChatWidgetPreChatForm,
  ChatWidgetProps,
  ChatWidgetCallbacks,
  WidgetPosition,
  WidgetLayout,
  PreChatFormHandle,
  PreChatFormProps,
  PreChatField,
  PreChatProblem,
  PreChatValues,
  BuildTranscriptTextOptions,
  ChatLauncherProps,
  ChatHeaderProps,
  EndChatConfirmProps,
  EndedFooterProps,
} from './ChatWidget/index';
