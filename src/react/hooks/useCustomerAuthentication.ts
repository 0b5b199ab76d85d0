import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import {
  AUTHENTICATION_POPUP_NAME,
  AUTHENTICATION_REDIRECT_MESSAGE,
  saveAuthenticationReturn,
} from '../../core/chat/authentication/authenticationRedirect';
import {
  foldAuthentication,
  type AuthenticationPrompt,
  type AuthenticationState,
} from '../../core/chat/authentication/customerAuthentication';
import { ChatError } from '../../core/protocol/errors';
import { useChatContext } from '../context/ChatSessionContext';
import { shallowEqual } from '../internal/shallowEqual';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * Options of {@link useCustomerAuthentication}.
 *
 * @example
 * ```ts
 * const { signIn } = useCustomerAuthentication({ redirectUri: `${location.origin}/signed-in.html` });
 * ```
 */
export interface UseCustomerAuthenticationOptions {
  /**
   * Where the sign-in page sends the customer back (GetAuthenticationUrl's `RedirectUri`): a page
   * of your site that calls `completeAuthenticationRedirect()`. Defaults to the current page
   * without its hash.
   */
  redirectUri?: string;
  /** `window.open` features of the sign-in popup. Defaults to a 480×640 popup. */
  popupFeatures?: string;
  /** The window to open the popup from and to redirect. Defaults to `window`. */
  window?: Window;
}

/**
 * What the customer's sign-in is doing right now: `idle`, `opening` (getting the sign-in URL),
 * `waiting` (the sign-in popup is open, or the page is leaving for a same-tab sign-in), or
 * `cancelling` (continuing without signing in).
 *
 * @example
 * ```ts
 * const busy = phase !== 'idle';
 * ```
 */
export type CustomerAuthenticationPhase = 'idle' | 'opening' | 'waiting' | 'cancelling';

/**
 * Result of {@link useCustomerAuthentication}.
 *
 * @example
 * ```tsx
 * const { active, phase, signIn, continueWithout } = useCustomerAuthentication();
 * if (active) return <button disabled={phase !== 'idle'} onClick={signIn}>Sign in</button>;
 * ```
 */
export interface UseCustomerAuthenticationResult extends AuthenticationState {
  /** What the sign-in of the active prompt is doing. */
  phase: CustomerAuthenticationPhase;
  /** The last failure of {@link UseCustomerAuthenticationResult.signIn} or `continueWithout`. */
  error: ChatError | undefined;
  /**
   * Opens the sign-in page for the active prompt. Call it directly in a click handler: the popup is
   * opened synchronously (popup blockers allow that only), then navigated once the URL arrives.
   * When the popup is blocked, the page itself goes to the sign-in page after saving where to come
   * back to. Does nothing without an active prompt or while busy.
   */
  signIn: () => void;
  /** Continues without signing in (CancelParticipantAuthentication). Does nothing while busy. */
  continueWithout: () => void;
}

const DEFAULT_POPUP_FEATURES = 'popup,width=480,height=640';
const CLOSED_POLL_MS = 500;

function isAuthenticationRow(item: ChatItem): boolean {
  return (
    item.type === 'event' &&
    item.event !== undefined &&
    (item.event.startsWith('authentication.') || item.event === 'chat.ended')
  );
}

const selectAuthenticationItems = (snapshot: ChatSnapshot): readonly ChatItem[] =>
  snapshot.items.filter(isAuthenticationRow);

function unavailable(what: string): ChatError {
  return new ChatError('AUTHENTICATION_FAILED', `${what}: this chat session cannot sign in`);
}

function asChatError(error: unknown, what: string): ChatError {
  return error instanceof ChatError
    ? error
    : new ChatError('AUTHENTICATION_FAILED', `${what} failed`, { cause: error });
}

/**
 * Customer authentication in chat ("Authenticate customer" flow block), headless: the sign-in
 * prompts folded from the transcript's `authentication.*` events, and the two actions of the
 * active one. Render your own prompt with it; the widget's `SignInPrompt` uses it too.
 * The phase goes back to `idle` when the flow moves on, when the popup reports back or is closed.
 *
 * @example
 * ```tsx
 * function SignIn() {
 *   const { active, phase, signIn, continueWithout } = useCustomerAuthentication({
 *     redirectUri: `${location.origin}/signed-in.html`,
 *   });
 *   if (!active) return null;
 *   return (
 *     <div role="group" aria-label="Sign in">
 *       <button onClick={signIn} disabled={phase !== 'idle'}>Sign in</button>
 *       <button onClick={continueWithout} disabled={phase !== 'idle'}>Continue without signing in</button>
 *     </div>
 *   );
 * }
 * ```
 */
