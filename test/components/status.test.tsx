import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBanner, TypingIndicator, connectionBannerState } from 'contact-kit';
import { ChatError } from 'contact-kit/core';
import { FakeChatSession } from 'contact-kit/testing';
import { expectNoAxeViolations, renderChat } from './support';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ConnectionBanner', () => {
  it.each([
    ['open', 1, 'hidden', ''],
    ['connecting', 1, 'connecting', 'Connecting…'],
    ['reconnecting', 1, 'reconnecting', 'Reconnecting…'],
    ['reconnecting', 3, 'reconnecting', 'Reconnecting (attempt 3)…'],
    ['failed', 0, 'failed', 'The connection was lost.Retry'],
  ] as const)(
    'shows %s (attempt %i) as %s in a role="status"',
    async (status, attempt, state, text) => {
      const session = new FakeChatSession();
      session.setConnection({
        status,
        attempt,
        error: status === 'failed' ? new ChatError('CONNECTION_LOST', 'lost') : undefined,
      });
      const { container } = renderChat(<ConnectionBanner />, { session });
      const region = screen.getByRole('status');
      expect(region).toHaveAttribute('data-state', state);
      expect(region).toHaveTextContent(text);
      await expectNoAxeViolations(container);
    },
  );

  it('says the browser is offline while it reconnects without a network', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const session = new FakeChatSession();
    session.setConnection({ status: 'reconnecting', attempt: 2 });
    const { container } = renderChat(<ConnectionBanner />, { session });
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'offline');
    expect(screen.getByRole('status')).toHaveTextContent('You are offline.');
    await expectNoAxeViolations(container);
  });

  it('follows the connection, and Retry reconnects after a failure', async () => {
    const user = userEvent.setup();
    const session = new FakeChatSession();
    session.setConnection({ status: 'open' });
    renderChat(<ConnectionBanner />, { session });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    act(() =>
      session.setConnection({ status: 'failed', error: new ChatError('CONNECTION_LOST', 'x') }),
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(session.callsOf('connect')).toHaveLength(1);
  });

  it('maps statuses and the online flag to states', () => {
    expect(connectionBannerState('closed', true)).toBe('hidden');
    expect(connectionBannerState('idle', false)).toBe('hidden');
    expect(connectionBannerState('failed', false)).toBe('offline');
  });
});

describe('TypingIndicator', () => {
  it('announces who is typing in a polite live region', async () => {
    const session = new FakeChatSession();
    const { container } = renderChat(<TypingIndicator />, { session });
    const region = container.querySelector('[aria-live="polite"]')!;
    expect(region).toHaveAttribute('data-state', 'idle');
    expect(region).toBeEmptyDOMElement();

    act(() =>
      session.setTyping([
        { participantId: 'a', displayName: 'Sam', role: 'AGENT', since: 0, expiresAt: 1 },
      ]),
    );
    expect(region).toHaveAttribute('data-state', 'typing');
    expect(region).toHaveTextContent('Sam is typing…');

    act(() =>
      session.setTyping([
        { participantId: 'a', displayName: 'Sam', role: 'AGENT', since: 0, expiresAt: 1 },
        { participantId: 'b', role: 'CUSTOM_BOT', since: 0, expiresAt: 1 },
      ]),
    );
    expect(region).toHaveTextContent('Sam and Bot are typing…');
    await expectNoAxeViolations(container);
  });
});
