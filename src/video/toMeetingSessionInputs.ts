import { ContactKitError } from '../core/protocol/errors';
import type { WebRTCConnection } from '../core/protocol/types';

/**
 * Connect's `StartWebRTCContact` returns `ConnectionData` whose Meeting also carries `MediaRegion` and
 * `MediaPlacement.TurnControlUrl`; the Participant Service's `WebRTCConnection` has neither. Both are
 * accepted.
 */
export interface WebRTCConnectionData extends WebRTCConnection {
  Meeting?: WebRTCConnection['Meeting'] & {
    MediaRegion?: string;
    MediaPlacement?: NonNullable<WebRTCConnection['Meeting']>['MediaPlacement'] & {
      TurnControlUrl?: string;
    };
  };
}

/**
 * Web-call data as the kit receives it: the `WebRTCConnection`/`ConnectionData` object itself, or
 * the response that carries it (CreateParticipantConnection's `{ WebRTCConnection }`,
 * StartWebRTCContact's and the emulator's `POST /admin/webrtc` `{ ConnectionData }`).
 *
 * @example
 * ```ts
 * const input = await (await fetch('/admin/webrtc', { method: 'POST' })).json();
 * session.setConnection(input); // { ConnectionData }, { WebRTCConnection } or the data itself
 * ```
 */
export type WebRTCConnectionInput =
  | WebRTCConnectionData
  | { readonly ConnectionData: WebRTCConnectionData }
  | { readonly WebRTCConnection: WebRTCConnectionData };

/**
 * The two arguments of Chime's `new MeetingSessionConfiguration(meeting, attendee)`, in the wrapped
 * PascalCase form the SDK (and its Voice Focus echo reduction check) reads.
 */
export interface MeetingSessionInputs {
  meeting: { Meeting: NonNullable<WebRTCConnectionData['Meeting']> & { MeetingId: string } };
  attendee: { Attendee: { AttendeeId: string; JoinToken: string } };
  /** Whether the meeting offers Chime echo reduction (`MeetingFeatures.Audio.EchoReduction`). */
  echoReduction: boolean;
}

/**
 * Connection data that cannot start a Chime meeting session (a member the SDK needs is missing).
 *
 * @example
 * ```ts
 * try { toMeetingSessionInputs(data); } catch (e) { if (e instanceof WebRTCConnectionDataError) console.warn(e.field); }
 * ```
 */
export class WebRTCConnectionDataError extends ContactKitError {
  override name = 'WebRTCConnectionDataError';
  /** Path of the missing or malformed member, e.g. `Meeting.MediaPlacement.SignalingUrl`. */
  readonly field: string;

  constructor(field: string) {
    super('INVALID_CONNECTION_DATA', `WebRTC connection data is missing ${field}`, false);
    this.field = field;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `{ Meeting, Attendee }` object inside any {@link WebRTCConnectionInput}. Throws
 * {@link WebRTCConnectionDataError} (field `WebRTCConnection`) when there is none.
 *
 * @example
 * ```ts
 * unwrapConnectionData({ ConnectionData: { Meeting, Attendee } }); // { Meeting, Attendee }
 * ```
 */
export function unwrapConnectionData(
  input: WebRTCConnectionInput | undefined,
): WebRTCConnectionData {
  const candidate: unknown = input;
  if (!isObject(candidate)) {
    throw new WebRTCConnectionDataError('WebRTCConnection');
  }
  const wrapped = candidate.ConnectionData ?? candidate.WebRTCConnection;
  const data = wrapped === undefined ? candidate : wrapped;
  if (!isObject(data)) {
    throw new WebRTCConnectionDataError('WebRTCConnection');
  }
  return data as WebRTCConnectionData;
}

const requireString = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw new WebRTCConnectionDataError(field);
  }
  return value;
};

/**
 * Checks Connect's web-call data (from CreateParticipantConnection `WEBRTC_CONNECTION` or from
 * StartWebRTCContact `ConnectionData`) and shapes it for Chime's `MeetingSessionConfiguration`.
 * Throws {@link WebRTCConnectionDataError} naming the first missing member, instead of the SDK's
 * TypeError deep inside its constructor.
 *
 * @example
 * ```ts
 * import { MeetingSessionConfiguration } from 'amazon-chime-sdk-js';
 * const { meeting, attendee } = toMeetingSessionInputs(response.WebRTCConnection);
 * const configuration = new MeetingSessionConfiguration(meeting, attendee);
 * ```
 */
export function toMeetingSessionInputs(
  input: WebRTCConnectionInput | undefined,
): MeetingSessionInputs {
  const data = unwrapConnectionData(input);
  const meeting = data.Meeting;
  if (!meeting || !isObject(meeting as unknown)) {
    throw new WebRTCConnectionDataError('Meeting');
  }
  const meetingId = requireString(meeting.MeetingId, 'Meeting.MeetingId');
  const placement = meeting.MediaPlacement;
  if (!placement || !isObject(placement as unknown)) {
    throw new WebRTCConnectionDataError('Meeting.MediaPlacement');
  }
  requireString(placement.SignalingUrl, 'Meeting.MediaPlacement.SignalingUrl');
  requireString(placement.AudioHostUrl, 'Meeting.MediaPlacement.AudioHostUrl');
  const attendeeId = requireString(data.Attendee?.AttendeeId, 'Attendee.AttendeeId');
  const joinToken = requireString(data.Attendee?.JoinToken, 'Attendee.JoinToken');
  return {
    meeting: { Meeting: { ...meeting, MeetingId: meetingId } },
    attendee: { Attendee: { AttendeeId: attendeeId, JoinToken: joinToken } },
    echoReduction: meeting.MeetingFeatures?.Audio?.EchoReduction === 'AVAILABLE',
  };
}
