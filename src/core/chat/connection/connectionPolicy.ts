/**
 * Timings of the connection lifecycle. Every field has a default (the kit's
 * `DEFAULT_CONNECTION_POLICY`); tests shorten them.
 *
 * @example
 * ```ts
 * const policy = resolveConnectionPolicy({ heartbeatIntervalMs: 200, heartbeatTimeoutMs: 100 });
 * ```
 */
export interface ConnectionPolicy {
  /**
   * A live socket that is lost is replaced at once, after a wait drawn in `[0, reconnectJitterMs)`
   * so a service-wide drop does not bring every client back at the same instant. Defaults to `20`.
   * Only once: if that fast reconnect fails, or its socket dies before answering a heartbeat, the
   * backoff below takes over, so a service that keeps closing sockets is not hammered.
   */
  readonly reconnectJitterMs: number;
  /**
   * Ceiling of the backoff's first wait; doubles per failed attempt. Defaults to `250` (full
   * jitter: clients spread over it).
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
  /**
   * Period of `aws/heartbeat` + `aws/ping` on an idle socket. Defaults to `7500`: with the
   * timeout below, a socket that went silent while idle is found within 9.5 s.
   */
  readonly heartbeatIntervalMs: number;
  /**
   * A heartbeat unanswered for this long means a half-open socket. Defaults to `2000`. On a slow
   * network the wait grows to four measured round trips (subscribe and heartbeat answers), up to
   * `heartbeatTimeoutMaxMs`, so a high-latency link is not taken for a dead one.
   */
  readonly heartbeatTimeoutMs: number;
  /** The longest the heartbeat wait grows to on a slow network. Defaults to `5000`. */
  readonly heartbeatTimeoutMaxMs: number;
  /**
   * The service echoes every message on the socket, the sender's own too. When a sent message
   * (confirmed by SendMessage) has not come back on the socket within this, the socket is asked
   * for a heartbeat at once instead of at the next beat, so a socket that died while the customer
   * types is found within `echoTimeoutMs` + the heartbeat timeout. Defaults to `1500`.
   */
  readonly echoTimeoutMs: number;
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
  reconnectJitterMs: 20,
  backoffBaseMs: 250,
  backoffMaxMs: 30_000,
  openTimeoutMs: 10_000,
  subscribeTimeoutMs: 1000,
  subscribeRetryMs: 500,
  subscribeMaxTries: 3,
  heartbeatIntervalMs: 7500,
  heartbeatTimeoutMs: 2000,
  heartbeatTimeoutMaxMs: 5000,
  echoTimeoutMs: 1500,
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

/**
 * How long a heartbeat may go unanswered: four smoothed round trips, at least
 * `heartbeatTimeoutMs` and at most `heartbeatTimeoutMaxMs` (the floor wins if the two disagree).
 *
 * @example
 * ```ts
 * heartbeatTimeout(undefined, DEFAULT_CONNECTION_POLICY); // 2000
 * heartbeatTimeout(900, DEFAULT_CONNECTION_POLICY); // 3600
 * ```
 */
export function heartbeatTimeout(rttMs: number | undefined, policy: ConnectionPolicy): number {
  const grown = rttMs === undefined ? 0 : Math.min(policy.heartbeatTimeoutMaxMs, 4 * rttMs);
  return Math.max(policy.heartbeatTimeoutMs, Math.ceil(grown));
}

/**
 * Folds a measured round trip into the smoothed one (the usual 7/8 – 1/8 average).
 *
 * @example
 * ```ts
 * smoothRtt(undefined, 120); // 120
 * smoothRtt(100, 180); // 110
 * ```
 */
export function smoothRtt(
  previous: number | undefined,
  sample: number | undefined,
): number | undefined {
  if (sample === undefined || !Number.isFinite(sample) || sample < 0) {
    return previous;
  }
  return previous === undefined ? sample : previous + (sample - previous) / 8;
}
