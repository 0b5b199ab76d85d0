/**
 * Stable codes of {@link IvfError}.
 *
 * @example
 * ```ts
 * try { parseIvf(bytes); } catch (error) {
 *   if (error instanceof IvfError) console.warn(error.code === 'IVF_UNSUPPORTED_CODEC' ? 'not VP8' : 'not a whole IVF file');
 * }
 * ```
 */
export type IvfErrorCode = 'IVF_BAD_SIGNATURE' | 'IVF_TRUNCATED' | 'IVF_UNSUPPORTED_CODEC';

/**
 * An IVF file the parser cannot read, with a stable `code`.
 *
 * @example
 * ```ts
 * try { parseIvf(bytes); } catch (error) { if (error instanceof IvfError && error.code === 'IVF_TRUNCATED') retry(); }
 * ```
 */
export class IvfError extends Error {
  override readonly name = 'IvfError';
  readonly code: IvfErrorCode;
  constructor(code: IvfErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * One frame of an IVF file: its presentation timestamp (in the file's timebase) and the
 * compressed frame.
 *
 * @example
 * ```ts
 * const frame = ivf.frames[count % ivf.frames.length]!;
 * packetizeVp8(frame.data, { firstSequenceNumber, timestamp: Math.round(frame.timestamp * secondsPerUnit * 90_000) });
 * ```
 */
export interface IvfFrame {
  readonly timestamp: number;
  readonly data: Uint8Array;
}

/**
 * A parsed IVF file: the codec's fourcc, the picture size, the timebase (seconds per timestamp
 * unit = `numerator / denominator`) and the frames in file order.
 *
 * @example
 * ```ts
 * const { width, height, timebase, frames } = parseIvf(bytes);
 * console.log(`${width}x${height}, ${frames.length} frames of ${timebase.numerator}/${timebase.denominator} s`);
 * ```
 */
export interface IvfFile {
  readonly fourcc: string;
  readonly width: number;
  readonly height: number;
  readonly timebase: { readonly numerator: number; readonly denominator: number };
  readonly frames: readonly IvfFrame[];
}

const FILE_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 12;

/**
 * Parses an IVF container (the libvpx test format: a 32-byte `DKIF` header, then frames each
 * behind a 12-byte header of little-endian size and 64-bit timestamp). Only VP8 (`VP80`) is
 * accepted, since that is what the emulator's media peers negotiate. Frames share the input's
 * memory (no copy).
 *
 * @example
 * ```ts
 * const ivf = parseIvf(Buffer.from(TEST_PATTERN_IVF_BASE64, 'base64'));
 * ivf.frames.length; // 10
 * ```
 */
export function parseIvf(bytes: Uint8Array): IvfFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number): string =>
    String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < FILE_HEADER_BYTES || ascii(0) !== 'DKIF') {
    throw new IvfError('IVF_BAD_SIGNATURE', 'not an IVF file: no DKIF header');
  }
  const headerBytes = view.getUint16(6, true);
  if (headerBytes < FILE_HEADER_BYTES || headerBytes > bytes.byteLength) {
    throw new IvfError('IVF_TRUNCATED', `IVF header length ${headerBytes} is out of range`);
  }
  const fourcc = ascii(8);
  if (fourcc !== 'VP80') {
    throw new IvfError('IVF_UNSUPPORTED_CODEC', `IVF codec ${fourcc} is not VP8 (VP80)`);
  }
  const frames: IvfFrame[] = [];
  let offset = headerBytes;
  while (offset < bytes.byteLength) {
    if (offset + FRAME_HEADER_BYTES > bytes.byteLength) {
      throw new IvfError('IVF_TRUNCATED', `IVF frame header at byte ${offset} is cut off`);
    }
    const size = view.getUint32(offset, true);
    const timestamp = view.getUint32(offset + 4, true) + view.getUint32(offset + 8, true) * 2 ** 32;
    const start = offset + FRAME_HEADER_BYTES;
    if (start + size > bytes.byteLength) {
      throw new IvfError('IVF_TRUNCATED', `IVF frame at byte ${offset} needs ${size} bytes`);
    }
    frames.push({ timestamp, data: bytes.subarray(start, start + size) });
    offset = start + size;
  }
  return {
    fourcc,
    width: view.getUint16(12, true),
    height: view.getUint16(14, true),
    timebase: { denominator: view.getUint32(16, true), numerator: view.getUint32(20, true) },
    frames,
  };
}
