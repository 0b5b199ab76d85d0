/**
 * Content types of the Participant Service: messages a participant can send, interactive messages
 * from bots, and the `application/vnd.amazonaws.connect.event.*` events.
 *
 * @example
 * ```ts
 * import { ContentType } from 'contact-kit/core';
 * if (item.ContentType === ContentType.chatEnded) showEndedBanner();
 * ```
 */
export const ContentType = {
  plainText: 'text/plain',
  markdown: 'text/markdown',
  json: 'application/json',
  interactive: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveResponse: 'application/vnd.amazonaws.connect.message.interactive.response',

  typing: 'application/vnd.amazonaws.connect.event.typing',
  participantJoined: 'application/vnd.amazonaws.connect.event.participant.joined',
  participantLeft: 'application/vnd.amazonaws.connect.event.participant.left',
  participantInvited: 'application/vnd.amazonaws.connect.event.participant.invited',
  participantIdle: 'application/vnd.amazonaws.connect.event.participant.idle',
  participantReturned: 'application/vnd.amazonaws.connect.event.participant.returned',
  participantAutoDisconnection:
    'application/vnd.amazonaws.connect.event.participant.autodisconnection',
  participantActive: 'application/vnd.amazonaws.connect.event.participant.active',
  participantInactive: 'application/vnd.amazonaws.connect.event.participant.inactive',
  participantDisplayNameUpdated:
    'application/vnd.amazonaws.connect.event.participant.displayname.updated',
  chatEnded: 'application/vnd.amazonaws.connect.event.chat.ended',
  chatRehydrated: 'application/vnd.amazonaws.connect.event.chat.rehydrated',
  transferSucceeded: 'application/vnd.amazonaws.connect.event.transfer.succeeded',
  transferFailed: 'application/vnd.amazonaws.connect.event.transfer.failed',
  connectionAcknowledged: 'application/vnd.amazonaws.connect.event.connection.acknowledged',
  messageDelivered: 'application/vnd.amazonaws.connect.event.message.delivered',
  messageRead: 'application/vnd.amazonaws.connect.event.message.read',
  messageMetadata: 'application/vnd.amazonaws.connect.event.message.metadata',
  authenticationInitiated: 'application/vnd.amazonaws.connect.event.authentication.initiated',
  authenticationSucceeded: 'application/vnd.amazonaws.connect.event.authentication.succeeded',
  authenticationFailed: 'application/vnd.amazonaws.connect.event.authentication.failed',
  authenticationTimeout: 'application/vnd.amazonaws.connect.event.authentication.timeout',
  authenticationExpired: 'application/vnd.amazonaws.connect.event.authentication.expired',
  authenticationCancelled: 'application/vnd.amazonaws.connect.event.authentication.cancelled',
  workflowCancelled: 'application/vnd.amazonaws.connect.event.workflow.cancelled',
} as const;

/**
 * One of the known content type strings.
 *
 * @example
 * ```ts
 * const isTyping = (item: Item) => item.ContentType === (ContentType.typing satisfies KnownContentType);
 * ```
 */
export type KnownContentType = (typeof ContentType)[keyof typeof ContentType];

/**
 * Content types a participant may send with SendMessage.
 *
 * @example
 * ```ts
 * const sendable = (SENDABLE_MESSAGE_CONTENT_TYPES as readonly string[]).includes(type);
 * ```
 */
export const SENDABLE_MESSAGE_CONTENT_TYPES = [
  ContentType.plainText,
  ContentType.markdown,
  ContentType.json,
  ContentType.interactiveResponse,
] as const;

/**
 * A content type a participant may send with SendMessage.
 *
 * @example
 * ```ts
 * session.sendMessage('**Order shipped**', { contentType: 'text/markdown' });
 * ```
 */
export type SendableMessageContentType = (typeof SENDABLE_MESSAGE_CONTENT_TYPES)[number];

/**
 * Content types a participant may send with SendEvent.
 *
 * @example
 * ```ts
 * const sendable = (SENDABLE_EVENT_CONTENT_TYPES as readonly string[]).includes(type);
 * ```
 */
export const SENDABLE_EVENT_CONTENT_TYPES = [
  ContentType.typing,
  ContentType.messageDelivered,
  ContentType.messageRead,
  ContentType.connectionAcknowledged,
] as const;

/**
 * Maximum `Content` length per SendMessage content type (documented limits; the model allows
 * 16,384 for any type).
 *
 * @example
 * ```ts
 * if (content.length > MESSAGE_CONTENT_LIMITS['text/plain']) showTooLong();
 * ```
 */
export const MESSAGE_CONTENT_LIMITS: Readonly<Record<SendableMessageContentType, number>> = {
  [ContentType.plainText]: 1024,
  [ContentType.markdown]: 1024,
  [ContentType.json]: 12000,
  [ContentType.interactiveResponse]: 12288,
};

/**
 * The prefix shared by every event content type.
 *
 * @example
 * ```ts
 * const isEvent = item.ContentType?.startsWith(EVENT_CONTENT_TYPE_PREFIX) ?? false;
 * ```
 */
export const EVENT_CONTENT_TYPE_PREFIX = 'application/vnd.amazonaws.connect.event.';
