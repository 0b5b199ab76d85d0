import { useCallback } from 'react';
import { shallowEqual } from '../../react/internal/shallowEqual';
import { useVideoSession } from '../provider/VideoSessionContext';
import { useMeetingMedia } from './useMeetingMedia';

/**
 * What {@link useLocalMedia} returns.
 *
 * @example
 * ```ts
 * const { muted, toggleMute }: UseLocalMediaResult = useLocalMedia();
 * ```
 */
export interface UseLocalMediaResult {
  muted: boolean;
  /** The camera is on (in the preview and in the call). */
  videoEnabled: boolean;
  setMuted: (muted: boolean) => void;
  toggleMute: () => void;
  setVideoEnabled: (enabled: boolean) => Promise<void>;
  toggleVideo: () => Promise<void>;
}

/**
 * The customer's microphone mute and camera switch, before and during the call.
 *
 * @example
 * ```tsx
 * const { muted, toggleMute } = useLocalMedia();
 * <button aria-pressed={muted} onClick={toggleMute}>Mute</button>;
 * ```
 */
export function useLocalMedia(): UseLocalMediaResult {
  const { adapter } = useVideoSession();
  const { muted, videoEnabled } = useMeetingMedia(
    (media) => ({ muted: media.muted, videoEnabled: media.videoEnabled }),
    shallowEqual,
  );
  const setMuted = useCallback((next: boolean) => adapter.setMuted(next), [adapter]);
  const toggleMute = useCallback(() => adapter.setMuted(!adapter.getSnapshot().muted), [adapter]);
  const setVideoEnabled = useCallback(
    (enabled: boolean) => adapter.setVideoEnabled(enabled),
    [adapter],
  );
  const toggleVideo = useCallback(
    () => adapter.setVideoEnabled(!adapter.getSnapshot().videoEnabled),
    [adapter],
  );
  return { muted, videoEnabled, setMuted, toggleMute, setVideoEnabled, toggleVideo };
}
