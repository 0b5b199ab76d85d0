/**
 * The part of `BroadcastChannel` the tab layer uses: the browser's fits, and so does a fake in
 * tests. Messages are structured clones (a `File` travels; class instances arrive as plain
 * objects).
 *
 * @example
 * ```ts
 * const channel: BroadcastChannelLike = new BroadcastChannel('contact-kit.chat');
 * ```
 */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/**
 * The part of the Web Locks API (`navigator.locks`) the tab layer uses.
 *
 * @example
 * ```ts
 * const locks: LockManagerLike | undefined = globalThis.navigator?.locks;
 * ```
 */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive'; ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}
