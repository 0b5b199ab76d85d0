import { useCallback } from 'react';
import type { ScreenShareState } from '../adapter/MeetingAdapter';
import { useVideoSession } from '../provider/VideoSessionContext';
import { useMeetingMedia } from './useMeetingMedia';

/**
 * What {@link useScreenShare} returns.
 *
 * @example
 * ```tsx
 * const { state, toggle } = useScreenShare();
 * <button aria-pressed={state.status === 'sharing'} onClick={() => void toggle()}>Share screen</button>;
 * ```
 */
export interface UseScreenShareResult {
  /** `unavailable` (with the reason), `off` (with the last problem), `starting` or `sharing`. */
  state: ScreenShareState;
  /** Opens the browser's picker and shares the chosen screen, window or tab. */
  start: () => Promise<void>;
  /** Stops sharing. */
  stop: () => Promise<void>;
  /** Starts when off, stops when starting or sharing. */
  toggle: () => Promise<void>;
}

/**
 * This customer's screen share: its state and the actions of a Share screen control. Stopping
 * from the browser's own "Stop sharing" bar shows here as `off`.
 *
 * @example
 * ```tsx
 * function ShareButton() {
 *   const { state, toggle } = useScreenShare();
 *   if (state.status === 'unavailable') return null;
 *   return (
 *     <button aria-pressed={state.status === 'sharing'} onClick={() => void toggle()}>
 *       {state.status === 'sharing' ? 'Stop sharing' : 'Share screen'}
 *     </button>
 *   );
 * }
 * ```
 */
export function useScreenShare(): UseScreenShareResult {
  const { adapter } = useVideoSession();
  const state = useMeetingMedia((media) => media.screenShare);
  const start = useCallback(() => adapter.startScreenShare(), [adapter]);
  const stop = useCallback(() => adapter.stopScreenShare(), [adapter]);
  const toggle = useCallback(
    () =>
      adapter.getSnapshot().screenShare.status === 'off'
        ? adapter.startScreenShare()
        : adapter.stopScreenShare(),
    [adapter],
  );
  return { state, start, stop, toggle };
}
