import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Clock, TimerHandle } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { type AllowedCapabilities, contentFeature } from './allowedCapabilities';
import { type WebCallAgentName, BOT_AGENT_NAME, echoSourceFor } from './botAgent';
import { MediaPeer } from './mediaPeer';
import { MediaRelay, type RelayEndpoint, type VideoSource } from './mediaRelay';
import { type AttendeeRecord, type MeetingRecord, MeetingStore } from './meetingStore';
import { CONTENT_SUFFIX, parseJoinToken } from './parseJoinToken';
import { type OutgoingFrame, SignalingCodec, loadSignalingProtocol } from './signalingCodec';
import { type SessionHost, SignalingSession } from './signalingSession';
import { TestPatternSource } from './testPatternSource';
import { VolumeMeter } from './volumeMeter';

/**
 * Path prefix of the signaling URLs (`ws://127.0.0.1:PORT/chime/control/<MeetingId>`).
 *
 * @example
 * ```ts
 * new URL(`${CHIME_CONTROL_PATH}${meetingId}`, 'ws://127.0.0.1:4010');
 * ```
 */
export const CHIME_CONTROL_PATH = '/chime/control/';

/** The subprotocol the SDK offers next to its join token. */
const SUBPROTOCOL = '_aws_wt_session';
/** AUDIO_STATUS codes (MeetingSessionStatus.fromAudioStatus) and close codes the service uses. */
const MEETING_ENDED = 410;
const ATTENDEE_REMOVED = 411;
const CLOSE_MEETING_ENDED = 4410;
const KEYFRAME_REFRESH_MS = 3000;
/** AUDIO_METADATA cadence: the service sends volumes about 5 times a second. */
const VOLUME_INTERVAL_MS = 200;
/** SDK's MAX_SIGNAL_STRENGTH_LEVELS: full strength (loopback loses nothing, so always this). */
const FULL_SIGNAL_STRENGTH = 2;

/**
 * The Chime meeting data of one attendee, PascalCase like Connect's `ConnectionData` /
 * `WebRTCConnection` (no TurnControlUrl, no EventIngestionUrl: the SDK needs neither).
 * `MeetingFeatures.Content.MaxResolution` is `'None'` when the attendee's side lacks
 * `ScreenShare: 'SEND'` in the contact's `AllowedCapabilities` (the SDK then refuses to start a
 * content share), else `'FHD'`.
 *
 * @example
 * ```ts
 * const { Meeting, Attendee }: WebCallConnectionData = hub.connectionData(attendee);
 * new MeetingSessionConfiguration(Meeting, Attendee);
 * ```
 */
export interface WebCallConnectionData {
  Attendee: { AttendeeId: string; JoinToken: string };
  Meeting: {
    MeetingId: string;
    MediaPlacement: { AudioHostUrl: string; AudioFallbackUrl: string; SignalingUrl: string };
    MeetingFeatures: {
      Audio: { EchoReduction: 'UNAVAILABLE' };
      Content: { MaxResolution: 'FHD' | 'None' };
    };
  };
}

/**
 * A web-call contact's meeting as `GET /admin/contacts/{ContactId}` shows it under `Meeting`.
 * Content shares are attendees too: once an attendee first shares its screen (or the bot agent
 * its test pattern) the list also holds `<AttendeeId>#content`, with the sharer's
 * `ParticipantId`, `Joined` while the share is on and `Joins` counting the share's JOINs.
 *
 * @example
 * ```ts
 * const { Meeting }: { Meeting: MeetingSummary } = await (await fetch(`${url}/admin/contacts/${id}`)).json();
 * expect(Meeting.Attendees.every((attendee) => attendee.Joins <= 1)).toBe(true);
 * ```
 */
