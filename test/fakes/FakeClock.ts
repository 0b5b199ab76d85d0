import type { Clock, TimerHandle } from 'contact-kit/core';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** Lets pending promise callbacks run (everything queued before a macrotask). */
export const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A manual clock: time moves only through `advance`, which runs due timers in order and lets
 * promise callbacks settle between them.
 */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers = new Map<number, Timer>();

  constructor(start = Date.parse('2030-01-01T00:00:00.000Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Delays of the pending timers, soonest first (relative to now). */
  pendingDelays(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  get pendingCount(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await flushMicrotasks();
    for (;;) {
      const due = [...this.timers.values()]
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) {
        break;
      }
      this.timers.delete(due.id);
      this.time = Math.max(this.time, due.at);
      due.callback();
      await flushMicrotasks();
    }
    this.time = end;
    await flushMicrotasks();
  }
}
