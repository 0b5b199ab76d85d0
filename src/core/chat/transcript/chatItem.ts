/**
 * The public item model of the chat session snapshot: what `items`, `participants` and `typing`
 * hold. The transcript store builds these from wire {@link Item}s and from own optimistic sends.
 *
 * @packageDocumentation
 */
import type { ChatError } from '../../protocol/errors';
import type { ParticipantRole } from '../../protocol/types';
import type { InteractiveTemplate } from '../interactive/interactiveTemplate';

/**
 * What an item is: a message, an attachment, a displayable event, or a message whose content type
 * (or interactive template) we cannot render.
 *
 * @example
 * ```ts
 * if (item.type === 'unsupported') return <p>This message cannot be shown.</p>;
 * ```
 */
export type ChatItemType = 'message' | 'attachment' | 'event' | 'unsupported';

/**
 * Delivery state of an own message or attachment: `sending` until the service confirmed it,
 * `failed` when every retry failed (see {@link ChatItem.error}).
 *
 * @example
 * ```ts
 * const label = item.status === 'failed' ? 'Not sent' : item.status === 'sending' ? 'Sending…' : '';
 * ```
 */
export type ChatItemStatus = 'sending' | 'sent' | 'failed';

/**
 * What the service's message processing (in-flight redaction, a custom processor Lambda) says
 * about an own message, from `MessageMetadata.MessageProcessingStatus`: `processing` while it is
 * being processed, `rejected` when the processor refused it, `failed` when processing failed and
 * the message was not delivered. A rejected or failed message stays `status: 'sent'` (the service
 * accepted the SendMessage call) but was not delivered: show it as "Not delivered".
 *
 * @example
 * ```ts
 * const notDelivered = item.processing === 'rejected' || item.processing === 'failed';
 * ```
 */
export type ChatProcessingStatus = 'processing' | 'rejected' | 'failed';

/**
 * The {@link ChatProcessingStatus} of a wire `MessageProcessingStatus` (`PROCESSING`, `REJECTED`,
 * `FAILED`); `undefined` for anything else.
 *
 * @example
 * ```ts
 * toProcessingStatus('REJECTED'); // 'rejected'
 * toProcessingStatus(undefined); // undefined
 * ```
 */
export function toProcessingStatus(wire: unknown): ChatProcessingStatus | undefined {
  return wire === 'PROCESSING' || wire === 'REJECTED' || wire === 'FAILED'
    ? (wire.toLowerCase() as ChatProcessingStatus)
    : undefined;
}

/**
 * Whether the service's message processing kept this message from being delivered (`rejected` or
 * `failed`).
 *
 * @example
 * ```ts
 * if (isNotDelivered(item)) label = 'Not delivered';
 * ```
 */
export function isNotDelivered(item: Pick<ChatItem, 'processing'>): boolean {
  return item.processing === 'rejected' || item.processing === 'failed';
}

/**
 * The receipt of one recipient of a message. `readAt` implies delivery even when no delivered
 * receipt arrived; use {@link receiptState} to read both at once.
 *
 * @example
 * ```ts
 * const seen = item.receipts.some((r) => r.readAt !== undefined);
 * ```
 */
export interface ChatReceipt {
  /** The participant who received or read the message. */
  participantId: string;
  /** Latest `DeliveredTimestamp` received for this recipient (ISO-8601). */
  deliveredAt?: string;
  /** Latest `ReadTimestamp` received for this recipient (ISO-8601). */
  readAt?: string;
}

/**
 * Where an attachment is in its life: `uploading` (own, bytes going up), then the scan verdict
 * the service reports: `in_progress`, `approved` or `rejected`; `failed` when an own upload failed.
 *
 * @example
 * ```ts
 * const canDownload = attachment.status === 'approved';
 * ```
 */
export type ChatAttachmentStatus = 'uploading' | 'in_progress' | 'approved' | 'rejected' | 'failed';

/**
 * One file on an attachment item.
 *
 * @example
 * ```ts
 * const [file] = item.attachments ?? [];
 * if (file?.id && file.status === 'approved') download(file.id);
 * ```
 */
export interface ChatAttachment {
  /** The service's `AttachmentId`, once known (own uploads: after StartAttachmentUpload). */
  id?: string;
  /** File name. */
  name: string;
  /** MIME type of the file. */
  contentType: string;
  /** Size in bytes, when known (own uploads). */
  size?: number;
  /** Upload or scan state. */
  status: ChatAttachmentStatus;
  /** Upload progress from 0 to 1 while `status` is `uploading`. */
  progress?: number;
  /** Why the upload failed, when `status` is `failed`. */
  error?: ChatError;
}

/**
 * The displayable events, named after their content type suffix
 * (`application/vnd.amazonaws.connect.event.<kind>`). Typing, receipts, connection acks and the
 * events of unknown meaning (`participant.active`/`inactive`, `workflow.cancelled`) are not items.
 *
 * @example
 * ```ts
 * if (item.event === 'participant.joined') return <Notice>{item.displayName} joined</Notice>;
 * ```
 */
