/**
 * A fresh idempotency token: a version 4 UUID. `randomUUID` needs a secure context,
 * `getRandomValues` does not, so plain-http pages (the local emulator) still get one.
 *
 * @example
 * ```ts
 * const request = { ContentType: 'text/plain', Content: 'Hi', ClientToken: newClientToken() };
 * ```
 */
export function newClientToken(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
