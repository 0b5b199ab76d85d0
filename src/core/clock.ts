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
 * let now = Date.parse('2030-01-01T00:00:00Z');
 * createChatSession({
 *   participantToken,
 *   region: 'us-east-1',
 *   clock: { now: () => now, setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
 * });
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
