/**
 * The part of `BroadcastChannel` the tab layer uses: the browser's fits, and so does a fake in
 * tests. Messages are structured clones (a `File` travels; class instances arrive as plain
 * objects).
 *
 * @example
 * ```ts
 * const channel = new BroadcastChannel('contact-kit.chat');
 * ```
 */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/**
 * The part of the Web Locks API (`navigator.locks`) the tab layer uses. A stolen lock's request
 * promise rejects with an `AbortError` DOMException (also when the tab was frozen meanwhile: it
 * learns on thawing).
 *
 * @example
 * ```ts
 * createTabElection({ name: 'contact-kit:chat', tabId, channel, locks: globalThis.navigator?.locks, clock, logger, onRole });
 * ```
 */
export interface LockManagerLike {
  request(
    name: string,
    options: {
      mode?: 'exclusive' | 'shared';
      ifAvailable?: boolean;
      steal?: boolean;
      signal?: AbortSignal;
    },
    /** Gets the lock, or `null` with `ifAvailable` when it is taken; the lock is held until the returned value settles. */
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}
