import { deflateSync } from 'node:zlib';
import type { AgentFile } from './agentSession';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/**
 * Encodes an RGB image as a PNG. `pixel(x, y)` returns `[r, g, b]` (0–255).
 *
 * @example
 * ```ts
 * const red = encodePng(2, 2, () => [255, 0, 0]);
 * ```
 */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number],
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  // Bytes 10–12 (compression, filter, interlace) stay 0.
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let offset = 0;
  for (let y = 0; y < height; y += 1) {
    raw[offset] = 0; // filter: none
    offset += 1;
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      offset += 3;
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * The file the scripted agent sends for `file`: a 64×64 PNG colour gradient named
 * `contact-kit-sample.png`. Always the same bytes, so tests can compare downloads.
 *
 * @example
 * ```ts
 * const file = createSampleAttachment();
 * await session.sendAttachment(file, `file-${messageId}`);
 * ```
 */
export function createSampleAttachment(): AgentFile {
  const size = 64;
  return {
    name: 'contact-kit-sample.png',
    contentType: 'image/png',
    bytes: encodePng(size, size, (x, y) => [
      Math.round((x / (size - 1)) * 255),
      Math.round((y / (size - 1)) * 255),
      200,
    ]),
  };
}
