import type * as Werift from 'werift';
import type { Clock, TimerHandle } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { type RtpPacket, loadWerift } from './mediaPeer';
import { packetizeVp8 } from './packetizeVp8';
import { type IvfFile, parseIvf } from './parseIvf';

/** RTP clock rate of video (RFC 7741 §4.1). */
const VIDEO_CLOCK_RATE = 90_000;
/** Any dynamic payload type: werift's sender rewrites it to the negotiated VP8 type. */
const PAYLOAD_TYPE = 96;

let pattern: Promise<IvfFile> | undefined;

/** The committed test pattern, decoded and parsed once (the module loads on first use only). */
function loadPattern(): Promise<IvfFile> {
  pattern ??= import('./testPatternIvf').then(({ TEST_PATTERN_IVF_BASE64 }) =>
    parseIvf(Buffer.from(TEST_PATTERN_IVF_BASE64, 'base64')),
  );
  return pattern;
}

/**
 * A synthetic camera: plays the committed VP8 test pattern (see `scripts/make-test-pattern.mjs`)
 * in a loop at its own frame rate, as RTP packets handed to `send` (the relay forwards them to
 * every subscriber like a browser's camera packets). Every frame is a keyframe, so keyframe
 * requests need no answer. Timestamps and sequence numbers run on across loops.
 *
 * @example
 * ```ts
 * const source = new TestPatternSource({ clock, logger, send: (packet) => relay.forwardVideo(endpoint, packet) });
 * source.stop(); // no timer left
 * ```
 */
export class TestPatternSource {
  private readonly clock: Clock;
  private readonly send: (packet: RtpPacket) => void;
  private timer: TimerHandle | undefined;
  private stopped = false;
  private sequenceNumber = Math.floor(Math.random() * 65_536);
  private readonly ssrc = Math.floor(Math.random() * 2 ** 32);

  constructor(options: { clock: Clock; logger: Logger; send: (packet: RtpPacket) => void }) {
    this.clock = options.clock;
    this.send = options.send;
    Promise.all([loadWerift(), loadPattern()]).then(
      ([werift, ivf]) => {
        if (!this.stopped) {
          this.play(werift, ivf, 0);
        }
      },
      (error: unknown) =>
        options.logger.error('the screen-share test pattern failed to load', error),
    );
  }

  /** True until {@link TestPatternSource.stop}. */
  get playing(): boolean {
    return !this.stopped;
  }

  /** Stops sending and clears the frame timer. Idempotent. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private play(werift: typeof Werift, ivf: IvfFile, count: number): void {
    this.timer = undefined;
    if (this.stopped || ivf.frames.length === 0) {
      return;
    }
    const frame = ivf.frames[count % ivf.frames.length]!;
    const secondsPerFrame = ivf.timebase.numerator / ivf.timebase.denominator;
    const packets = packetizeVp8(frame.data, {
      firstSequenceNumber: this.sequenceNumber,
      timestamp: Math.round(count * secondsPerFrame * VIDEO_CLOCK_RATE),
    });
    this.sequenceNumber = (this.sequenceNumber + packets.length) % 65_536;
    for (const packet of packets) {
      const header = new werift.RtpHeader({
        payloadType: PAYLOAD_TYPE,
        sequenceNumber: packet.sequenceNumber,
        timestamp: packet.timestamp,
        marker: packet.marker,
        ssrc: this.ssrc,
      });
      this.send(new werift.RtpPacket(header, Buffer.from(packet.payload)));
    }
    this.timer = this.clock.setTimeout(
      () => this.play(werift, ivf, count + 1),
      secondsPerFrame * 1000,
    );
  }
}
