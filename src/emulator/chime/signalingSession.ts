import type { WebSocket } from 'ws';
import type { Logger } from '../../core/logger';
import type { MediaPeer } from './mediaPeer';
import type { RelayEndpoint } from './mediaRelay';
import type { AttendeeRecord } from './meetingStore';
import type { OutgoingFrame, SignalFrame, SignalingCodec } from './signalingCodec';

/**
 * What a signaling session asks of the hub that owns it.
 *
 * @example
 * ```ts
 * const host = { joined, cameraChanged, subscribed, muted, left, pongsWithheld: () => false, createPeer: () => MediaPeer.create(), allocation, logger };
 * new SignalingSession({ ws, attendee, codec, host }); // calls host.joined(session) once it answers JOIN
 * ```
 */
export interface SessionHost {
  /** JOIN arrived: send INDEX and presence. */
  joined(session: SignalingSession): void;
  /** A SUBSCRIBE says whether the attendee sends its camera (before the answer goes out). */
  cameraChanged(session: SignalingSession, sendingVideo: boolean): void;
  /** The SUBSCRIBE_ACK went out; `newStreams` are the streams this attendee now receives anew. */
  subscribed(session: SignalingSession, newStreams: number[]): void;
  /** AUDIO_CONTROL or SUBSCRIBE changed the attendee's mute. */
  muted(session: SignalingSession, muted: boolean): void;
  /** LEAVE arrived or the socket closed. */
  left(session: SignalingSession): void;
  /** True while the `withholdPongsMs` fault is in force. */
  pongsWithheld(): boolean;
  /** A media peer wired to the relay for this session. */
  createPeer(session: SignalingSession): Promise<MediaPeer>;
  /** The video stream id and group of this attendee's camera, when it sends one. */
  allocation(session: SignalingSession): { streamId: number; groupId: number } | undefined;
  logger: Logger;
}

/**
 * One attendee's signaling websocket: decodes frames and answers JOIN, SUBSCRIBE, PING, LEAVE and
 * AUDIO_CONTROL, one frame at a time (a SUBSCRIBE's SDP answer is awaited before the next frame).
 *
 * @example
 * ```ts
 * const session = new SignalingSession({ ws, attendee, codec, host });
 * session.send({ type: codec.types.AUDIO_STATUS, audioStatus: { audioStatus: 410 } });
 * ```
 */
export class SignalingSession {
  readonly attendee: AttendeeRecord;
  readonly endpoint: RelayEndpoint;
  readonly codec: SignalingCodec;
  private readonly ws: WebSocket;
  private readonly host: SessionHost;
  private queue: Promise<void> = Promise.resolve();
  private state: 'open' | 'joined' | 'closed' = 'open';

