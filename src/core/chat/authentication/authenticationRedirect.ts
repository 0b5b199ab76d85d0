/**
 * The browser side of the sign-in redirect: what the page the identity provider sends the customer
 * back to does (report to the chat and close the popup, or return to the chat after a same-tab
 * sign-in), and what the chat page saves before a same-tab sign-in.
 *
 * @packageDocumentation
 */

/**
 * What the identity provider's redirect says: `signed-in` (a `code`), `denied` (an `error`, e.g.
 * `access_denied`), or `unknown` (neither).
 *
 * @example
 * ```ts
 * const result = completeAuthenticationRedirect();
 * if (result.outcome === 'denied') document.body.textContent = `Sign-in refused (${result.error})`;
 * ```
 */
export interface AuthenticationRedirectResult {
  /** What the redirect says happened. */
  outcome: 'signed-in' | 'denied' | 'unknown';
  /** The SessionId, from the OAuth `state` parameter, when present. */
  sessionId?: string;
  /** The OAuth `error` parameter, when present. */
  error?: string;
}

/**
 * The `type` of the `postMessage` the landing page sends to the chat window that opened the
 * sign-in popup (same origin only).
 *
 * @example
 * ```ts
 * if (event.data?.type === AUTHENTICATION_REDIRECT_MESSAGE) handle(event.data.result);
 * ```
 */
export const AUTHENTICATION_REDIRECT_MESSAGE = 'contact-kit:authentication-redirect';

/**
 * The window name of the sign-in popup the kit opens.
 *
 * @example
 * ```ts
 * window.open('about:blank', AUTHENTICATION_POPUP_NAME, 'popup,width=480,height=640');
 * ```
 */
export const AUTHENTICATION_POPUP_NAME = 'contact-kit-sign-in';

/**
 * The sessionStorage key of the same-tab sign-in record: where to go back to after signing in.
 *
 * @example
 * ```ts
 * sessionStorage.getItem(AUTHENTICATION_RETURN_KEY); // '{"returnUrl":"https://shop.example/help","sessionId":"…"}'
 * ```
 */
export const AUTHENTICATION_RETURN_KEY = 'contact-kit:authentication-return';

/**
 * The sessionStorage key set when the customer came back from a same-tab sign-in: the chat widget
 * opens its panel at once (and removes the key).
 *
 * @example
 * ```ts
 * const reopen = sessionStorage.getItem(AUTHENTICATION_REOPEN_KEY) !== null;
 * ```
 */
export const AUTHENTICATION_REOPEN_KEY = 'contact-kit:authentication-reopen';

/**
 * Reads the result of a sign-in redirect from the landing URL's query (`code`, `error`, `state`).
 * Pure.
 *
 * @example
 * ```ts
 * readAuthenticationRedirect('https://shop.example/signed-in?code=abc&state=6f3c…');
 * // { outcome: 'signed-in', sessionId: '6f3c…' }
 * ```
 */
export function readAuthenticationRedirect(url: string): AuthenticationRedirectResult {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return { outcome: 'unknown' };
  }
  const result: AuthenticationRedirectResult = {
    outcome: params.has('code') ? 'signed-in' : params.has('error') ? 'denied' : 'unknown',
  };
  const state = params.get('state');
  if (state) {
    result.sessionId = state;
  }
  const error = params.get('error');
  if (error) {
    result.error = error;
  }
  return result;
}

/**
 * What a same-tab sign-in saves before leaving the chat page.
 *
 * @example
 * ```ts
 * saveAuthenticationReturn(sessionStorage, { returnUrl: location.href, sessionId });
 * ```
 */
export interface AuthenticationReturn {
  /** The chat page to come back to. */
  returnUrl: string;
  /** The SessionId being signed in. */
  sessionId: string;
}

/**
 * Saves where to come back to before a same-tab sign-in. Returns `false` when sessionStorage is
 * not usable (the caller should then not leave the page).
 *
 * @example
 * ```ts
 * if (saveAuthenticationReturn(sessionStorage, { returnUrl: location.href, sessionId })) location.assign(url);
 * ```
 */
export function saveAuthenticationReturn(
  storage: Pick<Storage, 'setItem'>,
  record: AuthenticationReturn,
): boolean {
  try {
    storage.setItem(AUTHENTICATION_RETURN_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

function takeReturn(
  storage: Pick<Storage, 'getItem' | 'removeItem'>,
): AuthenticationReturn | undefined {
  try {
    const raw = storage.getItem(AUTHENTICATION_RETURN_KEY);
    storage.removeItem(AUTHENTICATION_RETURN_KEY);
    const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as AuthenticationReturn).returnUrl === 'string'
    ) {
      return parsed as AuthenticationReturn;
    }
  } catch {
    // Unusable storage or a damaged record: nothing to return to.
  }
  return undefined;
}

/**
 * Options of {@link completeAuthenticationRedirect}.
 *
 * @example
 * ```ts
 * completeAuthenticationRedirect({ fallbackUrl: '/' });
 * ```
 */
export interface CompleteAuthenticationRedirectOptions {
  /** The window of the landing page. Defaults to `window`. */
  window?: Window;
  /**
   * Where a same-tab sign-in goes when no return record was saved (e.g. storage was cleared).
   * Defaults to the site root, `/`.
   */
  fallbackUrl?: string;
}

/**
 * Finishes a sign-in on the page the identity provider redirects to (the `RedirectUri`). In the
 * sign-in popup it reports the result to the chat window that opened it (a same-origin
 * `postMessage` of type `'contact-kit:authentication-redirect'`) and closes the popup. After a
 * same-tab sign-in it goes back to the chat page saved before leaving (`location.replace`), where
 * the chat resumes from sessionStorage and the widget reopens. The chat learns the outcome itself
 * from the service's `authentication.*` event; the message only tells it the popup is done.
 *
 * @example
 * ```html
 * <!-- /signed-in.html -->
 * <script type="module">
 *   import { completeAuthenticationRedirect } from 'contact-kit/core';
 *   completeAuthenticationRedirect();
 * </script>
 * ```
 */
export function completeAuthenticationRedirect(
  options: CompleteAuthenticationRedirectOptions = {},
): AuthenticationRedirectResult {
  const win = options.window ?? window;
  const result = readAuthenticationRedirect(win.location.href);
  let opener: Window | null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  if (opener && opener !== win) {
    try {
      opener.postMessage({ type: AUTHENTICATION_REDIRECT_MESSAGE, result }, win.location.origin);
    } catch {
      // The opener went away: closing is all that is left to do.
    }
    win.close();
    return result;
  }
  const saved = takeReturn(win.sessionStorage);
  try {
    win.sessionStorage.setItem(AUTHENTICATION_REOPEN_KEY, '1');
  } catch {
    // Without storage the widget simply starts closed.
  }
  win.location.replace(saved?.returnUrl ?? options.fallbackUrl ?? '/');
  return result;
}
