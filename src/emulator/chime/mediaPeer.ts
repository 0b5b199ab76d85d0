import type * as Werift from 'werift';
import {
  type SdpSection,
  fixAnswer,
  keepLoopbackCandidates,
  parseSdp,
  receiveLines,
  trackLabelForMid,
} from './sdp';
import { audioLevelExtensionId, packetAudioLevel } from './parseAudioLevel';

type WeriftModule = typeof Werift;

/**
 * An RTP packet as werift hands it over (opaque to the relay, which only forwards it).
 *
 * @example
 * ```ts
 * peer.onVideo = (packet: RtpPacket) => other.sendVideo('2', packet);
 * ```
 */
export type RtpPacket = Werift.RtpPacket;

let loading: Promise<WeriftModule> | undefined;

/**
 * Loads werift (an optional peer) on the first web call, so the chat-only emulator runs without it.
 *
 * @example
 * ```ts
 * const werift = await loadWerift();
 * ```
 */
export function loadWerift(): Promise<WeriftModule> {
  loading ??= import('werift').catch((error: unknown) => {
    loading = undefined;
    throw new Error('Web calls need the optional peer werift (npm install werift@0.25.2)', {
      cause: error,
    });
  });
  return loading;
}

/**
 * What one SUBSCRIBE negotiated: the SDP answer and, for each receive line the client asked for,
 * the server's sender (mid, stream id, ssrc, msid label).
 *
 * @example
 * ```ts
 * const { sdp, sending } = await peer.negotiate(offer, [0, 101]);
 * ```
 */
export interface Negotiated {
  sdp: string;
  sending: { mid: string; streamId: number; ssrc: number; trackLabel: string }[];
}

/**
 * The emulator's end of one attendee's RTCPeerConnection (werift, loopback only, VP8 + Opus):
 * answers the SDK's offers, hands the attendee's uplink packets to the relay, and sends relayed
 * packets on the receive lines the attendee subscribed to.
 *
 * @example
 * ```ts
 * const peer = await MediaPeer.create();
 * peer.onVideo = (packet) => relay.forwardVideo(session.endpoint, packet);
 * const { sdp } = await peer.negotiate(offer, receiveStreamIds);
 * peer.close();
 * ```
 */
export class MediaPeer {
  /** Called with each RTP packet of the attendee's camera. */
  onVideo: (packet: RtpPacket) => void = () => {};
  /**
   * Called with each RTP packet of the attendee's microphone and its level in -dBov (0 loudest,
   * 127 silence): from the RFC 6464 audio level extension, or estimated from the Opus packet size
   * when the offer did not carry the extension.
   */
  onAudio: (packet: RtpPacket, dBov: number) => void = () => {};
  /** Called when the client asks for a keyframe of the stream it receives on a line. */
  onKeyframeRequest: (streamId: number) => void = () => {};

  private readonly pc: Werift.RTCPeerConnection;
  /** mid -> stream id currently sent on that receive line. */
  private readonly receiving = new Map<string, number>();
  private readonly watchedSenders = new Set<string>();
  private uplinkVideo:
    { track: Werift.MediaStreamTrack; receiver: Werift.RTCRtpReceiver } | undefined;
  /** The negotiated id of the audio level header extension (undefined: not negotiated). */
  private audioLevelId: number | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  private constructor(pc: Werift.RTCPeerConnection) {
    this.pc = pc;
    pc.ontrack = ({ track, receiver }) => {
      if (track.kind === 'video') {
        this.uplinkVideo = { track, receiver };
        track.onReceiveRtp.subscribe((packet) => this.onVideo(packet));
      } else {
        track.onReceiveRtp.subscribe((packet) =>
          this.onAudio(packet, packetAudioLevel(packet, this.audioLevelId)),
        );
      }
    };
  }

  /** Creates a peer bound to 127.0.0.1. */
  static async create(): Promise<MediaPeer> {
    const werift = await loadWerift();
    const feedback = [werift.useNACK(), werift.usePLI(), werift.useREMB()];
    const pc = new werift.RTCPeerConnection({
      codecs: {
        audio: [werift.useOPUS()],
        video: [werift.useVP8({ rtcpFeedback: feedback })],
      },
      // The audio level extension (RFC 6464) carries the talker's loudness for AUDIO_METADATA.
      headerExtensions: {
        audio: [werift.useSdesMid(), werift.useAudioLevelIndication()],
        video: [werift.useSdesMid()],
      },
      iceInterfaceAddresses: { udp4: '127.0.0.1' },
      iceAdditionalHostAddresses: ['127.0.0.1'],
      iceUseIpv6: false,
      iceUseTcp: false,
      iceFilterCandidatePair: (pair) => pair.remoteCandidate.host === '127.0.0.1',
    });
    return new MediaPeer(pc);
  }

