import { describe, expect, it, vi } from 'vitest';
import { watchSession } from '../../../../src/core/chat/contact/watchSession';
import type { ChatSnapshot } from '../../../../src/core/chat/session/chatSession';
import type { ChatSessionLike } from '../../../../src/core/chat/session/chatSessionLike';
import type { ChatItem } from '../../../../src/core/chat/transcript/chatItem';

/** A session reduced to what the watcher reads: a snapshot with items, and its listeners. */
function fakeSession(items: readonly ChatItem[]) {
  const listeners = new Set<() => void>();
  let snapshot = {
    connection: { status: 'open' },
    chat: { status: 'active' },
    items,
  } as unknown as ChatSnapshot;
  return {
    session: {
      getSnapshot: () => snapshot,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as ChatSessionLike,
    setItems(next: readonly ChatItem[]) {
      snapshot = { ...snapshot, items: next };
      for (const listener of listeners) {
        listener();
      }
    },
  };
}

const agent = (id: string, minute: number, extra: Partial<ChatItem> = {}): ChatItem =>
  ({
    id,
    type: 'message',
    contentType: 'text/plain',
    content: id,
    role: 'AGENT',
    isOwn: false,
    time: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
    receipts: [],
    ...extra,
  }) as ChatItem;

const own = (localId: string, minute: number, status: ChatItem['status'], id = localId) =>
  agent(id, minute, { localId, isOwn: true, role: 'CUSTOMER', status });

describe('watchSession', () => {
  it('reports each new incoming message once, not the ones there at the start, a new version of one, or one that comes back', () => {
    const first = agent('a', 0);
    const second = agent('b', 1);
    const { session, setItems } = fakeSession([first, second]);
    const message = vi.fn();
    const stop = watchSession(session, { message });

    const third = agent('c', 2);
    setItems([first, second, third]);
    expect(message.mock.calls.map(([item]) => item.id)).toEqual(['c']);

    // A receipt makes a new version of an item that was already there: not news.
    setItems([first, { ...second, receipts: [] }, third]);
    // An item leaves (a transcript reload) and comes back: not news either.
    setItems([second, third]);
    setItems([first, second, third]);
    // History is never news.
    setItems([agent('old', -5, { fromHistory: true }), first, second, third]);
    expect(message).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reports an own message once confirmed, and a failed one', () => {
    const { session, setItems } = fakeSession([own('x', 0, 'sent', 'server-x')]);
    const confirmed = vi.fn();
    const failed = vi.fn();
    watchSession(session, { confirmed, failed });

    const pending = own('y', 1, 'sending');
    setItems([own('x', 0, 'sent', 'server-x'), pending]);
    expect(confirmed).not.toHaveBeenCalled();
    setItems([own('x', 0, 'sent', 'server-x'), own('y', 1, 'sent', 'server-y')]);
    expect(confirmed.mock.calls.map(([item]) => item.localId)).toEqual(['y']);

    setItems([
      own('x', 0, 'sent', 'server-x'),
      own('y', 1, 'sent', 'server-y'),
      own('z', 2, 'sending'),
    ]);
    setItems([
      own('x', 0, 'sent', 'server-x'),
      own('y', 1, 'sent', 'server-y'),
      own('z', 2, 'failed'),
    ]);
    expect(failed.mock.calls.map(([item]) => item.localId)).toEqual(['z']);
    expect(confirmed).toHaveBeenCalledTimes(1);
  });
});
