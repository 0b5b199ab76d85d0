/**
 * `contact-kit/video`: web-call support over the Amazon Chime SDK (optional peer dependencies).
 *
 * @packageDocumentation
 */
export {
  toMeetingSessionInputs,
  WebRTCConnectionDataError,
  type MeetingSessionInputs,
  type WebRTCConnectionData,
} from './toMeetingSessionInputs';
export type {
  WebRTCConnection,
  WebRTCMeeting,
  Attendee,
  WebRTCMediaPlacement,
} from '../core/protocol/types';
