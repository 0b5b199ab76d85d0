/**
 * Where the session hears that reconnecting is worth trying now: the network came back
 * (`online`) or the page became visible again (`visibilitychange`). Injected so tests and
 * non-browser hosts (React Native, Node) can drive it.
 *
 * @example
 * ```ts
 * createChatSession({
 *   participantToken,
 *   region: 'us-east-1',
 *   environment: {
 *     subscribe(onWake) {
 *       const sub = NetInfo.addEventListener((s) => s.isConnected && onWake());
 *       return () => sub();
 *     },
 *   },
 * });
 * ```
 */
export interface ChatEnvironment {
  /** Starts listening; returns a function that stops. */
  subscribe(onWake: () => void): () => void;
}

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

function isEventTarget(value: unknown): value is EventTargetLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EventTargetLike).addEventListener === 'function' &&
    typeof (value as EventTargetLike).removeEventListener === 'function'
  );
}

/**
 * The browser environment: `online` on `window`, `visibilitychange` (to visible) on `document`.
 * Looks the globals up when called, never at import, and returns `undefined` where there is no
 * `window` (SSR, Node).
 *
 * @example
 * ```ts
 * const environment = options.environment === undefined ? browserEnvironment() : options.environment;
 * ```
 */
export function browserEnvironment(): ChatEnvironment | undefined {
  const win: unknown = (globalThis as { window?: unknown }).window;
  const doc: unknown = (globalThis as { document?: unknown }).document;
  if (!isEventTarget(win)) {
    return undefined;
  }
  return {
    subscribe(onWake) {
      const onVisibility = (): void => {
        if ((doc as { visibilityState?: string }).visibilityState !== 'hidden') {
          onWake();
        }
      };
      win.addEventListener('online', onWake);
      if (isEventTarget(doc)) {
        doc.addEventListener('visibilitychange', onVisibility);
      }
      return () => {
        win.removeEventListener('online', onWake);
        if (isEventTarget(doc)) {
          doc.removeEventListener('visibilitychange', onVisibility);
        }
      };
    },
  };
}