export interface MeetingSummary {
  MeetingId: string;
  Status: 'ACTIVE' | 'ENDED';
  Attendees: {
    AttendeeId: string;
    ParticipantId: string;
    Status: 'ACTIVE' | 'REMOVED';
    /** A signaling socket of this attendee is joined now (the bot always is). */
    Joined: boolean;
    /** JOINs answered for this attendee since the meeting started. */
    Joins: number;
    Muted: boolean;
  }[];
}

/**
 * Dependencies of the hub.
 *
 * @example
 * ```ts
 * const chime = new ChimeHub({ clock, logger, agent: 'echo', wsBase: () => 'ws://127.0.0.1:4010', isParticipantActive: () => true });
 * chime.agent; // 'echo', the bot agent of new meetings
 * ```
 */
export interface ChimeHubOptions {
  clock: Clock;
  logger: Logger;
  /** Bot agent joined to every new meeting. */
  agent: WebCallAgentName;
  /** `ws://127.0.0.1:PORT` */
  wsBase: () => string;
  /** Whether the Connect participant behind an attendee may still be in the call. */
  isParticipantActive: (participantId: string) => boolean;
}

/**
 * What {@link ChimeHub.setBotScreenShare} did: the bot's content attendee and whether it shares
 * now, or why it cannot.
 *
 * @example
 * ```ts
 * const result = chime.setBotScreenShare(contactId, true);
 * if (result.ok) console.log(result.contentAttendeeId); // '<bot attendee id>#content'
 * else console.warn(result.reason); // e.g. 'not-allowed'
 * ```
 */
export type BotScreenShareResult =
  | { ok: true; contentAttendeeId: string; sharing: boolean }
  | {
      ok: false;
      reason: 'not-web-call' | 'meeting-ended' | 'no-bot-agent' | 'not-allowed' | 'removed';
    };

/** The bot agent's screen share of one meeting: its INDEX source and the pattern feeding it. */
interface BotShare {
  readonly content: AttendeeRecord;
  readonly source: VideoSource;
  readonly pattern: TestPatternSource;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The emulated Chime side of web calls: meetings and attendees, the signaling websockets, the
 * WebRTC media relay on 127.0.0.1, the bot agent, and the web-call faults. The Chime SDK schema
 * and werift load on the first signaling connection only.
 *
 * @example
 * ```ts
 * const chime = new ChimeHub({ clock, logger, agent: 'echo', wsBase, isParticipantActive });
 * const { attendee } = chime.createMeeting(contactId, customer, bot);
 * server.on('upgrade', (req, socket, head) => chime.handleUpgrade(req, socket, head));
 * await chime.close();
 * ```
 */
export class ChimeHub {
  readonly meetings = new MeetingStore();
  private readonly options: ChimeHubOptions;
  private readonly relay = new MediaRelay();
  private readonly sessions = new Set<SignalingSession>();
  /** Media peers not yet closed (close() awaits their sockets). */
  private readonly peers = new Set<MediaPeer>();
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  private pongsWithheldUntil = 0;
  private keyframeTimer: TimerHandle | undefined;
  private volumeTimer: TimerHandle | undefined;
  /** Microphone loudness per attendee, from the packets the media peers receive. */
  private readonly volumes = new VolumeMeter();
  /** The last AUDIO_METADATA states each session was sent (JSON), to send only changes. */
  private readonly lastAudioMetadata = new WeakMap<SignalingSession, string>();
  private closing = false;
  private readonly host: SessionHost;
  /** The last INDEX each session was sent (JSON), so unchanged views are not sent again. */
  private readonly lastIndex = new WeakMap<SignalingSession, string>();
  /** meeting id -> the bot agent's screen share, while it is on. */
  private readonly botShares = new Map<string, BotShare>();

  constructor(options: ChimeHubOptions) {
    this.options = options;
    this.host = this.createHost();
  }

  /** The bot agent configured for new meetings. */
  get agent(): WebCallAgentName {
    return this.options.agent;
  }

  /** True for upgrade requests this hub serves. */
  handlesPath(pathname: string): boolean {
    return pathname.startsWith(CHIME_CONTROL_PATH);
  }

