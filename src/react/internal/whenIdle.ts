/**
 * Runs `callback` once the browser is idle (or after `fallbackMs` where there is no
 * `requestIdleCallback`), for work a page can do ahead of need, such as fetching code. Call it
 * from an effect, never at import time; returns the cancel function, the effect's cleanup.
 *
 * @example
 * ```ts
 * useEffect(() => whenIdle(() => void import('./panel')), []);
 * ```
 */
export function whenIdle(callback: () => void, fallbackMs = 2000): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(callback, { timeout: 5000 });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, fallbackMs);
  return () => clearTimeout(handle);
}
