/**
 * The small HTTP client the built-in agents use to reach the emulator: JSON POSTs with bearer
 * tokens, bounded retries for throttling and transient faults, and cancellation on stop.
 *
 * @packageDocumentation
 */

/**
 * A non-2xx answer from the emulator.
 *
 * @example
 * ```ts
 * if (error instanceof AgentApiError && error.status === 403) giveUp();
 * ```
 */
export class AgentApiError extends Error {
  override name = 'AgentApiError';
  /** HTTP status. */
  readonly status: number;
  /** The `x-amzn-ErrorType` header, if any. */
  readonly errorType: string | undefined;

  constructor(path: string, status: number, errorType: string | undefined, message: string) {
    super(`${path} failed with ${status}${errorType ? ` ${errorType}` : ''}: ${message}`);
    this.status = status;
    this.errorType = errorType;
  }
}

/**
 * Options of {@link createAgentApi}.
 *
 * @example
 * ```ts
 * const api = createAgentApi({ url, signal: controller.signal });
 * ```
 */
export interface AgentApiOptions {
  /** Base URL of the emulator, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Aborting it cancels in-flight requests and pending retries. */
  signal: AbortSignal;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Attempts per request, first included. Defaults to `4`. */
  maxAttempts?: number;
  /** Delay before the first retry, doubled each time. Defaults to `100`. */
  retryBaseDelayMs?: number;
}

/**
 * A bound HTTP client for one agent.
 *
 * @example
 * ```ts
 * const sent = await api.post<{ Id: string }>('/participant/message', body, () => connectionToken);
 * ```
 */
export interface AgentApi {
  /**
   * POSTs `body` as JSON to `path` (relative to the base URL) and parses the JSON answer. With
   * `bearer`, its current value goes in `X-Amz-Bearer` on every attempt (so a retry after a
   * reconnect uses the fresh token). The body is sent unchanged on retries, ClientToken included.
   */
  post<T>(path: string, body: unknown, bearer?: () => string): Promise<T>;
  /** PUTs raw bytes to an absolute URL (the attachment upload URL) with exactly `headers`. */
  put(url: string, headers: Record<string, string>, body: Uint8Array): Promise<void>;
  /** Resolves after `ms`, or rejects with an AbortError when the agent stops first. */
  sleep(ms: number): Promise<void>;
}

const RETRYABLE = new Set([429, 500, 503]);

function abortError(): Error {
  const error = new Error('The agent stopped');
  error.name = 'AbortError';
  return error;
}

/**
 * Whether an error only means the agent was stopped (nothing to report).
 *
 * @example
 * ```ts
 * catch (error) { if (!isAbort(error)) logger.warn('send failed', error); }
 * ```
 */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Creates the agent's HTTP client.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const api = createAgentApi({ url: context.url, signal: controller.signal });
 * await api.post('/admin/contacts/c1/stop', {});
 * ```
 */
export function createAgentApi(options: AgentApiOptions): AgentApi {
  const { signal } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.retryBaseDelayMs ?? 100;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });

  /** Runs `attempt` until it succeeds, fails for good, or the budget is spent. */
  async function withRetry<T>(
    path: string,
    attempt: () => Promise<Response>,
    parse: (response: Response) => Promise<T>,
  ): Promise<T> {
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      if (signal.aborted) {
        throw abortError();
      }
      let response: Response;
      try {
        response = await attempt();
      } catch (error) {
        // Network failures are transient from the agent's point of view; aborts are not.
        if (signal.aborted || isAbort(error) || attemptNumber >= maxAttempts) {
          throw signal.aborted ? abortError() : error;
        }
        await sleep(baseDelayMs * 2 ** (attemptNumber - 1));
        continue;
      }
      if (response.ok) {
        return parse(response);
      }
      const bodyText = await response.text().catch(() => '');
      if (RETRYABLE.has(response.status) && attemptNumber < maxAttempts) {
        await sleep(baseDelayMs * 2 ** (attemptNumber - 1));
        continue;
      }
      const errorType = response.headers.get('x-amzn-errortype')?.split(':')[0] ?? undefined;
      throw new AgentApiError(path, response.status, errorType, bodyText.slice(0, 300));
    }
  }

  return {
    post<T>(path: string, body: unknown, bearer?: () => string): Promise<T> {
      const json = JSON.stringify(body);
      return withRetry(
        path,
        () => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (bearer) {
            headers['x-amz-bearer'] = bearer();
          }
          return fetchImpl(new URL(path, options.url), {
            method: 'POST',
            headers,
            body: json,
            signal,
          });
        },
        async (response) => {
          const textBody = await response.text();
          return (textBody ? JSON.parse(textBody) : {}) as T;
        },
      );
    },
    put(url: string, headers: Record<string, string>, body: Uint8Array): Promise<void> {
      // A copy backed by a plain ArrayBuffer is what fetch's BodyInit accepts.
      const bytes = new Uint8Array(body);
      return withRetry(
        url,
        () => fetchImpl(url, { method: 'PUT', headers, body: bytes, signal }),
        async (response) => {
          await response.arrayBuffer();
        },
      );
    },
    sleep,
  };
}