export type ChatEventKind =
  | 'participant.joined'
  | 'participant.left'
  | 'participant.invited'
  | 'participant.idle'
  | 'participant.returned'
  | 'participant.autodisconnection'
  | 'participant.displayname.updated'
  | 'chat.ended'
  | 'chat.rehydrated'
  | 'transfer.succeeded'
  | 'transfer.failed'
  | 'authentication.initiated'
  | 'authentication.succeeded'
  | 'authentication.failed'
  | 'authentication.timeout'
  | 'authentication.expired'
  | 'authentication.cancelled';

/**
 * One row of the transcript: a message, an attachment, a displayable event, or an unsupported
 * message. Items are immutable; an item whose data did not change keeps its object identity.
 *
 * @example
 * ```tsx
 * <li key={item.localId ?? item.id} data-message-id={item.id} data-status={item.status}>
 *   {item.content}
 * </li>
 * ```
 */
export interface ChatItem {
  /**
   * The Item `Id`. An own optimistic send uses its `localId` (the ClientToken) until the service
   * confirmed it, then the server's `Id`.
   */
  id: string;
  /** Own sends only: the ClientToken, kept after confirmation (a stable React key). */
  localId?: string;
  /** Kind of row. */
  type: ChatItemType;
  /** The wire ContentType (attachments: the first file's MIME type; `''` when absent). */
  contentType: string;
  /** The wire Content (message text, or an event's content). Lex streams: the text so far. */
  content?: string;
  /** Sender (or subject of an event). */
  participantId?: string;
  /** Sender's display name. */
  displayName?: string;
  /** Sender's role. */
  role?: ParticipantRole;
  /** ISO-8601 AbsoluteTime; optimistic sends use the local time until confirmed. */
  time: string;
  /** True when `participantId` is this session's participant. */
  isOwn: boolean;
  /** Own messages and attachments only. */
  status?: ChatItemStatus;
  /**
   * When `status` is `failed`: why. (A malformed interactive template is reported by
   * `readInteractive(item)`, not here.)
   */
  error?: ChatError;
  /**
   * Own messages only: the service's message processing status, when it reported one (see
   * {@link ChatProcessingStatus}). Absent once a processed message was delivered.
   */
  processing?: ChatProcessingStatus;
  /** Receipts of the recipients (empty for events and until someone received the message). */
  receipts: readonly ChatReceipt[];
  /** Files of an attachment item. */
  attachments?: readonly ChatAttachment[];
  /** For `type: 'event'`: which event. */
  event?: ChatEventKind;
  /**
   * A parsed interactive template, when whoever built the item set one (a custom session or a
   * test). The chat session leaves it unset and keeps interactive messages as they came
   * (`contentType` and raw `content`), so a chat that shows none never loads the parser: read the
   * template with `interactiveOf(item)`, which parses once per item and honours this field.
   */
  interactive?: InteractiveTemplate;
  /** True while a Lex streamed message is still receiving chunks. */
  streaming?: boolean;
  /**
   * True when the item first arrived in a history page (the newest page loaded on connect or
   * after a reload, `loadOlder`, or a past contact's transcript) rather than live (the websocket,
   * or the gap fill after a reconnect, which brings messages the customer has not seen). Use it
   * to notify or announce only news.
   */
  fromHistory?: boolean;
  /** The contact the item was sent on. */
  contactId?: string;
  /** Set only on items from a past contact (persistent chat). */
  relatedContactId?: string;
}

/**
 * A participant of the chat as the transcript shows it.
 *
 * @example
 * ```ts
 * const agents = participants.filter((p) => p.role === 'AGENT' && p.status !== 'left');
 * ```
 */
export interface ChatParticipant {
  /** The participant's id. */
  participantId: string;
  /** Latest known display name. */
  displayName?: string;
  /** Role on the contact. */
  role?: ParticipantRole;
  /** `joined` (or returned), `idle`, or `left` (also after an auto-disconnection). */
  status: 'joined' | 'idle' | 'left';
}

/**
 * A participant who is typing right now.
 *
 * @example
 * ```ts
 * const label = typing.map((t) => t.displayName ?? 'Someone').join(', ') + ' typing…';
 * ```
 */
export interface TypingParticipant {
  /** Who is typing. */
  participantId: string;
  /** Their display name. */
  displayName?: string;
  /** Their role. */
  role?: ParticipantRole;
  /** When the current burst of typing events started (ms since the epoch, local clock). */
  since: number;
  /** When the indicator goes away without a new typing event (ms since the epoch, local clock). */
  expiresAt: number;
}

/**
 * Whether a message was read, delivered or neither, by anyone or by one recipient. A read receipt
 * implies delivery.
 *
 * @example
 * ```ts
 * receiptState(item); // 'read' | 'delivered' | 'none'
 * receiptState(item, agentId);
 * ```
 */
export function receiptState(
  item: Pick<ChatItem, 'receipts'>,
  participantId?: string,
): 'read' | 'delivered' | 'none' {
  let state: 'read' | 'delivered' | 'none' = 'none';
  for (const receipt of item.receipts) {
    if (participantId !== undefined && receipt.participantId !== participantId) {
      continue;
    }
    if (receipt.readAt !== undefined) {
      return 'read';
    }
    if (receipt.deliveredAt !== undefined) {
      state = 'delivered';
    }
  }
  return state;
}