  /**
   * Creates the meeting of a web-call contact with the customer's attendee and, when given, the
   * bot agent's (whose camera mirrors the customer's). `capabilities` (StartWebRTCContact's
   * `AllowedCapabilities`) decides who may share a screen; without it everyone may.
   */
  createMeeting(
    contactId: string,
    customer: { participantId: string; displayName: string },
    bot?: { participantId: string },
    capabilities?: AllowedCapabilities,
  ): { meeting: MeetingRecord; attendee: AttendeeRecord } {
    const meeting = this.meetings.createMeeting(contactId, capabilities);
    const attendee = this.meetings.addAttendee(meeting, { ...customer, side: 'Customer' });
    if (bot) {
      this.meetings.addAttendee(meeting, {
        participantId: bot.participantId,
        displayName: BOT_AGENT_NAME,
        bot: true,
        side: 'Agent',
      });
    }
    return { meeting, attendee };
  }

  /** True when the contact is a web call (it has a meeting, running or ended). */
  isWebCall(contactId: string): boolean {
    return this.meetings.meetingForContact(contactId) !== undefined;
  }

  /**
   * The admin view of a contact's meeting (`undefined` for a chat): its status and, per attendee,
   * whether a signaling socket is joined now and how many JOINs it sent in all.
   */
  meetingSummary(contactId: string): MeetingSummary | undefined {
    const meeting = this.meetings.meetingForContact(contactId);
    if (!meeting) {
      return undefined;
    }
    const inCall = this.inCall(meeting.meetingId);
    return {
      MeetingId: meeting.meetingId,
      Status: meeting.status === 'active' ? 'ACTIVE' : 'ENDED',
      Attendees: this.meetings.attendeesOf(meeting).map((attendee) => ({
        AttendeeId: attendee.attendeeId,
        ParticipantId: attendee.participantId,
        Status: attendee.status === 'active' ? 'ACTIVE' : 'REMOVED',
        Joined: inCall(attendee),
        Joins: attendee.joins,
        Muted: attendee.muted,
      })),
    };
  }

  /**
   * The attendee of a participant of a web-call contact, added on first use; undefined for a
   * chat. A `CUSTOMER` is on the Customer side of `AllowedCapabilities`, every other role on the
   * Agent side.
   */
  attendeeFor(
    contactId: string,
    participant: { participantId: string; displayName: string; role: string },
  ): AttendeeRecord | undefined {
    const meeting = this.meetings.meetingForContact(contactId);
    if (!meeting || meeting.status !== 'active') {
      return undefined;
    }
    return (
      this.meetings.attendeeForParticipant(participant.participantId) ??
      this.meetings.addAttendee(meeting, {
        participantId: participant.participantId,
        displayName: participant.displayName,
        side: participant.role === 'CUSTOMER' ? 'Customer' : 'Agent',
      })
    );
  }

  /** Connect's `ConnectionData` for an attendee, pointing at this emulator. */
  connectionData(attendee: AttendeeRecord): WebCallConnectionData {
    const base = this.options.wsBase();
    return {
      Attendee: { AttendeeId: attendee.attendeeId, JoinToken: attendee.joinToken },
      Meeting: {
        MeetingId: attendee.meetingId,
        MediaPlacement: {
          // Never dialled by the JS SDK, but it must be non-empty: it switches the audio path on.
          AudioHostUrl: `${base.replace(/^ws:\/\//, '')}/chime/audio`,
          AudioFallbackUrl: `${base}/chime/audio-fallback/${attendee.meetingId}`,
          SignalingUrl: `${base}${CHIME_CONTROL_PATH}${attendee.meetingId}`,
        },
        MeetingFeatures: {
          Audio: { EchoReduction: 'UNAVAILABLE' },
          Content: contentFeature(attendee.screenShare),
        },
      },
    };
  }