  /** Answers an offer (uncompressed SDP, candidates embedded: no trickle). */
  async negotiate(offer: string, receiveStreamIds: readonly number[]): Promise<Negotiated> {
    const cleanOffer = keepLoopbackCandidates(offer);
    const offered = parseSdp(cleanOffer).sections;
    // werift decides whether to route a line's incoming RTP while it applies the offer, from the
    // transceiver's direction then: set the directions before (existing lines) and after (new ones).
    this.applyDirections(offered);
    await this.pc.setRemoteDescription({ type: 'offer', sdp: cleanOffer });
    this.applyDirections(offered);
    const wanted = receiveLines(cleanOffer, receiveStreamIds);
    this.receiving.clear();
    for (const { mid, streamId } of wanted) {
      this.receiving.set(mid, streamId);
    }
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    await this.gathered();
    const labels = new Map(wanted.map(({ mid }) => [mid, trackLabelForMid(mid)]));
    const sdp = fixAnswer(cleanOffer, this.pc.localDescription?.sdp ?? answer.sdp, labels);
    this.audioLevelId = audioLevelExtensionId(sdp);
    const sending = wanted.flatMap(({ mid, streamId }) => {
      const transceiver = this.transceiver(mid);
      return transceiver
        ? [{ mid, streamId, ssrc: transceiver.sender.ssrc, trackLabel: trackLabelForMid(mid) }]
        : [];
    });
    return { sdp, sending };
  }

  private applyDirections(offered: readonly SdpSection[]): void {
    for (const transceiver of this.pc.getTransceivers()) {
      const section = offered.find((candidate) => candidate.mid === transceiver.mid);
      if (!section || section.port === 0) {
        continue;
      }
      if (transceiver.kind === 'audio') {
        transceiver.setDirection('sendrecv');
      } else if (section.direction === 'recvonly' || section.direction === 'inactive') {
        // An inactive camera line is answered as sendonly by werift, then rewritten to inactive:
        // werift would otherwise reject it (port 0) and Chromium would stop the transceiver.
        transceiver.setDirection('sendonly');
      } else {
        transceiver.setDirection('recvonly');
      }
      this.watchKeyframeRequests(transceiver);
    }
  }

  /** The stream ids this peer currently receives, by mid. */
  receivingStreams(): ReadonlyMap<string, number> {
    return this.receiving;
  }

  /** Sends a relayed video packet on a receive line. */
  sendVideo(mid: string, packet: RtpPacket): void {
    this.send(this.transceiver(mid), packet);
  }

  /** Sends a relayed audio packet on the audio line. */
  sendAudio(packet: RtpPacket): void {
    this.send(
      this.pc.getTransceivers().find((transceiver) => transceiver.kind === 'audio'),
      packet,
    );
  }

  /** Asks the attendee's camera for a keyframe (RTCP PLI). */
  requestKeyframe(): void {
    const uplink = this.uplinkVideo;
    if (!this.closed && uplink?.track.ssrc !== undefined) {
      uplink.receiver.sendRtcpPLI(uplink.track.ssrc).catch(() => {});
    }
  }

  /** Closes the connection and its sockets; resolves once they are released. Idempotent. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.onVideo = () => {};
      this.onAudio = () => {};
      this.onKeyframeRequest = () => {};
      this.closing = this.pc
        .close()
        .catch(() => {})
        .then(() => this.onClosed());
    }
    return this.closing;
  }

  /** Called once the connection's sockets are released. */
  onClosed: () => void = () => {};

  private transceiver(mid: string): Werift.RTCRtpTransceiver | undefined {
    return this.pc.getTransceivers().find((transceiver) => transceiver.mid === mid);
  }

  private send(transceiver: Werift.RTCRtpTransceiver | undefined, packet: RtpPacket): void {
    if (this.closed || !transceiver) {
      return;
    }
    // werift rewrites ssrc, payload type and sequence in place: each receiver gets its own copy.
    transceiver.sender.sendRtp(packet.clone()).catch(() => {});
  }

  private watchKeyframeRequests(transceiver: Werift.RTCRtpTransceiver): void {
    const mid = transceiver.mid;
    if (mid === null || transceiver.kind !== 'video' || this.watchedSenders.has(mid)) {
      return;
    }
    this.watchedSenders.add(mid);
    transceiver.sender.onPictureLossIndication.subscribe(() => {
      const streamId = this.receiving.get(mid);
      if (streamId !== undefined) {
        this.onKeyframeRequest(streamId);
      }
    });
  }

  private async gathered(): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') {
      return;
    }
    await this.pc.iceGatheringStateChange.watch((state) => state === 'complete', 5000);
  }
}
