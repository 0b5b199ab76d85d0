/**
 * Stable codes of every failure a web call can report (on `useVideoCall().error`).
 *
 * @example
 * ```ts
 * if (error?.code === 'JOINED_FROM_ANOTHER_DEVICE') showNotice();
 * ```
 */
export type VideoErrorCode =
  /** The connection data cannot start a Chime session (a member is missing or malformed). */
  | 'INVALID_CONNECTION_DATA'
  /** CreateParticipantConnection for `WEBRTC_CONNECTION` failed. */
  | 'CONNECTION_REQUEST_FAILED'
  /** The meeting service refused the attendee (bad or reused join token, attendee removed). */
  | 'ACCESS_DENIED'
  /** The same attendee joined from another tab or device. */
  | 'JOINED_FROM_ANOTHER_DEVICE'
  /** The meeting has no room for another attendee or video source. */
  | 'CALL_AT_CAPACITY'
  /** Signaling or media could not be (re)established. */
  | 'CONNECTION_FAILED'
  /** The meeting service answered with an internal error. */
  | 'SERVICE_ERROR'
  /** `join` or `start` threw before the meeting reported a status. */
  | 'JOIN_FAILED'
  /** A status the kit does not know. */
  | 'UNKNOWN';

/**
 * A web-call failure with a stable `code`; `statusCode` is the Chime `MeetingSessionStatusCode`
 * it came from, when it came from one.
 *
 * @example
 * ```ts
 * const error = new VideoCallError('CALL_AT_CAPACITY', 'The call is full', { statusCode: 4 });
 * error.retryable; // false
 * ```
 */
export class VideoCallError extends Error {
  override name = 'VideoCallError';
  readonly code: VideoErrorCode;
  /** Whether joining again may work. */
  readonly retryable: boolean;
  /** The Chime `MeetingSessionStatusCode` behind the failure, if any. */
  readonly statusCode: number | undefined;

  constructor(
    code: VideoErrorCode,
    message: string,
    options: ErrorOptions & { statusCode?: number; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.statusCode = options.statusCode;
    this.retryable =
      options.retryable ??
      (code === 'CONNECTION_FAILED' ||
        code === 'SERVICE_ERROR' ||
        code === 'JOIN_FAILED' ||
        code === 'CONNECTION_REQUEST_FAILED');
  }
}