  /** Accepts or refuses (403/404) a signaling upgrade; never throws. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => this.options.logger.debug('chime transport error', error));
    this.upgrade(request, socket, head).catch((error: unknown) => {
      this.options.logger.error('chime upgrade failed', error);
      refuse(socket, 500, 'Internal Server Error');
    });
  }

  /**
   * Ends meetings like a hang-up: AUDIO_STATUS 410 then close code 4410 on every signaling
   * socket (the SDK reports MeetingEnded). Without a contact id, every active meeting. Returns the
   * ids of the contacts whose meeting ended now.
   */
  endMeetings(contactId?: string): string[] {
    const meetings =
      contactId === undefined
        ? this.meetings.listMeetings()
        : [this.meetings.meetingForContact(contactId)].flatMap((meeting) =>
            meeting ? [meeting] : [],
          );
    const ended: string[] = [];
    for (const meeting of meetings) {
      if (!this.meetings.endMeeting(meeting)) {
        continue;
      }
      ended.push(meeting.contactId);
      for (const session of this.sessionsOf(meeting.meetingId)) {
        session.end(MEETING_ENDED, CLOSE_MEETING_ENDED, 'meeting ended');
      }
      this.stopBotShare(meeting.meetingId);
      this.options.logger.info(`chime meeting ${meeting.meetingId} ended`);
    }
    return ended;
  }

  /**
   * Removes an attendee (by attendee or participant id): AUDIO_STATUS 411 then a normal close; it
   * cannot join again. Removing an attendee removes its content share too. Returns false when no
   * such attendee exists.
   */
  removeAttendee(id: string): boolean {
    const attendee = this.meetings.getAttendee(id) ?? this.meetings.attendeeForParticipant(id);
    if (!attendee) {
      return false;
    }
    const content =
      attendee.contentOf === undefined ? this.meetings.contentAttendeeOf(attendee) : undefined;
    const removed = content ? [attendee, content] : [attendee];
    for (const each of removed) {
      each.status = 'removed';
    }
    for (const session of [...this.sessions]) {
      if (removed.includes(session.attendee)) {
        session.end(ATTENDEE_REMOVED, 1000, 'attendee removed');
      }
    }
    if (attendee.bot) {
      this.stopBotShare(attendee.meetingId);
    }
    if (attendee.bot && attendee.contentOf === undefined) {
      for (const source of this.relay.sourcesOf(attendee.meetingId)) {
        if (source.attendeeId === attendee.attendeeId) {
          this.relay.stopSource(source.streamId);
        }
      }
      this.presenceLeft(attendee);
      this.broadcastIndex(attendee.meetingId);
    }
    return true;
  }

  /** Stops answering PINGs for `ms` (the SDK reconnects after 4 missed pongs). */
  withholdPongs(ms: number): void {
    this.pongsWithheldUntil = this.options.clock.now() + ms;
  }

  /** Clears the web-call faults in force. */
  resetFaults(): void {
    this.pongsWithheldUntil = 0;
  }

  /** Signaling sockets open right now (all meetings). */
  openSessionCount(): number {
    return this.sessions.size;
  }

