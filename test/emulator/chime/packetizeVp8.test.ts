import { describe, expect, it } from 'vitest';
import * as werift from 'werift';
import { type Vp8RtpPacket, packetizeVp8 } from '../../../src/emulator/chime/packetizeVp8';
import { parseIvf } from '../../../src/emulator/chime/parseIvf';
import { TEST_PATTERN_IVF_BASE64 } from '../../../src/emulator/chime/testPatternIvf';

/**
 * The receiving side of RFC 7741, written independently of the packetizer: orders packets by
 * sequence number (across the 2^16 wrap), starts a frame at an S bit with PID 0, strips the
 * payload descriptor (with its optional extensions), and ends the frame at the marker bit.
 */
function depacketize(packets: readonly Vp8RtpPacket[]): { timestamp: number; data: number[] }[] {
  const frames: { timestamp: number; data: number[] }[] = [];
  let current: { timestamp: number; data: number[] } | undefined;
  for (const packet of packets) {
    const payload = packet.payload;
    const first = payload[0]!;
    let offset = 1;
    if (first & 0x80) {
      const extension = payload[1]!;
      offset = 2;
      if (extension & 0x80) {
        offset += payload[offset]! & 0x80 ? 2 : 1;
      }
      if (extension & 0x40) {
        offset += 1;
      }
      if (extension & 0x30) {
        offset += 1;
      }
    }
    const start = (first & 0x10) !== 0 && (first & 0x07) === 0;
    if (start) {
      current = { timestamp: packet.timestamp, data: [] };
    }
    if (!current || current.timestamp !== packet.timestamp) {
      throw new Error('a packet outside a frame');
    }
    current.data.push(...payload.subarray(offset));
    if (packet.marker) {
      frames.push(current);
      current = undefined;
    }
  }
  return frames;
}

const frameOf = (size: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: size }, (_, index) => (index * 31 + seed) & 0xff);

describe('packetizeVp8', () => {
  it('splits a frame into ≤ maxPayloadBytes payloads that depacketize to the same frame', () => {
    const frame = frameOf(5000, 3);
    const packets = packetizeVp8(frame, {
      firstSequenceNumber: 10,
      timestamp: 1234,
      maxPayloadBytes: 1100,
    });
    expect(packets).toHaveLength(Math.ceil(5000 / 1099));
    expect(packets.every((packet) => packet.payload.byteLength <= 1100)).toBe(true);
    expect(packets.map((packet) => packet.sequenceNumber)).toEqual([10, 11, 12, 13, 14]);
    expect(packets.map((packet) => packet.marker)).toEqual([false, false, false, false, true]);
    expect(packets.map((packet) => packet.payload[0])).toEqual([0x10, 0, 0, 0, 0]);
    expect(new Set(packets.map((packet) => packet.timestamp))).toEqual(new Set([1234]));
    expect(depacketize(packets)).toEqual([{ timestamp: 1234, data: [...frame] }]);
  });

  it('puts a small frame in one packet with both the S and the marker bit', () => {
    const [only, ...rest] = packetizeVp8(new Uint8Array([1, 2, 3]), {
      firstSequenceNumber: 0,
      timestamp: 0,
    });
    expect(rest).toEqual([]);
    expect(only).toEqual({
      sequenceNumber: 0,
      timestamp: 0,
      marker: true,
      payload: new Uint8Array([0x10, 1, 2, 3]),
    });
  });

  it('wraps sequence numbers at 2^16 and timestamps at 2^32', () => {
    const frames = [frameOf(3000, 1), frameOf(2500, 2), frameOf(10, 3)];
    const packets: Vp8RtpPacket[] = [];
    let sequence = 65_534;
    frames.forEach((frame, index) => {
      const more = packetizeVp8(frame, {
        firstSequenceNumber: sequence,
        timestamp: 2 ** 32 - 18_000 + index * 18_000,
      });
      sequence += more.length;
      packets.push(...more);
    });
    expect(packets.map((packet) => packet.sequenceNumber)).toEqual([65_534, 65_535, 0, 1, 2, 3, 4]);
    expect(depacketize(packets)).toEqual([
      { timestamp: 2 ** 32 - 18_000, data: [...frames[0]!] },
      { timestamp: 0, data: [...frames[1]!] },
      { timestamp: 18_000, data: [...frames[2]!] },
    ]);
  });

  it('makes werift packets of at most 1200 bytes from the test pattern, marker and S bit intact', () => {
    const pattern = parseIvf(Buffer.from(TEST_PATTERN_IVF_BASE64, 'base64'));
    for (const [index, frame] of pattern.frames.entries()) {
      const packets = packetizeVp8(frame.data, {
        firstSequenceNumber: index * 100,
        timestamp: index * 18_000,
      });
      const wire = packets.map((packet) => {
        const header = new werift.RtpHeader({
          payloadType: 96,
          sequenceNumber: packet.sequenceNumber,
          timestamp: packet.timestamp,
          marker: packet.marker,
          ssrc: 1,
          // The mid extension werift's sender adds on the way out.
          extension: true,
          extensions: [{ id: 1, payload: Buffer.from('12') }],
        });
        return new werift.RtpPacket(header, Buffer.from(packet.payload)).serialize();
      });
      expect(Math.max(...wire.map((bytes) => bytes.byteLength))).toBeLessThanOrEqual(1200);
      const parsed = wire.map((bytes) => werift.RtpPacket.deSerialize(bytes));
      expect(parsed.map((packet) => packet.header.marker)).toEqual(packets.map((p) => p.marker));
      expect(
        depacketize(
          parsed.map((packet) => ({
            sequenceNumber: packet.header.sequenceNumber,
            timestamp: packet.header.timestamp,
            marker: packet.header.marker,
            payload: packet.payload,
          })),
        ),
      ).toEqual([{ timestamp: index * 18_000, data: [...frame.data] }]);
    }
  });

  it('refuses an empty frame and a payload size with no room for data', () => {
    expect(() => packetizeVp8(new Uint8Array(), { firstSequenceNumber: 0, timestamp: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      packetizeVp8(new Uint8Array([1]), {
        firstSequenceNumber: 0,
        timestamp: 0,
        maxPayloadBytes: 1,
      }),
    ).toThrow(RangeError);
  });
});
