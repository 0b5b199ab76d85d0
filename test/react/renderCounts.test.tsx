import { act, cleanup } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatItem } from 'contact-kit/core';
import {
  useChat,
  useChatConnection,
  useParticipants,
  useTranscript,
  useTyping,
  useUnreadCount,
} from 'contact-kit';
import { makeChatItem } from 'contact-kit/testing';
import { createRenderCounter, renderWithChat } from '../fakes/react/renderWithChat';

afterEach(cleanup);

describe('fine-grained subscriptions', () => {
  it('a typing event re-renders only the typing subscribers', () => {
    const counter = createRenderCounter();
    function Typing() {
      counter.hit('typing');
      const { typing } = useTyping();
      return <p>{typing.length}</p>;
    }
    function Transcript() {
      counter.hit('transcript');
      useTranscript();
      return null;
    }
    function Connection() {
      counter.hit('connection');
      useChatConnection();
      return null;
    }
    function Chat() {
      counter.hit('chat');
      useChat();
      return null;
    }
    function Participants() {
      counter.hit('participants');
      useParticipants();
      return null;
    }
    function Unread() {
      counter.hit('unread');
      useUnreadCount();
      return null;
    }
    const { session } = renderWithChat(
      <>
        <Typing />
        <Transcript />
        <Connection />
        <Chat />
        <Participants />
        <Unread />
      </>,
    );
    const before = { ...counter.counts };

    act(() => {
      session.setTyping([
        { participantId: 'agent-1', displayName: 'Agent', since: 0, expiresAt: 12_000 },
      ]);
    });

    expect(counter.counts.typing).toBe((before.typing ?? 0) + 1);
    expect(counter.counts).toEqual({ ...before, typing: (before.typing ?? 0) + 1 });
  });

  it('a new message does not re-render the rows of earlier messages', () => {
    const counter = createRenderCounter();
    const Row = memo(function Row({ item }: { item: ChatItem }) {
      counter.hit(item.id);
      return <li data-message-id={item.id}>{item.content}</li>;
    });
    function Transcript() {
      counter.hit('list');
      const { items } = useTranscript();
      return (
        <ol role="log">
          {items.map((item) => (
            <Row key={item.localId ?? item.id} item={item} />
          ))}
        </ol>
      );
    }
    const first = makeChatItem({ id: 'a' });
    const second = makeChatItem({ id: 'b' });
    const { session, container } = renderWithChat(<Transcript />);
    act(() => session.update({ items: [first, second] }));
    expect(counter.counts).toMatchObject({ a: 1, b: 1 });

    act(() => session.addItem(makeChatItem({ id: 'c' })));

    expect(container.querySelectorAll('[data-message-id]')).toHaveLength(3);
    expect(counter.counts).toMatchObject({ a: 1, b: 1, c: 1 });
  });

  it('a connection change does not re-render the transcript or the typing indicator', () => {
    const counter = createRenderCounter();
    function Typing() {
      counter.hit('typing');
      useTyping();
      return null;
    }
    function Transcript() {
      counter.hit('transcript');
      useTranscript();
      return null;
    }
    function Connection() {
      counter.hit('connection');
      useChatConnection();
      return null;
    }
    const { session } = renderWithChat(
      <>
        <Typing />
        <Transcript />
        <Connection />
      </>,
    );
    act(() => session.setConnection({ status: 'reconnecting', attempt: 1 }));
    expect(counter.counts).toEqual({ typing: 1, transcript: 1, connection: 2 });
  });

  it('a selector re-renders only when its selection changes', () => {
    const counter = createRenderCounter();
    function Ids() {
      counter.hit('ids');
      const { items } = useTranscript({ select: (all) => all.map((item) => item.id) });
      return <p>{items.join(',')}</p>;
    }
    const item = makeChatItem({ id: 'a', isOwn: true, status: 'sending' });
    const { session, getByText } = renderWithChat(<Ids />);
    act(() => session.update({ items: [item] }));
    expect(counter.counts.ids).toBe(2);

    // Same ids, a changed item (a receipt arrived): no re-render.
    act(() =>
      session.update({ items: [{ ...item, status: 'sent', receipts: [{ participantId: 'x' }] }] }),
    );
    expect(counter.counts.ids).toBe(2);

    act(() => session.addItem(makeChatItem({ id: 'b' })));
    expect(counter.counts.ids).toBe(3);
    expect(getByText('a,b')).toBeTruthy();
  });
});
