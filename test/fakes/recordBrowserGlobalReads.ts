/** The browser globals our modules must not read on a server (at import or in a render). */
export const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'self',
  'sessionStorage',
  'localStorage',
  'WebSocket',
  'location',
] as const;

/**
 * Runs `run` with every {@link BROWSER_GLOBALS} entry replaced by a getter that records the read,
 * then puts the originals back. SSR tests expect `reads` to be empty.
 *
 * @example
 * ```ts
 * const { value: html, reads } = await recordBrowserGlobalReads(async () => renderToString(app));
 * expect(reads).toEqual([]);
 * ```
 */
export async function recordBrowserGlobalReads<T>(
  run: () => Promise<T>,
): Promise<{ value: T; reads: string[] }> {
  const reads: string[] = [];
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of BROWSER_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const original: unknown = (globalThis as Record<string, unknown>)[name];
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push(name);
        return original;
      },
    });
  }
  try {
    return { value: await run(), reads };
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) {
        Object.defineProperty(globalThis, name, descriptor);
      } else {
        delete (globalThis as Record<string, unknown>)[name];
      }
    }
  }
}
