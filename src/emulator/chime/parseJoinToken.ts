/**
 * The suffix the Chime SDK appends to an attendee id and its join token for the attendee's
 * content share (`DefaultContentShareController.createContentShareMeetingSessionConfigure`): a
 * shared screen joins as `<AttendeeId>#content` with the join token `<JoinToken>#content`.
 *
 * @example
 * ```ts
 * const contentAttendeeId = `${attendeeId}${CONTENT_SUFFIX}`; // 'abc…#content'
 * ```
 */
export const CONTENT_SUFFIX = '#content';

/**
 * A join token as the emulator reads it: the token it issued (`baseToken`) and whether the
 * socket is the content share of that attendee.
 *
 * @example
 * ```ts
 * const { baseToken, content } = parseJoinToken(offeredToken);
 * const owner = meetings.attendeeForJoinToken(baseToken);
 * const attendee = owner && content ? meetings.contentAttendeeFor(owner) : owner;
 * ```
 */
export interface ParsedJoinToken {
  readonly baseToken: string;
  readonly content: boolean;
}

/**
 * Splits a join token offered in `Sec-WebSocket-Protocol` into the issued token and the content
 * modality. Only one `#content` suffix is recognised: a content share of a content share does
 * not exist, so `'t#content#content'` reads as the content share of `'t#content'`, which no
 * attendee holds.
 *
 * @example
 * ```ts
 * parseJoinToken('Zm9v#content'); // { baseToken: 'Zm9v', content: true }
 * parseJoinToken('Zm9v'); // { baseToken: 'Zm9v', content: false }
 * ```
 */
export function parseJoinToken(token: string): ParsedJoinToken {
  return token.endsWith(CONTENT_SUFFIX) && token.length > CONTENT_SUFFIX.length
    ? { baseToken: token.slice(0, -CONTENT_SUFFIX.length), content: true }
    : { baseToken: token, content: false };
}
