import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AllowedCapabilities,
  type CapabilitySide,
  screenShareAllowed,
} from './allowedCapabilities';
import { CONTENT_SUFFIX } from './parseJoinToken';

/**
 * One attendee of an emulated Chime meeting: a Connect participant of a web-call contact, or the
 * emulator's bot agent (which never opens a signaling socket), or the content share of one of
 * those (`<AttendeeId>#content`, same participant, see {@link MeetingStore.contentAttendeeFor}).
 *
 * @example
 * ```ts
 * const attendee = meetings.addAttendee(meeting, { participantId, displayName: 'Ana' });
 * if (attendee.screenShare) meetings.contentAttendeeFor(attendee); // joins with `${attendee.joinToken}#content`
 * ```
 */
export interface AttendeeRecord {
  readonly attendeeId: string;
  readonly joinToken: string;
  readonly meetingId: string;
  readonly participantId: string;
  readonly displayName: string;
  /** Audio stream id announced in AUDIO_STREAM_ID_INFO (unique in its meeting). */
  readonly audioStreamId: number;
  /** Video group id: stays the same while the attendee's camera goes on and off. */
  readonly groupId: number;
  /** The bot agent, or the bot agent's content share. */
  readonly bot: boolean;
  /** For a content-share attendee, the attendee id of the attendee sharing; else undefined. */
  readonly contentOf: string | undefined;
  /**
   * Whether this attendee may share its screen: its side (Customer or Agent) has
   * `ScreenShare: 'SEND'` in the meeting's `AllowedCapabilities`, or there are none.
   */
  readonly screenShare: boolean;
  /** `removed` after the remove-attendee fault; a removed attendee cannot join again. */
  status: 'active' | 'removed';
  muted: boolean;
  /** JOINs answered for this attendee so far (a test oracle: StrictMode must join once). */
  joins: number;
}

/**
 * An emulated Chime meeting, one per web-call contact.
 *
 * @example
 * ```ts
 * const meeting = meetings.meetingForContact(contactId);
 * if (meeting?.status === 'active') meetings.endMeeting(meeting);
 * ```
 */
export interface MeetingRecord {
  readonly meetingId: string;
  readonly contactId: string;
  status: 'active' | 'ended';
  /** StartWebRTCContact's `AllowedCapabilities`; undefined allows everything. */
  readonly capabilities: AllowedCapabilities | undefined;
  /** Attendee ids in join order (content-share attendees when they are first used). */
  readonly attendeeIds: string[];
}

/**
 * The meetings and attendees the emulator knows (pure model, no I/O): ids, join tokens, audio
 * stream ids, video stream ids, content-share attendees and who may share a screen.
 *
 * @example
 * ```ts
 * const meetings = new MeetingStore();
 * const meeting = meetings.createMeeting(contactId);
 * const attendee = meetings.addAttendee(meeting, { participantId, displayName: 'Ana' });
 * meetings.attendeeForJoinToken(attendee.joinToken); // attendee
 * ```
 */
export class MeetingStore {
  private readonly meetings = new Map<string, MeetingRecord>();
  private readonly byContact = new Map<string, string>();
  private readonly attendees = new Map<string, AttendeeRecord>();
  private readonly byParticipant = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private nextAudioStreamId = 1;
  private nextGroupId = 1;
  private nextVideoStreamId = 100;

  /** Creates the meeting of a web-call contact, with its `AllowedCapabilities` if any. */
  createMeeting(contactId: string, capabilities?: AllowedCapabilities): MeetingRecord {
    const meeting: MeetingRecord = {
      meetingId: randomUUID(),
      contactId,
      status: 'active',
      capabilities,
      attendeeIds: [],
    };
    this.meetings.set(meeting.meetingId, meeting);
    this.byContact.set(contactId, meeting.meetingId);
    return meeting;
  }

  /**
   * Adds an attendee for a participant (or the bot agent). `side` says which entry of the
   * meeting's `AllowedCapabilities` applies: `'Customer'` (the default) or `'Agent'` (the bot and
   * every other role).
   */
  addAttendee(
    meeting: MeetingRecord,
    init: { participantId: string; displayName: string; bot?: boolean; side?: CapabilitySide },
  ): AttendeeRecord {
    const attendeeId = randomUUID();
    const attendee: AttendeeRecord = {
      attendeeId,
      // Chime join tokens are opaque base64 strings; the attendee id is not derivable from them.
      joinToken: randomBytes(36).toString('base64url'),
      meetingId: meeting.meetingId,
      participantId: init.participantId,
      displayName: init.displayName,
      audioStreamId: this.nextAudioStreamId++,
      groupId: this.nextGroupId++,
      bot: init.bot ?? false,
      contentOf: undefined,
      screenShare: screenShareAllowed(meeting.capabilities, init.side ?? 'Customer'),
      status: 'active',
      muted: false,
      joins: 0,
    };
    this.attendees.set(attendeeId, attendee);
    this.byParticipant.set(init.participantId, attendeeId);
    this.tokens.set(attendee.joinToken, attendeeId);
    meeting.attendeeIds.push(attendeeId);
    return attendee;
  }

