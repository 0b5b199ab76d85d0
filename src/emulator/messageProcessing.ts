/**
 * The emulator's message processing (Amazon Connect's in-flight redaction / custom processor
 * Lambda): a per-contact rule that rejects or fails customer messages.
 *
 * @packageDocumentation
 */
import { ContentType } from '../core/protocol/contentTypes';
import type { AdminHandler } from './adminHandlers';
import { publishTransient } from './chatActions';
import type { EmulatorContext } from './context';
import { requireContact } from './requireContact';
import { invalid } from './serviceError';
import { type ContactRecord, type ParticipantRecord, isoTime } from './store';
import { optionalEnum, optionalString } from './validation';

/**
 * How long after the SendMessage answer the processing verdict arrives, in ms.
 *
 * @example
 * ```ts
 * clock.advance(PROCESSING_VERDICT_DELAY_MS); // the MESSAGEMETADATA verdict goes out
 * ```
 */
export const PROCESSING_VERDICT_DELAY_MS = 150;

/**
 * `POST /admin/contacts/{ContactId}/processing` (emulator extension) `{Status, Match?}`: from now on
 * the customer's messages containing `Match` (case-insensitive; every message without it) are not
 * delivered: SendMessage answers with `MessageMetadata.MessageProcessingStatus: 'PROCESSING'`,
 * then a `MESSAGEMETADATA` item carries `Status` (`REJECTED` or `FAILED`) for the message's Id.
 * The message is neither stored nor delivered to the other participants. `Status: 'NONE'` turns
 * processing off. Returns `{ContactId, Processing: {Status, Match?} | null}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/contacts/${contactId}/processing`, { method: 'POST', body: JSON.stringify({ Status: 'REJECTED', Match: 'secret' }) });
 * ```
 */
export const setProcessing: AdminHandler = (ctx, { body, params }) => {
  const contact = requireContact(ctx, params.ContactId);
  const status = optionalEnum(body, 'Status', ['REJECTED', 'FAILED', 'NONE'] as const);
  if (status === undefined) {
    throw invalid('Status must be REJECTED, FAILED or NONE');
  }
  const match = optionalString(body, 'Match', { min: 1, max: 200 });
  contact.processing = status === 'NONE' ? undefined : { status, match };
  return { ContactId: contact.contactId, Processing: processingSummary(contact) ?? null };
};

/**
 * The `Processing` member of `GET /admin/contacts/{ContactId}`.
 *
 * @example
 * ```ts
 * processingSummary(contact); // { Status: 'REJECTED', Match: 'secret' }
 * ```
 */
export function processingSummary(contact: ContactRecord): Record<string, unknown> | undefined {
  const rule = contact.processing;
  if (!rule) {
    return undefined;
  }
  return rule.match === undefined
    ? { Status: rule.status }
    : { Status: rule.status, Match: rule.match };
}

/**
 * The verdict the contact's rule gives a message, or `undefined` when it is delivered as usual.
 * Only the customer's messages are processed.
 *
 * @example
 * ```ts
 * const verdict = processingVerdict(contact, caller.participant, content); // 'REJECTED' | undefined
 * ```
 */
export function processingVerdict(
  contact: ContactRecord,
  sender: ParticipantRecord,
  content: string,
): 'REJECTED' | 'FAILED' | undefined {
  const rule = contact.processing;
  if (!rule || sender.role !== 'CUSTOMER') {
    return undefined;
  }
  if (rule.match !== undefined && !content.toLowerCase().includes(rule.match.toLowerCase())) {
    return undefined;
  }
  return rule.status;
}

/**
 * SendMessage of a message the rule stops: the answer says `PROCESSING`; shortly after, a
 * `MESSAGEMETADATA` item with the verdict goes to the contact's sockets. Nothing is stored.
 *
 * @example
 * ```ts
 * if (verdict) return holdForProcessing(ctx, contact, verdict);
 * ```
 */
export function holdForProcessing(
  ctx: EmulatorContext,
  contact: ContactRecord,
  verdict: 'REJECTED' | 'FAILED',
): {
  Id: string;
  AbsoluteTime: string;
  MessageMetadata: { MessageProcessingStatus: 'PROCESSING' };
} {
  const id = ctx.store.id();
  const time = isoTime(ctx.clock.now());
  ctx.timers.set(() => {
    if (contact.status !== 'active') {
      return;
    }
    publishTransient(ctx, contact, {
      Type: 'MESSAGEMETADATA',
      ContentType: ContentType.messageMetadata,
      MessageMetadata: { MessageId: id, MessageProcessingStatus: verdict },
    });
  }, PROCESSING_VERDICT_DELAY_MS);
  ctx.logger.info(
    `contact ${contact.contactId}: message ${id} ${verdict.toLowerCase()} by processing`,
  );
  return { Id: id, AbsoluteTime: time, MessageMetadata: { MessageProcessingStatus: 'PROCESSING' } };
}
