/**
 * Reconciling the customer's own sends with what the service says (internal): a confirmed send
 * takes the service's copy, an echo finds the send it belongs to (by localId, AttachmentId, or as
 * a failed send whose answer was lost), and echoes that arrive before their send's answer wait
 * until it comes. Works on a transcript {@link Draft}.
 *
 * @packageDocumentation
 */
import type { ChatItem } from './chatItem';
import {
  getHeld,
  getItem,
  getLocalIds,
  markReceived,
  putItem,
  removeItem,
  writableHeld,
  writableLocalIds,
} from './draft';
import type { Draft } from './draft';
import { compareItems } from './itemOrder';
import { mergeCopy } from './mergeCopy';
import { mergeReceipts } from '../receipts/mergeReceipts';

/**
 * The own sends, current versions.
 *
 * @example
 * ```ts
 * const failed = ownSends(d).filter((item) => item.status === 'failed');
 * ```
 */
export function ownSends(d: Draft): ChatItem[] {
  const sends: ChatItem[] = [];
  for (const id of getLocalIds(d).values()) {
    const item = getItem(d, id);
    if (item) {
      sends.push(item);
    }
  }
  return sends;
}

/**
 * Whether an own send is still waiting for the service's answer.
 *
 * @internal
 *
 * @example
 * ```ts
 * if (!anyInFlight(d)) settleHeld(d);
 * ```
 */
export function anyInFlight(d: Draft): boolean {
  return ownSends(d).some((item) => item.status === 'sending');
}

/**
 * An own send takes the service's copy: its Id, time and details, with status `sent`.
 *
 * @example
 * ```ts
 * replaceSend(d, pending, confirmWith(pending, server));
 * ```
 */
export function confirmWith(pending: ChatItem, server: ChatItem): ChatItem {
  const confirmed: ChatItem = {
    ...server,
    isOwn: true,
    status: 'sent',
    receipts: mergeReceipts(pending.receipts, server.receipts),
  };
  if (pending.localId) {
    confirmed.localId = pending.localId;
  }
  if (server.attachments && pending.attachments) {
    confirmed.attachments = server.attachments.map((attachment) => {
      const size = pending.attachments?.find((mine) => mine.id === attachment.id)?.size;
      return size === undefined ? attachment : { ...attachment, size };
    });
  }
  return confirmed;
}

/**
 * Moves an own send to a new id (the server's), recording the localId → id mapping.
 *
 * @example
 * ```ts
 * replaceSend(d, pending, confirmWith(pending, server));
 * ```
 */
export function replaceSend(d: Draft, pending: ChatItem, next: ChatItem): void {
  if (next.id !== pending.id) {
    removeItem(d, pending.id);
  }
  putItem(d, next);
  if (pending.localId) {
    writableLocalIds(d).set(pending.localId, next.id);
  }
}

function attachmentIds(item: ChatItem): string[] {
  return (item.attachments ?? []).flatMap((attachment) => (attachment.id ? [attachment.id] : []));
}

/** The own attachment send whose AttachmentId the echo carries, whatever its status. */
function matchingAttachmentSend(d: Draft, echo: ChatItem): ChatItem | undefined {
  const ids = attachmentIds(echo);
  if (ids.length === 0) {
    return undefined;
  }
  return ownSends(d).find(
    (send) =>
      send.type === 'attachment' &&
      send.status !== 'sent' &&
      attachmentIds(send).some((id) => ids.includes(id)),
  );
}

/** The oldest failed own message with the same content: a send whose response was lost. */
function matchingFailedMessage(d: Draft, echo: ChatItem): ChatItem | undefined {
  let match: ChatItem | undefined;
  for (const send of ownSends(d)) {
    if (
      send.status === 'failed' &&
      send.type !== 'attachment' &&
      send.contentType === echo.contentType &&
      send.content === echo.content &&
      (!match || compareItems(send, match) < 0)
    ) {
      match = send;
    }
  }
  return match;
}

/**
 * An own MESSAGE/ATTACHMENT from the service whose Id we do not know yet. Attachments match their
 * send by AttachmentId at once; while any own send is in flight the echo is held (its send's
 * response will tell us its Id); otherwise it merges into a failed send with the same content, or
 * becomes its own row (sent from another tab, or from before a reload).
 *
 * @example
 * ```ts
 * if (item.isOwn) receiveOwnEcho(d, item);
 * ```
 */
export function receiveOwnEcho(d: Draft, echo: ChatItem): void {
  const attachmentSend = echo.type === 'attachment' ? matchingAttachmentSend(d, echo) : undefined;
  if (attachmentSend) {
    replaceSend(d, attachmentSend, confirmWith(attachmentSend, echo));
    markReceived(d, echo);
    return;
  }
  if (anyInFlight(d)) {
    writableHeld(d).set(echo.id, echo);
    return;
  }
  const failed = echo.type === 'attachment' ? undefined : matchingFailedMessage(d, echo);
  if (failed) {
    replaceSend(d, failed, confirmWith(failed, echo));
  } else {
    putItem(d, echo);
  }
  markReceived(d, echo);
}

/**
 * Resolves held echoes after sends were confirmed, failed or learned their AttachmentId.
 *
 * @example
 * ```ts
 * settleHeld(d);
 * return commitDraft(d);
 * ```
 */
export function settleHeld(d: Draft): void {
  const held = getHeld(d);
  if (held.size === 0) {
    return;
  }
  const waiting = [...held.values()].sort(compareItems);
  const stillHeld = writableHeld(d);
  stillHeld.clear();
  for (const echo of waiting) {
    const known = getItem(d, echo.id);
    if (known) {
      putItem(d, mergeCopy(known, echo));
      markReceived(d, echo);
    } else {
      receiveOwnEcho(d, echo);
    }
  }
}