  /**
   * Turns the bot agent's screen share of a web call on or off: on, its content attendee
   * `<BotAttendeeId>#content` joins (presence) and a video source of that attendee, fed by the
   * looped VP8 test pattern, appears in INDEX; off, the source goes (INDEX) and the content
   * attendee leaves (presence). Idempotent. Refused for a chat (`not-web-call`), an ended meeting,
   * a meeting without an active bot agent, when `AllowedCapabilities` lacks `Agent.ScreenShare`
   * (`not-allowed`), or once the `removeAttendee` fault removed the content attendee (`removed`).
   */
  setBotScreenShare(contactId: string, on: boolean): BotScreenShareResult {
    const meeting = this.meetings.meetingForContact(contactId);
    if (!meeting) {
      return { ok: false, reason: 'not-web-call' };
    }
    if (meeting.status !== 'active' || this.closing) {
      return { ok: false, reason: 'meeting-ended' };
    }
    const bot = this.meetings.mainAttendee(meeting, true);
    if (!bot || bot.status !== 'active') {
      return { ok: false, reason: 'no-bot-agent' };
    }
    if (!bot.screenShare) {
      return { ok: false, reason: 'not-allowed' };
    }
    if (!on) {
      // Stopping never creates the content attendee (it would show in the admin summary).
      this.stopBotShare(meeting.meetingId);
      return { ok: true, contentAttendeeId: `${bot.attendeeId}${CONTENT_SUFFIX}`, sharing: false };
    }
    const content = this.meetings.contentAttendeeFor(bot);
    if (content.status !== 'active') {
      return { ok: false, reason: 'removed' };
    }
    if (!this.botShares.has(meeting.meetingId)) {
      const endpoint: RelayEndpoint = {
        meetingId: meeting.meetingId,
        attendeeId: content.attendeeId,
        peer: undefined,
      };
      const source = this.relay.startSource({
        streamId: this.meetings.newVideoStreamId(),
        groupId: content.groupId,
        attendeeId: content.attendeeId,
        externalUserId: content.displayName,
        origin: endpoint,
      });
      const pattern = new TestPatternSource({
        clock: this.options.clock,
        logger: this.options.logger,
        send: (packet) => this.relay.forwardVideo(endpoint, packet),
      });
      this.botShares.set(meeting.meetingId, { content, source, pattern });
      this.presenceJoined(content);
      this.broadcastIndex(meeting.meetingId);
    }
    return { ok: true, contentAttendeeId: content.attendeeId, sharing: true };
  }

  /** Drops every socket and peer connection, and stops the bot agents' screen shares. */
  async close(): Promise<void> {
    this.closing = true;
    for (const session of [...this.sessions]) {
      session.terminate();
    }
    for (const meetingId of [...this.botShares.keys()]) {
      this.stopBotShare(meetingId);
    }
    this.stopKeyframeTimer();
    this.stopVolumeTimer();
    await Promise.all([...this.peers].map((peer) => peer.close()));
    this.peers.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const meeting = this.meetings.getMeeting(url.pathname.slice(CHIME_CONTROL_PATH.length));
    if (!meeting) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const offered = (request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((entry) => entry.trim());
    const token = offered.find((entry) => entry !== SUBPROTOCOL && entry !== '');
    // A content share (`<JoinToken>#content`) joins as the attendee's content attendee.
    const parsed = token === undefined ? undefined : parseJoinToken(token);
    const owner = parsed && this.meetings.attendeeForJoinToken(parsed.baseToken);
    if (
      !offered.includes(SUBPROTOCOL) ||
      !owner ||
      owner.bot ||
      owner.meetingId !== meeting.meetingId ||
      owner.status !== 'active' ||
      meeting.status !== 'active' ||
      !this.options.isParticipantActive(owner.participantId) ||
      this.closing
    ) {
      this.options.logger.info('refusing chime signaling upgrade: bad token or ended meeting');
      refuse(socket, 403, 'Forbidden');
      return;
    }
    if (parsed?.content && !owner.screenShare) {
      this.options.logger.info(
        'refusing a chime content share: AllowedCapabilities lacks ScreenShare for this side',
      );
      refuse(socket, 403, 'Forbidden');
      return;
    }
    const attendee = parsed?.content ? this.meetings.contentAttendeeFor(owner) : owner;
    const codec = new SignalingCodec(await loadSignalingProtocol(), () => this.options.clock.now());
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const session = new SignalingSession({ ws, attendee, codec, host: this.host });
      this.sessions.add(session);
      this.relay.addEndpoint(session.endpoint);
      this.startKeyframeTimer();
      this.startVolumeTimer();
    });
  }