  /**
   * The content-share attendee of `owner` (`<AttendeeId>#content`, join token
   * `<JoinToken>#content`), created on first use: its own audio stream id and video group, the
   * owner's participant and name. It is not the participant's attendee
   * ({@link MeetingStore.attendeeForParticipant} still returns the owner) and shares the owner's
   * `screenShare` and `bot`. Throws for a content attendee (content has no content).
   */
  contentAttendeeFor(owner: AttendeeRecord): AttendeeRecord {
    if (owner.contentOf !== undefined) {
      throw new Error(`${owner.attendeeId} is a content attendee already`);
    }
    const attendeeId = `${owner.attendeeId}${CONTENT_SUFFIX}`;
    const existing = this.attendees.get(attendeeId);
    if (existing) {
      return existing;
    }
    const meeting = this.meetings.get(owner.meetingId);
    const attendee: AttendeeRecord = {
      attendeeId,
      joinToken: `${owner.joinToken}${CONTENT_SUFFIX}`,
      meetingId: owner.meetingId,
      participantId: owner.participantId,
      displayName: owner.displayName,
      audioStreamId: this.nextAudioStreamId++,
      groupId: this.nextGroupId++,
      bot: owner.bot,
      contentOf: owner.attendeeId,
      screenShare: owner.screenShare,
      status: owner.status,
      muted: false,
      joins: 0,
    };
    this.attendees.set(attendeeId, attendee);
    meeting?.attendeeIds.push(attendeeId);
    return attendee;
  }

  /** The content-share attendee of `owner` if it was ever used, without creating it. */
  contentAttendeeOf(owner: AttendeeRecord): AttendeeRecord | undefined {
    return this.attendees.get(`${owner.attendeeId}${CONTENT_SUFFIX}`);
  }

  /**
   * The first attendee of a meeting that is no content share and matches `bot`: `true` finds the
   * bot agent, `false` the customer (attendees are kept in join order and the customer's is the
   * first one a meeting gets).
   */
  mainAttendee(meeting: MeetingRecord, bot: boolean): AttendeeRecord | undefined {
    return this.attendeesOf(meeting).find(
      (attendee) => attendee.bot === bot && attendee.contentOf === undefined,
    );
  }

  /** The meeting with this id. */
  getMeeting(meetingId: string): MeetingRecord | undefined {
    return this.meetings.get(meetingId);
  }

  /** The meeting of a contact, if it is a web call. */
  meetingForContact(contactId: string): MeetingRecord | undefined {
    const id = this.byContact.get(contactId);
    return id === undefined ? undefined : this.meetings.get(id);
  }

  /** Every meeting, oldest first. */
  listMeetings(): MeetingRecord[] {
    return [...this.meetings.values()];
  }

  /** The attendee with this id. */
  getAttendee(attendeeId: string): AttendeeRecord | undefined {
    return this.attendees.get(attendeeId);
  }

  /** The attendee of a participant. */
  attendeeForParticipant(participantId: string): AttendeeRecord | undefined {
    const id = this.byParticipant.get(participantId);
    return id === undefined ? undefined : this.attendees.get(id);
  }

  /** The attendee a join token it issued belongs to, whatever its state (`#content` tokens: none). */
  attendeeForJoinToken(joinToken: string): AttendeeRecord | undefined {
    const id = this.tokens.get(joinToken);
    return id === undefined ? undefined : this.attendees.get(id);
  }

  /** The attendees of a meeting in join order, content-share attendees included. */
  attendeesOf(meeting: MeetingRecord): AttendeeRecord[] {
    return meeting.attendeeIds.flatMap((id) => {
      const attendee = this.attendees.get(id);
      return attendee ? [attendee] : [];
    });
  }

  /** A fresh video stream id (each time a camera starts). */
  newVideoStreamId(): number {
    return this.nextVideoStreamId++;
  }

  /** Marks the meeting ended. Returns false when it already was. */
  endMeeting(meeting: MeetingRecord): boolean {
    if (meeting.status === 'ended') {
      return false;
    }
    meeting.status = 'ended';
    return true;
  }
}
