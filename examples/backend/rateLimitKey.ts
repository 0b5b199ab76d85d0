import { isIPv4, isIPv6 } from 'node:net';

/**
 * The eight 16-bit groups of an IPv6 address, or `undefined` when `address` is not one. Accepts
 * `::` shorthand, a zone (`%eth0`, dropped) and a trailing dotted IPv4 part (`64:ff9b::192.0.2.1`).
 */
function ipv6Groups(address: string): number[] | undefined {
  const bare = address.split('%')[0] ?? '';
  if (!isIPv6(bare)) {
    return undefined;
  }
  let text = bare.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
}

/**
 * An IP address in one canonical spelling: IPv4 as is, an IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.7`, what a dual-stack server sees) as its IPv4 address, other IPv6 addresses
 * fully expanded in lower case. Anything else is returned unchanged.
 *
 * @example
 * ```ts
 * canonicalIp('::FFFF:203.0.113.7'); // '203.0.113.7'
 * canonicalIp('2001:db8::1'); // '2001:0db8:0000:0000:0000:0000:0000:0001'
 * ```
 */
export function canonicalIp(address: string): string {
  const trimmed = address.trim();
  if (isIPv4(trimmed)) {
    return trimmed;
  }
  const groups = ipv6Groups(trimmed);
  if (groups === undefined) {
    return trimmed;
  }
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return groups.map((group) => group.toString(16).padStart(4, '0')).join(':');
}

/**
 * The rate-limit bucket of a client address. An IPv4 address is its own bucket; an IPv6 address
 * counts by its /64 prefix, because one subscriber usually gets a whole /64 and can pick a fresh
 * address in it for every request. Values that are not IP addresses are used as they are.
 *
 * @example
 * ```ts
 * rateLimitKey('2001:db8:1:2:aaaa::1') === rateLimitKey('2001:db8:1:2:bbbb::2'); // true
 * rateLimitKey('::ffff:203.0.113.7'); // '203.0.113.7'
 * ```
 */
export function rateLimitKey(address: string): string {
  const canonical = canonicalIp(address);
  const groups = isIPv4(canonical) ? undefined : ipv6Groups(canonical);
  if (groups === undefined) {
    return canonical;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16).padStart(4, '0'))
    .join(':')}::/64`;
}
