import { useMeetingMedia } from './useMeetingMedia';

/**
 * The microphone's input level, 0 to 1 (pre-join preview and call), for a level meter.
 *
 * @example
 * ```tsx
 * const level = useMicrophoneLevel();
 * <meter min={0} max={1} value={level} />;
 * ```
 */
export function useMicrophoneLevel(): number {
  return useMeetingMedia((media) => media.audioLevel);
}
