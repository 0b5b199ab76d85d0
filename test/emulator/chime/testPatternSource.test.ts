import { describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { silentLogger } from '../../../src/core/logger';
import { TestPatternSource } from '../../../src/emulator/chime/testPatternSource';
import { createFakeClock } from '../support';

describe('TestPatternSource', () => {
  it('sends one VP8 frame per 200 ms with 90 kHz timestamps, and nothing once stopped', async () => {
    const clock = createFakeClock();
    const packets: RtpPacket[] = [];
    const source = new TestPatternSource({
      clock,
      logger: silentLogger,
      send: (packet) => packets.push(packet),
    });
    // The first frame goes out once werift and the pattern have loaded.
    await expect.poll(() => packets.length).toBeGreaterThan(0);
    const frames = () => packets.filter((packet) => packet.header.marker);
    expect(frames()).toHaveLength(1);
    clock.advance(199);
    expect(frames()).toHaveLength(1);
    clock.advance(1);
    expect(frames()).toHaveLength(2);
    clock.advance(2000); // past the 10-frame loop: timestamps and sequence numbers run on
    expect(frames()).toHaveLength(12);
    expect(
      frames().map((packet) => packet.header.timestamp - frames()[0]!.header.timestamp),
    ).toEqual(Array.from({ length: 12 }, (_, index) => index * 18_000));
    const sequences = packets.map((packet) => packet.header.sequenceNumber);
    expect(
      sequences.slice(1).every((value, index) => value === (sequences[index]! + 1) % 65_536),
    ).toBe(true);
    expect(new Set(packets.map((packet) => packet.header.ssrc)).size).toBe(1);
    expect(packets.every((packet) => packet.serialize().byteLength <= 1200)).toBe(true);

    source.stop();
    expect(source.playing).toBe(false);
    const sent = packets.length;
    clock.advance(5000);
    expect(packets.length).toBe(sent);
  });

  it('never starts when stopped before the pattern loaded', async () => {
    const clock = createFakeClock();
    const packets: RtpPacket[] = [];
    new TestPatternSource({ clock, logger: silentLogger, send: (p) => packets.push(p) }).stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock.advance(5000);
    expect(packets).toEqual([]);
  });
});
