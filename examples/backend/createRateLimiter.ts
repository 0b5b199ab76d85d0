/**
 * Options of {@link createRateLimiter}.
 *
 * @example
 * ```ts
 * const options: RateLimiterOptions = { limit: 5, windowMs: 60_000 };
 * ```
 */
export interface RateLimiterOptions {
  /** Requests a key may make per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** The clock, injectable for tests. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * A fixed-window counter per key (here: per client IP).
 *
 * @example
 * ```ts
 * if (!limiter.take(ip).allowed) respond429();
 * ```
 */
export interface RateLimiter {
  /** Counts one request for `key`; says whether it is within the limit and when the window resets. */
  take(key: string): { allowed: boolean; retryAfterSeconds: number };
}

/**
 * An in-memory, per-process rate limiter. Enough for one Node process; behind a load balancer use
 * the platform's limiter (API Gateway usage plans, AWS WAF rate-based rules) as well, since each
 * process counts only what it sees.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ limit: 5, windowMs: 60_000 });
 * limiter.take('203.0.113.7'); // { allowed: true, retryAfterSeconds: 60 }
 * ```
 */
export function createRateLimiter({
  limit,
  windowMs,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1 || !(windowMs > 0)) {
    throw new RangeError('createRateLimiter: limit must be a positive integer and windowMs > 0');
  }
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = now();

  return {
    take(key) {
      const time = now();
      // Forget finished windows now and then so a stream of distinct IPs cannot grow the map forever.
      if (time - lastSweep >= windowMs) {
        for (const [k, w] of windows) {
          if (time - w.startedAt >= windowMs) {
            windows.delete(k);
          }
        }
        lastSweep = time;
      }
      let current = windows.get(key);
      if (current === undefined || time - current.startedAt >= windowMs) {
        current = { startedAt: time, count: 0 };
        windows.set(key, current);
      }
      current.count += 1;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((current.startedAt + windowMs - time) / 1000),
      );
      return { allowed: current.count <= limit, retryAfterSeconds };
    },
  };
}
