import { describe, expect, it } from 'vitest';
import { IvfError, parseIvf } from '../../../src/emulator/chime/parseIvf';
import { TEST_PATTERN_IVF_BASE64 } from '../../../src/emulator/chime/testPatternIvf';

/** An IVF file with these frames (timestamps 0, 1, 2…), VP80, 64x48, 1/5 s per unit. */
function ivf(frames: Uint8Array[], fourcc = 'VP80'): Uint8Array {
  const size = 32 + frames.reduce((sum, frame) => sum + 12 + frame.byteLength, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('DKIF'), 0);
  view.setUint16(6, 32, true);
  bytes.set(new TextEncoder().encode(fourcc), 8);
  view.setUint16(12, 64, true);
  view.setUint16(14, 48, true);
  view.setUint32(16, 5, true);
  view.setUint32(20, 1, true);
  view.setUint32(24, frames.length, true);
  let offset = 32;
  frames.forEach((frame, index) => {
    view.setUint32(offset, frame.byteLength, true);
    view.setUint32(offset + 4, index, true);
    bytes.set(frame, offset + 12);
    offset += 12 + frame.byteLength;
  });
  return bytes;
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof IvfError ? error.code : `not an IvfError: ${String(error)}`;
  }
  return undefined;
};

describe('parseIvf', () => {
  it('reads the header and every frame with its timestamp', () => {
    const frames = [new Uint8Array([1, 2, 3]), new Uint8Array([]), new Uint8Array(2000).fill(7)];
    const parsed = parseIvf(ivf(frames));
    expect(parsed).toMatchObject({
      fourcc: 'VP80',
      width: 64,
      height: 48,
      timebase: { numerator: 1, denominator: 5 },
    });
    expect(parsed.frames.map((frame) => frame.timestamp)).toEqual([0, 1, 2]);
    expect(parsed.frames.map((frame) => [...frame.data])).toEqual(
      frames.map((frame) => [...frame]),
    );
  });

  it('reads 64-bit timestamps', () => {
    const bytes = ivf([new Uint8Array([9])]);
    new DataView(bytes.buffer).setUint32(32 + 8, 1, true);
    expect(parseIvf(bytes).frames[0]!.timestamp).toBe(2 ** 32);
  });

  it('refuses what is not a whole VP8 IVF file, with a stable code', () => {
    const good = ivf([new Uint8Array([1, 2, 3])]);
    expect(codeOf(() => parseIvf(new Uint8Array(10)))).toBe('IVF_BAD_SIGNATURE');
    expect(codeOf(() => parseIvf(ivf([], 'VP90')))).toBe('IVF_UNSUPPORTED_CODEC');
    expect(codeOf(() => parseIvf(good.subarray(0, good.byteLength - 1)))).toBe('IVF_TRUNCATED');
    expect(codeOf(() => parseIvf(good.subarray(0, 40)))).toBe('IVF_TRUNCATED');
  });

  it('parses the committed test pattern: 640x360, 5 fps, every frame a VP8 keyframe', () => {
    const pattern = parseIvf(Buffer.from(TEST_PATTERN_IVF_BASE64, 'base64'));
    expect(pattern).toMatchObject({ fourcc: 'VP80', width: 640, height: 360 });
    expect(pattern.timebase.numerator / pattern.timebase.denominator).toBe(1 / 5);
    expect(pattern.frames.length).toBeGreaterThanOrEqual(5);
    for (const { data } of pattern.frames) {
      // RFC 6386 §9.1: bit 0 of the frame tag is 0 for a keyframe, followed by the start code.
      expect(data[0]! & 1).toBe(0);
      expect([...data.subarray(3, 6)]).toEqual([0x9d, 0x01, 0x2a]);
    }
  });
});
