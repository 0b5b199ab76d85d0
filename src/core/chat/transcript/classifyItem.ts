import { ContentType, EVENT_CONTENT_TYPE_PREFIX } from '../../protocol/contentTypes';
import type { AttachmentItem, Item, ParticipantRole, Receipt } from '../../protocol/types';
import type {
  ChatAttachment,
  ChatAttachmentStatus,
  ChatEventKind,
  ChatItem,
  ChatProcessingStatus,
  ChatReceipt,
} from './chatItem';
import { toProcessingStatus } from './chatItem';
import { isValidTime } from './itemOrder';

/**
 * The events shown as transcript rows (see {@link ChatEventKind}). Typing, receipts, connection
 * acks, and events whose meaning is unconfirmed (`participant.active`/`inactive`,
 * `workflow.cancelled`) are not.
 *
 * @example
 * ```ts
 * DISPLAYABLE_EVENTS.has('chat.ended'); // true
 * ```
 */
export const DISPLAYABLE_EVENTS: ReadonlySet<ChatEventKind> = new Set<ChatEventKind>([
  'participant.joined',
  'participant.left',
  'participant.invited',
  'participant.idle',
  'participant.returned',
  'participant.autodisconnection',
  'participant.displayname.updated',
  'chat.ended',
  'chat.rehydrated',
  'transfer.succeeded',
  'transfer.failed',
  'authentication.initiated',
  'authentication.succeeded',
  'authentication.failed',
  'authentication.timeout',
  'authentication.expired',
  'authentication.cancelled',
]);

/** Message content types we render; anything else becomes an `unsupported` row. */
const RENDERABLE_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  ContentType.plainText,
  ContentType.markdown,
  ContentType.json,
  ContentType.interactive,
]);

/**
 * How one wire item affects the transcript.
 *
 * @example
 * ```ts
 * const classified = classifyItem(item, ownParticipantId);
 * if (classified.kind === 'malformed') logger.warn(classified.reason);
 * ```
 */
export type ClassifiedItem =
  | {
      kind: 'item';
      item: ChatItem;
      /** Lex streaming: the chunk number of a partial message (`MessageCompleted: false`). */
      chunk?: number;
    }
  | {
      kind: 'receipts';
      messageId: string;
      receipts: readonly ChatReceipt[];
      /** The message processing status the metadata carries, if any. */
      processing?: ChatProcessingStatus;
    }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string };

const ATTACHMENT_STATUS: Record<string, ChatAttachmentStatus> = {
  APPROVED: 'approved',
  REJECTED: 'rejected',
  IN_PROGRESS: 'in_progress',
};

function toAttachment(attachment: AttachmentItem): ChatAttachment {
  const result: ChatAttachment = {
    name: attachment.AttachmentName ?? '',
    contentType: attachment.ContentType ?? '',
    // Without attachment scanning the service sends no verdict: the file is usable as is.
    status: ATTACHMENT_STATUS[attachment.Status ?? ''] ?? 'approved',
  };
  if (attachment.AttachmentId) {
    result.id = attachment.AttachmentId;
  }
  return result;
}

/**
 * Receipts of a message, one per recipient, sorted by participant id, with the latest timestamps.
 *
 * @internal
 *
 * @example
 * ```ts
 * toReceipts(item.MessageMetadata?.Receipts); // [{ participantId: 'agent-1', readAt: '…' }]
 * ```
 */
export function toReceipts(receipts: readonly Receipt[] | undefined): ChatReceipt[] {
  const result: ChatReceipt[] = [];
  for (const receipt of receipts ?? []) {
    if (!receipt.RecipientParticipantId) {
      continue;
    }
    const entry: ChatReceipt = { participantId: receipt.RecipientParticipantId };
    if (isValidTime(receipt.DeliveredTimestamp)) {
      entry.deliveredAt = receipt.DeliveredTimestamp;
    }
    if (isValidTime(receipt.ReadTimestamp)) {
      entry.readAt = receipt.ReadTimestamp;
    }
    result.push(entry);
  }
  return result;
}

