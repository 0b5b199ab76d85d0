/**
 * How often and how patiently a Participant Service call is retried after a retryable failure
 * (HTTP 429, 500, 503 or a network error).
 *
 * @example
 * ```ts
 * createParticipantClient({ region: 'us-east-1', retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 } });
 * ```
 */
export interface RetryPolicy {
  /** Total attempts including the first one; 1 means no retry. A positive integer. */
  maxAttempts: number;
  /** Ceiling of the first backoff; each later retry doubles it. */
  baseDelayMs: number;
  /** No backoff (nor `Retry-After` wait) is ever longer than this. */
  maxDelayMs: number;
}

/**
 * The default policy, matching the AWS SDK's "standard" retry mode: 3 attempts, 100 ms base,
 * 20 s cap.
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 5 };
 * ```
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
});

/**
 * Merges a partial policy over {@link DEFAULT_RETRY_POLICY}; `false` means a single attempt.
 * Throws a `TypeError` on nonsensical values (misuse, caught at construction time).
 *
 * @example
 * ```ts
 * resolveRetryPolicy({ maxAttempts: 5 }); // { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 20000 }
 * resolveRetryPolicy(false); // { maxAttempts: 1, ... }
 * ```
 */
export function resolveRetryPolicy(retry: Partial<RetryPolicy> | false | undefined): RetryPolicy {
  if (retry === false) {
    return { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
  }
  const policy: RetryPolicy = {
    maxAttempts: retry?.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    baseDelayMs: retry?.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: retry?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new TypeError(`retry.maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${key} must be a finite number >= 0, got ${value}`);
    }
  }
  return policy;
}

/**
 * The wait before the next attempt, after `attempt` attempts have failed (1 after the first
 * failure): exponential backoff with full jitter, i.e. a uniform draw in
 * `[0, min(maxDelayMs, baseDelayMs * 2^(attempt - 1)))`, rounded down to whole milliseconds.
 *
 * Full jitter spreads retries of many clients hit by the same outage instead of having them
 * return in lock-step.
 *
 * @param attempt - how many attempts have failed so far (>= 1)
 * @param policy - the retry policy
 * @param random - a source of uniform numbers in `[0, 1)`, e.g. `Math.random`
 * @returns the delay in milliseconds
 *
 * @example
 * ```ts
 * retryDelay(1, DEFAULT_RETRY_POLICY, () => 0.5); // 50  (half of 100 ms)
 * retryDelay(3, DEFAULT_RETRY_POLICY, () => 0.5); // 200 (half of 400 ms)
 * ```
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  // Bounded so that 2 ** exponent stays finite: 0 * Infinity would be NaN with a zero base delay.
  const exponent = Math.min(Math.max(0, Math.floor(attempt) - 1), 1000);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(draw * ceiling), policy.maxDelayMs);
}

/**
 * Reads a `Retry-After` header given in seconds and returns milliseconds capped at `maxDelayMs`,
 * or `undefined` when the header is absent or not a non-negative number (HTTP-date values are not
 * used by the Participant Service and are ignored).
 *
 * @example
 * ```ts
 * retryAfterDelay('2', DEFAULT_RETRY_POLICY); // 2000
 * retryAfterDelay(null, DEFAULT_RETRY_POLICY); // undefined
 * ```
 */
export function retryAfterDelay(header: string | null, policy: RetryPolicy): number | undefined {
  if (header == null || header.trim() === '') {
    return undefined;
  }
  const seconds = Number(header.trim());
  if (!Number.isFinite(seconds) || seconds < 0) {
    return undefined;
  }
  return Math.min(Math.round(seconds * 1000), policy.maxDelayMs);
}
