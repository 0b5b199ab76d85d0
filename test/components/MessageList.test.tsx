import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  DaySeparator,
  InteractiveRendererContext,
  MessageList,
  MessageRow,
  WithComponents,
  buildRows,
} from 'contact-kit';
import type { DaySeparatorProps, MessageRowProps } from 'contact-kit';
import type { ChatItem } from 'contact-kit/core';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { TEST_VIEWPORT } from './setup';
import { expectNoAxeViolations, renderChat } from './support';

const base = Date.parse('2025-03-04T10:00:00Z');

function manyItems(count: number, start = 0): ChatItem[] {
  return Array.from({ length: count }, (_, index) =>
    makeChatItem({
      id: `m-${start + index}`,
      content: `Message number ${start + index}`,
      time: new Date(base + (start + index) * 1000).toISOString(),
      participantId: index % 3 === 0 ? 'me' : 'agent-1',
      isOwn: index % 3 === 0,
      role: index % 3 === 0 ? 'CUSTOMER' : 'AGENT',
    }),
  );
}

function sessionWith(
  items: ChatItem[],
  patch: Partial<ReturnType<FakeChatSession['getSnapshot']>> = {},
) {
  const session = new FakeChatSession();
  session.update({ items, connection: { status: 'open', attempt: 0, error: undefined }, ...patch });
  return session;
}

function log() {
  return screen.getByRole('log', { name: 'Conversation' });
}

