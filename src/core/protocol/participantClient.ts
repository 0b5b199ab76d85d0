import { defaultLogger } from '../logger';
import type { Logger } from '../logger';
import { AbortError, InvalidResponseError, NetworkError, ParticipantServiceError } from './errors';
import { newClientToken } from './newClientToken';
import { parseServiceError } from './parseServiceError';
import { PARTICIPANT_OPERATIONS } from './participantOperations';
import { resolveRetryPolicy, retryAfterDelay, retryDelay } from './retryPolicy';
import type { RetryPolicy } from './retryPolicy';
import type {
  CancelParticipantAuthenticationRequest,
  CancelParticipantAuthenticationResponse,
  CompleteAttachmentUploadRequest,
  CompleteAttachmentUploadResponse,
  CreateParticipantConnectionRequest,
  CreateParticipantConnectionResponse,
  DescribeViewRequest,
  DescribeViewResponse,
  DisconnectParticipantRequest,
  DisconnectParticipantResponse,
  GetAttachmentRequest,
  GetAttachmentResponse,
  GetAuthenticationUrlRequest,
  GetAuthenticationUrlResponse,
  GetTranscriptRequest,
  GetTranscriptResponse,
  OperationName,
  SendEventRequest,
  SendEventResponse,
  SendMessageRequest,
  SendMessageResponse,
  StartAttachmentUploadRequest,
  StartAttachmentUploadResponse,
} from './types';
import { validateBearerToken, validateRequest } from './validateRequest';
import { participantEndpoint } from './participantEndpoint';

export { participantEndpoint };

/** Sent in `x-amz-user-agent` (before any caller-supplied suffix). */
const USER_AGENT = 'contact-kit';

/**
 * How to reach the Participant Service and how to behave on failure.
 *
 * @example
 * ```ts
 * const client = createParticipantClient({ region: 'eu-west-2', retry: { maxAttempts: 5 } });
 * ```
 */
export interface ParticipantClientOptions {
  /** AWS region; the endpoint becomes `https://participant.connect.{region}.amazonaws.com`. */
  region?: string;
  /** Explicit base URL, e.g. the local emulator's; wins over `region`. One of the two is required. */
  endpoint?: string;
  /** The fetch to use. Defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /**
   * Retry policy for 429, 500, 503 and network errors; `false` means a single attempt.
   * Defaults to `{ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 }`.
   */
  retry?: Partial<RetryPolicy> | false;
  /** Jitter source in `[0, 1)`. Defaults to `Math.random`. */
  random?: () => number;
  /**
   * Waits between attempts; should reject (or resolve early) when `signal` aborts. The client
   * stops waiting on abort either way. Defaults to a `setTimeout`-based sleep.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where retries and failures are reported (debug level). Defaults to `defaultLogger`. */
  logger?: Logger;
  /** Appended to the `x-amz-user-agent` header, e.g. `my-shop/1.2`. */
  userAgent?: string;
}

/**
 * Per-call options.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await client.getTranscript(token, { MaxResults: 15 }, { signal: controller.signal });
 * ```
 */
export interface RequestOptions {
  /** Aborting rejects the call with `AbortError`, during the request or a backoff wait. */
  signal?: AbortSignal;
}

/**
 * A client for the 11 operations of the Amazon Connect Participant Service, over `fetch`.
 * In development builds requests are validated before sending (`RequestValidationError`); a
 * production build (`process.env.NODE_ENV` = `"production"`) leaves that to the service. Failures
 * reject with `RequestValidationError`, `ParticipantServiceError`, `NetworkError`, `AbortError` or
 * `InvalidResponseError`.
 *
 * @example
 * ```ts
 * const client = createParticipantClient({ region: 'us-east-1' });
 * const { ConnectionCredentials } = await client.createParticipantConnection(participantToken, {
 *   Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
 * });
 * await client.sendMessage(ConnectionCredentials!.ConnectionToken!, {
 *   ContentType: 'text/plain',
 *   Content: 'Hello',
 * });
 * ```
 */
