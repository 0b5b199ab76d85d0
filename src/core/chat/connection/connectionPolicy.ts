/**
 * Timings of the connection lifecycle. Every field has a default (see
 * {@link DEFAULT_CONNECTION_POLICY}); tests shorten them.
 *
 * @example
 * ```ts
 * const policy = resolveConnectionPolicy({ heartbeatIntervalMs: 200, heartbeatTimeoutMs: 100 });
 * ```
 */
export interface ConnectionPolicy {
  /**
   * Ceiling of the first reconnect wait; doubles per failed attempt. Defaults to `250`: after a
   * drop, clients come back within a quarter second, spread over it (full jitter) so a service-wide
   * drop does not bring every client back at the same instant.
   */
  readonly backoffBaseMs: number;
  /** No reconnect wait is longer than this. Defaults to `30000`. */
  readonly backoffMaxMs: number;
  /** A socket that is not open after this long counts as failed. Defaults to `10000`. */
  readonly openTimeoutMs: number;
  /** Resend `aws/subscribe` when no reply came within this. Defaults to `1000`. */
  readonly subscribeTimeoutMs: number;
  /** Wait before resending after a `failure` reply. Defaults to `500`. */
  readonly subscribeRetryMs: number;
  /** Subscribe requests per socket before it is treated as dead. Defaults to `3`. */
  readonly subscribeMaxTries: number;
  /** Period of `aws/heartbeat` + `aws/ping`. Defaults to `10000`. */
  readonly heartbeatIntervalMs: number;
  /** A heartbeat unanswered for this long means a half-open socket. Defaults to `5000`. */
  readonly heartbeatTimeoutMs: number;
  /** A websocket URL is reused only while at least this much of its window is left. Defaults to `5000`. */
  readonly urlExpiryMarginMs: number;
  /** Replace the socket (with overlap) after it has been open this long. Defaults to 55 minutes. */
  readonly rotateAfterMs: number;
  /** After a failed rotation, try again after this long (the old socket stays). Defaults to `30000`. */
  readonly rotationRetryMs: number;
  /** Fetch a new connection token this long before the current one expires. Defaults to `60000`. */
  readonly tokenRefreshLeadMs: number;
  /**
   * Never refresh the token more often than this, even when the service keeps returning the same
   * (close) expiry: no tight loop. Defaults to `60000`.
   */
  readonly tokenRefreshMinIntervalMs: number;
}

/**
 * The default lifecycle timings.
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_CONNECTION_POLICY, rotateAfterMs: 30 * 60_000 };
 * ```
 */
export const DEFAULT_CONNECTION_POLICY: ConnectionPolicy = Object.freeze({
  backoffBaseMs: 250,
  backoffMaxMs: 30_000,
  openTimeoutMs: 10_000,
  subscribeTimeoutMs: 1000,
  subscribeRetryMs: 500,
  subscribeMaxTries: 3,
  heartbeatIntervalMs: 10_000,
  heartbeatTimeoutMs: 5000,
  urlExpiryMarginMs: 5000,
  rotateAfterMs: 55 * 60_000,
  rotationRetryMs: 30_000,
  tokenRefreshLeadMs: 60_000,
  tokenRefreshMinIntervalMs: 60_000,
});

/**
 * Merges partial timings over {@link DEFAULT_CONNECTION_POLICY}; throws a `TypeError` for a
 * negative or non-finite value (misuse).
 *
 * @example
 * ```ts
 * resolveConnectionPolicy({ backoffMaxMs: 5000 }).backoffMaxMs; // 5000
 * ```
 */
export function resolveConnectionPolicy(partial?: Partial<ConnectionPolicy>): ConnectionPolicy {
  const policy: ConnectionPolicy = { ...DEFAULT_CONNECTION_POLICY, ...partial };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(
        `connection policy ${key} must be a finite number >= 0, got ${String(value)}`,
      );
    }
  }
  if (policy.subscribeMaxTries < 1) {
    throw new TypeError('connection policy subscribeMaxTries must be at least 1');
  }
  return policy;
}

/**
 * The wait before attempt `failures + 1`: full jitter over a capped exponential,
 * `jitter × min(backoffMaxMs, backoffBaseMs × 2^(failures − 1))`.
 *
 * @example
 * ```ts
 * backoffDelay(1, DEFAULT_CONNECTION_POLICY, 0.5); // 500
 * backoffDelay(10, DEFAULT_CONNECTION_POLICY, 0.5); // 15000 (capped at 30 s, halved)
 * ```
 */
export function backoffDelay(failures: number, policy: ConnectionPolicy, jitter: number): number {
  const exponent = Math.max(0, Math.floor(failures) - 1);
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** exponent);
  const draw = Math.min(Math.max(jitter, 0), 1);
  return Math.floor(draw * ceiling);
}
