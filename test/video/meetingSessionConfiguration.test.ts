import { describe, expect, it } from 'vitest';
import {
  toMeetingSessionConfiguration,
  toMeetingSessionInputs,
  unwrapConnectionData,
  WebRTCConnectionDataError,
} from 'contact-kit/video';

const connection = {
  Attendee: { AttendeeId: 'att-1', JoinToken: 'join-1' },
  Meeting: {
    MeetingId: 'meeting-1',
    MediaPlacement: {
      AudioHostUrl: 'audio.example:3478',
      SignalingUrl: 'wss://signal.example/control/meeting-1',
    },
  },
};

describe('unwrapConnectionData', () => {
  it.each([
    ['the WebRTCConnection itself', connection],
    ['StartWebRTCContact / POST /admin/webrtc { ConnectionData }', { ConnectionData: connection }],
    ['CreateParticipantConnection { WebRTCConnection }', { WebRTCConnection: connection }],
  ])('accepts %s', (_name, input) => {
    expect(unwrapConnectionData(input)).toBe(connection);
    expect(toMeetingSessionInputs(input).attendee.Attendee.AttendeeId).toBe('att-1');
  });

  it.each([
    ['null', null],
    ['a string', 'meeting-1'],
    ['an array', [connection]],
    ['a wrapper holding a non-object', { ConnectionData: 'x' }],
  ])('refuses %s with a typed error', (_name, input) => {
    expect(() => unwrapConnectionData(input as never)).toThrow(WebRTCConnectionDataError);
  });
});

describe('toMeetingSessionConfiguration (the real SDK constructor)', () => {
  it('reads the PascalCase data: ids, credentials and URLs', () => {
    const configuration = toMeetingSessionConfiguration({
      ConnectionData: {
        ...connection,
        Meeting: {
          ...connection.Meeting,
          MediaRegion: 'us-east-1',
          MediaPlacement: {
            ...connection.Meeting.MediaPlacement,
            EventIngestionUrl: 'https://events.example/m',
            TurnControlUrl: 'https://turn.example/m',
          },
        },
      },
    });
    expect(configuration.meetingId).toBe('meeting-1');
    expect(configuration.credentials?.attendeeId).toBe('att-1');
    expect(configuration.credentials?.joinToken).toBe('join-1');
    expect(configuration.urls?.signalingURL).toBe('wss://signal.example/control/meeting-1');
    expect(configuration.urls?.audioHostURL).toBe('audio.example:3478');
    expect(configuration.urls?.eventIngestionURL).toBe('https://events.example/m');
  });

  it('leaves the optional URLs unset when Connect omits them (no telemetry)', () => {
    const configuration = toMeetingSessionConfiguration(connection);
    expect(configuration.urls?.eventIngestionURL ?? null).toBeNull();
    expect(configuration.urls?.signalingURL).toBe('wss://signal.example/control/meeting-1');
  });

  it("carries Connect's content resolution to the SDK: None when screen sharing is not allowed", () => {
    const withContent = (MaxResolution: 'None' | 'FHD') => ({
      ...connection,
      Meeting: { ...connection.Meeting, MeetingFeatures: { Content: { MaxResolution } } },
    });
    // The Chime adapter reads this width to tell the customer sharing is not allowed.
    expect(
      toMeetingSessionConfiguration(withContent('None')).meetingFeatures.contentMaxResolution
        .videoWidth,
    ).toBe(0);
    expect(
      toMeetingSessionConfiguration(withContent('FHD')).meetingFeatures.contentMaxResolution
        .videoWidth,
    ).toBeGreaterThan(0);
    expect(
      toMeetingSessionConfiguration(connection).meetingFeatures.contentMaxResolution.videoWidth,
    ).toBeGreaterThan(0);
  });

  it('rewrites every URL for a local emulator', () => {
    const configuration = toMeetingSessionConfiguration(connection, {
      urlRewriter: (url) => url?.replace('wss://signal.example', 'ws://127.0.0.1:4010') ?? null,
    });
    expect(configuration.urls?.signalingURL).toBe('ws://127.0.0.1:4010/control/meeting-1');
  });

  it('throws the typed error, not the SDK TypeError, on bad input', () => {
    const bad = { ...connection, Meeting: { MeetingId: 'meeting-1' } };
    expect(() => toMeetingSessionConfiguration(bad)).toThrow(WebRTCConnectionDataError);
    try {
      toMeetingSessionConfiguration(bad);
    } catch (error) {
      expect((error as WebRTCConnectionDataError).field).toBe('Meeting.MediaPlacement');
      expect((error as WebRTCConnectionDataError).code).toBe('INVALID_CONNECTION_DATA');
    }
  });
});
