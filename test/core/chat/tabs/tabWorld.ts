import type { Clock, TimerHandle } from 'contact-kit/core';
import type { FakeClock } from '../../../fakes/FakeClock';

interface TabTimer {
  cancelled: boolean;
  inner: TimerHandle;
}

/**
 * One tab's view of a shared {@link FakeClock}: `freeze()` models a frozen tab (its timers do not
 * run; time goes on), `thaw()` runs what fell due meanwhile, in order, like a thawed page.
 */
export class TabClock implements Clock {
  private frozen = false;
  private missed: Array<{ timer: TabTimer; callback: () => void }> = [];

  constructor(private readonly base: FakeClock) {}

  now(): number {
    return this.base.now();
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer: TabTimer = { cancelled: false, inner: undefined };
    timer.inner = this.base.setTimeout(() => {
      if (timer.cancelled) {
        return;
      }
      if (this.frozen) {
        this.missed.push({ timer, callback });
      } else {
        callback();
      }
    }, delayMs);
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = handle as TabTimer;
    timer.cancelled = true;
    this.base.clearTimeout(timer.inner);
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    const missed = this.missed;
    this.missed = [];
    for (const { timer, callback } of missed) {
      if (!timer.cancelled) {
        callback();
      }
    }
  }

  /** A crashed tab: nothing of it runs again. */
  stop(): void {
    this.frozen = true;
    this.missed = [];
  }
}