function base(
  item: Item,
  id: string,
  time: string,
  ownParticipantId: string | undefined,
): ChatItem {
  const chatItem: ChatItem = {
    id,
    type: 'message',
    contentType: item.ContentType ?? '',
    time,
    isOwn: item.ParticipantId !== undefined && item.ParticipantId === ownParticipantId,
    receipts: [],
  };
  if (item.Content !== undefined) {
    chatItem.content = item.Content;
  }
  if (item.ParticipantId) {
    chatItem.participantId = item.ParticipantId;
  }
  if (item.DisplayName) {
    chatItem.displayName = item.DisplayName;
  }
  if (item.ParticipantRole) {
    chatItem.role = item.ParticipantRole as ParticipantRole;
  }
  if (item.ContactId) {
    chatItem.contactId = item.ContactId;
  }
  if (item.RelatedContactId) {
    chatItem.relatedContactId = item.RelatedContactId;
  }
  return chatItem;
}

/**
 * Decides what a wire item is to the transcript: a row (message, attachment, displayable event,
 * unsupported), receipts for another item, nothing (typing, acks, interactive responses, unknown
 * events), or malformed (a row without `Id` or a readable `AbsoluteTime`).
 *
 * @internal
 *
 * @example
 * ```ts
 * const classified = classifyItem(item, ownParticipantId);
 * if (classified.kind === 'item') putItem(d, classified.item);
 * ```
 */
export function classifyItem(item: Item, ownParticipantId: string | undefined): ClassifiedItem {
  const type = item.Type;
  if (type === 'MESSAGEMETADATA' || item.ContentType === ContentType.messageMetadata) {
    const messageId = item.MessageMetadata?.MessageId;
    if (!messageId) {
      return { kind: 'malformed', reason: 'receipt item without MessageMetadata.MessageId' };
    }
    const receipts = toReceipts(item.MessageMetadata?.Receipts);
    const processing = toProcessingStatus(item.MessageMetadata?.MessageProcessingStatus);
    return processing === undefined
      ? { kind: 'receipts', messageId, receipts }
      : { kind: 'receipts', messageId, receipts, processing };
  }
  if (type !== 'MESSAGE' && type !== 'ATTACHMENT' && type !== 'EVENT') {
    return type === undefined
      ? { kind: 'malformed', reason: 'item without Type' }
      : { kind: 'ignored' };
  }
  if (type === 'EVENT') {
    const contentType = item.ContentType ?? '';
    const kind = contentType.startsWith(EVENT_CONTENT_TYPE_PREFIX)
      ? (contentType.slice(EVENT_CONTENT_TYPE_PREFIX.length) as ChatEventKind)
      : undefined;
    if (!kind || !DISPLAYABLE_EVENTS.has(kind)) {
      return { kind: 'ignored' };
    }
  }
  if (type === 'MESSAGE' && item.ContentType === ContentType.interactiveResponse) {
    // The customer's answer to a picker page or a view: protocol §7.7 says it is not shown.
    return { kind: 'ignored' };
  }
  if (!item.Id) {
    return { kind: 'malformed', reason: `${type} item without Id` };
  }
  if (!isValidTime(item.AbsoluteTime)) {
    return { kind: 'malformed', reason: `${type} item ${item.Id} without a valid AbsoluteTime` };
  }
  const chatItem = base(item, item.Id, item.AbsoluteTime, ownParticipantId);
  const receipts = toReceipts(item.MessageMetadata?.Receipts);
  if (receipts.length > 0) {
    chatItem.receipts = receipts.sort((a, b) => (a.participantId < b.participantId ? -1 : 1));
  }
  if (type === 'EVENT') {
    chatItem.type = 'event';
    chatItem.event = chatItem.contentType.slice(EVENT_CONTENT_TYPE_PREFIX.length) as ChatEventKind;
    return { kind: 'item', item: chatItem };
  }
  if (chatItem.isOwn) {
    chatItem.status = 'sent';
    const processing = toProcessingStatus(item.MessageMetadata?.MessageProcessingStatus);
    if (processing !== undefined) {
      chatItem.processing = processing;
    }
  }
  if (type === 'ATTACHMENT') {
    chatItem.type = 'attachment';
    chatItem.attachments = (item.Attachments ?? []).map(toAttachment);
    chatItem.contentType = item.ContentType ?? chatItem.attachments[0]?.contentType ?? '';
    return { kind: 'item', item: chatItem };
  }
  if (!RENDERABLE_MESSAGE_TYPES.has(chatItem.contentType)) {
    chatItem.type = 'unsupported';
  }
  // Interactive messages keep their raw content: readers parse it (interactiveOf), so the session
  // does not carry the template parser.
  const metadata = item.MessageMetadata;
  if (metadata?.MessageCompleted === false) {
    chatItem.streaming = true;
    return { kind: 'item', item: chatItem, chunk: metadata.ChunkNumber ?? 0 };
  }
  return { kind: 'item', item: chatItem };
}
