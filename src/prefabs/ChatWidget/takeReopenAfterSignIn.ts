import { AUTHENTICATION_REOPEN_KEY } from '../../core/chat/authentication/authenticationRedirect';

/**
 * Whether the customer just came back from a same-tab sign-in (see
 * `completeAuthenticationRedirect`); the mark is removed, and the answer kept for this page load.
 *
 * @example
 * ```ts
 * const [open, setOpen] = useState(() => defaultOpen || takeReopenAfterSignIn());
 * ```
 */
export function takeReopenAfterSignIn(): boolean {
  // Once per page load (React may run a state initializer twice).
  taken ??= readAndRemove();
  return taken;
}

let taken: boolean | undefined;

function readAndRemove(): boolean {
  try {
    const storage = typeof window === 'undefined' ? undefined : window.sessionStorage;
    if (!storage || storage.getItem(AUTHENTICATION_REOPEN_KEY) === null) {
      return false;
    }
    storage.removeItem(AUTHENTICATION_REOPEN_KEY);
    return true;
  } catch {
    return false;
  }
}
