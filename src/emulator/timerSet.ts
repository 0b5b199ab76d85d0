import type { Clock, TimerHandle } from '../core/clock';

/**
 * Timers the emulator owns (simulated attachment scans), all cancelled by `clearAll` when it
 * closes, so a closed emulator leaves nothing scheduled behind it.
 *
 * @example
 * ```ts
 * const timers = createTimerSet(clock);
 * timers.set(() => finishScan(), 1000);
 * timers.clearAll(); // on close
 * ```
 */
export interface TimerSet {
  /** Runs `callback` once after `delayMs` on the clock, unless cleared first. */
  set(callback: () => void, delayMs: number): void;
  /** Cancels every timer that has not fired yet. */
  clearAll(): void;
}

/**
 * Creates a {@link TimerSet} on `clock`.
 *
 * @example
 * ```ts
 * const timers = createTimerSet(systemClock);
 * ```
 */
export function createTimerSet(clock: Clock): TimerSet {
  const pending = new Set<TimerHandle>();
  return {
    set(callback, delayMs) {
      const handle = clock.setTimeout(() => {
        pending.delete(handle);
        callback();
      }, delayMs);
      pending.add(handle);
    },
    clearAll() {
      for (const handle of pending) {
        clock.clearTimeout(handle);
      }
      pending.clear();
    },
  };
}
