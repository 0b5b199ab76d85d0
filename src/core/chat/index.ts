/**
 * The headless chat session: item model, transcript store, presence, interactive templates and
 * attachment checks (pure), plus the connection machine and session shell.
 *
 * @packageDocumentation
 */

// Item model, transcript store, presence, interactive templates, attachments (pure data layer).
export * from './transcript/chatItem';
export * from './interactive/interactiveTemplate';
export * from './interactive/parseInteractiveContent';
export * from './interactive/interactiveOf';
export * from './interactive/interactiveReply';
export * from './view/resolveView';
export * from './view/viewStatus';
export * from './attachments/validateAttachment';
export * from './typing/typing';
export * from './participants/participants';
export { DISPLAYABLE_EVENTS } from './transcript/classifyItem';
export { mergeReceipts } from './receipts/mergeReceipts';
export * from './transcript/transcript';
export * from './transcript/applyServerItems';
export * from './transcript/pendingItems';
export * from './authentication/customerAuthentication';
export * from './authentication/authenticationRedirect';

// Connection lifecycle and session shell.
export * from './connection/connectionMachine';
export * from './connection/connectionPolicy';
export * from './connection/chatEnvironment';
export * from './connection/serviceFailure';
export * from './connection/socketFrames';
export * from './connection/chatSocket';
export * from './connection/connectionDriver';
export * from './session/chatStorage';
export * from './attachments/uploadAttachment';
export * from './history/transcriptSync';
export * from './outbox/messageOutbox';
export * from './receipts/receiptSender';
export * from './typing/typingSender';
export * from './session/chatSession';

// The contact: start, resume, tabs, end, continue.
export * from './session/chatSessionLike';
export * from './contact/contactMachine';
export * from './contact/readMarker';
export * from './contact/contactController';
