import { describe, expect, it } from 'vitest';
import { ContentType } from 'contact-kit/core';
import {
  TYPING_TIMEOUT_MS,
  applyTypingEvent,
  applyTypingItems,
  clearTyping,
  createTypingState,
  expireTyping,
} from '../../../../src/core/chat/typing/typing';

const ME = 'p-me';

describe('typing', () => {
  it('shows a participant as typing for 12 s after their last typing event', () => {
    let state = applyTypingEvent(createTypingState(), {
      participantId: 'a',
      displayName: 'Ana',
      role: 'AGENT',
      at: 1000,
    });
    expect(state).toEqual({
      participants: [
        {
          participantId: 'a',
          displayName: 'Ana',
          role: 'AGENT',
          since: 1000,
          expiresAt: 1000 + TYPING_TIMEOUT_MS,
        },
      ],
      nextExpiryAt: 13_000,
    });
    state = applyTypingEvent(state, { participantId: 'a', at: 11_000 });
    expect(state.participants[0]).toEqual({
      participantId: 'a',
      displayName: 'Ana',
      role: 'AGENT',
      since: 1000,
      expiresAt: 23_000,
    });
    expect(expireTyping(state, 22_999)).toBe(state);
    expect(expireTyping(state, 23_000)).toEqual({ participants: [], nextExpiryAt: undefined });
  });

  it('starts a new burst after the indicator expired', () => {
    const first = applyTypingEvent(createTypingState(), { participantId: 'a', at: 0 });
    const later = applyTypingEvent(first, { participantId: 'a', at: 20_000 });
    expect(later.participants[0]!.since).toBe(20_000);
  });

  it('ignores our own typing events and returns the same state for a repeat', () => {
    const empty = createTypingState();
    expect(applyTypingEvent(empty, { participantId: ME, at: 0 }, { ownParticipantId: ME })).toBe(
      empty,
    );
    const state = applyTypingEvent(empty, { participantId: 'a', at: 5 });
    expect(applyTypingEvent(state, { participantId: 'a', at: 5 })).toBe(state);
  });

  it('keeps several participants, reports the earliest expiry and expires each on time', () => {
    let state = applyTypingEvent(createTypingState(), { participantId: 'a', at: 0 });
    state = applyTypingEvent(state, { participantId: 'b', at: 5000 });
    expect(state.participants.map((p) => p.participantId)).toEqual(['a', 'b']);
    expect(state.nextExpiryAt).toBe(12_000);
    state = expireTyping(state, 12_000);
    expect(state.participants.map((p) => p.participantId)).toEqual(['b']);
    expect(state.nextExpiryAt).toBe(17_000);
  });

  it('clears a participant, returning the same state when they were not typing', () => {
    const state = applyTypingEvent(createTypingState(), { participantId: 'a', at: 0 });
    expect(clearTyping(state, 'a')).toEqual(createTypingState());
    expect(clearTyping(state, 'b')).toBe(state);
  });

  it('reads wire items: typing starts, a message or leaving clears', () => {
    const typing = {
      Type: 'EVENT',
      ContentType: ContentType.typing,
      ParticipantId: 'a',
      DisplayName: 'Ana',
      ParticipantRole: 'AGENT',
    };
    let state = applyTypingItems(createTypingState(), [typing, { ...typing, ParticipantId: ME }], {
      ownParticipantId: ME,
      now: 100,
    });
    expect(state.participants).toEqual([
      { participantId: 'a', displayName: 'Ana', role: 'AGENT', since: 100, expiresAt: 12_100 },
    ]);
    state = applyTypingItems(
      state,
      [{ Type: 'MESSAGE', ContentType: 'text/plain', ParticipantId: 'a', Content: 'hi' }],
      { now: 200 },
    );
    expect(state.participants).toEqual([]);
    state = applyTypingItems(state, [typing], { now: 300 });
    state = applyTypingItems(
      state,
      [{ Type: 'EVENT', ContentType: ContentType.participantLeft, ParticipantId: 'a' }],
      { now: 400 },
    );
    expect(state.participants).toEqual([]);
    expect(
      applyTypingItems(state, [{ Type: 'EVENT', ContentType: ContentType.typing }], { now: 500 }),
    ).toBe(state);
  });
});
