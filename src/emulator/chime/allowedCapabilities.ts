/**
 * What one side of a web call may send, as StartWebRTCContact's `AllowedCapabilities` says it
 * (`SEND` is the only value Connect defines).
 *
 * @example
 * ```ts
 * const customer = meeting.capabilities?.Customer; // { Video: 'SEND' }: camera yes, screen share no
 * if (customer?.ScreenShare !== 'SEND') console.log('the customer may not share a screen');
 * ```
 */
export interface ParticipantCapabilities {
  Video?: 'SEND';
  ScreenShare?: 'SEND';
}

/**
 * StartWebRTCContact's `AllowedCapabilities`: per side (`Customer`, `Agent`), what it may send.
 *
 * @example
 * ```ts
 * const meeting = meetings.createMeeting(contactId, { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND', ScreenShare: 'SEND' } });
 * screenShareAllowed(meeting.capabilities, 'Customer'); // false
 * ```
 */
export interface AllowedCapabilities {
  Customer?: ParticipantCapabilities;
  Agent?: ParticipantCapabilities;
}

/**
 * The side of a web call a participant is on for `AllowedCapabilities`: the customer, or an
 * agent (every other role that joins the meeting: AGENT, and supervisors or bots that ask for a
 * `WEBRTC_CONNECTION`).
 *
 * @example
 * ```ts
 * meetings.addAttendee(meeting, { participantId, displayName, side: participant.role === 'CUSTOMER' ? 'Customer' : 'Agent' });
 * ```
 */
export type CapabilitySide = 'Customer' | 'Agent';

/**
 * Whether a side may share its screen. Lenient like the emulator's other checks: without
 * `AllowedCapabilities` everything is allowed (the emulator does not know the instance's
 * defaults); with it, only a side whose entry says `ScreenShare: 'SEND'`.
 *
 * @example
 * ```ts
 * screenShareAllowed(undefined, 'Customer'); // true
 * screenShareAllowed({ Customer: { Video: 'SEND' } }, 'Customer'); // false
 * screenShareAllowed({ Agent: { ScreenShare: 'SEND' } }, 'Agent'); // true
 * ```
 */
export function screenShareAllowed(
  capabilities: AllowedCapabilities | undefined,
  side: CapabilitySide,
): boolean {
  return capabilities === undefined || capabilities[side]?.ScreenShare === 'SEND';
}

/**
 * The `Content` member of an attendee's `Meeting.MeetingFeatures`: the Chime SDK reads
 * `MeetingFeatures.Content.MaxResolution`, and with `'None'` its `startContentShare` refuses to
 * start (`DefaultContentShareController`); `'FHD'` is the SDK's own default.
 *
 * @example
 * ```ts
 * contentFeature(false); // { MaxResolution: 'None' }
 * ```
 */
export function contentFeature(allowed: boolean): { MaxResolution: 'FHD' | 'None' } {
  return { MaxResolution: allowed ? 'FHD' : 'None' };
}
