import type { AdminContact } from '../shared/adminApi';

/**
 * How the console shows a contact: `waiting` for an agent, `active` with one (`mine` when it is
 * this console's agent), or `ended`.
 *
 * @example
 * ```ts
 * summarizeContact(contact, new Set(['p-1'])).state; // 'mine'
 * ```
 */
export interface ContactSummary {
  contactId: string;
  state: 'waiting' | 'active' | 'mine' | 'ended';
  customerName: string;
  /** This console's agent joined the contact (it may have ended since). */
  joined: boolean;
  agentNames: string[];
  createdAt: string;
  /** `VOICE` for a web call, `CHAT` otherwise. */
  channel: 'CHAT' | 'VOICE';
}

/**
 * Classifies one contact of `GET /admin/contacts` for the list; `ownParticipantIds` are the
 * participants this console joined as.
 *
 * @example
 * ```ts
 * const rows = contacts.map((contact) => summarizeContact(contact, ownIds));
 * ```
 */
export function summarizeContact(
  contact: AdminContact,
  ownParticipantIds: ReadonlySet<string>,
): ContactSummary {
  const customer = contact.Participants.find((p) => p.ParticipantRole === 'CUSTOMER');
  const agents = contact.Participants.filter(
    (p) => p.ParticipantRole === 'AGENT' && p.Status === 'JOINED',
  );
  const mine = agents.some((p) => ownParticipantIds.has(p.ParticipantId));
  const joined = contact.Participants.some((p) => ownParticipantIds.has(p.ParticipantId));
  return {
    contactId: contact.ContactId,
    state:
      contact.Status === 'ENDED' ? 'ended' : mine ? 'mine' : agents.length ? 'active' : 'waiting',
    customerName: customer?.DisplayName ?? 'Customer',
    joined,
    agentNames: agents.map((p) => p.DisplayName),
    createdAt: contact.CreatedTimestamp,
    channel: contact.Channel === 'VOICE' ? 'VOICE' : 'CHAT',
  };
}
