import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { ChatSession } from 'contact-kit/core';
import { ChatProvider, useCustomerAuthentication } from 'contact-kit';
import { type ChatEventKind, type ChatItem } from 'contact-kit/core';
import { AUTHENTICATION_REDIRECT_MESSAGE } from '../../src/core/chat/authentication/authenticationRedirect';
import { FakeChatSession } from 'contact-kit/testing';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SESSION_ID = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
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

function setup() {
  const session = new FakeChatSession() as FakeChatSession & {
    getAuthenticationUrl: Mock<ChatSession['getAuthenticationUrl']>;
    cancelAuthentication: Mock<ChatSession['cancelAuthentication']>;
  };
  session.getAuthenticationUrl = vi.fn((_sessionId: string, _redirectUri: string) =>
    Promise.resolve('https://idp.example/authorize'),
  );
  session.cancelAuthentication = vi.fn((_sessionId: string) => Promise.resolve());
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider session={session}>{children}</ChatProvider>
  );
  return { session, wrapper };
}

describe('useCustomerAuthentication (headless)', () => {
  it('nothing is active without an initiated event; signIn then does nothing', () => {
    const { session, wrapper } = setup();
    const { result } = renderHook(() => useCustomerAuthentication(), { wrapper });
    expect(result.current.active).toBeUndefined();
    expect(result.current.phase).toBe('idle');
    act(() => result.current.signIn());
    expect(session.getAuthenticationUrl).not.toHaveBeenCalled();
  });

  it('signIn uses the redirectUri option, waits, and goes idle when the popup reports back', async () => {
    const { session, wrapper } = setup();
    session.addItem(authEvent('authentication.initiated', 'a'));
    const popup = { closed: false, location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { result } = renderHook(
      () => useCustomerAuthentication({ redirectUri: 'https://shop.example/signed-in.html' }),
      { wrapper },
    );
    expect(result.current.active?.sessionId).toBe(SESSION_ID);
    act(() => result.current.signIn());
    expect(result.current.phase).toBe('opening');
    expect(session.getAuthenticationUrl).toHaveBeenCalledWith(
      SESSION_ID,
      'https://shop.example/signed-in.html',
    );
    await waitFor(() => expect(result.current.phase).toBe('waiting'));
    // A second click while waiting does not open another sign-in.
    act(() => result.current.signIn());
    expect(session.getAuthenticationUrl).toHaveBeenCalledTimes(1);
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', {
          data: { type: AUTHENTICATION_REDIRECT_MESSAGE, result: { outcome: 'signed-in' } },
          origin: window.location.origin,
        }),
      );
    });
    expect(result.current.phase).toBe('idle');
    act(() => session.addItem(authEvent('authentication.succeeded', 'b')));
    expect(result.current.active).toBeUndefined();
    expect(result.current.byItemId.get('a')?.status).toBe('succeeded');
  });

  it('a message from another origin is ignored; a closed popup ends the wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { session, wrapper } = setup();
      session.addItem(authEvent('authentication.initiated', 'a'));
      const popup = { closed: false, location: { href: '' }, close: vi.fn() };
      vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
      const { result } = renderHook(() => useCustomerAuthentication(), { wrapper });
      act(() => result.current.signIn());
      await waitFor(() => expect(result.current.phase).toBe('waiting'));
      act(() => {
        window.dispatchEvent(
          new MessageEvent('message', {
            data: { type: AUTHENTICATION_REDIRECT_MESSAGE },
            origin: 'https://evil.example',
          }),
        );
      });
      expect(result.current.phase).toBe('waiting');
      popup.closed = true;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(600);
      });
      expect(result.current.phase).toBe('idle');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a session without the authentication calls reports AUTHENTICATION_FAILED', () => {
    const session = new FakeChatSession();
    session.addItem(authEvent('authentication.initiated', 'a'));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ChatProvider session={session}>{children}</ChatProvider>
    );
    const { result } = renderHook(() => useCustomerAuthentication(), { wrapper });
    act(() => result.current.continueWithout());
    expect(result.current.error?.code).toBe('AUTHENTICATION_FAILED');
  });
});