  private createHost(): SessionHost {
    return {
      logger: this.options.logger,
      createPeer: async (session) => {
        const peer = await MediaPeer.create();
        if (this.closing) {
          await peer.close();
          throw new Error('the emulator is closing');
        }
        this.peers.add(peer);
        peer.onClosed = () => this.peers.delete(peer);
        peer.onVideo = (packet) => this.relay.forwardVideo(session.endpoint, packet);
        peer.onAudio = (packet, dBov) => {
          this.volumes.heard(session.attendee.attendeeId, dBov, this.options.clock.now());
          this.relay.forwardAudio(session.endpoint, packet);
        };
        peer.onKeyframeRequest = (streamId) => this.relay.requestKeyframe(streamId);
        return peer;
      },
      pongsWithheld: () => this.options.clock.now() < this.pongsWithheldUntil,
      joined: (session) => this.joined(session),
      cameraChanged: (session, sending) => this.cameraChanged(session, sending),
      subscribed: (session, fresh) => {
        this.broadcastIndex(session.attendee.meetingId);
        for (const streamId of fresh) {
          this.relay.requestKeyframe(streamId);
        }
      },
      muted: (session, muted) => {
        session.attendee.muted = muted;
        const { audioStreamId } = session.attendee;
        this.broadcast(session.attendee.meetingId, (codec) => ({
          type: codec.types.AUDIO_STREAM_ID_INFO,
          audioStreamIdInfo: { streams: [{ audioStreamId, muted }] },
        }));
      },
      left: (session) => this.left(session),
      allocation: (session) => {
        const source = this.relay
          .sourcesOf(session.attendee.meetingId)
          .find(
            (candidate) =>
              candidate.origin === session.endpoint && candidate.mirrorOf === undefined,
          );
        return source ? { streamId: source.streamId, groupId: source.groupId } : undefined;
      },
    };
  }

  private sessionsOf(meetingId: string): SignalingSession[] {
    return [...this.sessions].filter((session) => session.attendee.meetingId === meetingId);
  }

  /** Attendees the roster shows: the bot and everyone with a joined socket. */
  private present(meetingId: string): AttendeeRecord[] {
    const meeting = this.meetings.getMeeting(meetingId);
    if (!meeting) {
      return [];
    }
    const inCall = this.inCall(meetingId);
    return this.meetings
      .attendeesOf(meeting)
      .filter((attendee) => attendee.status === 'active' && inCall(attendee));
  }

  /**
   * Whether an attendee is in the call now: the bot agent always, its content attendee while it
   * shares, others with a joined socket.
   */
  private inCall(meetingId: string): (attendee: AttendeeRecord) => boolean {
    const joined = new Set(
      this.sessionsOf(meetingId)
        .filter((session) => session.joined)
        .map((session) => session.attendee),
    );
    const botContent = this.botShares.get(meetingId)?.content;
    return (attendee) =>
      (attendee.bot && attendee.contentOf === undefined) ||
      attendee === botContent ||
      joined.has(attendee);
  }

  private joined(session: SignalingSession): void {
    session.attendee.joins += 1;
    const meetingId = session.attendee.meetingId;
    const present = this.present(meetingId);
    const types = session.codec.types;
    this.sendIndex(session, true);
    session.send({
      type: types.AUDIO_STREAM_ID_INFO,
      audioStreamIdInfo: {
        streams: present.map((attendee) => ({
          audioStreamId: attendee.audioStreamId,
          attendeeId: attendee.attendeeId,
          externalUserId: attendee.displayName,
          muted: attendee.muted,
        })),
      },
    });
    this.sendAudioMetadata(session, this.attendeeStates(present), true);
    // Everyone else sees the newcomer arrive. For a content share this includes the sharer's
    // own main session: the SDK fires contentShareDidStart only when that session sees its own
    // `#content` attendee present (DefaultContentShareController.setupContentShareEvents).
    this.presenceJoined(session.attendee, session);
  }

