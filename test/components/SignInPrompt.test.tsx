import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ChatSession } from 'contact-kit/core';
import { MessageBubble, MessageList } from 'contact-kit';
import { ChatError, type ChatEventKind, type ChatItem } from 'contact-kit/core';
import { AUTHENTICATION_RETURN_KEY } from '../../src/core/chat/authentication/authenticationRedirect';
import { FakeChatSession } from 'contact-kit/testing';
import { expectNoAxeViolations, renderChat } from './support';

const SESSION_ID = '0b6f6f3e-8c1d-4f0e-9c7a-5a2b3c4d5e6f';
let second = 0;

function authEvent(event: ChatEventKind, id: string): ChatItem {
  second += 1;
  return {
    id,
    type: 'event',
    event,
    contentType: `application/vnd.amazonaws.connect.event.${event}`,
    content: JSON.stringify({ SessionId: SESSION_ID }),
    time: new Date(Date.UTC(2025, 2, 1, 9, 0, second)).toISOString(),
    isOwn: false,
    receipts: [],
  };
}

type AuthSession = FakeChatSession & {
  getAuthenticationUrl: Mock<ChatSession['getAuthenticationUrl']>;
  cancelAuthentication: Mock<ChatSession['cancelAuthentication']>;
};

function authSession(): AuthSession {
  const session = new FakeChatSession() as AuthSession;
  session.getAuthenticationUrl = vi.fn((_sessionId: string, _redirectUri: string) =>
    Promise.resolve('https://idp.example/authorize?x=1'),
  );
  session.cancelAuthentication = vi.fn((_sessionId: string) => Promise.resolve());
  session.addItem(authEvent('authentication.initiated', 'init-1'));
  return session;
}

const signInButton = () => screen.getByRole('button', { name: 'Sign in' });
const continueButton = () => screen.getByRole('button', { name: 'Continue without signing in' });
const card = () => screen.getByRole('group', { name: 'Sign in to continue' });

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe('SignInPrompt in the transcript', () => {
  it('opens the popup inside the click, then navigates it to the sign-in URL', async () => {
    const user = userEvent.setup();
    const session = authSession();
    const popup = { closed: false, location: { href: 'about:blank' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { container } = renderChat(<MessageList />, { session });
    expect(card()).toHaveAttribute('data-auth-status', 'pending');
    await expectNoAxeViolations(container);

    await user.click(signInButton());
    // Synchronously in the click, before the URL is known: popup blockers allow only that.
    expect(open).toHaveBeenCalledWith('about:blank', 'contact-kit-sign-in', expect.any(String));
    expect(session.getAuthenticationUrl).toHaveBeenCalledWith(SESSION_ID, window.location.href);
    await waitFor(() => expect(popup.location.href).toBe('https://idp.example/authorize?x=1'));
    expect(card()).toHaveAttribute('data-phase', 'waiting');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
      'Finish signing in in the window that opened.',
    );
    expect(signInButton()).toHaveAttribute('aria-disabled', 'true');

    // The flow moves on: the buttons stop acting and the outcome shows.
    act(() => session.addItem(authEvent('authentication.succeeded', 'ok-1')));
    expect(card()).toHaveAttribute('data-auth-status', 'succeeded');
    expect(card()).toHaveAttribute('data-phase', 'idle');
    expect(signInButton()).toHaveAttribute('aria-disabled', 'true');
    expect(continueButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getAllByText('Signed in').length).toBeGreaterThanOrEqual(1);
    await user.click(signInButton());
    expect(session.getAuthenticationUrl).toHaveBeenCalledTimes(1);
  });

  it('falls back to a same-tab sign-in when the popup is blocked, saving where to come back', async () => {
    const user = userEvent.setup();
    const session = authSession();
    vi.spyOn(window, 'open').mockReturnValue(null);
    const assign = vi.fn();
    const realLocation = window.location;
    vi.stubGlobal('location', { ...realLocation, href: realLocation.href, assign });
    try {
      renderChat(<MessageList />, { session });
      await user.click(signInButton());
      await waitFor(() => expect(assign).toHaveBeenCalledWith('https://idp.example/authorize?x=1'));
      expect(JSON.parse(sessionStorage.getItem(AUTHENTICATION_RETURN_KEY) ?? '{}')).toEqual({
        returnUrl: realLocation.href,
        sessionId: SESSION_ID,
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('Continue without signing in cancels and waits for the flow', async () => {
    const user = userEvent.setup();
    const session = authSession();
    renderChat(<MessageList />, { session });
    await user.click(continueButton());
    expect(session.cancelAuthentication).toHaveBeenCalledWith(SESSION_ID);
    expect(card()).toHaveAttribute('data-phase', 'cancelling');
    expect(continueButton()).toHaveAttribute('aria-disabled', 'true');
    act(() => session.addItem(authEvent('authentication.cancelled', 'cancel-1')));
    expect(card()).toHaveAttribute('data-auth-status', 'cancelled');
  });

  it('shows an error and lets the customer try again when the URL cannot be had', async () => {
    const user = userEvent.setup();
    const session = authSession();
    const popup = { closed: false, location: { href: 'about:blank' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    session.getAuthenticationUrl.mockRejectedValueOnce(
      new ChatError('AUTHENTICATION_FAILED', 'GetAuthenticationUrl failed'),
    );
    const { container } = renderChat(<MessageList />, { session });
    await user.click(signInButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sign-in could not start. Please try again.',
    );
    expect(popup.close).toHaveBeenCalled();
    expect(signInButton()).toHaveAttribute('aria-disabled', 'false');
    await expectNoAxeViolations(container);
    await user.click(signInButton());
    await waitFor(() => expect(popup.location.href).toBe('https://idp.example/authorize?x=1'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a timed-out request, and one the flow replaced, no longer act', () => {
    const session = authSession();
    session.addItem(authEvent('authentication.timeout', 'timeout-1'));
    session.addItem({
      ...authEvent('authentication.initiated', 'init-2'),
      content: '{"SessionId":"other"}',
    });
    renderChat(<MessageList />, { session });
    const cards = screen.getAllByRole('group', { name: 'Sign in to continue' });
    expect(cards.map((c) => c.getAttribute('data-auth-status'))).toEqual(['timeout', 'pending']);
    expect(
      screen
        .getAllByRole('button', { name: 'Sign in' })
        .map((b) => b.getAttribute('aria-disabled')),
    ).toEqual(['true', 'false']);
  });
});

describe('undelivered own messages', () => {
  it.each([
    ['rejected', 'Not delivered: message processing rejected it'],
    ['failed', 'Not delivered: message processing failed'],
  ] as const)('%s shows "%s" instead of sent', async (processing, text) => {
    const item: ChatItem = {
      id: 'm1',
      type: 'message',
      contentType: 'text/plain',
      content: 'my secret',
      time: '2025-03-01T09:00:00.000Z',
      isOwn: true,
      status: 'sent',
      processing,
      receipts: [],
    };
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(container.querySelector('[data-state="undelivered"]')).not.toBeNull();
    await expectNoAxeViolations(container);
  });

  it('processing shows Processing… until the verdict', () => {
    const item: ChatItem = {
      id: 'm1',
      type: 'message',
      contentType: 'text/plain',
      content: 'hello',
      time: '2025-03-01T09:00:00.000Z',
      isOwn: true,
      status: 'sent',
      processing: 'processing',
      receipts: [],
    };
    renderChat(<MessageBubble item={item} />);
    expect(screen.getByText('Processing…')).toBeInTheDocument();
  });
});
