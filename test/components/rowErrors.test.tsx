import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MessageList } from 'contact-kit';
import type { ChatItem } from 'contact-kit/core';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { renderChat } from './support';

const at = (second: number) => new Date(Date.UTC(2025, 2, 4, 10, 0, second)).toISOString();

describe('MessageList: one bad row', () => {
  it('shows a neutral note in that row only; the rest of the list stays, and a new version renders', () => {
    const broken = makeChatItem({
      id: 'm-broken',
      time: at(2),
      contentType: 'application/vnd.amazonaws.connect.message.interactive',
      content: '{}',
    });
    const items: ChatItem[] = [
      makeChatItem({ id: 'm-1', time: at(1), content: 'before' }),
      broken,
      makeChatItem({ id: 'm-3', time: at(3), content: 'after' }),
    ];
    const session = new FakeChatSession();
    session.update({ items, connection: { status: 'open', attempt: 0, error: undefined } });
    let fail = true;
    const renderInteractive = (item: ChatItem) => {
      if (fail) {
        throw new Error(`cannot render ${item.id}`);
      }
      return <p>picker {item.id}</p>;
    };
    // React reports caught render errors on the console; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { container } = renderChat(<MessageList renderInteractive={renderInteractive} />, {
        session,
        theme: { timeZone: 'UTC' },
      });
      const row = (id: string) => container.querySelector(`[data-message-id="${id}"]`)!;
      expect(screen.getByRole('log')).toBeInTheDocument();
      expect(
        within(row('m-broken') as HTMLElement).getByText(
          'This part of the conversation couldn’t be shown.',
        ),
      ).toBeInTheDocument();
      expect(row('m-1')).toHaveTextContent('before');
      expect(row('m-3')).toHaveTextContent('after');

      fail = false;
      act(() => session.update({ items: [items[0]!, { ...broken, receipts: [] }, items[2]!] }));
      expect(row('m-broken')).toHaveTextContent('picker m-broken');
      expect(container.querySelector('[data-row-error]')).toBeNull();
    } finally {
      quiet.mockRestore();
    }
  });
});
