import { VideoCallError } from './VideoCallError';
import type { VideoErrorCode } from './VideoCallError';

/**
 * The values of Chime's `MeetingSessionStatusCode` enum (amazon-chime-sdk-js 3), copied so the pure
 * machine can read them without loading the SDK. A unit test checks them against the SDK's enum.
 *
 * @example
 * ```ts
 * MEETING_STATUS_CODES.MeetingEnded; // 5
 * ```
 */
export const MEETING_STATUS_CODES = {
  OK: 0,
  Left: 1,
  AudioJoinedFromAnotherDevice: 2,
  AudioAuthenticationRejected: 3,
  AudioCallAtCapacity: 4,
  MeetingEnded: 5,
  AudioInternalServerError: 6,
  AudioServiceUnavailable: 7,
  AudioDisconnected: 8,
  VideoCallSwitchToViewOnly: 9,
  VideoCallAtSourceCapacity: 10,
  SignalingBadRequest: 11,
  SignalingInternalServerError: 12,
  SignalingRequestFailed: 13,
  SignalingChannelClosedUnexpectedly: 14,
  ICEGatheringTimeoutWorkaround: 15,
  ConnectionHealthReconnect: 16,
  RealtimeApiFailed: 17,
  TaskFailed: 18,
  IncompatibleSDP: 19,
  TURNCredentialsForbidden: 20,
  NoAttendeePresent: 21,
  AudioAttendeeRemoved: 22,
  AudioVideoWasRemovedFromPrimaryMeeting: 23,
  AudioVideoDisconnectedWhilePromoted: 24,
  AudioDisconnectAudio: 25,
  EncodedTransformManagerFailed: 26,
} as const;

/**
 * What a meeting-session stop means for the call: the customer left, the call ended (the agent
 * hung up, or the attendee was removed), or it failed with a {@link VideoCallError}.
 *
 * @example
 * ```ts
 * const outcome = classifyMeetingStatus(event.statusCode);
 * if (outcome.kind === 'failed') console.warn(outcome.error.code);
 * else if (outcome.kind === 'ended') console.log(outcome.reason); // 'meeting-ended' or 'removed'
 * ```
 */
export type MeetingStopOutcome =
  | { kind: 'left' }
  | { kind: 'ended'; reason: 'meeting-ended' | 'removed' }
  | { kind: 'failed'; error: VideoCallError };

const C = MEETING_STATUS_CODES;

const FAILURES: ReadonlyMap<number, readonly [VideoErrorCode, string]> = new Map([
  [C.AudioJoinedFromAnotherDevice, ['JOINED_FROM_ANOTHER_DEVICE', 'Joined from another device']],
  [C.AudioAuthenticationRejected, ['ACCESS_DENIED', 'The meeting refused the join token']],
  [C.TURNCredentialsForbidden, ['ACCESS_DENIED', 'The meeting refused the join token']],
  [C.SignalingBadRequest, ['ACCESS_DENIED', 'The meeting refused the signaling request']],
  [C.AudioCallAtCapacity, ['CALL_AT_CAPACITY', 'The call is full']],
  [C.VideoCallAtSourceCapacity, ['CALL_AT_CAPACITY', 'The call has no room for more video']],
  [C.AudioInternalServerError, ['SERVICE_ERROR', 'The meeting service failed']],
  [C.AudioServiceUnavailable, ['SERVICE_ERROR', 'The meeting service is unavailable']],
  [C.SignalingInternalServerError, ['SERVICE_ERROR', 'The signaling service failed']],
  [C.AudioDisconnected, ['CONNECTION_FAILED', 'The audio connection was lost']],
  [C.AudioDisconnectAudio, ['CONNECTION_FAILED', 'The audio connection was lost']],
  [C.SignalingRequestFailed, ['CONNECTION_FAILED', 'The signaling connection failed']],
  [C.SignalingChannelClosedUnexpectedly, ['CONNECTION_FAILED', 'The signaling connection closed']],
  [C.ICEGatheringTimeoutWorkaround, ['CONNECTION_FAILED', 'The media connection timed out']],
  [C.ConnectionHealthReconnect, ['CONNECTION_FAILED', 'The connection became unhealthy']],
  [C.RealtimeApiFailed, ['CONNECTION_FAILED', 'The realtime API failed']],
  [C.TaskFailed, ['CONNECTION_FAILED', 'The media session failed']],
  [C.IncompatibleSDP, ['CONNECTION_FAILED', 'The media negotiation failed']],
  [C.NoAttendeePresent, ['CONNECTION_FAILED', 'The meeting did not see this attendee']],
  [C.EncodedTransformManagerFailed, ['CONNECTION_FAILED', 'The media pipeline failed']],
]);

/**
 * Maps the `MeetingSessionStatusCode` of `audioVideoDidStop` to what it means for the call.
 * Unknown codes fail with `UNKNOWN`.
 *
 * @example
 * ```ts
 * classifyMeetingStatus(MEETING_STATUS_CODES.Left); // { kind: 'left' }
 * classifyMeetingStatus(2).kind; // 'failed' (code JOINED_FROM_ANOTHER_DEVICE)
 * ```
 */
export function classifyMeetingStatus(statusCode: number): MeetingStopOutcome {
  if (statusCode === C.Left || statusCode === C.OK) {
    return { kind: 'left' };
  }
  if (statusCode === C.MeetingEnded) {
    return { kind: 'ended', reason: 'meeting-ended' };
  }
  if (
    statusCode === C.AudioAttendeeRemoved ||
    statusCode === C.AudioVideoWasRemovedFromPrimaryMeeting ||
    statusCode === C.AudioVideoDisconnectedWhilePromoted
  ) {
    return { kind: 'ended', reason: 'removed' };
  }
  const known = FAILURES.get(statusCode);
  const [code, message] =
    known ?? (['UNKNOWN', `The call stopped (status ${statusCode})`] as const);
  return { kind: 'failed', error: new VideoCallError(code, message, { statusCode }) };
}
