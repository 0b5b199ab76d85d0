import { VideoCallError } from '../machine/VideoCallError';
import { WebRTCConnectionDataError } from '../toMeetingSessionInputs';

/**
 * Turns whatever `join`/`start` threw into a {@link VideoCallError}, keeping the original as
 * `cause` (a `getUserMedia` DOMException stays reachable for the permission doctor).
 *
 * @example
 * ```ts
 * toVideoCallError(new WebRTCConnectionDataError('Attendee.JoinToken')).code; // 'INVALID_CONNECTION_DATA'
 * ```
 */
export function toVideoCallError(error: unknown): VideoCallError {
  if (error instanceof VideoCallError) {
    return error;
  }
  if (error instanceof WebRTCConnectionDataError) {
    return new VideoCallError('INVALID_CONNECTION_DATA', error.message, {
      cause: error,
      retryable: false,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VideoCallError('JOIN_FAILED', `Could not join the call: ${message}`, { cause: error });
}