  /** Announces an attendee's presence to every joined session of its meeting but `except`. */
  private presenceJoined(attendee: AttendeeRecord, except?: SignalingSession): void {
    for (const other of this.sessionsOf(attendee.meetingId)) {
      if (other !== except && other.joined) {
        other.send({
          type: other.codec.types.AUDIO_STREAM_ID_INFO,
          audioStreamIdInfo: {
            streams: [
              {
                audioStreamId: attendee.audioStreamId,
                attendeeId: attendee.attendeeId,
                externalUserId: attendee.displayName,
                muted: attendee.muted,
              },
            ],
          },
        });
      }
    }
  }

  /** Stops the bot agent's screen share of a meeting, if on: INDEX and presence-left follow. */
  private stopBotShare(meetingId: string): void {
    const share = this.botShares.get(meetingId);
    if (!share) {
      return;
    }
    this.botShares.delete(meetingId);
    share.pattern.stop();
    this.relay.stopSource(share.source.streamId);
    this.presenceLeft(share.content);
    this.broadcastIndex(meetingId);
  }

  private cameraChanged(session: SignalingSession, sending: boolean): void {
    const meetingId = session.attendee.meetingId;
    const own = this.relay
      .sourcesOf(meetingId)
      .find((source) => source.origin === session.endpoint && source.mirrorOf === undefined);
    if (sending && !own) {
      const attendee = session.attendee;
      const started = this.relay.startSource({
        streamId: this.meetings.newVideoStreamId(),
        groupId: attendee.groupId,
        attendeeId: attendee.attendeeId,
        externalUserId: attendee.displayName,
        origin: session.endpoint,
      });
      const meeting = this.meetings.getMeeting(meetingId);
      // The echo mirrors the customer's camera only: never a content share (`#content`).
      const mirror = meeting
        ? echoSourceFor(
            this.meetings.mainAttendee(meeting, true),
            this.meetings.mainAttendee(meeting, false)?.attendeeId,
            started,
            () => this.meetings.newVideoStreamId(),
          )
        : undefined;
      if (mirror) {
        this.relay.startSource(mirror);
      }
    } else if (!sending && own) {
      this.relay.stopSource(own.streamId);
    }
  }

  private left(session: SignalingSession): void {
    if (!this.sessions.delete(session)) {
      return;
    }
    this.relay.removeEndpoint(session.endpoint);
    const attendee = session.attendee;
    if (!this.sessionsOf(attendee.meetingId).some((other) => other.attendee === attendee)) {
      this.presenceLeft(attendee);
      this.volumes.forget(attendee.attendeeId);
    }
    this.broadcastIndex(attendee.meetingId);
    if (this.sessions.size === 0) {
      this.stopKeyframeTimer();
      this.stopVolumeTimer();
    }
  }

  private presenceLeft(attendee: AttendeeRecord): void {
    this.broadcast(attendee.meetingId, (codec) => ({
      type: codec.types.AUDIO_STREAM_ID_INFO,
      audioStreamIdInfo: { streams: [{ audioStreamId: attendee.audioStreamId }] },
    }));
  }

  private indexFrame(session: SignalingSession): OutgoingFrame & { index: object } {
    const codec = session.codec;
    const sources = this.relay
      .sourcesOf(session.attendee.meetingId)
      .filter((source) => source.attendeeId !== session.attendee.attendeeId);
    return {
      type: codec.types.INDEX,
      index: {
        atCapacity: false,
        numParticipants: this.present(session.attendee.meetingId).length,
        sources: sources.map((source: VideoSource) => ({
          streamId: source.streamId,
          groupId: source.groupId,
          attendeeId: source.attendeeId,
          externalUserId: source.externalUserId,
          mediaType: codec.proto.SdkStreamMediaType.VIDEO,
          trackLabel: 'AmazonChimeExpressVideo',
          maxBitrateKbps: 1500,
          avgBitrateBps: 1_000_000,
        })),
      },
    };
  }

