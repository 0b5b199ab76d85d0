import {
  AbortError,
  ChatError,
  InvalidResponseError,
  NetworkError,
  ParticipantServiceError,
  RequestValidationError,
} from '../../protocol/errors';
import type { ChatErrorCode } from '../../protocol/errors';

/**
 * How the session reacts to a failed Participant Service call.
 *
 * - `aborted`: we cancelled it (destroy); ignore.
 * - `denied`: 403, the token was refused (expired token, or the chat is over).
 * - `retryable`: 429, 5xx, network, an unreadable answer: try again later.
 * - `fatal`: anything else (400, 402, 409, a bug): trying again cannot help.
 *
 * @example
 * ```ts
 * const failure = classifyFailure(error);
 * if (failure.kind === 'retryable') scheduleRetry();
 * ```
 */
export interface ServiceFailure {
  readonly kind: 'aborted' | 'denied' | 'retryable' | 'fatal';
  /** HTTP status when the service answered. */
  readonly status: number | undefined;
  readonly cause: unknown;
}

/**
 * Sorts any error thrown by the participant client into a {@link ServiceFailure}.
 *
 * @example
 * ```ts
 * classifyFailure(new NetworkError('offline')).kind; // 'retryable'
 * ```
 */
export function classifyFailure(error: unknown): ServiceFailure {
  if (error instanceof AbortError || (error instanceof Error && error.name === 'AbortError')) {
    return { kind: 'aborted', status: undefined, cause: error };
  }
  if (error instanceof ParticipantServiceError) {
    if (error.status === 403) {
      return { kind: 'denied', status: 403, cause: error };
    }
    return {
      kind: error.retryable || error.status >= 500 ? 'retryable' : 'fatal',
      status: error.status,
      cause: error,
    };
  }
  if (error instanceof NetworkError || error instanceof InvalidResponseError) {
    return { kind: 'retryable', status: undefined, cause: error };
  }
  if (error instanceof RequestValidationError) {
    return { kind: 'fatal', status: undefined, cause: error };
  }
  return { kind: 'fatal', status: undefined, cause: error };
}

/**
 * A {@link ChatError} for a failure, keeping the original as `cause`. 429 becomes `THROTTLED`
 * unless another code is asked for.
 *
 * @example
 * ```ts
 * connectionError(classifyFailure(error), 'CONNECTION_LOST', 'Could not reach the chat service');
 * ```
 */
export function failureError(
  failure: ServiceFailure,
  code: ChatErrorCode,
  message: string,
): ChatError {
  const finalCode: ChatErrorCode =
    failure.status === 429 && code === 'CONNECTION_LOST' ? 'THROTTLED' : code;
  const detail = failure.cause instanceof Error ? `: ${failure.cause.message}` : '';
  return new ChatError(finalCode, `${message}${detail}`, {
    cause: failure.cause,
    retryable: failure.kind === 'retryable',
  });
}

/**
 * The error a one-off read (GetAttachment, DescribeView) rejects with: a `ChatError` as it is,
 * else `ACCESS_DENIED` after telling `onDenied` (the token was refused), else `CONNECTION_LOST`
 * (`THROTTLED` for 429).
 *
 * @example
 * ```ts
 * await client.describeView(token, request).catch((error) => { throw readError(error, tokenRejected, 'Could not load the view'); });
 * ```
 */
export function readError(error: unknown, onDenied: () => void, message: string): ChatError {
  if (error instanceof ChatError) {
    return error;
  }
  const failure = classifyFailure(error);
  const denied = failure.kind === 'denied';
  if (denied) {
    onDenied();
  }
  return failureError(failure, denied ? 'ACCESS_DENIED' : 'CONNECTION_LOST', message);
}
