import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { canonicalIp } from './rateLimitKey';

/**
 * One `TRUST_PROXY` entry: an address or a CIDR range, IPv4 or IPv6.
 *
 * @example
 * ```ts
 * const entries: TrustedProxy[] = ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1'];
 * ```
 */
export type TrustedProxy = string;

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  if (isIPv4(address)) {
    return 'ipv4';
  }
  return isIPv6(address) ? 'ipv6' : undefined;
}

/**
 * Builds the set of trusted proxies. Throws a `TypeError` naming the first entry that is not an
 * address or a CIDR range, so a typo fails at start instead of silently trusting nobody.
 */
function trustedSet(proxies: readonly TrustedProxy[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    const [rawAddress = '', prefix, extra] = entry.trim().split('/');
    const address = canonicalIp(rawAddress);
    const kind = family(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = kind === 'ipv4' ? 32 : 128;
    if (
      kind === undefined ||
      extra !== undefined ||
      (bits !== undefined && (!/^\d+$/.test(prefix ?? '') || bits > maxBits))
    ) {
      throw new TypeError(
        `trustProxy: ${JSON.stringify(entry)} is not an IP address or CIDR range (e.g. 10.0.0.0/8)`,
      );
    }
    if (bits === undefined) {
      list.addAddress(address, kind);
    } else {
      list.addSubnet(address, bits, kind);
    }
  }
  return list;
}

/** An `X-Forwarded-For` entry without brackets or port (`[2001:db8::1]:443`, `203.0.113.7:5100`). */
function forwardedAddress(entry: string): string {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1] !== undefined) {
    return canonicalIp(bracketed[1]);
  }
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text);
  return canonicalIp(withPort?.[1] ?? text);
}

/**
 * Returns the function that finds the client's address behind your proxies. It starts from the
 * TCP peer and, for as long as that hop is one of `trustedProxies`, steps one entry left in
 * `X-Forwarded-For` (each proxy appends the address it saw). The first hop that is not a trusted
 * proxy is the client. A request that did not come through a trusted proxy is keyed on its own
 * socket address, so nobody can pick their rate-limit bucket by sending the header themselves.
 * An unreadable entry stops the walk at the last trusted hop.
 *
 * @example
 * ```ts
 * // A load balancer in 10.0.0.0/8 in front of the backend:
 * const clientIp = createClientIpResolver(['10.0.0.0/8']);
 * createStartChatHandler({ ...options, clientIp });
 * ```
 */
export function createClientIpResolver(
  trustedProxies: readonly TrustedProxy[],
): (request: IncomingMessage) => string {
  const trusted = trustedSet(trustedProxies);
  const isTrusted = (address: string): boolean => {
    const kind = family(address);
    return kind !== undefined && trusted.check(address, kind);
  };
  return (request) => {
    let client = canonicalIp(request.socket.remoteAddress ?? 'unknown');
    if (!isTrusted(client)) {
      return client;
    }
    const header = request.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map(forwardedAddress)
      .filter((entry) => entry !== '');
    while (isTrusted(client) && hops.length > 0) {
      const next = hops.pop() ?? '';
      if (family(next) === undefined) {
        break;
      }
      client = next;
    }
    return client;
  };
}
