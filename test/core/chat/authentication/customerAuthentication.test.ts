import { describe, expect, it } from 'vitest';
import { foldAuthentication } from 'contact-kit/core';
import { parseAuthenticationSessionId } from '../../../../src/core/chat/authentication/customerAuthentication';
import type { ChatEventKind, ChatItem } from 'contact-kit/core';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
let clock = 0;

function event(kind: ChatEventKind, content?: string, id?: string): ChatItem {
  clock += 1;
  const item: ChatItem = {
    id: id ?? `ev-${clock}`,
    type: 'event',
    event: kind,
    contentType: `application/vnd.amazonaws.connect.event.${kind}`,
    time: new Date(Date.UTC(2025, 2, 1, 9, 0, clock)).toISOString(),
    isOwn: false,
    receipts: [],
  };
  if (content !== undefined) {
    item.content = content;
  }
  return item;
}

const initiated = (sessionId: string, id: string) =>
  event('authentication.initiated', JSON.stringify({ SessionId: sessionId }), id);

describe('parseAuthenticationSessionId', () => {
  it('reads SessionId from a JSON object and nothing else', () => {
    expect(parseAuthenticationSessionId(JSON.stringify({ SessionId: S1 }))).toBe(S1);
    expect(parseAuthenticationSessionId('{"SessionId":42}')).toBeUndefined();
    expect(parseAuthenticationSessionId('["x"]')).toBeUndefined();
    expect(parseAuthenticationSessionId('not json')).toBeUndefined();
    expect(parseAuthenticationSessionId('')).toBeUndefined();
    expect(parseAuthenticationSessionId(undefined)).toBeUndefined();
  });
});

describe('foldAuthentication', () => {
  it('an initiated event is the active, pending prompt', () => {
    const state = foldAuthentication([initiated(S1, 'a')]);
    expect(state.active).toMatchObject({ itemId: 'a', sessionId: S1, status: 'pending' });
    expect(state.byItemId.get('a')?.status).toBe('pending');
  });

  it.each([
    ['authentication.succeeded', 'succeeded'],
    ['authentication.failed', 'failed'],
    ['authentication.timeout', 'timeout'],
    ['authentication.expired', 'expired'],
    ['authentication.cancelled', 'cancelled'],
  ] as const)('%s settles the prompt as %s and nothing stays active', (kind, status) => {
    const state = foldAuthentication([initiated(S1, 'a'), event(kind)]);
    expect(state.byItemId.get('a')?.status).toBe(status);
    expect(state.active).toBeUndefined();
  });

  it('an outcome naming a SessionId settles that request only', () => {
    const state = foldAuthentication([
      initiated(S1, 'a'),
      event('authentication.cancelled', JSON.stringify({ SessionId: S2 })),
    ]);
    expect(state.byItemId.get('a')?.status).toBe('pending');
    const named = foldAuthentication([
      initiated(S1, 'a'),
      event('authentication.succeeded', JSON.stringify({ SessionId: S1 })),
    ]);
    expect(named.byItemId.get('a')?.status).toBe('succeeded');
  });

  it('asking again expires the earlier request; the chat ending expires the last one', () => {
    const again = foldAuthentication([initiated(S1, 'a'), initiated(S2, 'b')]);
    expect(again.prompts.map((p) => p.status)).toEqual(['expired', 'pending']);
    expect(again.active?.itemId).toBe('b');
    const ended = foldAuthentication([initiated(S1, 'a'), event('chat.ended')]);
    expect(ended.byItemId.get('a')?.status).toBe('expired');
    expect(ended.active).toBeUndefined();
  });

  it('a request without a SessionId is shown but never active', () => {
    const state = foldAuthentication([event('authentication.initiated', 'oops', 'a')]);
    expect(state.prompts).toHaveLength(1);
    expect(state.byItemId.get('a')?.sessionId).toBeUndefined();
    expect(state.active).toBeUndefined();
  });

  it('ignores messages and other events, and is pure', () => {
    const items = [
      event('participant.joined'),
      initiated(S1, 'a'),
      { ...event('participant.left'), type: 'message' as const },
    ];
    expect(foldAuthentication(items)).toEqual(foldAuthentication(items));
    expect(foldAuthentication([]).prompts).toEqual([]);
  });
});
