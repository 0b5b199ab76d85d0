import { useCallback, useMemo } from 'react';
import type { MediaPreviewState, MeetingMediaState } from '../adapter/MeetingAdapter';
import { classifyMediaError } from '../permissions/classifyMediaError';
import type { MediaPermissionProblem } from '../permissions/classifyMediaError';
import { useVideoSession } from '../provider/VideoSessionContext';
import { useMeetingMedia } from './useMeetingMedia';
import { useVideoCall } from './useVideoCall';

/**
 * What {@link useMediaPermissions} returns.
 *
 * @example
 * ```tsx
 * const { status, problem, check } = useMediaPermissions();
 * if (status === 'blocked' && problem?.retryable) return <button onClick={() => void check()}>Try again</button>;
 * ```
 */
export interface UseMediaPermissionsResult {
  /**
   * `unknown` before anything asked, `prompting` while the browser asks, `granted` once the
   * preview runs, `blocked` when the camera or microphone could not be opened.
   */
  status: 'unknown' | 'prompting' | 'granted' | 'blocked';
  /** Why it is blocked, with i18n keys of a title and a fix hint. */
  problem: MediaPermissionProblem | undefined;
  /** Asks again (opens the preview). */
  check: (options?: { video?: boolean }) => Promise<void>;
}

const selectPreview = (media: MeetingMediaState): MediaPreviewState => media.preview;

/**
 * The permission doctor's state: classifies what blocked the camera or microphone (in the
 * preview, or as the cause of a failed join) with {@link classifyMediaError}.
 *
 * @example
 * ```tsx
 * const { problem, check } = useMediaPermissions();
 * if (problem) return <p role="alert">{t(problem.hintKey)} <button onClick={() => check()}>Check again</button></p>;
 * ```
 */
export function useMediaPermissions(): UseMediaPermissionsResult {
  const { adapter } = useVideoSession();
  const preview = useMeetingMedia(selectPreview);
  const { error } = useVideoCall();
  const check = useCallback(
    (options?: { video?: boolean }) => adapter.startPreview(options),
    [adapter],
  );
  return useMemo(() => {
    if (preview.status === 'error') {
      return { status: 'blocked', problem: classifyMediaError(preview.error), check };
    }
    const joinCause = error?.code === 'JOIN_FAILED' ? error.cause : undefined;
    if (joinCause !== undefined) {
      const problem = classifyMediaError(joinCause);
      if (problem.cause !== 'unknown') {
        return { status: 'blocked', problem, check };
      }
    }
    const status =
      preview.status === 'starting' ? 'prompting' : preview.status === 'on' ? 'granted' : 'unknown';
    return { status, problem: undefined, check };
  }, [preview, error, check]);
}
