import { SILENT_DBOV } from './parseAudioLevel';

/**
 * The loudest AUDIO_METADATA `volume` that means anything to the SDK: it reads `volume` as an
 * attenuation in dB (`dBVolume = -volume`) and normalizes it between
 * DefaultAudioVideoController's MAX_VOLUME_DECIBELS (-14, shown as 1) and MIN_VOLUME_DECIBELS
 * (-42, shown as 0), clipping outside (DefaultVolumeIndicatorAdapter.normalizedVolume).
 *
 * @example
 * ```ts
 * chimeVolume(0) === LOUDEST_VOLUME; // a full-scale signal shows as 1
 * ```
 */
export const LOUDEST_VOLUME = 14;

/**
 * The AUDIO_METADATA `volume` of silence: -42 dB, which the SDK normalizes to 0.
 *
 * @example
 * ```ts
 * chimeVolume(127) === SILENT_VOLUME; // true
 * ```
 */
export const SILENT_VOLUME = 42;

/**
 * How long an attendee may send no microphone packet before it counts as silent.
 *
 * @example
 * ```ts
 * meter.volumeOf(attendeeId, false, heardAt + SILENCE_AFTER_MS + 1); // SILENT_VOLUME
 * ```
 */
export const SILENCE_AFTER_MS = 1000;

/**
 * Maps a microphone level in -dBov (RFC 6464: 0 loudest, 127 silence) to AUDIO_METADATA's
 * `volume`. Both are attenuations in dB, so the value passes through, clamped to the range the
 * SDK shows (14..42): anything louder than -14 dBov is 1, anything quieter than -42 dBov is 0,
 * and levels the SDK would show alike compare equal (no frame is sent for an invisible change).
 *
 * @example
 * ```ts
 * chimeVolume(28); // 28: the SDK shows 1 - (-28 + 14) / (-42 + 14) = 0.5
 * chimeVolume(3); // 14: shown as 1
 * chimeVolume(127); // 42: shown as 0
 * ```
 */
export function chimeVolume(dBov: number): number {
  return Math.round(Math.min(Math.max(dBov, LOUDEST_VOLUME), SILENT_VOLUME));
}

interface Heard {
  /** The loudest level (smallest -dBov) heard since the last settle, if any packet came. */
  loudest: number | undefined;
  /** The AUDIO_METADATA volume of the last settled window. */
  volume: number;
  heardAt: number;
}

/**
 * Per-attendee microphone loudness for AUDIO_METADATA: packets report levels between two
 * meter ticks (a window, about 200 ms), `settle()` turns each window's loudest level into the
 * attendee's volume (a peak meter: a short beep in the window shows), and `volumeOf` reads it,
 * silent when muted or after {@link SILENCE_AFTER_MS} without a packet. Pure: time comes in.
 *
 * @example
 * ```ts
 * const meter = new VolumeMeter();
 * meter.heard(attendeeId, 20, clock.now());
 * meter.settle();
 * meter.volumeOf(attendeeId, false, clock.now()); // 20
 * ```
 */
export class VolumeMeter {
  private readonly attendees = new Map<string, Heard>();

  /** Records the level (-dBov) of one microphone packet of an attendee. */
  heard(attendeeId: string, dBov: number, now: number): void {
    const heard = this.attendees.get(attendeeId);
    if (heard) {
      heard.loudest = Math.min(heard.loudest ?? SILENT_DBOV, dBov);
      heard.heardAt = now;
    } else {
      this.attendees.set(attendeeId, { loudest: dBov, volume: SILENT_VOLUME, heardAt: now });
    }
  }

  /**
   * Ends the current window of every attendee: the loudest level heard in it becomes the volume.
   * An attendee with no packet in the window keeps its volume until the silence timeout.
   */
  settle(): void {
    for (const heard of this.attendees.values()) {
      if (heard.loudest !== undefined) {
        heard.volume = chimeVolume(heard.loudest);
        heard.loudest = undefined;
      }
    }
  }

  /** The attendee's AUDIO_METADATA volume now (see {@link chimeVolume}). */
  volumeOf(attendeeId: string, muted: boolean, now: number): number {
    const heard = this.attendees.get(attendeeId);
    if (muted || !heard || now - heard.heardAt > SILENCE_AFTER_MS) {
      return SILENT_VOLUME;
    }
    return heard.volume;
  }

  /** Drops an attendee that left. */
  forget(attendeeId: string): void {
    this.attendees.delete(attendeeId);
  }
}
