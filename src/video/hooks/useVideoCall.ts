import { useCallback, useSyncExternalStore } from 'react';
import type { MeetingState, MeetingStatus } from '../machine/meetingMachine';
import type { VideoCallError } from '../machine/VideoCallError';
import { useVideoSession } from '../provider/VideoSessionContext';

/**
 * What {@link useVideoCall} returns.
 *
 * @example
 * ```tsx
 * const { status, error, join, leave } = useVideoCall();
 * if (status === 'failed') return <button onClick={() => join()}>{error?.retryable ? 'Try again' : 'Rejoin'}</button>;
 * return <button onClick={leave}>Leave</button>;
 * ```
 */
export interface UseVideoCallResult {
  status: MeetingStatus;
  /** The full machine state (with `reason` when ended). */
  state: MeetingState;
  /** Set when `status` is `failed`. */
  error: VideoCallError | undefined;
  /** Joins the call (once; extra calls while joining or joined do nothing). */
  join: (options?: { videoOff?: boolean }) => void;
  leave: () => void;
  /** Back to `idle` (the pre-join screen) after the call left, ended or failed. */
  reset: () => void;
}

/**
 * The call's status and its join/leave actions.
 *
 * @example
 * ```tsx
 * function JoinButton() {
 *   const { status, join } = useVideoCall();
 *   return <button disabled={status !== 'idle'} onClick={() => join()}>Join call</button>;
 * }
 * ```
 */
export function useVideoCall(): UseVideoCallResult {
  const session = useVideoSession();
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const state = useSyncExternalStore(subscribe, session.getSnapshot, session.getSnapshot);
  const join = useCallback((options?: { videoOff?: boolean }) => session.join(options), [session]);
  const leave = useCallback(() => session.leave(), [session]);
  const reset = useCallback(() => session.reset(), [session]);
  return {
    status: state.status,
    state,
    error: state.status === 'failed' ? state.error : undefined,
    join,
    leave,
    reset,
  };
}
