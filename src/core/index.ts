/**
 * `contact-kit/core`: the framework-free layer. Wire types, the Participant Service client and the
 * headless chat session. Runs in browsers and Node; imports no UI framework.
 *
 * @packageDocumentation
 */
export type {
  IsoTimestamp,
  ParticipantRole,
  ItemType,
  ArtifactStatus,
  AttachmentItem,
  Receipt,
  MessageProcessingStatus,
  MessageMetadata,
  Item,
  ConnectionType,
  CreateParticipantConnectionRequest,
  Websocket,
  ConnectionCredentials,
  WebRTCMediaPlacement,
  WebRTCMeetingFeatures,
  WebRTCMeeting,
  Attendee,
  WebRTCConnection,
  CreateParticipantConnectionResponse,
  SendMessageRequest,
  SendMessageResponse,
  SendEventRequest,
  SendEventResponse,
  ScanDirection,
  SortKey,
  StartPosition,
  GetTranscriptRequest,
  GetTranscriptResponse,
  DisconnectParticipantRequest,
  DisconnectParticipantResponse,
  StartAttachmentUploadRequest,
  UploadMetadata,
  StartAttachmentUploadResponse,
  CompleteAttachmentUploadRequest,
  CompleteAttachmentUploadResponse,
  GetAttachmentRequest,
  GetAttachmentResponse,
  DescribeViewRequest,
  ViewContent,
  View,
  DescribeViewResponse,
  GetAuthenticationUrlRequest,
  GetAuthenticationUrlResponse,
  CancelParticipantAuthenticationRequest,
  CancelParticipantAuthenticationResponse,
  ClientFrame,
  ServerFrame,
  OperationName,
} from './protocol/types';
export {
  ContentType,
  SENDABLE_MESSAGE_CONTENT_TYPES,
  SENDABLE_EVENT_CONTENT_TYPES,
  MESSAGE_CONTENT_LIMITS,
  EVENT_CONTENT_TYPE_PREFIX,
} from './protocol/contentTypes';
export type { KnownContentType, SendableMessageContentType } from './protocol/contentTypes';
export {
  ContactKitError,
  ParticipantServiceError,
  NetworkError,
  AbortError,
  RequestValidationError,
  InvalidResponseError,
  ChatError,
} from './protocol/errors';
export type {
  ParticipantServiceErrorName,
  ContactKitErrorCode,
  ChatErrorCode,
  ParticipantServiceErrorInit,
} from './protocol/errors';
export { defaultLogger, silentLogger } from './logger';
export type { Logger } from './logger';
export { systemClock } from './clock';
export type { TimerHandle, Clock } from './clock';
export { createParticipantClient, participantEndpoint } from './protocol/participantClient';
export type {
  ParticipantClientOptions,
  RequestOptions,
  ParticipantClient,
} from './protocol/participantClient';
export type { RetryPolicy } from './protocol/retryPolicy';

// The chat model: items, participants, interactive templates, views, attachment checks.
export { isNotDelivered, receiptState } from './chat/transcript/chatItem';
export type {
  ChatItemType,
  ChatItemStatus,
  ChatProcessingStatus,
  ChatReceipt,
  ChatAttachmentStatus,
  ChatAttachment,
  ChatEventKind,
  ChatItem,
  ChatParticipant,
  TypingParticipant,
} from './chat/transcript/chatItem';
export type {
  InteractiveImage,
  InteractiveReplyMessage,
  ListPickerElement,
  ListPickerContent,
  ListPickerTemplate,
  PanelElement,
  PanelContent,
  PanelTemplate,
  QuickReplyElement,
  QuickReplyTemplate,
  TimeSlot,
  TimePickerLocation,
  TimePickerTemplate,
  CarouselCard,
  CarouselTemplate,
  ViewResourceTemplate,
  InteractiveTemplate,
  InteractiveTemplateType,
} from './chat/interactive/interactiveTemplate';
export { parseInteractiveContent } from './chat/interactive/parseInteractiveContent';
export type { ParseInteractiveResult } from './chat/interactive/parseInteractiveContent';
export { readInteractive, interactiveOf } from './chat/interactive/interactiveOf';
export {
  replyToChoice,
  replyToTimePicker,
  replyToCarousel,
  replyToViewResource,
  replyToViewResourceWithText,
} from './chat/interactive/interactiveReply';
export type { InteractiveReply } from './chat/interactive/interactiveReply';
export { resolveView } from './chat/view/resolveView';
export type { ViewNode, ResolvedView, ResolveViewResult } from './chat/view/resolveView';
export { viewStatus } from './chat/view/viewStatus';
export type { ViewStatus } from './chat/view/viewStatus';
export {
  validateAttachment,
  DEFAULT_ATTACHMENT_EXTENSIONS,
  DEFAULT_ATTACHMENT_CONTENT_TYPES,
  DEFAULT_ATTACHMENT_MAX_BYTES,
} from './chat/attachments/validateAttachment';
export type { AttachmentPolicy } from './chat/attachments/validateAttachment';

// Customer authentication (the sign-in prompt of an authenticated chat).
export { foldAuthentication } from './chat/authentication/customerAuthentication';
export type {
  AuthenticationStatus,
  AuthenticationPrompt,
  AuthenticationState,
} from './chat/authentication/customerAuthentication';
export { completeAuthenticationRedirect } from './chat/authentication/authenticationRedirect';
export type {
  AuthenticationRedirectResult,
  CompleteAuthenticationRedirectOptions,
} from './chat/authentication/authenticationRedirect';

// The chat session, and the settings it takes. Its parts (connection machine and driver, socket,
// transcript store, outbox, receipts, typing, history sync, storage) are internal.
export { createChatSession } from './chat/session/chatSession';
export type {
  ChatConnectionStatus,
  ChatConnectionView,
  ChatStatusView,
  ChatSnapshot,
  AttachmentFile,
  SendOptions,
  ChatSessionOptions,
  ChatSession,
} from './chat/session/chatSession';
export type { ChatSessionLike } from './chat/session/chatSessionLike';
export type { OfferedConnection } from './chat/connection/connectionDriver';
export type { ConnectionPolicy } from './chat/connection/connectionPolicy';
export type { ChatEnvironment } from './chat/connection/chatEnvironment';
export type { WebSocketLike, WebSocketConstructor } from './chat/connection/chatSocket';
export type { StorageLike, ChatStorageOptions } from './chat/session/chatStorage';
export type { UploadFunction, UploadRequest } from './chat/attachments/uploadAttachment';
export type { TranscriptSyncPolicy } from './chat/history/transcriptSync';
export type { OutboxPolicy } from './chat/outbox/messageOutbox';
export type { ReceiptPolicy } from './chat/receipts/receiptSender';

// The contact: start, resume, tabs, end, continue.
export type {
  StartChatResult,
  ChatContact,
  ChatContactSource,
  ContactState,
} from './chat/contact/contactMachine';
export type { ReadMarker } from './chat/contact/readMarker';
export { preloadChatSession, createContactController } from './chat/contact/contactController';
export type {
  StartChatRequest,
  ContactSessionFactory,
  ContactTabsMode,
  ContactControllerOptions,
  ContactSnapshot,
  ContactEvents,
  ContactController,
} from './chat/contact/contactController';