  /** Sends each joined session of the meeting its INDEX when its view of the sources changed. */
  private broadcastIndex(meetingId: string): void {
    for (const session of this.sessionsOf(meetingId)) {
      if (session.joined) {
        this.sendIndex(session, false);
      }
    }
  }

  private sendIndex(session: SignalingSession, always: boolean): void {
    const frame = this.indexFrame(session);
    const key = JSON.stringify(frame.index);
    if (always || this.lastIndex.get(session) !== key) {
      this.lastIndex.set(session, key);
      session.send(frame);
    }
  }

  private broadcast(meetingId: string, build: (codec: SignalingCodec) => OutgoingFrame): void {
    for (const session of this.sessionsOf(meetingId)) {
      if (session.joined) {
        session.send(build(session.codec));
      }
    }
  }

  /**
   * AUDIO_METADATA states of these attendees now. Each lists `volume` and `signalStrength`: in a
   * frame that has any volume, the SDK takes an attendee left out as silent (IMPLICIT_VOLUME), so
   * a frame naming only the attendees that changed would silence the others. The bot agent has
   * no microphone (it mirrors the customer's camera, not its voice), so it stays silent: mirroring
   * the customer's level would make the active-speaker detector rank the bot alongside them.
   */
  private attendeeStates(attendees: readonly AttendeeRecord[]): object[] {
    const now = this.options.clock.now();
    return attendees.map((attendee) => ({
      audioStreamId: attendee.audioStreamId,
      volume: this.volumes.volumeOf(attendee.attendeeId, attendee.muted, now),
      muted: attendee.muted,
      signalStrength: FULL_SIGNAL_STRENGTH,
    }));
  }

  private sendAudioMetadata(session: SignalingSession, states: object[], always: boolean): void {
    const key = JSON.stringify(states);
    if (always || this.lastAudioMetadata.get(session) !== key) {
      this.lastAudioMetadata.set(session, key);
      session.send({
        type: session.codec.types.AUDIO_METADATA,
        audioMetadata: { attendeeStates: states },
      });
    }
  }

  /** One volume tick: every joined session whose meeting's states changed gets AUDIO_METADATA. */
  private broadcastVolumes(): void {
    this.volumes.settle();
    const meetingIds = new Set([...this.sessions].map((session) => session.attendee.meetingId));
    for (const meetingId of meetingIds) {
      const states = this.attendeeStates(this.present(meetingId));
      for (const session of this.sessionsOf(meetingId)) {
        if (session.joined) {
          this.sendAudioMetadata(session, states, false);
        }
      }
    }
  }

  private startVolumeTimer(): void {
    if (this.volumeTimer !== undefined || this.closing) {
      return;
    }
    this.volumeTimer = this.options.clock.setTimeout(() => {
      this.volumeTimer = undefined;
      this.broadcastVolumes();
      if (this.sessions.size > 0) {
        this.startVolumeTimer();
      }
    }, VOLUME_INTERVAL_MS);
  }

  private stopVolumeTimer(): void {
    if (this.volumeTimer !== undefined) {
      this.options.clock.clearTimeout(this.volumeTimer);
      this.volumeTimer = undefined;
    }
  }

  private startKeyframeTimer(): void {
    if (this.keyframeTimer !== undefined || this.closing) {
      return;
    }
    this.keyframeTimer = this.options.clock.setTimeout(() => {
      this.keyframeTimer = undefined;
      this.relay.refreshKeyframes();
      if (this.sessions.size > 0) {
        this.startKeyframeTimer();
      }
    }, KEYFRAME_REFRESH_MS);
  }

  private stopKeyframeTimer(): void {
    if (this.keyframeTimer !== undefined) {
      this.options.clock.clearTimeout(this.keyframeTimer);
      this.keyframeTimer = undefined;
    }
  }
}
