import { ContentType } from '../core/protocol/contentTypes';
import type { Item } from '../core/protocol/types';
import type { EmulatorContext } from './context';
import { type ContactRecord, type NewItem, type ParticipantRecord, isoTime } from './store';

/**
 * Sender fields of an item sent by a participant.
 *
 * @example
 * ```ts
 * publish(ctx, contact, { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi', ...senderOf(participant) });
 * ```
 */
export function senderOf(
  participant: ParticipantRecord,
): Pick<Item, 'ParticipantId' | 'DisplayName' | 'ParticipantRole'> {
  return {
    ParticipantId: participant.participantId,
    DisplayName: participant.displayName,
    ParticipantRole: participant.role,
  };
}

/**
 * Sender fields of the service's own events (chat.ended, chat.rehydrated, …).
 *
 * @example
 * ```ts
 * publish(ctx, contact, { Type: 'EVENT', ContentType: ContentType.chatRehydrated, ...SYSTEM_SENDER });
 * ```
 */
export const SYSTEM_SENDER: Pick<Item, 'DisplayName' | 'ParticipantRole'> = {
  DisplayName: 'SYSTEM_MESSAGE',
  ParticipantRole: 'SYSTEM',
};

/**
 * Stores an item in the contact's transcript and fans it out to every subscribed socket of the
 * contact (sender included).
 *
 * @example
 * ```ts
 * const item = publish(ctx, contact, { Type: 'EVENT', ContentType: ContentType.participantJoined, ...senderOf(agent) });
 * ```
 */
export function publish(ctx: EmulatorContext, contact: ContactRecord, fields: NewItem): Item {
  const item = ctx.store.appendItem(contact, fields);
  ctx.hub.deliver(contact, item);
  return item;
}

/**
 * Fans out an item that is not stored (typing). It gets an id and a time like any other item.
 *
 * @example
 * ```ts
 * const item = publishTransient(ctx, contact, { Type: 'EVENT', ContentType: ContentType.typing, ...senderOf(p) });
 * ```
 */
export function publishTransient(
  ctx: EmulatorContext,
  contact: ContactRecord,
  fields: NewItem,
): Item {
  const item: Item = {
    ...fields,
    Id: ctx.store.id(),
    AbsoluteTime: isoTime(ctx.clock.now()),
    ContactId: contact.contactId,
    InitialContactId: contact.initialContactId,
  };
  ctx.hub.deliver(contact, item);
  return item;
}

/**
 * Ends a contact: stores and delivers `chat.ended`, closes every socket with 1000, and from then
 * on every token of the contact answers 403. Does nothing if it already ended.
 *
 * @example
 * ```ts
 * endContact(ctx, contact); // StopContact
 * ```
 */
export function endContact(ctx: EmulatorContext, contact: ContactRecord): void {
  if (!ctx.store.endContact(contact)) {
    return;
  }
  const ended = ctx.store.appendItem(contact, {
    Type: 'EVENT',
    ContentType: ContentType.chatEnded,
    ...SYSTEM_SENDER,
  });
  for (const participant of ctx.store.participantsOf(contact)) {
    ctx.store.leave(participant);
  }
  ctx.hub.deliverFinalAndClose(contact, ended);
  ctx.chime.endMeetings(contact.contactId);
  ctx.logger.info(`contact ${contact.contactId} ended`);
}

/**
 * A participant leaves: `participant.left` goes to everyone (the leaver included); when the
 * customer leaves, the contact ends; another participant's sockets are closed with 1000.
 *
 * @example
 * ```ts
 * participantLeaves(ctx, contact, participant); // DisconnectParticipant
 * ```
 */
export function participantLeaves(
  ctx: EmulatorContext,
  contact: ContactRecord,
  participant: ParticipantRecord,
): void {
  if (participant.status === 'left') {
    return;
  }
  publish(ctx, contact, {
    Type: 'EVENT',
    ContentType: ContentType.participantLeft,
    ...senderOf(participant),
  });
  ctx.store.leave(participant);
  if (participant.role === 'CUSTOMER') {
    endContact(ctx, contact);
  } else {
    ctx.hub.closeParticipant(participant.participantId);
    // In a web call the participant's attendee goes too (AUDIO_STATUS 411 on its signaling socket).
    ctx.chime.removeAttendee(participant.participantId);
  }
}
