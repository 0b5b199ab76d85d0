/**
 * Merging two copies of one transcript item (internal): a repeat delivery, a history page, the
 * echo of a confirmed send. What we have stays; receipts, better attachment verdicts and missing
 * sender details are added.
 *
 * @packageDocumentation
 */
import type { ChatAttachment, ChatItem } from './chatItem';
import { mergeReceipts } from '../receipts/mergeReceipts';
import { nextProcessing } from './draft';

/** Better scan verdicts win over interim ones, so a late `IN_PROGRESS` cannot undo `APPROVED`. */
const ATTACHMENT_RANK: Record<ChatAttachment['status'], number> = {
  uploading: 0,
  failed: 0,
  in_progress: 1,
  approved: 2,
  rejected: 2,
};

function mergeAttachments(
  existing: readonly ChatAttachment[] | undefined,
  incoming: readonly ChatAttachment[] | undefined,
): readonly ChatAttachment[] | undefined {
  if (!existing || !incoming) {
    return existing ?? incoming;
  }
  let changed = false;
  const merged = existing.map((attachment) => {
    const update = incoming.find(
      (candidate) => candidate.id !== undefined && candidate.id === attachment.id,
    );
    if (!update || ATTACHMENT_RANK[update.status] <= ATTACHMENT_RANK[attachment.status]) {
      return attachment;
    }
    changed = true;
    const next: ChatAttachment = { ...attachment, status: update.status };
    delete next.progress;
    delete next.error;
    return next;
  });
  return changed ? merged : existing;
}

/**
 * A second copy of a known item (repeat delivery, history page, echo of a confirmed send): keep
 * what we have, add receipts, better attachment verdicts and missing sender details. Returns
 * `existing` itself when the copy adds nothing.
 *
 * @example
 * ```ts
 * putItem(d, mergeCopy(existing, copy));
 * ```
 */
export function mergeCopy(existing: ChatItem, copy: ChatItem): ChatItem {
  let next = existing;
  const receipts = mergeReceipts(existing.receipts, copy.receipts);
  const attachments = mergeAttachments(existing.attachments, copy.attachments);
  const fill: Partial<ChatItem> = {};
  for (const key of ['participantId', 'displayName', 'role', 'contactId'] as const) {
    if (existing[key] === undefined && copy[key] !== undefined) {
      Object.assign(fill, { [key]: copy[key] });
    }
  }
  if (copy.processing !== undefined) {
    const processing = nextProcessing(existing.processing, copy.processing);
    if (processing !== existing.processing) {
      fill.processing = processing;
    }
  }
  // A copy without a status of a message that was `processing` is its delivered form: processing
  // is over, and the copy's content is the canonical one (e.g. with sensitive data redacted).
  const delivered =
    existing.processing === 'processing' && copy.processing === undefined && copy.type !== 'event';
  if (delivered && copy.content !== undefined && copy.content !== existing.content) {
    fill.content = copy.content;
  }
  if (
    receipts !== existing.receipts ||
    attachments !== existing.attachments ||
    Object.keys(fill).length > 0 ||
    delivered
  ) {
    next = { ...existing, ...fill, receipts };
    if (attachments) {
      next.attachments = attachments;
    }
    if (delivered) {
      delete next.processing;
    }
  }
  return next;
}