export interface ParticipantClient {
  /** The base URL every request goes to (no trailing slash). */
  readonly endpoint: string;
  /** `POST /participant/connection` with the participant token: websocket URL and connection token. */
  createParticipantConnection(
    participantToken: string,
    request: CreateParticipantConnectionRequest,
    options?: RequestOptions,
  ): Promise<CreateParticipantConnectionResponse>;
  /** `POST /participant/message`; `ClientToken` is filled once per call when absent. */
  sendMessage(
    connectionToken: string,
    request: SendMessageRequest,
    options?: RequestOptions,
  ): Promise<SendMessageResponse>;
  /** `POST /participant/event` (typing, receipts); `ClientToken` is filled when absent. */
  sendEvent(
    connectionToken: string,
    request: SendEventRequest,
    options?: RequestOptions,
  ): Promise<SendEventResponse>;
  /** `POST /participant/transcript`: one page of the transcript. */
  getTranscript(
    connectionToken: string,
    request: GetTranscriptRequest,
    options?: RequestOptions,
  ): Promise<GetTranscriptResponse>;
  /** `POST /participant/disconnect`: leave the chat; `ClientToken` is filled when absent. */
  disconnectParticipant(
    connectionToken: string,
    request?: DisconnectParticipantRequest,
    options?: RequestOptions,
  ): Promise<DisconnectParticipantResponse>;
  /** `POST /participant/start-attachment-upload`: where to PUT the file. */
  startAttachmentUpload(
    connectionToken: string,
    request: StartAttachmentUploadRequest,
    options?: RequestOptions,
  ): Promise<StartAttachmentUploadResponse>;
  /** `POST /participant/complete-attachment-upload` for exactly one uploaded attachment. */
  completeAttachmentUpload(
    connectionToken: string,
    request: CompleteAttachmentUploadRequest,
    options?: RequestOptions,
  ): Promise<CompleteAttachmentUploadResponse>;
  /** `POST /participant/attachment`: a short-lived download URL. */
  getAttachment(
    connectionToken: string,
    request: GetAttachmentRequest,
    options?: RequestOptions,
  ): Promise<GetAttachmentResponse>;
  /** `GET /participant/views/{ViewToken}`: a step-by-step guide view. */
  describeView(
    connectionToken: string,
    request: DescribeViewRequest,
    options?: RequestOptions,
  ): Promise<DescribeViewResponse>;
  /** `POST /participant/authentication-url`: the sign-in URL for an `authentication.initiated` event. */
  getAuthenticationUrl(
    connectionToken: string,
    request: GetAuthenticationUrlRequest,
    options?: RequestOptions,
  ): Promise<GetAuthenticationUrlResponse>;
  /** `POST /participant/cancel-authentication`: the customer declined to sign in. */
  cancelParticipantAuthentication(
    connectionToken: string,
    request: CancelParticipantAuthenticationRequest,
    options?: RequestOptions,
  ): Promise<CancelParticipantAuthenticationResponse>;
}

function resolveEndpoint(options: ParticipantClientOptions): string {
  if (options.endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch (cause) {
      throw new TypeError(`endpoint is not a valid URL: ${JSON.stringify(options.endpoint)}`, {
        cause,
      });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError(`endpoint must be an http(s) URL, got ${url.protocol}`);
    }
    return options.endpoint.replace(/\/+$/, '');
  }
  if (options.region !== undefined) {
    return participantEndpoint(options.region);
  }
  throw new TypeError('createParticipantClient needs a region or an endpoint');
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      globalThis.clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    const timer = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, unless `signal` aborts first: then rejects with `AbortError` at once,
 * whether or not the underlying work (an injected fetch or sleep) honours the signal.
 */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(undefined, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
}

/** Drops `null`/`undefined` members (and list entries) recursively, as the AWS SDK serializer does. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((entry) => entry != null).map(compact);
  }
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member != null) {
        result[key] = compact(member);
      }
    }
    return result;
  }
  return value;
}

/** Keeps only the members the model knows for `operation` (nested `StartPosition` included). */
function modelledBody(
  operation: OperationName,
  request: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const member of PARTICIPANT_OPERATIONS[operation].members) {
    body[member] = request[member];
  }
  const start = body['StartPosition'];
  if (typeof start === 'object' && start !== null) {
    const { Id, AbsoluteTime, MostRecent } = start as Record<string, unknown>;
    body['StartPosition'] = { Id, AbsoluteTime, MostRecent };
  }
  return compact(body) as Record<string, unknown>;
}

