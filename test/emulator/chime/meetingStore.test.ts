import { describe, expect, it } from 'vitest';
import {
  contentFeature,
  screenShareAllowed,
} from '../../../src/emulator/chime/allowedCapabilities';
import { MeetingStore } from '../../../src/emulator/chime/meetingStore';
import { parseJoinToken } from '../../../src/emulator/chime/parseJoinToken';

describe('parseJoinToken', () => {
  it("splits off the SDK's #content suffix once", () => {
    expect(parseJoinToken('Zm9v')).toEqual({ baseToken: 'Zm9v', content: false });
    expect(parseJoinToken('Zm9v#content')).toEqual({ baseToken: 'Zm9v', content: true });
    expect(parseJoinToken('Zm9v#content#content')).toEqual({
      baseToken: 'Zm9v#content',
      content: true,
    });
    expect(parseJoinToken('#content')).toEqual({ baseToken: '#content', content: false });
  });
});

describe('screenShareAllowed', () => {
  it('allows everyone without AllowedCapabilities, else only a side with ScreenShare SEND', () => {
    expect(screenShareAllowed(undefined, 'Customer')).toBe(true);
    expect(screenShareAllowed(undefined, 'Agent')).toBe(true);
    const capabilities = {
      Customer: { Video: 'SEND' as const },
      Agent: { ScreenShare: 'SEND' as const },
    };
    expect(screenShareAllowed(capabilities, 'Customer')).toBe(false);
    expect(screenShareAllowed(capabilities, 'Agent')).toBe(true);
    expect(screenShareAllowed({}, 'Agent')).toBe(false);
    expect(contentFeature(true)).toEqual({ MaxResolution: 'FHD' });
    expect(contentFeature(false)).toEqual({ MaxResolution: 'None' });
  });
});

describe('MeetingStore content attendees', () => {
  function meetingWithCustomerAndBot() {
    const store = new MeetingStore();
    const meeting = store.createMeeting('contact-1', { Agent: { ScreenShare: 'SEND' } });
    const customer = store.addAttendee(meeting, {
      participantId: 'p-customer',
      displayName: 'Ana',
    });
    const bot = store.addAttendee(meeting, {
      participantId: 'p-bot',
      displayName: 'Agent (emulated)',
      bot: true,
      side: 'Agent',
    });
    return { store, meeting, customer, bot };
  }

  it('creates <AttendeeId>#content once, with its own stream ids and the same participant', () => {
    const { store, meeting, customer } = meetingWithCustomerAndBot();
    expect(store.contentAttendeeOf(customer)).toBeUndefined();
    const content = store.contentAttendeeFor(customer);
    expect(content).toMatchObject({
      attendeeId: `${customer.attendeeId}#content`,
      joinToken: `${customer.joinToken}#content`,
      participantId: 'p-customer',
      displayName: 'Ana',
      contentOf: customer.attendeeId,
      bot: false,
      status: 'active',
    });
    expect(content.audioStreamId).not.toBe(customer.audioStreamId);
    expect(content.groupId).not.toBe(customer.groupId);
    expect(store.contentAttendeeFor(customer)).toBe(content);
    expect(store.contentAttendeeOf(customer)).toBe(content);
    expect(store.getAttendee(content.attendeeId)).toBe(content);
    // The participant's attendee is still the main one; the issued token maps to it alone.
    expect(store.attendeeForParticipant('p-customer')).toBe(customer);
    expect(store.attendeeForJoinToken(content.joinToken)).toBeUndefined();
    expect(store.attendeesOf(meeting).map((attendee) => attendee.attendeeId)).toEqual([
      customer.attendeeId,
      expect.any(String),
      content.attendeeId,
    ]);
    expect(() => store.contentAttendeeFor(content)).toThrow(/content attendee already/);
  });

  it('still finds the customer and the bot when content attendees come first in the list', () => {
    const store = new MeetingStore();
    const meeting = store.createMeeting('contact-2');
    const customer = store.addAttendee(meeting, { participantId: 'c', displayName: 'Ana' });
    // Reorder so a content attendee precedes everyone: the lookups must not depend on order.
    const content = store.contentAttendeeFor(customer);
    const bot = store.addAttendee(meeting, { participantId: 'b', displayName: 'Bot', bot: true });
    const botContent = store.contentAttendeeFor(bot);
    meeting.attendeeIds.splice(
      0,
      meeting.attendeeIds.length,
      content.attendeeId,
      botContent.attendeeId,
      customer.attendeeId,
      bot.attendeeId,
    );
    expect(store.mainAttendee(meeting, false)).toBe(customer);
    expect(store.mainAttendee(meeting, true)).toBe(bot);
  });

  it("records who may share a screen from the meeting's AllowedCapabilities and the side", () => {
    const { store, customer, bot } = meetingWithCustomerAndBot();
    expect(customer.screenShare).toBe(false);
    expect(bot.screenShare).toBe(true);
    expect(store.contentAttendeeFor(customer).screenShare).toBe(false);
    const open = store.createMeeting('contact-3');
    expect(store.addAttendee(open, { participantId: 'x', displayName: 'X' }).screenShare).toBe(
      true,
    );
    expect(open.capabilities).toBeUndefined();
  });
});
