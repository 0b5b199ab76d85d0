/**
 * Content attendees (Chime's shared screens) and the screen-share decisions that need no SDK:
 * used by the Chime adapter and by the fake in `contact-kit/testing`.
 */
import type { ScreenShareState, ScreenShareUnavailableReason } from './MeetingAdapter';

/**
 * The suffix Chime gives a content attendee (`ContentShareConstants.Modality`).
 *
 * @example
 * ```ts
 * const sharedScreenTile = tiles.find((tile) => tile.attendeeId === `${agentId}${CONTENT_SUFFIX}`);
 * ```
 */
export const CONTENT_SUFFIX = '#content';

/**
 * Whether an attendee id is a content attendee (a shared screen), and whose.
 *
 * @example
 * ```ts
 * contentSharer('a-1#content'); // 'a-1'
 * contentSharer('a-1'); // undefined
 * ```
 */
export function contentSharer(attendeeId: string): string | undefined {
  return attendeeId.endsWith(CONTENT_SUFFIX)
    ? attendeeId.slice(0, -CONTENT_SUFFIX.length)
    : undefined;
}

/**
 * Why sharing is unavailable, or `undefined` when it is possible: the browser needs
 * `getDisplayMedia` (phones have none), and the call must allow content (Connect sets the
 * meeting's content resolution to `None` when the contact's `AllowedCapabilities` lack
 * `ScreenShare`).
 *
 * @example
 * ```ts
 * screenShareBlocker({ getDisplayMedia: undefined, contentAllowed: true }); // 'browser'
 * ```
 */
export function screenShareBlocker(input: {
  getDisplayMedia: unknown;
  contentAllowed: boolean;
}): ScreenShareUnavailableReason | undefined {
  if (typeof input.getDisplayMedia !== 'function') {
    return 'browser';
  }
  return input.contentAllowed ? undefined : 'call';
}

/**
 * The state after the browser's picker or the content connection failed: a refusal or a closed
 * picker (`NotAllowedError`, `AbortError`) is `cancelled`, anything else `failed`.
 *
 * @example
 * ```ts
 * screenShareFailure(new DOMException('denied', 'NotAllowedError')); // { status: 'off', problem: 'cancelled' }
 * ```
 */
export function screenShareFailure(error: unknown): ScreenShareState {
  const name = (error as { name?: unknown } | null)?.name;
  return {
    status: 'off',
    problem: name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed',
  };
}