type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: Error; retryable: boolean; retryAfterMs?: number | undefined };

/**
 * Creates a Participant Service client over `fetch`: no AWS SDK and no request signing (the service
 * authenticates with the `X-Amz-Bearer` token alone). Each call validates its request, sends it
 * with `X-Amz-Bearer` and JSON, retries 429/500/503 and network errors with exponential backoff and
 * full jitter (honouring `Retry-After`), and reuses one `ClientToken` across the retries of a call.
 * Throws a `TypeError` when neither `region` nor `endpoint` is given (misuse).
 *
 * @example
 * ```ts
 * import { createParticipantClient, ParticipantServiceError } from 'contact-kit/core';
 *
 * const client = createParticipantClient({ endpoint: 'http://127.0.0.1:4010' });
 * const connection = await client.createParticipantConnection(participantToken, {
 *   Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
 * });
 * const token = connection.ConnectionCredentials?.ConnectionToken ?? '';
 * try {
 *   const page = await client.getTranscript(token, { MaxResults: 15, SortOrder: 'ASCENDING' });
 *   console.log(page.Transcript);
 * } catch (error) {
 *   if (error instanceof ParticipantServiceError && error.name === 'AccessDeniedException') {
 *     // the chat has ended
 *   }
 * }
 * ```
 */
