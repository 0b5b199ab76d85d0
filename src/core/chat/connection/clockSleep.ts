import type { Clock } from '../../clock';

/**
 * A `sleep` for the participant client that runs on the session's clock (so a fake clock drives
 * retries in tests). It resolves after `ms`, or at once when `signal` aborts (the client then
 * rejects with `AbortError` itself). The abort listener is removed when the sleep ends either
 * way: callers pass long-lived signals (the transcript sync keeps one for the whole session), and
 * a listener left behind per retry would grow without bound.
 *
 * @example
 * ```ts
 * const client = createParticipantClient({ endpoint, sleep: clockSleep(clock) });
 * ```
 */
export function clockSleep(clock: Clock): (ms: number, signal?: AbortSignal) => Promise<void> {
  return (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        clock.clearTimeout(handle);
        resolve();
      };
      const handle = clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
