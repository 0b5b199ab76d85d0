import { MeetingSessionStatusCode } from 'amazon-chime-sdk-js';
import { describe, expect, it } from 'vitest';
import {
  classifyMeetingStatus,
  idleMeetingState,
  MEETING_STATUS_CODES,
  meetingTransition as transition,
  VideoCallError,
} from 'contact-kit/video';
import type { MeetingEvent, MeetingState } from 'contact-kit/video';

const C = MEETING_STATUS_CODES;
const joining: MeetingState = { status: 'joining', videoOff: false };
const joined: MeetingState = { status: 'joined' };
const reconnecting: MeetingState = { status: 'reconnecting' };
const left: MeetingState = { status: 'left' };
const ended: MeetingState = { status: 'ended', reason: 'meeting-ended' };
const failure = new VideoCallError('JOIN_FAILED', 'boom');
const failed: MeetingState = { status: 'failed', error: failure };

const allEvents: MeetingEvent[] = [
  { type: 'JOIN' },
  { type: 'STARTED' },
  { type: 'CONNECTING', reconnecting: false },
  { type: 'CONNECTING', reconnecting: true },
  { type: 'STOPPED', statusCode: C.Left },
  { type: 'JOIN_FAILED', error: failure },
  { type: 'LEAVE' },
  { type: 'RESET' },
];

describe('meeting machine', () => {
  it('joins from idle, left and failed, with a join effect carrying videoOff', () => {
    for (const state of [idleMeetingState, left, failed]) {
      expect(transition(state, { type: 'JOIN', videoOff: true })).toEqual({
        state: { status: 'joining', videoOff: true },
        effects: [{ type: 'join', videoOff: true }],
      });
    }
    expect(transition(idleMeetingState, { type: 'JOIN' }).effects).toEqual([
      { type: 'join', videoOff: false },
    ]);
  });

  it('joins once: JOIN while joining, joined or reconnecting does nothing', () => {
    for (const state of [joining, joined, reconnecting]) {
      const step = transition(state, { type: 'JOIN' });
      expect(step.state).toBe(state);
      expect(step.effects).toEqual([]);
    }
  });

  it('joining → joined on STARTED; CONNECTING (first connect) keeps joining', () => {
    expect(transition(joining, { type: 'STARTED' })).toEqual({ state: joined, effects: [] });
    expect(transition(joining, { type: 'CONNECTING', reconnecting: false }).state).toBe(joining);
  });

  it('joining → failed on JOIN_FAILED, releasing the half-made session', () => {
    expect(transition(joining, { type: 'JOIN_FAILED', error: failure })).toEqual({
      state: failed,
      effects: [{ type: 'leave' }],
    });
  });

  it('joined ⇄ reconnecting', () => {
    expect(transition(joined, { type: 'CONNECTING', reconnecting: true }).state).toEqual(
      reconnecting,
    );
    expect(transition(joined, { type: 'CONNECTING', reconnecting: false }).state).toBe(joined);
    expect(transition(reconnecting, { type: 'STARTED' }).state).toEqual(joined);
    expect(transition(joined, { type: 'STARTED' }).state).toBe(joined);
    expect(transition(reconnecting, { type: 'CONNECTING', reconnecting: true }).state).toEqual(
      reconnecting,
    );
  });

  it('LEAVE from joining, joined or reconnecting → left with a leave effect', () => {
    for (const state of [joining, joined, reconnecting]) {
      expect(transition(state, { type: 'LEAVE' })).toEqual({
        state: left,
        effects: [{ type: 'leave' }],
      });
    }
  });

  it('maps STOPPED status codes in joining, joined and reconnecting', () => {
    for (const state of [joining, joined, reconnecting]) {
      expect(transition(state, { type: 'STOPPED', statusCode: C.Left }).state).toEqual(left);
      expect(transition(state, { type: 'STOPPED', statusCode: C.MeetingEnded }).state).toEqual(
        ended,
      );
      expect(
        transition(state, { type: 'STOPPED', statusCode: C.AudioAttendeeRemoved }).state,
      ).toEqual({ status: 'ended', reason: 'removed' });
      const next = transition(state, { type: 'STOPPED', statusCode: C.AudioCallAtCapacity });
      expect(next.state.status).toBe('failed');
      expect(next.state.status === 'failed' && next.state.error.code).toBe('CALL_AT_CAPACITY');
      expect(next.effects).toEqual([]);
    }
  });

  it('RESET returns to idle from left, ended and failed only', () => {
    for (const state of [left, ended, failed]) {
      expect(transition(state, { type: 'RESET' }).state).toEqual(idleMeetingState);
    }
    for (const state of [idleMeetingState, joining, joined, reconnecting]) {
      expect(transition(state, { type: 'RESET' }).state).toBe(state);
    }
  });

  it('ignores every other event in terminal states (a late STOPPED after leaving)', () => {
    for (const state of [left, ended, failed]) {
      for (const event of allEvents) {
        if (event.type === 'RESET' || (event.type === 'JOIN' && state !== ended)) {
          continue;
        }
        expect(transition(state, event)).toEqual({ state, effects: [] });
      }
    }
    expect(
      transition(idleMeetingState, { type: 'STOPPED', statusCode: C.MeetingEnded }).state,
    ).toBe(idleMeetingState);
    expect(transition(idleMeetingState, { type: 'LEAVE' }).state).toBe(idleMeetingState);
  });
});

