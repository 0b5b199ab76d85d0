/**
 * The headless chat session: item model, transcript store, presence, interactive templates and
 * attachment checks (pure), plus the connection machine and session shell.
 *
 * @packageDocumentation
 */

// Item model, transcript store, presence, interactive templates, attachments (pure data layer).
export * from './chatItem';
export * from './interactive/interactiveTemplate';
export * from './interactive/parseInteractiveContent';
export * from './interactive/interactiveReply';
export * from './view/resolveView';
export * from './view/viewStatus';
export * from './attachments/validateAttachment';
export * from './presence/typing';
export * from './presence/participants';
export { DISPLAYABLE_EVENTS } from './transcript/classifyItem';
export { mergeReceipts } from './transcript/mergeReceipts';
export * from './transcript/transcript';
export * from './transcript/applyServerItems';
export * from './transcript/pendingItems';

// Connection lifecycle and session shell.
export * from './connectionMachine';
export * from './connectionPolicy';
export * from './chatEnvironment';
export * from './serviceFailure';
export * from './socket/socketFrames';
export * from './socket/chatSocket';
export * from './socket/connectionDriver';
export * from './chatStorage';
export * from './uploadAttachment';
export * from './transcriptSync';
export * from './outbox/messageOutbox';
export * from './outbox/receiptSender';
export * from './outbox/typingSender';
export * from './chatSession';

// The contact: start, resume, tabs, end, continue.
export * from './chatSessionLike';
export * from './contact/contactMachine';
export * from './contact/readMarker';
export * from './contact/contactController';
