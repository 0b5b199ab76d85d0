/**
 * The React layer of contact-kit: providers, context accessors and headless hooks.
 *
 * @packageDocumentation
 */
export * from './queryKeys';
export type * from './chatSessionLike';
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
export * from './providers/ContactKitProvider';
export * from './providers/ChatProvider';
export * from './hooks/useParticipantConnection';
export * from './hooks/useChat';
export * from './hooks/useChatConnection';
export * from './hooks/useTranscript';
export * from './hooks/useTyping';
export * from './hooks/useParticipants';
export * from './hooks/useSendMessage';
export * from './hooks/useAttachmentUpload';
export * from './hooks/useInteractiveMessage';
export * from './hooks/useView';
export * from './hooks/useUnreadCount';
export * from './hooks/useComposer';
export * from './hooks/useAttachmentUrl';
export * from './hooks/useCustomerAuthentication';
