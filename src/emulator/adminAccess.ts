import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * What {@link adminAccess} decided about a request to the admin API: allowed with the CORS headers
 * to answer with, or refused with the reason.
 *
 * @example
 * ```ts
 * const access = adminAccess(request);
 * if (!access.allowed) throw new ServiceError('AccessDeniedException', access.reason);
 * ```
 */
export type AdminAccess =
  { allowed: true; cors: OutgoingHttpHeaders } | { allowed: false; reason: string };

const EXPOSED_HEADERS = 'x-amzn-RequestId, x-amzn-ErrorType, Content-Length';

function loopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * True when a `Host` header names this machine: `127.x.x.x`, `localhost` or `[::1]`, with any
 * port. A page that rebinds its own DNS name to 127.0.0.1 still sends its own name here.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1:4010'); // true
 * isLoopbackHost('evil.example:4010'); // false
 * ```
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const hostname = hostnameOf(host);
  return hostname !== undefined && loopbackHostname(hostname);
}

/** The host name of a `Host` header (`[::1]` keeps its brackets), or undefined when malformed. */
function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined || host === '' || /[/@?#\\\s]/.test(host)) {
    return undefined;
  }
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * True for an `Origin` of a page served from this machine over http(s): `http://127.0.0.1:5173`,
 * `http://localhost:3000`, `http://[::1]:8080`. `null` (sandboxed frames, `file:`) is not one.
 *
 * @example
 * ```ts
 * isLoopbackOrigin('http://127.0.0.1:5173'); // true
 * isLoopbackOrigin('https://evil.example'); // false
 * ```
 */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === origin &&
      loopbackHostname(url.hostname)
    );
  } catch {
    return false;
  }
}

/**
 * Decides whether a request may use the admin API, which creates contacts and hands out tokens:
 * its `Host` must be loopback (against DNS rebinding) and its `Origin`, when a browser sends one,
 * a loopback page. `ownAddress`, the IP address the emulator was explicitly told to listen on
 * (`--host 192.168.1.5`), is accepted as Host too, so its built-in agents keep working there: a
 * rebinding page always sends its own DNS name, never a bare IP address. Allowed answers echo that origin (never `*`) with `Vary: Origin`; requests
 * without an Origin (Node, curl) get no CORS grant at all. The emulator never opts in to Private
 * Network Access here, so a public site cannot reach the admin API through the visitor's browser.
 *
 * @example
 * ```ts
 * adminAccess(request); // { allowed: true, cors: { 'Access-Control-Allow-Origin': 'http://127.0.0.1:5173', … } }
 * ```
 */
export function adminAccess(request: IncomingMessage, ownAddress?: string): AdminAccess {
  const hostname = hostnameOf(request.headers.host);
  const own =
    ownAddress !== undefined &&
    isIP(ownAddress.replace(/^\[|\]$/g, '')) !== 0 &&
    hostname === ownAddress;
  if (!own && !isLoopbackHost(request.headers.host)) {
    return { allowed: false, reason: 'The admin API answers only requests to a loopback Host' };
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return { allowed: true, cors: { Vary: 'Origin' } };
  }
  if (!isLoopbackOrigin(origin)) {
    return { allowed: false, reason: 'The admin API answers only loopback origins' };
  }
  return {
    allowed: true,
    cors: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      Vary: 'Origin',
    },
  };
}
