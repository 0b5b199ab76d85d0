/**
 * Why the camera or microphone could not be opened, in words a customer can act on.
 *
 * - `denied`: the customer (or a site setting) blocked the page.
 * - `system-denied`: the operating system blocks the browser (macOS/Windows privacy settings).
 * - `not-found`: no such device is connected.
 * - `in-use`: the device exists but cannot start (another app holds it, or a driver failed).
 * - `overconstrained`: the chosen device cannot satisfy the request (e.g. it was unplugged).
 * - `insecure`: the page is not a secure context, or a policy forbids media here.
 * - `aborted`: the browser gave up opening the device.
 * - `unknown`: anything else.
 *
 * @example
 * ```ts
 * switch (classifyMediaError(error).cause) {
 *   case 'in-use':
 *     return 'Close the other app using your camera';
 *   case 'denied':
 *     return 'Allow the camera in the address bar';
 *   default:
 *     return 'Check your camera';
 * }
 * ```
 */
export type MediaPermissionCause =
  | 'denied'
  | 'system-denied'
  | 'not-found'
  | 'in-use'
  | 'overconstrained'
  | 'insecure'
  | 'aborted'
  | 'unknown';

/**
 * What {@link classifyMediaError} returns: the cause, the i18n keys of a title and a fix hint,
 * and whether asking again (without changing anything) can work. The English strings of these
 * keys come with the video kit: outside `VideoCall`, give your provider
 * `fallbackMessages={enVideoMessages}`.
 *
 * @example
 * ```tsx
 * const problem = classifyMediaError(error);
 * <p>{t(problem.titleKey)} {t(problem.hintKey)}</p>;
 * ```
 */
export interface MediaPermissionProblem {
  readonly cause: MediaPermissionCause;
  /** The error's `name` as the browser gave it (`NotAllowedError`, …), or `Error`. */
  readonly errorName: string;
  readonly message: string;
  readonly titleKey: MediaPermissionMessageKey;
  readonly hintKey: MediaPermissionMessageKey;
  /** Trying again may succeed without a settings change (e.g. once another app frees the camera). */
  readonly retryable: boolean;
}

/**
 * The catalog keys {@link MediaPermissionProblem} points at.
 *
 * @example
 * ```tsx
 * const { hintKey } = classifyMediaError(error);
 * <VideoCall messages={{ [hintKey]: 'Ask your IT team to allow the camera' }} />;
 * ```
 */
export type MediaPermissionMessageKey =
  | 'permissionDeniedTitle'
  | 'permissionDeniedHint'
  | 'permissionSystemDeniedTitle'
  | 'permissionSystemDeniedHint'
  | 'permissionNotFoundTitle'
  | 'permissionNotFoundHint'
  | 'permissionInUseTitle'
  | 'permissionInUseHint'
  | 'permissionOverconstrainedTitle'
  | 'permissionOverconstrainedHint'
  | 'permissionInsecureTitle'
  | 'permissionInsecureHint'
  | 'permissionUnknownTitle'
  | 'permissionUnknownHint';

const KEYS: Record<
  MediaPermissionCause,
  readonly [MediaPermissionMessageKey, MediaPermissionMessageKey, boolean]
> = {
  denied: ['permissionDeniedTitle', 'permissionDeniedHint', false],
  'system-denied': ['permissionSystemDeniedTitle', 'permissionSystemDeniedHint', false],
  'not-found': ['permissionNotFoundTitle', 'permissionNotFoundHint', true],
  'in-use': ['permissionInUseTitle', 'permissionInUseHint', true],
  overconstrained: ['permissionOverconstrainedTitle', 'permissionOverconstrainedHint', true],
  insecure: ['permissionInsecureTitle', 'permissionInsecureHint', false],
  aborted: ['permissionUnknownTitle', 'permissionUnknownHint', true],
  unknown: ['permissionUnknownTitle', 'permissionUnknownHint', true],
};

/** Chrome's wording when macOS/Windows privacy settings block the browser, not the page. */
const SYSTEM_DENIED = /denied by (the )?system|system permission|os permission/i;

function causeOf(name: string, message: string): MediaPermissionCause {
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return SYSTEM_DENIED.test(message) ? 'system-denied' : 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'in-use';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'overconstrained';
    case 'SecurityError':
      return 'insecure';
    case 'AbortError':
      return 'aborted';
    default:
      return 'unknown';
  }
}

/**
 * Sorts an error from `getUserMedia` (or the Chime SDK's device calls, which pass it through)
 * into a {@link MediaPermissionProblem}. Pure: reads only `name` and `message`. A missing
 * `navigator.mediaDevices` (an insecure page) shows up as a `TypeError` and is `insecure` too.
 *
 * @example
 * ```ts
 * classifyMediaError(new DOMException('Permission denied by system', 'NotAllowedError')).cause;
 * // 'system-denied'
 * classifyMediaError(new DOMException('Could not start video source', 'NotReadableError')).cause;
 * // 'in-use'
 * ```
 */
export function classifyMediaError(error: unknown): MediaPermissionProblem {
  const record =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const errorName = typeof record.name === 'string' ? record.name : 'Error';
  const message = typeof record.message === 'string' ? record.message : String(error);
  let cause = causeOf(errorName, message);
  if (
    cause === 'unknown' &&
    errorName === 'TypeError' &&
    /mediaDevices|getUserMedia/.test(message)
  ) {
    cause = 'insecure';
  }
  const [titleKey, hintKey, retryable] = KEYS[cause];
  return { cause, errorName, message, titleKey, hintKey, retryable };
}