export function useCustomerAuthentication(
  options: UseCustomerAuthenticationOptions = {},
): UseCustomerAuthenticationResult {
  const { session, store } = useChatContext();
  const items = useStoreSelector(store, selectAuthenticationItems, shallowEqual);
  const state = useMemo(() => foldAuthentication(items), [items]);
  const [busy, setBusy] = useState<
    { itemId: string; phase: Exclude<CustomerAuthenticationPhase, 'idle'> } | undefined
  >(undefined);
  const [error, setError] = useState<ChatError | undefined>(undefined);
  const popupRef = useRef<Window | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const active: AuthenticationPrompt | undefined = state.active;
  // Busy only for the prompt that is still active: once the flow moves on, the phase is over.
  const phase: CustomerAuthenticationPhase =
    busy && active && busy.itemId === active.itemId ? busy.phase : 'idle';

  useEffect(() => {
    if (busy && (!active || busy.itemId !== active.itemId)) {
      setBusy(undefined);
    }
  }, [active, busy]);

  // The popup reports back (or is closed): the service's event tells the outcome.
  useEffect(() => {
    if (phase !== 'waiting') {
      return undefined;
    }
    const win = optionsRef.current.window ?? window;
    const onMessage = (event: MessageEvent): void => {
      const data = event.data as { type?: unknown } | null;
      if (event.origin === win.location.origin && data?.type === AUTHENTICATION_REDIRECT_MESSAGE) {
        popupRef.current = null;
        setBusy(undefined);
      }
    };
    win.addEventListener('message', onMessage);
    const timer = win.setInterval(() => {
      const popup = popupRef.current;
      if (popup && popup.closed) {
        popupRef.current = null;
        setBusy(undefined);
      }
    }, CLOSED_POLL_MS);
    return () => {
      win.removeEventListener('message', onMessage);
      win.clearInterval(timer);
    };
  }, [phase]);

  const signIn = useCallback(() => {
    const prompt = state.active;
    if (!prompt?.sessionId || phase !== 'idle') {
      return;
    }
    const sessionId = prompt.sessionId;
    if (!session?.getAuthenticationUrl) {
      setError(unavailable('signIn'));
      return;
    }
    const win = optionsRef.current.window ?? window;
    // Synchronously, inside the click: popup blockers only allow this.
    let popup: Window | null = null;
    try {
      popup = win.open(
        'about:blank',
        AUTHENTICATION_POPUP_NAME,
        optionsRef.current.popupFeatures ?? DEFAULT_POPUP_FEATURES,
      );
    } catch {
      popup = null;
    }
    popupRef.current = popup;
    const redirectUri = optionsRef.current.redirectUri ?? win.location.href.replace(/#.*$/, '');
    setError(undefined);
    setBusy({ itemId: prompt.itemId, phase: 'opening' });
    session.getAuthenticationUrl(sessionId, redirectUri).then(
      (url) => {
        if (popup && !popup.closed) {
          popup.location.href = url;
          setBusy({ itemId: prompt.itemId, phase: 'waiting' });
          return;
        }
        // Blocked (or closed already): sign in in this tab, then come back and resume the chat.
        const returnUrl = win.location.href;
        if (!saveAuthenticationReturn(win.sessionStorage, { returnUrl, sessionId })) {
          setBusy(undefined);
          setError(
            new ChatError(
              'AUTHENTICATION_FAILED',
              'signIn: the popup was blocked and storage is unavailable',
            ),
          );
          return;
        }
        setBusy({ itemId: prompt.itemId, phase: 'waiting' });
        win.location.assign(url);
      },
      (failure: unknown) => {
        popup?.close();
        popupRef.current = null;
        setBusy(undefined);
        setError(asChatError(failure, 'GetAuthenticationUrl'));
      },
    );
  }, [phase, session, state.active]);

  const continueWithout = useCallback(() => {
    const prompt = state.active;
    if (!prompt?.sessionId || phase === 'cancelling' || phase === 'opening') {
      return;
    }
    if (!session?.cancelAuthentication) {
      setError(unavailable('continueWithout'));
      return;
    }
    popupRef.current?.close();
    popupRef.current = null;
    setError(undefined);
    setBusy({ itemId: prompt.itemId, phase: 'cancelling' });
    session.cancelAuthentication(prompt.sessionId).then(
      // The cancelled event settles the prompt; until then the buttons stay disabled.
      () => undefined,
      (failure: unknown) => {
        setBusy(undefined);
        setError(asChatError(failure, 'CancelParticipantAuthentication'));
      },
    );
  }, [phase, session, state.active]);

  return { ...state, phase, error, signIn, continueWithout };
}