describe('classifyMeetingStatus', () => {
  it('mirrors every value of the SDK MeetingSessionStatusCode enum', () => {
    for (const [name, value] of Object.entries(MEETING_STATUS_CODES)) {
      expect(MeetingSessionStatusCode[name as keyof typeof MeetingSessionStatusCode]).toBe(value);
    }
    const sdkNames = Object.keys(MeetingSessionStatusCode).filter((key) =>
      Number.isNaN(Number(key)),
    );
    expect(sdkNames.sort()).toEqual(Object.keys(MEETING_STATUS_CODES).sort());
  });

  it.each([
    ['OK', C.OK, 'left'],
    ['Left', C.Left, 'left'],
    ['MeetingEnded', C.MeetingEnded, 'ended:meeting-ended'],
    ['AudioAttendeeRemoved', C.AudioAttendeeRemoved, 'ended:removed'],
    [
      'AudioVideoWasRemovedFromPrimaryMeeting',
      C.AudioVideoWasRemovedFromPrimaryMeeting,
      'ended:removed',
    ],
    ['AudioVideoDisconnectedWhilePromoted', C.AudioVideoDisconnectedWhilePromoted, 'ended:removed'],
    ['AudioJoinedFromAnotherDevice', C.AudioJoinedFromAnotherDevice, 'JOINED_FROM_ANOTHER_DEVICE'],
    ['AudioAuthenticationRejected', C.AudioAuthenticationRejected, 'ACCESS_DENIED'],
    ['TURNCredentialsForbidden', C.TURNCredentialsForbidden, 'ACCESS_DENIED'],
    ['SignalingBadRequest', C.SignalingBadRequest, 'ACCESS_DENIED'],
    ['AudioCallAtCapacity', C.AudioCallAtCapacity, 'CALL_AT_CAPACITY'],
    ['VideoCallAtSourceCapacity', C.VideoCallAtSourceCapacity, 'CALL_AT_CAPACITY'],
    ['AudioInternalServerError', C.AudioInternalServerError, 'SERVICE_ERROR'],
    ['AudioServiceUnavailable', C.AudioServiceUnavailable, 'SERVICE_ERROR'],
    ['SignalingInternalServerError', C.SignalingInternalServerError, 'SERVICE_ERROR'],
    ['AudioDisconnected', C.AudioDisconnected, 'CONNECTION_FAILED'],
    ['AudioDisconnectAudio', C.AudioDisconnectAudio, 'CONNECTION_FAILED'],
    ['SignalingRequestFailed', C.SignalingRequestFailed, 'CONNECTION_FAILED'],
    [
      'SignalingChannelClosedUnexpectedly',
      C.SignalingChannelClosedUnexpectedly,
      'CONNECTION_FAILED',
    ],
    ['ICEGatheringTimeoutWorkaround', C.ICEGatheringTimeoutWorkaround, 'CONNECTION_FAILED'],
    ['ConnectionHealthReconnect', C.ConnectionHealthReconnect, 'CONNECTION_FAILED'],
    ['RealtimeApiFailed', C.RealtimeApiFailed, 'CONNECTION_FAILED'],
    ['TaskFailed', C.TaskFailed, 'CONNECTION_FAILED'],
    ['IncompatibleSDP', C.IncompatibleSDP, 'CONNECTION_FAILED'],
    ['NoAttendeePresent', C.NoAttendeePresent, 'CONNECTION_FAILED'],
    ['EncodedTransformManagerFailed', C.EncodedTransformManagerFailed, 'CONNECTION_FAILED'],
    ['VideoCallSwitchToViewOnly', C.VideoCallSwitchToViewOnly, 'UNKNOWN'],
    ['an unknown code', 99, 'UNKNOWN'],
  ])('%s → %s', (_name, code, expected) => {
    const outcome = classifyMeetingStatus(code);
    const summary =
      outcome.kind === 'failed'
        ? outcome.error.code
        : outcome.kind === 'ended'
          ? `ended:${outcome.reason}`
          : outcome.kind;
    expect(summary).toBe(expected);
    if (outcome.kind === 'failed') {
      expect(outcome.error).toBeInstanceOf(VideoCallError);
      expect(outcome.error.statusCode).toBe(code);
    }
  });

  it('marks connection and service failures retryable, refusals not', () => {
    const retryable = (code: number) => {
      const outcome = classifyMeetingStatus(code);
      return outcome.kind === 'failed' && outcome.error.retryable;
    };
    expect(retryable(C.SignalingChannelClosedUnexpectedly)).toBe(true);
    expect(retryable(C.AudioServiceUnavailable)).toBe(true);
    expect(retryable(C.AudioAuthenticationRejected)).toBe(false);
    expect(retryable(C.AudioCallAtCapacity)).toBe(false);
    expect(retryable(C.AudioJoinedFromAnotherDevice)).toBe(false);
  });
});
