import { afterEach } from 'vitest';
import WebSocket from 'ws';
import {
  type RunningEmulator,
  type StartEmulatorOptions,
  startEmulator,
} from 'contact-kit/emulator';
import { type Clock, systemClock } from '../../../src/core/clock';
import * as werift from 'werift';
import {
  type OutgoingFrame,
  type SignalFrame,
  SignalingCodec,
  loadSignalingProtocol,
} from '../../../src/emulator/chime/signalingCodec';

/** ConnectionData as `/admin/webrtc` returns it. */
export interface WebCall {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  ConnectionData: {
    Attendee: { AttendeeId: string; JoinToken: string };
    Meeting: {
      MeetingId: string;
      MediaRegion?: string;
      MediaPlacement: Record<string, string>;
      MeetingFeatures?: unknown;
    };
  };
}

/**
 * A signaling client speaking like the Chime SDK: the same subprotocols and URL parameters, the
 * SDK's compiled frames. Frames are queued so tests can await the next one of a type.
 */
export class SignalingClient {
  readonly codec: SignalingCodec;
  readonly ws: WebSocket;
  readonly frames: SignalFrame[] = [];
  closeCode: number | undefined;
  private waiters: (() => void)[] = [];

  private constructor(codec: SignalingCodec, ws: WebSocket) {
    this.codec = codec;
    this.ws = ws;
    ws.on('message', (data) => {
      this.frames.push(codec.decode(new Uint8Array(data as Buffer)));
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  static async open(signalingUrl: string, joinToken: string): Promise<SignalingClient> {
    const codec = new SignalingCodec(await loadSignalingProtocol(), () => Date.now());
    const url = `${signalingUrl}?X-Chime-Control-Protocol-Version=3&X-Amzn-Chime-Send-Close-On-Error=1`;
    const ws = new WebSocket(url, ['_aws_wt_session', joinToken]);
    const client = new SignalingClient(codec, ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  get types(): SignalingCodec['types'] {
    return this.codec.types;
  }

  send(frame: OutgoingFrame): void {
    this.ws.send(this.codec.encode(frame));
  }

  /** Removes and returns the first received frame of this type, waiting for it. */
  async next(type: number, timeoutMs = 5000): Promise<SignalFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((frame) => frame.type === type);
      if (index >= 0) {
        return this.frames.splice(index, 1)[0]!;
      }
      if (this.closeCode !== undefined) {
        throw new Error(`socket closed (${this.closeCode}) before ${this.types[type]}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no ${this.types[type]} within ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the close code. */
  async closed(timeoutMs = 5000): Promise<number> {
    if (this.closeCode !== undefined) {
      return this.closeCode;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket still open')), timeoutMs);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.closeCode!;
  }

  join(): void {
    this.send({
      type: this.types.JOIN,
      join: { protocolVersion: 2, maxNumOfVideos: 8, flags: 2, wantsCompressedSdp: true },
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter();
    }
  }
}

/** `POST /admin/webrtc`. */
export async function startWebCall(base: string, displayName = 'Ana'): Promise<WebCall> {
  const response = await fetch(`${base}/admin/webrtc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ParticipantDetails: { DisplayName: displayName } }),
  });
  if (response.status !== 200) {
    throw new Error(`startWebCall: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as WebCall;
}

/** A browser stand-in: a werift peer on loopback that offers like the SDK (audio, camera, receive lines). */
export function browserPeer(): werift.RTCPeerConnection {
  return new werift.RTCPeerConnection({
    // One transport: werift's offerer keeps the sockets of bundled-away transports open.
    bundlePolicy: 'max-bundle',
    codecs: { audio: [werift.useOPUS()], video: [werift.useVP8()] },
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
  });
}

/** Creates and applies an offer; resolves with its SDP once every candidate is in it. */
export async function createOffer(peer: werift.RTCPeerConnection): Promise<string> {
  await peer.setLocalDescription(await peer.createOffer());
  if (peer.iceGatheringState !== 'complete') {
    await peer.iceGatheringStateChange.watch((state) => state === 'complete', 5000);
  }
  return peer.localDescription!.sdp;
}

/** A SUBSCRIBE like the SDK's: microphone always, camera when `camera`, the given receive ids. */
export function subscribeFrame(
  client: SignalingClient,
  sdpOffer: string,
  options: { camera: boolean; receiveStreamIds?: number[]; audioHost?: string },
): OutgoingFrame {
  const { DUPLEX, RX } = client.codec.proto.SdkStreamServiceType;
  return {
    type: client.types.SUBSCRIBE,
    sub: {
      duplex: options.camera ? DUPLEX : RX,
      sendStreams: [
        { streamId: 1, groupId: 1, trackLabel: 'AmazonChimeExpressAudio', mediaType: 1 },
        ...(options.camera
          ? [{ streamId: 2, groupId: 2, trackLabel: 'AmazonChimeExpressVideo', mediaType: 2 }]
          : []),
      ],
      receiveStreamIds: options.receiveStreamIds ?? [0],
      sdpOffer,
      audioHost: options.audioHost ?? '127.0.0.1/chime/audio',
      audioMuted: false,
      audioCheckin: false,
    },
  };
}

/**
 * A signaling suite's fixtures: the emulator it starts, and the stand-in browsers' signaling
 * clients and peers, all closed after each test.
 */
export interface ChimeSuite {
  /** Starts the emulator on a free port (closed after the test). */
  start(options?: StartEmulatorOptions): Promise<RunningEmulator>;
  /** Closes the running emulator now (a test of what closing leaves behind). */
  closeEmulator(): Promise<void>;
  /** Clients to close after the test. */
  readonly clients: SignalingClient[];
  /** Peers to close after the test. */
  readonly peers: werift.RTCPeerConnection[];
}

/** Registers the `afterEach` that closes a {@link ChimeSuite}'s emulator, clients and peers. */
export function setUpChimeSuite(): ChimeSuite {
  let emulator: RunningEmulator | undefined;
  const clients: SignalingClient[] = [];
  const peers: werift.RTCPeerConnection[] = [];
  const closeEmulator = async () => {
    const running = emulator;
    emulator = undefined;
    await running?.close();
  };
  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.close();
    }
    await Promise.all(peers.splice(0).map((peer) => peer.close()));
    await closeEmulator();
  });
  return {
    async start(options = {}) {
      emulator = await startEmulator({ port: 0, ...options });
      return emulator;
    },
    closeEmulator,
    clients,
    peers,
  };
}

/** A clock on real time that counts the timers still pending (to prove none is left). */
export function countingClock(): Clock & { pending: () => number } {
  const pending = new Set<unknown>();
  return {
    now: () => systemClock.now(),
    setTimeout(callback, delayMs) {
      const handle: unknown = systemClock.setTimeout(() => {
        pending.delete(handle);
        callback();
      }, delayMs);
      pending.add(handle);
      return handle as ReturnType<Clock['setTimeout']>;
    },
    clearTimeout(handle) {
      pending.delete(handle);
      systemClock.clearTimeout(handle);
    },
    pending: () => pending.size,
  };
}
