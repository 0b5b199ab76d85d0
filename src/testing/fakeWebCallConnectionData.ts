/**
 * Web-call connection data shaped like StartWebRTCContact's answer (and the emulator's
 * `POST /admin/webrtc`), for a `VideoProvider` over a fake meeting adapter: the customer is
 * `customer-attendee`, the agent the fake adds is `agent-attendee`. The fake never dials it.
 *
 * @example
 * ```tsx
 * import { VideoCall, VideoProvider } from 'contact-kit/video';
 * import { createFakeMeetingAdapter, fakeWebCallConnectionData } from 'contact-kit/testing';
 *
 * <VideoProvider adapter={createFakeMeetingAdapter()} connectionData={fakeWebCallConnectionData}>
 *   <VideoCall />
 * </VideoProvider>;
 * ```
 */
export const fakeWebCallConnectionData = {
  ConnectionData: {
    Attendee: { AttendeeId: 'customer-attendee', JoinToken: 'fake-join-token' },
    Meeting: {
      MeetingId: 'fake-meeting',
      MediaPlacement: {
        AudioHostUrl: 'audio.invalid:3478',
        SignalingUrl: 'ws://127.0.0.1:9/control/fake-meeting',
      },
    },
  },
} as const;