describe('MessageList', () => {
  it('renders 10,000 items with fewer than 100 rows in the DOM, newest in view', async () => {
    const session = sessionWith(manyItems(10_000));
    const { container } = renderChat(<MessageList />, { session, theme: { timeZone: 'UTC' } });
    const rows = container.querySelectorAll('[data-index]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    await waitFor(() =>
      expect(container.querySelector('[data-message-id="m-9999"]')).toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(container.querySelector('[data-message-id="m-9990"]')).toBeInTheDocument(),
    );
    expect(container.querySelector('[data-message-id="m-10"]')).not.toBeInTheDocument();
    // The log is silent: arrivals are read through the announcer (see below).
    expect(log()).toHaveAttribute('aria-live', 'off');
    await expectNoAxeViolations(container);
    // Building 10,000 items and running axe is slow in jsdom on a loaded 2-core machine; what is
    // checked is the row count, not the time.
  }, 30_000);

  it('carries data-message-id and keeps the row (keyed by localId) when a send is confirmed', async () => {
    const pending = makeChatItem({
      id: 'token-1',
      localId: 'token-1',
      isOwn: true,
      status: 'sending',
      content: 'Hello',
      participantId: 'me',
      role: 'CUSTOMER',
    });
    const session = sessionWith([pending]);
    const { container } = renderChat(<MessageList />, { session });
    const row = container.querySelector('[data-message-id="token-1"]');
    expect(row).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('Sending…')).toBeInTheDocument();

    act(() => session.update({ items: [{ ...pending, id: 'server-1', status: 'sent' }] }));
    const confirmed = container.querySelector('[data-message-id="server-1"]');
    expect(confirmed).toBe(row);
    expect(container.querySelector('[data-message-id="token-1"]')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('follows new messages at the bottom', async () => {
    const session = sessionWith(manyItems(50));
    const { container } = renderChat(<MessageList />, { session });
    const root = container.querySelector('[data-state]')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'at-bottom'));
    const before = log().scrollTop;

    act(() =>
      session.addItem(
        makeChatItem({
          id: 'fresh',
          content: 'Fresh news',
          time: new Date(base + 60_000).toISOString(),
        }),
      ),
    );

    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(before));
    expect(screen.getByText('Fresh news')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /new message|Jump to latest/ }),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('re-renders only the new row on an append, with the row and day slots replaced', async () => {
    const renders = new Map<string, number>();
    const count = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);
    function CountedRow(props: MessageRowProps) {
      count(props.item.id);
      return <MessageRow {...props} />;
    }
    function CountedDay(props: DaySeparatorProps) {
      count(`day ${props.time}`);
      return <DaySeparator {...props} />;
    }
    const session = sessionWith(manyItems(50));
    const { container } = renderChat(
      // An inline object on purpose: the slots keep their identity, so the rows stay memoized.
      <WithComponents overrides={{ MessageRow: CountedRow, DaySeparator: CountedDay }}>
        <MessageList />
      </WithComponents>,
      { session, theme: { timeZone: 'UTC' } },
    );
    const root = container.querySelector('[data-state]')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'at-bottom'));
    await waitFor(() =>
      expect(container.querySelector('[data-message-id="m-49"]')).toBeInTheDocument(),
    );
    const before = new Map(renders);
    expect(before.size).toBeGreaterThan(1);

    // From the customer, after an agent's message: no earlier row changes its grouping.
    act(() =>
      session.addItem(
        makeChatItem({
          id: 'fresh',
          content: 'Fresh news',
          time: new Date(base + 60_000).toISOString(),
          participantId: 'me',
          isOwn: true,
          role: 'CUSTOMER',
        }),
      ),
    );

    await waitFor(() => expect(screen.getByText('Fresh news')).toBeInTheDocument());
    expect(renders.get('fresh')).toBeGreaterThan(0);
    for (const [key, times] of before) {
      expect({ key, times: renders.get(key) }).toEqual({ key, times });
    }
  });

  it('stays put when the reader scrolled up, shows a new-messages button, and jumps on click', async () => {
    const user = userEvent.setup();
    const session = sessionWith(manyItems(50));
    const { container } = renderChat(<MessageList />, { session });
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));

    fireEvent.scroll(log(), { target: { scrollTop: 300 } });
    const root = container.querySelector('[data-state]')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'scrolled-up'));
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
    // Rows measured on the way up (60 px, estimated 64) shift the offset, not what is in view.
    const reading = log().scrollTop;
    expect(reading).toBeLessThanOrEqual(300);

    act(() => {
      session.addItem(makeChatItem({ id: 'n1', time: new Date(base + 60_000).toISOString() }));
      session.addItem(makeChatItem({ id: 'n2', time: new Date(base + 61_000).toISOString() }));
    });
    expect(log().scrollTop).toBe(reading);
    const jump = await screen.findByRole('button', { name: '2 new messages' });
    await expectNoAxeViolations(container);

    await user.click(jump);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'at-bottom'));
    expect(log().scrollTop).toBeGreaterThan(reading);
    expect(screen.queryByRole('button', { name: /new messages/ })).not.toBeInTheDocument();
  });

  it('loads older items when scrolled to the top, and from the "Load earlier messages" button', async () => {
    const user = userEvent.setup();
    const session = sessionWith(manyItems(40), { hasOlder: true });
    const { container } = renderChat(<MessageList />, { session });
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));
    expect(session.callsOf('loadOlder')).toHaveLength(0);

    fireEvent.scroll(log(), { target: { scrollTop: 0 } });
    await waitFor(() => expect(session.callsOf('loadOlder')).toHaveLength(1));

    const button = await screen.findByRole('button', { name: 'Load earlier messages' });
    await user.click(button);
    await waitFor(() => expect(session.callsOf('loadOlder')).toHaveLength(2));
    await expectNoAxeViolations(container);
  });

  it('keeps the rows in view steady when older history is prepended', async () => {
    const session = sessionWith(manyItems(60, 100), { hasOlder: true });
    const { container } = renderChat(<MessageList />, { session });
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));
    fireEvent.scroll(log(), { target: { scrollTop: 1200 } });
    const root = container.querySelector('[data-state]')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'scrolled-up'));
    const place = (id: string) => {
      const row = container.querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;
      return (
        Number.parseFloat(/translateY\((.+)px\)/.exec(row.style.transform)![1]!) - log().scrollTop
      );
    };
    const before = place('m-125');

    act(() => session.update({ items: [...manyItems(30, 70), ...session.getSnapshot().items] }));
    expect(place('m-125')).toBeCloseTo(before, 5);
    expect(log().scrollTop).toBeGreaterThan(1200);
    expect(session.callsOf('loadOlder')).toHaveLength(0);
  });

  it('holds the place the reader scrolled to even before the scroll event arrives', async () => {
    const session = sessionWith(manyItems(60));
    const { container } = renderChat(<MessageList />, { session });
    const root = container.querySelector('[data-state]')!;
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));
    fireEvent.scroll(log(), { target: { scrollTop: 900 } });
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'scrolled-up'));
    const top = (row: HTMLElement) =>
      Number.parseFloat(/translateY\((.+)px\)/.exec(row.style.transform)![1]!);
    // A browser scrolls first and fires `scroll` on the next frame; a re-layout in between must
    // hold what the reader sees now, not snap back to where the last event left the view.
    const moved = log().scrollTop + 100;
    log().scrollTop = moved;
    const row = [...container.querySelectorAll<HTMLElement>('[data-message-id]')].find(
      (element) => top(element) > moved && top(element) < moved + 300,
    )!;
    const before = top(row) - moved;
    act(() => session.update({ items: [...manyItems(5, -5), ...session.getSnapshot().items] }));
    expect(top(row) - log().scrollTop).toBeCloseTo(before, 5);
    expect(log().scrollTop).toBeGreaterThan(moved);
  });

  it('mounts each message once while scrolling through a long transcript', async () => {
    const session = sessionWith(manyItems(100));
    const { container } = renderChat(<MessageList />, { session });
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));
    const seen = new Set<string>();
    for (let top = 0; top <= log().scrollHeight; top += 500) {
      fireEvent.scroll(log(), { target: { scrollTop: top } });
      const ids = [...container.querySelectorAll('[data-message-id]')].map((row) =>
        row.getAttribute('data-message-id')!,
      );
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThan(40);
      ids.forEach((id) => seen.add(id));
    }
    expect(seen.size).toBe(100);
  });

  it('announces each arrival once through one live region; scrolling and history stay silent', async () => {
    const session = sessionWith(manyItems(200, 1000), { hasOlder: true });
    const { container } = renderChat(<MessageList />, { session });
    const announcer = container.querySelector('[data-announcer]')!;
    expect(announcer).toHaveAttribute('aria-live', 'polite');
    const said = () => [...announcer.querySelectorAll('p')].map((line) => line.textContent);
    await waitFor(() => expect(log().scrollTop).toBeGreaterThan(0));

    // Scrolling back through the transcript mounts rows, and an older page arrives: silence.
    for (let top = log().scrollTop; top >= 0; top -= 400) {
      fireEvent.scroll(log(), { target: { scrollTop: top } });
    }
    const older = manyItems(50, 900).map((item) => ({ ...item, fromHistory: true }));
    act(() => session.update({ items: [...older, ...session.getSnapshot().items] }));
    fireEvent.scroll(log(), { target: { scrollTop: 0 } });
    expect(said()).toEqual([]);

    // A new message from the agent: read once, even when the next update repeats it.
    const reply = makeChatItem({
      id: 'live-1',
      content: 'Your refund is on its way.',
      displayName: 'Sam',
      time: new Date(base + 2_000_000).toISOString(),
    });
    act(() => session.update({ items: [...session.getSnapshot().items, reply] }));
    act(() => session.update({ items: [...session.getSnapshot().items] }));
    expect(said()).toEqual(['Sam: Your refund is on its way.']);

    // The customer's own send is not echoed back to them.
    const own = makeChatItem({ id: 'own-1', isOwn: true, content: 'Thanks!' });
    act(() => session.update({ items: [...session.getSnapshot().items, own] }));
    expect(said()).toEqual(['Sam: Your refund is on its way.']);

    // A burst (a gap filled after a reconnect) reads as one summary.
    const burst = manyItems(5, 5000).map((item) => ({ ...item, isOwn: false, id: `b-${item.id}` }));
    act(() => session.update({ items: [...session.getSnapshot().items, ...burst] }));
    expect(said()).toEqual(['Sam: Your refund is on its way.', '5 new messages']);
  });

  it('groups consecutive messages by sender, separates days, and shows events as centred notes', async () => {
    const session = sessionWith([
      makeChatItem({
        id: 'e1',
        type: 'event',
        event: 'participant.joined',
        displayName: 'Sam',
        content: undefined,
        time: '2025-03-03T09:00:00Z',
      }),
      makeChatItem({
        id: 'a1',
        content: 'Hi',
        displayName: 'Sam',
        participantId: 'agent-1',
        time: '2025-03-03T09:00:01Z',
      }),
      makeChatItem({
        id: 'a2',
        content: 'How can I help?',
        displayName: 'Sam',
        participantId: 'agent-1',
        time: '2025-03-03T09:00:02Z',
      }),
      makeChatItem({
        id: 'c1',
        content: 'My order',
        isOwn: true,
        participantId: 'me',
        role: 'CUSTOMER',
        time: '2025-03-04T09:00:03Z',
      }),
      makeChatItem({
        id: 'e2',
        type: 'event',
        event: 'transfer.succeeded',
        content: undefined,
        time: '2025-03-04T09:01:00Z',
      }),
      makeChatItem({
        id: 'e3',
        type: 'event',
        event: 'participant.idle',
        displayName: 'Sam',
        content: undefined,
        time: '2025-03-04T09:02:00Z',
      }),
      makeChatItem({
        id: 'e4',
        type: 'event',
        event: 'chat.ended',
        content: undefined,
        time: '2025-03-04T09:03:00Z',
      }),
    ]);
    const { container } = renderChat(<MessageList />, { session, theme: { timeZone: 'UTC' } });
    const row = (id: string) => container.querySelector(`[data-message-id="${id}"]`) as HTMLElement;

    expect(within(row('e1')).getByText('Sam joined the chat')).toBeInTheDocument();
    expect(within(row('a1')).getByText('Sam')).toBeVisible();
    // The second message of the run shows no visible name (screen readers still get it).
    expect(within(row('a2')).queryByText('Sam')).not.toBeInTheDocument();
    expect(
      within(row('e2')).getByText('You were transferred to another agent'),
    ).toBeInTheDocument();
    expect(within(row('e3')).getByText('Sam is idle')).toBeInTheDocument();
    expect(within(row('e4')).getByText('Chat ended')).toBeInTheDocument();
    const separators = screen.getAllByRole('separator');
    expect(separators.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Mar 3, 2025',
      'Mar 4, 2025',
    ]);
    await expectNoAxeViolations(container);
  });

  it('renders interactive items through InteractiveRendererContext or the renderInteractive prop', async () => {
    const interactive = makeChatItem({
      id: 'i1',
      contentType: 'application/vnd.amazonaws.connect.message.interactive',
      content: '{}',
    });
    const session = sessionWith([interactive]);
    const { container, rerender } = renderChat(
      <InteractiveRendererContext.Provider value={(item) => <p>from context {item.id}</p>}>
        <MessageList />
      </InteractiveRendererContext.Provider>,
      { session },
    );
    expect(screen.getByText('from context i1')).toBeInTheDocument();
    rerender(
      <InteractiveRendererContext.Provider value={(item) => <p>from context {item.id}</p>}>
        <MessageList renderInteractive={(item) => <p>from prop {item.id}</p>} />
      </InteractiveRendererContext.Provider>,
    );
    expect(screen.getByText('from prop i1')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says so when there are no messages', async () => {
    const { container } = renderChat(<MessageList />);
    expect(screen.getByText('No messages yet.')).toBeInTheDocument();
    expect(container.querySelector('[data-state]')).toHaveAttribute('data-state', 'empty');
    await expectNoAxeViolations(container);
  });
});

describe('buildRows', () => {
  it('inserts a day row per calendar day and marks group starts and ends by sender', () => {
    const items = [
      makeChatItem({ id: 'a', participantId: 'p', time: '2025-01-01T10:00:00Z' }),
      makeChatItem({ id: 'b', participantId: 'p', time: '2025-01-01T10:01:00Z' }),
      makeChatItem({ id: 'c', participantId: 'q', time: '2025-01-01T10:02:00Z' }),
      makeChatItem({ id: 'd', participantId: 'q', time: '2025-01-02T10:00:00Z' }),
    ];
    const rows = buildRows(items, { hasOlder: true, dayKey: (iso) => iso.slice(0, 10) });
    expect(
      rows.map((row) =>
        row.kind === 'item' ? `${row.key}:${+row.groupStart}${+row.groupEnd}` : row.key,
      ),
    ).toEqual(['older', 'day:2025-01-01', 'a:10', 'b:01', 'c:11', 'day:2025-01-02', 'd:11']);
    expect(TEST_VIEWPORT.rowHeight).toBe(60);
  });
});
