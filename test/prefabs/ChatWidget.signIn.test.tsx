import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ChatSession } from 'contact-kit/core';
import { ChatWidget } from 'contact-kit';
import { type ChatItem } from 'contact-kit/core';
import { AUTHENTICATION_REOPEN_KEY } from '../../src/core/chat/authentication/authenticationRedirect';
import { FakeChatSession } from 'contact-kit/testing';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SESSION_ID = '3d9b1c2a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const initiated: ChatItem = {
  id: 'auth-1',
  type: 'event',
  event: 'authentication.initiated',
  contentType: 'application/vnd.amazonaws.connect.event.authentication.initiated',
  content: JSON.stringify({ SessionId: SESSION_ID }),
  time: '2025-03-01T09:00:00.000Z',
  isOwn: false,
  receipts: [],
};

describe('ChatWidget and customer sign-in', () => {
  // One test: the reopen mark is read once per page load (module), like a real page.
  it('reopens after a same-tab sign-in, and gives the prompt its authenticationRedirectUri', async () => {
    sessionStorage.setItem(AUTHENTICATION_REOPEN_KEY, '1');
    const session = new FakeChatSession() as FakeChatSession & {
      getAuthenticationUrl: Mock<ChatSession['getAuthenticationUrl']>;
      cancelAuthentication: Mock<ChatSession['cancelAuthentication']>;
    };
    session.getAuthenticationUrl = vi.fn((_sessionId: string, _redirectUri: string) =>
      Promise.resolve('https://idp.example/authorize'),
    );
    session.cancelAuthentication = vi.fn((_sessionId: string) => Promise.resolve());
    session.update({
      connection: { status: 'open', attempt: 0, error: undefined },
      items: [initiated],
    });
    const popup = { closed: false, location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    render(
      <ChatWidget
        session={session}
        position="inline"
        authenticationRedirectUri="https://shop.example/signed-in.html"
      />,
    );
    // Not defaultOpen: the mark opened it, and is gone.
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(sessionStorage.getItem(AUTHENTICATION_REOPEN_KEY)).toBeNull();

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(session.getAuthenticationUrl).toHaveBeenCalledWith(
      SESSION_ID,
      'https://shop.example/signed-in.html',
    );
    await waitFor(() => expect(popup.location.href).toBe('https://idp.example/authorize'));
    // The file's only test pays for the first transform of the widget's lazy body and session
    // (3.5 s alone on a busy 2-core machine): a guard against hanging, not a performance claim.
  }, 30_000);
});