export function createParticipantClient(options: ParticipantClientOptions): ParticipantClient {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'createParticipantClient needs an options object with a region or an endpoint',
    );
  }
  const endpoint = resolveEndpoint(options);
  const policy = resolveRetryPolicy(options.retry);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const logger = options.logger ?? defaultLogger;
  const userAgent =
    options.userAgent !== undefined && options.userAgent.trim() !== ''
      ? `${USER_AGENT} ${options.userAgent.trim()}`
      : USER_AGENT;

  async function attempt(
    operation: OperationName,
    fetchImpl: typeof fetch,
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<AttemptResult> {
    let response: Response;
    let text: string;
    try {
      response = await abortable(fetchImpl(url, init), signal);
      text = await abortable(response.text(), signal);
    } catch (error) {
      if (error instanceof AbortError) {
        return { ok: false, error, retryable: false };
      }
      if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
        return { ok: false, error: new AbortError(undefined, { cause: error }), retryable: false };
      }
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: new NetworkError(`${operation} request failed: ${reason}`, operation, {
          cause: error,
        }),
        retryable: true,
      };
    }

    if (response.status < 200 || response.status > 299) {
      const error = parseServiceError(operation, response.status, response.headers, text);
      return {
        ok: false,
        error,
        retryable: error.retryable,
        retryAfterMs: retryAfterDelay(response.headers.get('retry-after'), policy),
      };
    }
    const spec = PARTICIPANT_OPERATIONS[operation];
    if (text.trim() === '') {
      return spec.emptyOutput
        ? { ok: true, value: {} }
        : {
            ok: false,
            error: new InvalidResponseError(
              operation,
              `${operation} answered ${response.status} with an empty body`,
            ),
            retryable: false,
          };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      return {
        ok: false,
        error: new InvalidResponseError(
          operation,
          `${operation} answered ${response.status} with a body that is not JSON`,
          { cause },
        ),
        retryable: false,
      };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        ok: false,
        error: new InvalidResponseError(
          operation,
          `${operation} answered ${response.status} with JSON that is not an object`,
        ),
        retryable: false,
      };
    }
    // Empty-output operations promise `{}`; unknown members elsewhere pass through (unlike SDK v3,
    // which drops them), so e.g. Lex streaming metadata on transcript items survives.
    return { ok: true, value: spec.emptyOutput ? {} : parsed };
  }

  async function call<TResponse>(
    operation: OperationName,
    token: string,
    request: object | undefined,
    requestOptions: RequestOptions | undefined,
  ): Promise<TResponse> {
    // Validation names the field a caller got wrong before anything is sent: a development aid.
    // Bundlers replace `process.env.NODE_ENV`, so a production build drops it and its 2 KB gzip;
    // the service still rejects a bad request there (ParticipantServiceError).
    if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
      validateBearerToken(operation, token);
      validateRequest(operation, request);
    }
    const signal = requestOptions?.signal;
    throwIfAborted(signal);

    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new TypeError('No fetch implementation: pass options.fetch to createParticipantClient');
    }

    const spec = PARTICIPANT_OPERATIONS[operation];
    const fields = { ...(request as Record<string, unknown> | undefined) };
    if (spec.idempotent && fields['ClientToken'] == null) {
      // Filled once, before the first attempt, so every retry carries the same token and the
      // service can recognise a repeat of a request that did get through.
      fields['ClientToken'] = newClientToken();
    }
    const headers: Record<string, string> = {
      'X-Amz-Bearer': token,
      'X-Amz-User-Agent': userAgent,
    };
    let url = `${endpoint}${spec.path}`;
    let body: string | undefined;
    if (spec.method === 'GET') {
      url += encodeURIComponent(fields['ViewToken'] as string);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(modelledBody(operation, fields));
    }

    for (let attemptNumber = 1; ; attemptNumber += 1) {
      const init: RequestInit = { method: spec.method, headers: { ...headers }, body, signal };
      // Called unbound on purpose: window.fetch throws "Illegal invocation" with another `this`.
      const result = await attempt(operation, fetchImpl, url, init, signal);
      if (result.ok) {
        return result.value as TResponse;
      }
      if (!result.retryable || attemptNumber >= policy.maxAttempts) {
        if (result.retryable) {
          logger.debug(`${operation} failed after ${attemptNumber} attempt(s)`, result.error);
        }
        throw result.error;
      }
      const delayMs = result.retryAfterMs ?? retryDelay(attemptNumber, policy, random);
      logger.debug(
        `${operation} attempt ${attemptNumber} failed (${describeError(result.error)}); retrying in ${delayMs} ms`,
      );
      await abortable(sleep(delayMs, signal), signal);
      throwIfAborted(signal);
    }
  }

  /** One method of the client: `operation` with the caller's token, request and options. */
  function method<TRequest extends object | undefined, TResponse>(operation: OperationName) {
    return (
      token: string,
      request: TRequest,
      requestOptions?: RequestOptions,
    ): Promise<TResponse> => call<TResponse>(operation, token, request, requestOptions);
  }

  return {
    endpoint,
    createParticipantConnection: method('CreateParticipantConnection'),
    sendMessage: method('SendMessage'),
    sendEvent: method('SendEvent'),
    getTranscript: method('GetTranscript'),
    // No request at all is an empty one (validateRequest allows it for this operation only).
    disconnectParticipant: method('DisconnectParticipant'),
    startAttachmentUpload: method('StartAttachmentUpload'),
    completeAttachmentUpload: method('CompleteAttachmentUpload'),
    getAttachment: method('GetAttachment'),
    describeView: method('DescribeView'),
    getAuthenticationUrl: method('GetAuthenticationUrl'),
    cancelParticipantAuthentication: method('CancelParticipantAuthentication'),
  };
}

function describeError(error: Error): string {
  return error instanceof ParticipantServiceError
    ? `${error.name}, HTTP ${error.status}`
    : error.name;
}
