import { describe, expect, it } from 'vitest';
import { toMeetingSessionInputs, WebRTCConnectionDataError } from 'contact-kit/video';

const participantServiceData = {
  Attendee: { AttendeeId: 'att-1', JoinToken: 'join-1' },
  Meeting: {
    MeetingId: 'meeting-1',
    MediaPlacement: {
      AudioHostUrl: 'audio.example:3478',
      AudioFallbackUrl: 'wss://audio.example/fallback',
      SignalingUrl: 'wss://signal.example/control/meeting-1',
      EventIngestionUrl: 'https://events.example/meetings/meeting-1',
    },
    MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' as const } },
  },
};

describe('toMeetingSessionInputs', () => {
  it('wraps the Participant Service data the way MeetingSessionConfiguration reads it', () => {
    const inputs = toMeetingSessionInputs(participantServiceData);
    expect(inputs.meeting.Meeting.MeetingId).toBe('meeting-1');
    expect(inputs.meeting.Meeting.MediaPlacement?.SignalingUrl).toBe(
      'wss://signal.example/control/meeting-1',
    );
    expect(inputs.attendee).toEqual({ Attendee: { AttendeeId: 'att-1', JoinToken: 'join-1' } });
    expect(inputs.echoReduction).toBe(true);
  });

  it('accepts StartWebRTCContact ConnectionData with MediaRegion and TurnControlUrl', () => {
    const inputs = toMeetingSessionInputs({
      ...participantServiceData,
      Meeting: {
        ...participantServiceData.Meeting,
        MediaRegion: 'us-east-1',
        MeetingFeatures: { Audio: { EchoReduction: 'UNAVAILABLE' } },
        MediaPlacement: {
          ...participantServiceData.Meeting.MediaPlacement,
          TurnControlUrl: 'https://turn',
        },
      },
    });
    expect(inputs.meeting.Meeting.MediaRegion).toBe('us-east-1');
    expect(inputs.echoReduction).toBe(false);
  });

  it.each([
    ['WebRTCConnection', undefined],
    ['Meeting', { Attendee: participantServiceData.Attendee }],
    [
      'Meeting.MeetingId',
      { ...participantServiceData, Meeting: { ...participantServiceData.Meeting, MeetingId: '' } },
    ],
    ['Meeting.MediaPlacement', { ...participantServiceData, Meeting: { MeetingId: 'm' } }],
    [
      'Meeting.MediaPlacement.SignalingUrl',
      {
        ...participantServiceData,
        Meeting: { MeetingId: 'm', MediaPlacement: { AudioHostUrl: 'a' } },
      },
    ],
    ['Attendee.JoinToken', { ...participantServiceData, Attendee: { AttendeeId: 'a' } }],
  ])('names the missing member %s', (field, data) => {
    let caught: unknown;
    try {
      toMeetingSessionInputs(data);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WebRTCConnectionDataError);
    expect((caught as WebRTCConnectionDataError).field).toBe(field);
    expect((caught as WebRTCConnectionDataError).code).toBe('INVALID_CONNECTION_DATA');
  });
});
