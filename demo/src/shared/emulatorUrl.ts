/** Where `npm run dev` runs the emulator (design.md §4). */
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:4010';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

/**
 * The emulator base URL of the demo pages: `?emulator=http://127.0.0.1:PORT` (loopback only, so a
 * crafted link cannot point the demo elsewhere), else `VITE_EMULATOR_URL`, else port 4010. The
 * end-to-end tests use the query parameter to reach an emulator on a port of their own.
 *
 * @example
 * ```ts
 * emulatorUrl('?emulator=http://127.0.0.1:53122'); // 'http://127.0.0.1:53122'
 * emulatorUrl(''); // 'http://127.0.0.1:4010'
 * ```
 */
export function emulatorUrl(search: string, fallback?: string): string {
  const fromQuery = new URLSearchParams(search).get('emulator')?.replace(/\/+$/, '');
  if (fromQuery && LOOPBACK.test(fromQuery)) {
    return fromQuery;
  }
  return (fallback ?? DEFAULT_EMULATOR_URL).replace(/\/+$/, '');
}

/**
 * Keeps the `emulator` query parameter on a link between the demo's pages.
 *
 * @example
 * ```ts
 * withEmulatorParam('/agent.html', '?emulator=http://127.0.0.1:53122');
 * // '/agent.html?emulator=http%3A%2F%2F127.0.0.1%3A53122'
 * ```
 */
export function withEmulatorParam(path: string, search: string): string {
  const value = new URLSearchParams(search).get('emulator');
  return value ? `${path}?${new URLSearchParams({ emulator: value }).toString()}` : path;
}
