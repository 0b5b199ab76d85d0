import type { EmulatorContext } from './context';
import { ServiceError, invalid } from './serviceError';
import type { ContactRecord } from './store';

/**
 * The contact an admin route names, or the service's `ResourceNotFoundException` (404).
 *
 * @example
 * ```ts
 * const contact = requireContact(ctx, params.ContactId);
 * ```
 */
export function requireContact(ctx: EmulatorContext, contactId: string | undefined): ContactRecord {
  const contact = contactId === undefined ? undefined : ctx.store.getContact(contactId);
  if (!contact) {
    throw new ServiceError('ResourceNotFoundException', `Contact ${contactId ?? ''} not found`, {
      ResourceId: contactId ?? '',
      ResourceType: 'CONTACT',
    });
  }
  return contact;
}

/**
 * Like {@link requireContact}, and the contact must not have ended (else a 400).
 *
 * @example
 * ```ts
 * const contact = requireActiveContact(ctx, params.ContactId);
 * ```
 */
export function requireActiveContact(
  ctx: EmulatorContext,
  contactId: string | undefined,
): ContactRecord {
  const contact = requireContact(ctx, contactId);
  if (contact.status !== 'active') {
    throw invalid(`Contact ${contact.contactId} has ended`);
  }
  return contact;
}
