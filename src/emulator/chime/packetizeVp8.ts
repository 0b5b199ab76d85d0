/**
 * The fields of one VP8 RTP packet the packetizer decides; SSRC and payload type are left to the
 * sender (werift rewrites both per receiver).
 *
 * @example
 * ```ts
 * for (const packet of packetizeVp8(frame.data, { firstSequenceNumber: 7, timestamp: 18_000 })) {
 *   if (packet.marker) console.log(`frame ends at ${packet.sequenceNumber}, ${packet.payload.byteLength} bytes`);
 * }
 * ```
 */
export interface Vp8RtpPacket {
  /** 16-bit, wraps from 65535 to 0. */
  readonly sequenceNumber: number;
  /** 32-bit, 90 kHz. */
  readonly timestamp: number;
  /** Set on the last packet of a frame. */
  readonly marker: boolean;
  /** VP8 payload descriptor then a slice of the frame. */
  readonly payload: Uint8Array;
}

/**
 * Options of {@link packetizeVp8}.
 *
 * @example
 * ```ts
 * packetizeVp8(frame.data, { firstSequenceNumber: 65_534, timestamp: 90_000, maxPayloadBytes: 1100 });
 * // a 3000-byte frame: packets 65534, 65535 and 0, the last with the marker bit
 * ```
 */
export interface PacketizeVp8Options {
  /** Sequence number of the frame's first packet (taken modulo 2^16). */
  firstSequenceNumber: number;
  /** RTP timestamp of the frame, 90 kHz (taken modulo 2^32). */
  timestamp: number;
  /**
   * Largest payload, descriptor included. Default 1100: with the 12-byte RTP header and the
   * header extensions a sender adds (mid), packets stay within 1200 bytes.
   */
  maxPayloadBytes?: number;
}

/** The VP8 payload descriptor's S bit (RFC 7741 §4.2): start of a partition. */
const START_OF_PARTITION = 0x10;
const DESCRIPTOR_BYTES = 1;

/**
 * Splits one VP8 frame into RTP packets (RFC 7741): each payload starts with the one-byte VP8
 * payload descriptor (no extensions: X=0, N=0, PID 0), whose S bit is set on the first packet
 * only; every packet carries the frame's timestamp; the last one has the marker bit; sequence
 * numbers increase by one and wrap at 2^16.
 *
 * @example
 * ```ts
 * const packets = packetizeVp8(frame.data, { firstSequenceNumber: nextSequence, timestamp: 3000 * index });
 * nextSequence = (nextSequence + packets.length) % 65_536;
 * ```
 */
export function packetizeVp8(frame: Uint8Array, options: PacketizeVp8Options): Vp8RtpPacket[] {
  const maxPayloadBytes = options.maxPayloadBytes ?? 1100;
  if (!Number.isInteger(maxPayloadBytes) || maxPayloadBytes <= DESCRIPTOR_BYTES) {
    throw new RangeError(`packetizeVp8: maxPayloadBytes must exceed ${DESCRIPTOR_BYTES}`);
  }
  if (frame.byteLength === 0) {
    throw new RangeError('packetizeVp8: an empty frame has nothing to send');
  }
  const chunk = maxPayloadBytes - DESCRIPTOR_BYTES;
  const count = Math.ceil(frame.byteLength / chunk);
  const timestamp = ((options.timestamp % 2 ** 32) + 2 ** 32) % 2 ** 32;
  const packets: Vp8RtpPacket[] = [];
  for (let index = 0; index < count; index += 1) {
    const slice = frame.subarray(index * chunk, (index + 1) * chunk);
    const payload = new Uint8Array(DESCRIPTOR_BYTES + slice.byteLength);
    payload[0] = index === 0 ? START_OF_PARTITION : 0;
    payload.set(slice, DESCRIPTOR_BYTES);
    packets.push({
      sequenceNumber: (((options.firstSequenceNumber + index) % 65_536) + 65_536) % 65_536,
      timestamp,
      marker: index === count - 1,
      payload,
    });
  }
  return packets;
}