  constructor(init: {
    ws: WebSocket;
    attendee: AttendeeRecord;
    codec: SignalingCodec;
    host: SessionHost;
  }) {
    this.ws = init.ws;
    this.attendee = init.attendee;
    this.codec = init.codec;
    this.host = init.host;
    this.endpoint = {
      meetingId: init.attendee.meetingId,
      attendeeId: init.attendee.attendeeId,
      peer: undefined,
    };
    this.ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        this.host.logger.debug('chime: ignoring a text frame');
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.queue = this.queue.then(() => this.receive(bytes));
    });
    this.ws.on('close', () => this.closed());
    this.ws.on('error', (error) => this.host.logger.debug('chime: socket error', error));
  }

  /** True once JOIN was answered and until the socket closes. */
  get joined(): boolean {
    return this.state === 'joined';
  }

  /** Sends a frame if the socket is open. */
  send(frame: OutgoingFrame): void {
    if (this.ws.readyState === this.ws.OPEN) {
      this.ws.send(this.codec.encode(frame));
    }
  }

  /** Sends an AUDIO_STATUS (410 meeting ended, 411 attendee removed) and closes with `code`. */
  end(audioStatus: number, code: number, reason: string): void {
    this.send({ type: this.codec.types.AUDIO_STATUS, audioStatus: { audioStatus } });
    this.ws.close(code, reason);
    this.closed();
  }

  /** Drops the socket without a close frame (emulator shutdown). */
  terminate(): void {
    this.ws.terminate();
    this.closed();
  }

  private closed(): void {
    if (this.state === 'closed') {
      return;
    }
    this.state = 'closed';
    this.host.left(this);
    void this.endpoint.peer?.close();
  }

  private async receive(bytes: Uint8Array): Promise<void> {
    if (this.state === 'closed') {
      return;
    }
    let frame: SignalFrame;
    try {
      frame = this.codec.decode(bytes);
    } catch (error) {
      this.host.logger.warn('chime: undecodable signaling frame', error);
      return;
    }
    try {
      await this.handle(frame);
    } catch (error) {
      this.host.logger.error(`chime: ${this.codec.types[frame.type]} failed`, error);
      // Like the service: an internal error closes the socket with a 45xx code; the SDK reconnects.
      this.ws.close(4500, 'internal error');
    }
  }

  private async handle(frame: SignalFrame): Promise<void> {
    const types = this.codec.types;
    switch (frame.type) {
      case types.JOIN:
        this.send({
          type: types.JOIN_ACK,
          joinack: {
            // Credentials with no URIs: the SDK uses no ICE servers and goes straight to host candidates.
            turnCredentials: { username: 'emulator', password: 'emulator', ttl: 86_400, uris: [] },
            videoSubscriptionLimit: 25,
            wantsCompressedSdp: false,
          },
        });
        this.state = 'joined';
        this.host.joined(this);
        return;
      case types.SUBSCRIBE:
        await this.subscribe(frame);
        return;
      case types.PING_PONG:
        if (
          frame.pingPong?.type === this.codec.proto.SdkPingPongType.PING &&
          !this.host.pongsWithheld()
        ) {
          this.send({
            type: types.PING_PONG,
            pingPong: {
              type: this.codec.proto.SdkPingPongType.PONG,
              pingId: frame.pingPong.pingId,
            },
          });
        }
        return;
      case types.AUDIO_CONTROL:
        this.host.muted(this, frame.audioControl?.muted === true);
        return;
      case types.LEAVE:
        this.send({ type: types.LEAVE_ACK, leaveAck: {} });
        this.host.left(this);
        return;
      default:
        // CLIENT_METRIC, BITRATES, DATA_MESSAGE, MEETING_SESSION_TIMING…: accepted, not acted on.
        return;
    }
  }

  private async subscribe(frame: SignalFrame): Promise<void> {
    const types = this.codec.types;
    const sub = frame.sub;
    if (!sub || !this.joined) {
      throw new Error('SUBSCRIBE before JOIN or without a body');
    }
    if (!sub.sdpOffer) {
      throw new Error('SUBSCRIBE without an uncompressed sdp_offer (JOIN_ACK refused compression)');
    }
    this.endpoint.peer ??= await this.host.createPeer(this);
    if (this.state === 'closed') {
      await this.endpoint.peer.close();
      return;
    }
    const before = new Set(this.endpoint.peer.receivingStreams().values());
    const { sdp, sending } = await this.endpoint.peer.negotiate(
      sub.sdpOffer,
      sub.receiveStreamIds ?? [],
    );
    const { DUPLEX, TX } = this.codec.proto.SdkStreamServiceType;
    const sendingVideo =
      (sub.duplex === DUPLEX || sub.duplex === TX) &&
      (sub.sendStreams ?? []).some(
        (stream) => stream.mediaType === this.codec.proto.SdkStreamMediaType.VIDEO,
      );
    // The camera's stream id must exist before the ACK, which announces it in `allocations`.
    this.host.cameraChanged(this, sendingVideo);
    const allocation = this.host.allocation(this);
    this.send({
      type: types.SUBSCRIBE_ACK,
      suback: {
        duplex: sub.duplex ?? this.codec.proto.SdkStreamServiceType.RX,
        sdpAnswer: sdp,
        tracks: sending.map(({ streamId, ssrc, trackLabel }) => ({ streamId, ssrc, trackLabel })),
        allocations: allocation
          ? [
              {
                streamId: allocation.streamId,
                groupId: allocation.groupId,
                trackLabel: 'AmazonChimeExpressVideo',
              },
            ]
          : [],
      },
    });
    if (typeof sub.audioMuted === 'boolean' && sub.audioMuted !== this.attendee.muted) {
      this.host.muted(this, sub.audioMuted);
    }
    this.host.subscribed(
      this,
      sending.map(({ streamId }) => streamId).filter((id) => !before.has(id)),
    );
  }
}
