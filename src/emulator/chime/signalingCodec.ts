import type * as SignalingProtocolModule from 'amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol.js';

/**
 * The Chime SDK's own compiled signaling schema (protobufjs classes such as `SdkSignalFrame`).
 *
 * @example
 * ```ts
 * const proto = await loadSignalingProtocol();
 * const codec = new SignalingCodec(proto, () => clock.now());
 * proto.SdkSignalFrame.Type.JOIN_ACK === codec.types.JOIN_ACK; // true
 * ```
 */
export type SignalingProtocol = typeof SignalingProtocolModule;

/**
 * A decoded signaling frame (`SdkSignalFrame`).
 *
 * @example
 * ```ts
 * const frame = codec.decode(bytes);
 * if (frame.type === codec.types.LEAVE) session.send({ type: codec.types.LEAVE_ACK, leaveAck: {} });
 * ```
 */
export type SignalFrame = SignalingProtocolModule.SdkSignalFrame;

/**
 * The fields of a frame to encode (`ISdkSignalFrame` without the timestamp, which the codec adds).
 *
 * @example
 * ```ts
 * ws.send(codec.encode({ type: codec.types.LEAVE_ACK, leaveAck: {} })); // the codec stamps timestampMs
 * ```
 */
export type OutgoingFrame = Omit<SignalingProtocolModule.ISdkSignalFrame, 'timestampMs'>;

/** First byte of every signaling message: `FrameTypeRTC`. */
const FRAME_TYPE_RTC = 0x05;
/** The SDK also strips this older prefix. */
const FRAME_TYPE_LEGACY = 0x02;

let loading: Promise<SignalingProtocol> | undefined;

/**
 * Loads the signaling schema compiled into `amazon-chime-sdk-js` (an optional peer): only a web call
 * needs it, so the chat-only emulator runs without the SDK installed. Rejects with a clear message
 * when the SDK is missing.
 *
 * @example
 * ```ts
 * const proto = await loadSignalingProtocol();
 * ```
 */
export function loadSignalingProtocol(): Promise<SignalingProtocol> {
  loading ??= import('amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol.js').then(
    (module: unknown) => {
      // CommonJS behind ESM: the classes are on `default` (module.exports = $root).
      const root = ((module as { default?: unknown }).default ?? module) as SignalingProtocol;
      if (typeof root.SdkSignalFrame?.encode !== 'function') {
        throw new Error('amazon-chime-sdk-js has no compiled SignalingProtocol');
      }
      return root;
    },
    (error: unknown) => {
      loading = undefined;
      throw new Error(
        'Web calls need the optional peer amazon-chime-sdk-js (npm install amazon-chime-sdk-js)',
        { cause: error },
      );
    },
  );
  return loading;
}

/**
 * Encodes and decodes signaling messages: one binary websocket message = `0x05` + an encoded
 * `SdkSignalFrame`.
 *
 * @example
 * ```ts
 * const codec = new SignalingCodec(await loadSignalingProtocol(), () => Date.now());
 * ws.send(codec.encode({ type: codec.proto.SdkSignalFrame.Type.LEAVE_ACK, leaveAck: {} }));
 * const frame = codec.decode(message);
 * ```
 */
export class SignalingCodec {
  readonly proto: SignalingProtocol;
  private readonly now: () => number;

  constructor(proto: SignalingProtocol, now: () => number) {
    this.proto = proto;
    this.now = now;
  }

  /** The frame types, for switches: `codec.types.JOIN`. */
  get types(): typeof SignalingProtocolModule.SdkSignalFrame.Type {
    return this.proto.SdkSignalFrame.Type;
  }

  /** Prefixes and encodes a frame, stamping `timestamp_ms` with the injected clock. */
  encode(frame: OutgoingFrame): Uint8Array {
    const message = this.proto.SdkSignalFrame.create({ ...frame, timestampMs: this.now() });
    const body = this.proto.SdkSignalFrame.encode(message).finish();
    const bytes = new Uint8Array(body.length + 1);
    bytes[0] = FRAME_TYPE_RTC;
    bytes.set(body, 1);
    return bytes;
  }

  /** Decodes one websocket message; throws on a wrong prefix or a malformed frame. */
  decode(data: Uint8Array): SignalFrame {
    if (data.length < 1 || (data[0] !== FRAME_TYPE_RTC && data[0] !== FRAME_TYPE_LEGACY)) {
      throw new Error(`not a signaling frame (prefix ${data[0] ?? 'none'})`);
    }
    return this.proto.SdkSignalFrame.decode(data.subarray(1));
  }
}
