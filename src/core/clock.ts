/**
 * An opaque timer handle returned by {@link Clock.setTimeout}.
 *
 * @example
 * ```ts
 * const handle = clock.setTimeout(() => retry(), 1000);
 * clock.clearTimeout(handle);
 * clock.clearTimeout(handle);
 * ```
 */
export type TimerHandle = unknown;

/**
 * Time as the kit sees it. Inject a fake one in tests to drive timers and expiry windows without
 * waiting.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => t, setTimeout: (fn, ms) => queue.add(fn, t + ms), clearTimeout: (h) => queue.remove(h) };
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock: `Date.now` and the global timers, looked up at call time so fake timers work.
 *
 * @example
 * ```ts
 * const clock = options.clock ?? systemClock;
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
