import type { MediaPeer, RtpPacket } from './mediaPeer';

/**
 * One attendee connection the relay moves media between: its meeting, attendee and media peer
 * (undefined until the first SUBSCRIBE).
 *
 * @example
 * ```ts
 * const session = new SignalingSession({ ws, attendee, codec, host });
 * relay.addEndpoint(session.endpoint); // its peer stays undefined until the first SUBSCRIBE
 * peer.onVideo = (packet) => relay.forwardVideo(session.endpoint, packet);
 * ```
 */
export interface RelayEndpoint {
  readonly meetingId: string;
  readonly attendeeId: string;
  peer: MediaPeer | undefined;
}

/**
 * A video source announced in INDEX: whose tile it is (`attendeeId`, `groupId`) and whose camera
 * packets feed it (`origin`; for the bot agent, the customer's endpoint).
 *
 * @example
 * ```ts
 * for (const source of relay.sourcesOf(attendee.meetingId)) {
 *   if (source.attendeeId === attendee.attendeeId) relay.stopSource(source.streamId);
 * }
 * ```
 */
export interface VideoSource {
  readonly streamId: number;
  readonly groupId: number;
  readonly attendeeId: string;
  readonly externalUserId: string;
  readonly origin: RelayEndpoint;
  /** The stream this one mirrors (the bot agent's echo of the customer's camera). */
  readonly mirrorOf?: number;
}

/**
 * Forwards RTP between the attendees of each meeting (an SFU in miniature): a camera packet goes
 * to every receive line subscribed to a source it feeds; a microphone packet goes to the other
 * attendees (each listens to one talker, the first it heard: no mixing). Keyframe requests go
 * back to the camera that feeds the stream.
 *
 * @example
 * ```ts
 * const relay = new MediaRelay();
 * relay.addEndpoint(endpoint);
 * peer.onVideo = (packet) => relay.forwardVideo(endpoint, packet);
 * ```
 */
export class MediaRelay {
  private readonly endpoints = new Set<RelayEndpoint>();
  private readonly sources = new Map<number, VideoSource>();
  /** listener endpoint -> the talker it hears. */
  private readonly talkers = new Map<RelayEndpoint, RelayEndpoint>();

  /** Starts relaying for a connection. */
  addEndpoint(endpoint: RelayEndpoint): void {
    this.endpoints.add(endpoint);
  }

  /** Stops relaying for a connection; returns the sources it fed (now stopped). */
  removeEndpoint(endpoint: RelayEndpoint): VideoSource[] {
    this.endpoints.delete(endpoint);
    this.talkers.delete(endpoint);
    for (const [listener, talker] of this.talkers) {
      if (talker === endpoint) {
        this.talkers.delete(listener);
      }
    }
    const fed = [...this.sources.values()].filter((source) => source.origin === endpoint);
    return fed.flatMap((source) => this.stopSource(source.streamId));
  }

  /** Announces a video source. */
  startSource(source: VideoSource): VideoSource {
    this.sources.set(source.streamId, source);
    return source;
  }

  /** Stops a source and the sources mirroring it; returns what was stopped. */
  stopSource(streamId: number): VideoSource[] {
    const source = this.sources.get(streamId);
    if (!source) {
      return [];
    }
    this.sources.delete(streamId);
    const mirrors = [...this.sources.values()].filter((other) => other.mirrorOf === streamId);
    return [source, ...mirrors.flatMap((mirror) => this.stopSource(mirror.streamId))];
  }

  /** The source with this stream id. */
  getSource(streamId: number): VideoSource | undefined {
    return this.sources.get(streamId);
  }

  /** The sources of a meeting, oldest first. */
  sourcesOf(meetingId: string): VideoSource[] {
    return [...this.sources.values()].filter((source) => source.origin.meetingId === meetingId);
  }

  /** Relays one camera packet of `origin`. */
  forwardVideo(origin: RelayEndpoint, packet: RtpPacket): void {
    for (const endpoint of this.endpoints) {
      const peer = endpoint.peer;
      if (endpoint.meetingId !== origin.meetingId || !peer) {
        continue;
      }
      for (const [mid, streamId] of peer.receivingStreams()) {
        if (this.sources.get(streamId)?.origin === origin) {
          peer.sendVideo(mid, packet);
        }
      }
    }
  }

  /** Relays one microphone packet of `origin` to the attendees listening to it. */
  forwardAudio(origin: RelayEndpoint, packet: RtpPacket): void {
    for (const endpoint of this.endpoints) {
      if (endpoint === origin || endpoint.meetingId !== origin.meetingId || !endpoint.peer) {
        continue;
      }
      const talker = this.talkers.get(endpoint) ?? origin;
      this.talkers.set(endpoint, talker);
      if (talker === origin) {
        endpoint.peer.sendAudio(packet);
      }
    }
  }

  /** Asks the camera feeding a stream for a keyframe. */
  requestKeyframe(streamId: number): void {
    this.sources.get(streamId)?.origin.peer?.requestKeyframe();
  }

  /** Asks every camera that someone receives for a keyframe (a periodic refresh). */
  refreshKeyframes(): void {
    const watched = new Set<RelayEndpoint>();
    for (const endpoint of this.endpoints) {
      for (const streamId of endpoint.peer?.receivingStreams().values() ?? []) {
        const origin = this.sources.get(streamId)?.origin;
        if (origin) {
          watched.add(origin);
        }
      }
    }
    for (const origin of watched) {
      origin.peer?.requestKeyframe();
    }
  }
}
