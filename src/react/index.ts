/**
 * The React layer of contact-kit: providers, context accessors and headless hooks.
 *
 * @packageDocumentation
 */
export { contactKitKeys } from './queryKeys';
export type { ParticipantConnectionKeyParams } from './queryKeys';
export type { ChatConnectionStatus, SendMessageOptions, ChatSessionLike } from './chatSessionLike';
export { useContactKit, useMaybeContactKit } from './context/ContactKitContext';
export type {
  ChatContact,
  ChatContactSource,
  ChatSessionFactory,
  ChatSessionFactoryOptions,
  ContactKitContextValue,
  ContactKitStorage,
  ContactKitThemeInput,
  ContactTabsMode,
  StartChatRequest,
  StartChatResult,
  WebSocketConstructorLike,
} from './context/ContactKitContext';
export { useChatContext, useChatSession, useMaybeChatSession } from './context/ChatSessionContext';
export type { ChatContextValue } from './context/ChatSessionContext';
export type { ExternalStore } from './hooks/internal/useStoreSelector';
export type { Store } from '../core/store';
export { ContactKitProvider } from './providers/ContactKitProvider';
export type { ContactKitProviderProps } from './providers/ContactKitProvider';
export { ChatProvider } from './providers/ChatProvider';
export type { ChatProviderProps } from './providers/ChatProvider';
export {
  participantConnectionExpiresAt,
  participantConnectionQueryOptions,
  useParticipantConnection,
} from './hooks/useParticipantConnection';
export type {
  ParticipantConnectionData,
  ParticipantConnectionError,
  UseParticipantConnectionOptions,
  UseParticipantConnectionResult,
} from './hooks/useParticipantConnection';
export { useChat } from './hooks/useChat';
export type { UseChatStatus, UseChatResult } from './hooks/useChat';
export { useChatConnection } from './hooks/useChatConnection';
export type { UseChatConnectionResult } from './hooks/useChatConnection';
export { useTranscript } from './hooks/useTranscript';
export type { UseTranscriptOptions, UseTranscriptResult } from './hooks/useTranscript';
export { useTyping } from './hooks/useTyping';
export type { UseTypingResult } from './hooks/useTyping';
export { useParticipants } from './hooks/useParticipants';
export type { UseParticipantsResult } from './hooks/useParticipants';
export { useSendMessage } from './hooks/useSendMessage';
export type { UseSendMessageResult } from './hooks/useSendMessage';
export { useAttachmentUpload } from './hooks/useAttachmentUpload';
export type { AttachmentUpload, UseAttachmentUploadResult } from './hooks/useAttachmentUpload';
export { useInteractiveMessage } from './hooks/useInteractiveMessage';
export type {
  InteractiveResponse,
  InteractiveResponseStatus,
  UseInteractiveMessageResult,
} from './hooks/useInteractiveMessage';
export { useView } from './hooks/useView';
export type { ViewLoadStatus, ViewAnswerState, UseViewResult } from './hooks/useView';
export type { ViewAnswer } from './internal/viewAnswers';
export { useUnreadCount } from './hooks/useUnreadCount';
export type { UseUnreadCountResult } from './hooks/useUnreadCount';
export { useComposer } from './hooks/useComposer';
export type {
  ComposerState,
  UseComposerOptions,
  ComposerTextareaProps,
  ComposerFormProps,
  ComposerSendButtonProps,
  UseComposerResult,
} from './hooks/useComposer';
export { useAttachmentUrl } from './hooks/useAttachmentUrl';
export type { UseAttachmentUrlOptions, UseAttachmentUrlResult } from './hooks/useAttachmentUrl';
export { useCustomerAuthentication } from './hooks/useCustomerAuthentication';
export type {
  UseCustomerAuthenticationOptions,
  CustomerAuthenticationPhase,
  UseCustomerAuthenticationResult,
} from './hooks/useCustomerAuthentication';
