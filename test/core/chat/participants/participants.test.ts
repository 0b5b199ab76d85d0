import { describe, expect, it } from 'vitest';
import {
  applyToParticipants,
  createParticipantsState,
} from '../../../../src/core/chat/participants/participants';
import type { ChatItem } from 'contact-kit/core';

const at = (second: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString();

function item(id: string, second: number, overrides: Partial<ChatItem>): ChatItem {
  return {
    id,
    type: 'message',
    contentType: 'text/plain',
    time: at(second),
    isOwn: false,
    receipts: [],
    ...overrides,
  };
}

const event = (
  id: string,
  second: number,
  kind: ChatItem['event'],
  participantId: string,
  displayName?: string,
): ChatItem =>
  item(id, second, {
    type: 'event',
    event: kind,
    participantId,
    ...(displayName ? { displayName } : {}),
  });

describe('applyToParticipants', () => {
  it.each([
    ['participant.joined', 'joined'],
    ['participant.returned', 'joined'],
    ['participant.idle', 'idle'],
    ['participant.left', 'left'],
    ['participant.autodisconnection', 'left'],
  ] as const)('%s sets the status to %s', (kind, status) => {
    const state = applyToParticipants(createParticipantsState(), [event('e', 1, kind, 'a')]);
    expect(state.list).toEqual([{ participantId: 'a', status }]);
  });

  it('lets the latest-timed status event win whatever the arrival order', () => {
    const items = [
      event('j', 1, 'participant.joined', 'a'),
      event('i', 2, 'participant.idle', 'a'),
      event('r', 3, 'participant.returned', 'a'),
    ];
    expect(applyToParticipants(createParticipantsState(), items).list[0]!.status).toBe('joined');
    expect(
      applyToParticipants(createParticipantsState(), [...items].reverse()).list[0]!.status,
    ).toBe('joined');
  });

  it('adds senders, takes role and the latest display name, orders by first appearance', () => {
    const state = applyToParticipants(createParticipantsState(), [
      item('m2', 5, { participantId: 'b', displayName: 'Bo', role: 'CUSTOMER' }),
      item('m1', 2, { participantId: 'a', displayName: 'Ana', role: 'AGENT' }),
      event('n', 3, 'participant.displayname.updated', 'a', 'Ana B.'),
    ]);
    expect(state.list).toEqual([
      { participantId: 'a', displayName: 'Ana B.', role: 'AGENT', status: 'joined' },
      { participantId: 'b', displayName: 'Bo', role: 'CUSTOMER', status: 'joined' },
    ]);
  });

  it('ignores past contacts, non-participant events and items without a participant', () => {
    const empty = createParticipantsState();
    expect(
      applyToParticipants(empty, [
        item('old', 1, { participantId: 'x', relatedContactId: 'c-past' }),
        event('end', 2, 'chat.ended', 'sys'),
        event('inv', 3, 'participant.invited', 'y'),
        item('anon', 4, {}),
      ]),
    ).toBe(empty);
  });

  it('keeps the same state and list when nothing changed', () => {
    const items = [
      item('m1', 1, { participantId: 'a', displayName: 'Ana' }),
      event('l', 2, 'participant.left', 'b'),
    ];
    const state = applyToParticipants(createParticipantsState(), items);
    expect(applyToParticipants(state, items)).toBe(state);
    const withB = applyToParticipants(state, [event('l2', 3, 'participant.joined', 'b')]);
    expect(withB.list[0]).toBe(state.list[0]);
    expect(withB.list[1]).toEqual({ participantId: 'b', status: 'joined' });
  });
});
