import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { clockSleep } from '../../../../src/core/chat/connection/clockSleep';
import { FakeClock } from '../../../fakes/FakeClock';

describe('clockSleep (the session client’s retry sleep)', () => {
  it('leaves no abort listener behind on a long-lived signal, however many sleeps end', async () => {
    const clock = new FakeClock();
    const sleep = clockSleep(clock);
    const controller = new AbortController();
    for (let i = 0; i < 50; i += 1) {
      const slept = sleep(100, controller.signal);
      await clock.advance(100);
      await slept;
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves at once on abort, cancels its timer and leaves no listener', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const slept = clockSleep(clock)(10_000, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    await slept;
    expect(clock.pendingCount).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('does not wait when the signal is already aborted', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    controller.abort();
    await clockSleep(clock)(10_000, controller.signal);
    expect(clock.pendingCount).toBe(0);
  });
});
