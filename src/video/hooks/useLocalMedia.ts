import { useCallback } from 'react';
import { shallowEqual } from '../../react/internal/shallowEqual';
import type { VoiceProcessingState } from '../adapter/MeetingAdapter';
import { useVideoSession } from '../provider/VideoSessionContext';
import { useMeetingMedia } from './useMeetingMedia';

/**
 * What {@link useLocalMedia} returns.
 *
 * @example
 * ```tsx
 * const { muted, toggleMute, connectionQuality } = useLocalMedia();
 * <button aria-pressed={muted} onClick={toggleMute}>{connectionQuality === 'poor' ? 'Mute (weak connection)' : 'Mute'}</button>;
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
  /** The browser's echo cancellation and noise suppression: `on`, `off` or `unsupported`. */
  voiceProcessing: VoiceProcessingState;
  setVoiceProcessing: (enabled: boolean) => Promise<void>;
  /** This customer's connection, `poor` while the SDK reports loss. */
  connectionQuality: 'good' | 'poor';
}

/**
 * The customer's microphone mute, camera switch and voice processing, before and during the call,
 * and the quality of the customer's own connection.
 *
 * @example
 * ```tsx
 * const { muted, toggleMute } = useLocalMedia();
 * <button aria-pressed={muted} onClick={toggleMute}>Mute</button>;
 * ```
 */
export function useLocalMedia(): UseLocalMediaResult {
  const { adapter } = useVideoSession();
  const { muted, videoEnabled, voiceProcessing, connectionQuality } = useMeetingMedia(
    (media) => ({
      muted: media.muted,
      videoEnabled: media.videoEnabled,
      voiceProcessing: media.voiceProcessing,
      connectionQuality: media.connectionQuality,
    }),
    shallowEqual,
  );
  const setVoiceProcessing = useCallback(
    (enabled: boolean) => adapter.setVoiceProcessing(enabled),
    [adapter],
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
  return {
    muted,
    videoEnabled,
    setMuted,
    toggleMute,
    setVideoEnabled,
    toggleVideo,
    voiceProcessing,
    setVoiceProcessing,
    connectionQuality,
  };
}
