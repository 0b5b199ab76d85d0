import { describe, expect, it, vi } from 'vitest';
import { completeAuthenticationRedirect } from 'contact-kit/core';
import {
  AUTHENTICATION_REDIRECT_MESSAGE,
  AUTHENTICATION_REOPEN_KEY,
  AUTHENTICATION_RETURN_KEY,
  readAuthenticationRedirect,
  saveAuthenticationReturn,
} from '../../../../src/core/chat/authentication/authenticationRedirect';
import { memoryStorage } from '../../../fakes/memoryStorage';

const S = '0b6f6f3e-8c1d-4f0e-9c7a-5a2b3c4d5e6f';

function landing(href: string, opener: unknown) {
  const storage = memoryStorage();
  const win = {
    location: { href, origin: new URL(href).origin, replace: vi.fn() },
    opener,
    sessionStorage: storage,
    close: vi.fn(),
  };
  return { win, storage };
}

describe('readAuthenticationRedirect', () => {
  it('reads code, error and state', () => {
    expect(readAuthenticationRedirect(`https://shop.example/in?code=c&state=${S}`)).toEqual({
      outcome: 'signed-in',
      sessionId: S,
    });
    expect(
      readAuthenticationRedirect(`https://shop.example/in?error=access_denied&state=${S}`),
    ).toEqual({ outcome: 'denied', sessionId: S, error: 'access_denied' });
    expect(readAuthenticationRedirect('https://shop.example/in')).toEqual({ outcome: 'unknown' });
    expect(readAuthenticationRedirect('not a url')).toEqual({ outcome: 'unknown' });
  });
});

describe('completeAuthenticationRedirect', () => {
  it('in the popup: reports to the opener (same origin only) and closes', () => {
    const opener = { postMessage: vi.fn() };
    const { win } = landing(`https://shop.example/in?code=c&state=${S}`, opener);
    const result = completeAuthenticationRedirect({ window: win as unknown as Window });
    expect(result).toEqual({ outcome: 'signed-in', sessionId: S });
    expect(opener.postMessage).toHaveBeenCalledWith(
      { type: AUTHENTICATION_REDIRECT_MESSAGE, result },
      'https://shop.example',
    );
    expect(win.close).toHaveBeenCalled();
    expect(win.location.replace).not.toHaveBeenCalled();
  });

  it('after a same-tab sign-in: back to the saved chat page, and the widget reopens', () => {
    const { win, storage } = landing(`https://shop.example/in?code=c&state=${S}`, null);
    expect(
      saveAuthenticationReturn(storage, {
        returnUrl: 'https://shop.example/help?x=1',
        sessionId: S,
      }),
    ).toBe(true);
    completeAuthenticationRedirect({ window: win as unknown as Window });
    expect(win.location.replace).toHaveBeenCalledWith('https://shop.example/help?x=1');
    expect(storage.getItem(AUTHENTICATION_RETURN_KEY)).toBeNull();
    expect(storage.getItem(AUTHENTICATION_REOPEN_KEY)).toBe('1');
    expect(win.close).not.toHaveBeenCalled();
  });

  it('without a saved record goes to the fallback URL', () => {
    const { win } = landing('https://shop.example/in?error=access_denied', null);
    completeAuthenticationRedirect({ window: win as unknown as Window, fallbackUrl: '/support' });
    expect(win.location.replace).toHaveBeenCalledWith('/support');
  });
});
