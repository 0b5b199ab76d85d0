import type { OperationName } from './types';

/**
 * Error names the Participant Service sends in `x-amzn-ErrorType`.
 *
 * @example
 * ```ts
 * if (error instanceof ParticipantServiceError && error.name === 'ThrottlingException') await backoff();
 * ```
 */
export type ParticipantServiceErrorName =
  | 'AccessDeniedException'
  | 'ValidationException'
  | 'ThrottlingException'
  | 'ServiceQuotaExceededException'
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'InternalServerException'
  | 'ServiceUnavailable'
  | 'Unknown';

/**
 * HTTP status of each modelled error.
 *
 * @example
 * ```ts
 * ERROR_STATUS.AccessDeniedException; // 403
 * ```
 */
export const ERROR_STATUS: Readonly<
  Record<Exclude<ParticipantServiceErrorName, 'Unknown'>, number>
> = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ThrottlingException: 429,
  InternalServerException: 500,
  ServiceUnavailable: 503,
};

/**
 * Statuses worth retrying: throttling and transient server faults.
 *
 * @example
 * ```ts
 * const retry = RETRYABLE_STATUSES.has(response.status);
 * ```
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 503]);

/**
 * Stable codes for every failure a caller of contact-kit can hit. Each error class carries one.
 *
 * @example
 * ```ts
 * if (error instanceof ContactKitError && error.code === 'NETWORK_ERROR') showOfflineBanner();
 * ```
 */
export type ContactKitErrorCode =
  | 'SERVICE_ERROR'
  | 'NETWORK_ERROR'
  | 'ABORTED'
  | 'INVALID_REQUEST'
  | 'INVALID_RESPONSE'
  | 'INVALID_CONNECTION_DATA'
  | ChatErrorCode;

/**
 * Codes of failures the chat session reports as state (on `connection.error`, on a failed item,
 * or thrown by a misused action).
 *
 * @example
 * ```ts
 * if (snapshot.connection.error?.code === 'ACCESS_DENIED') restartChat();
 * ```
 */
export type ChatErrorCode =
  /** The participant or connection token was refused (403) outside of a chat end. */
  | 'ACCESS_DENIED'
  /** The chat ended (403 on reconnect, chat.ended, or an action after the end). */
  | 'CHAT_ENDED'
  /** The service throttled us (429) past the retry budget. */
  | 'THROTTLED'
  /** The network or the websocket failed past the retry budget. */
  | 'CONNECTION_LOST'
  /** A message could not be delivered after every retry; `retry(localId)` sends it again. */
  | 'SEND_FAILED'
  /** The file's type is not in the allowed list. */
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  /** The file is larger than the allowed size (20 MB by default). */
  | 'ATTACHMENT_TOO_LARGE'
  /** The file is empty. */
  | 'ATTACHMENT_EMPTY'
  /** The contact reached its attachment quota (402). */
  | 'ATTACHMENT_QUOTA_EXCEEDED'
  /** The upload to the pre-signed URL failed. */
  | 'ATTACHMENT_UPLOAD_FAILED'
  /** The page reloaded while the file was uploading: the file is gone, the customer must send it again. */
  | 'ATTACHMENT_LOST_ON_RELOAD'
  /** The message content is empty or longer than its content type allows. */
  | 'MESSAGE_INVALID'
  /** An interactive message's content is not a template we can read. */
  | 'INTERACTIVE_INVALID'
  /** An action was called on a destroyed session. */
  | 'SESSION_DESTROYED'
  /** GetAuthenticationUrl or CancelParticipantAuthentication failed (customer sign-in in chat). */
  | 'AUTHENTICATION_FAILED';

/**
 * Base class of every error contact-kit throws or reports; `code` is stable.
 *
 * @example
 * ```ts
 * if (error instanceof ContactKitError && error.retryable) scheduleRetry();
 * ```
 */
export class ContactKitError extends Error {
  override name = 'ContactKitError';
  readonly code: ContactKitErrorCode;
  readonly retryable: boolean;

  constructor(
    code: ContactKitErrorCode,
    message: string,
    retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.retryable = retryable;
  }
}

/**
 * Details of a service error response.
 *
 * @example
 * ```ts
 * vi.spyOn(client, 'sendMessage').mockRejectedValue(
 *   new ParticipantServiceError({ name: 'ThrottlingException', status: 429, message: 'Rate exceeded', operation: 'SendMessage' }),
 * );
 * ```
 */
export interface ParticipantServiceErrorInit {
  name: ParticipantServiceErrorName;
  status: number;
  message: string;
  operation: OperationName;
  requestId?: string | undefined;
  /** Extra members of the error body, e.g. `ResourceId` and `ResourceType` on a 404. */
  details?: Record<string, unknown> | undefined;
  /**
   * The error type exactly as received (header or body, prefix/suffix stripped), even when it is
   * not one of the known names; `undefined` when the response carried none.
   */
  errorType?: string | undefined;
}

/**
 * The service answered with a non-2xx status. `name` is the service's error type
 * (`x-amzn-ErrorType`), e.g. `ThrottlingException`.
 *
 * @example
 * ```ts
 * try {
 *   await client.sendMessage(token, { ContentType: 'text/plain', Content: 'hi' });
 * } catch (error) {
 *   if (error instanceof ParticipantServiceError && error.name === 'AccessDeniedException') {
 *     // the chat has ended or the token is wrong
 *   }
 * }
 * ```
 */
export class ParticipantServiceError extends ContactKitError {
  override name: ParticipantServiceErrorName;
  readonly status: number;
  readonly operation: OperationName;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown>;
  /** The error type as received, e.g. `TooManyRequestsException` from a gateway (see `name`). */
  readonly errorType: string | undefined;

  constructor(init: ParticipantServiceErrorInit, options?: ErrorOptions) {
    super('SERVICE_ERROR', init.message, RETRYABLE_STATUSES.has(init.status), options);
    this.name = init.name;
    this.status = init.status;
    this.operation = init.operation;
    this.requestId = init.requestId;
    this.details = init.details ?? {};
    this.errorType = init.errorType;
  }
}

/**
 * The request never got an HTTP answer (DNS, connection refused, offline, CORS). Retryable.
 *
 * @example
 * ```ts
 * if (error instanceof NetworkError) showOfflineBanner();
 * ```
 */
export class NetworkError extends ContactKitError {
  override name = 'NetworkError';
  readonly operation: OperationName | undefined;

  constructor(message: string, operation?: OperationName, options?: ErrorOptions) {
    super('NETWORK_ERROR', message, true, options);
    this.operation = operation;
  }
}

/**
 * The caller aborted the request through its `AbortSignal`. Never retried.
 *
 * @example
 * ```ts
 * if (error instanceof AbortError) return; // the user navigated away
 * ```
 */
export class AbortError extends ContactKitError {
  override name = 'AbortError';

  constructor(message = 'The operation was aborted', options?: ErrorOptions) {
    super('ABORTED', message, false, options);
  }
}

/**
 * A request failed validation against the service model's limits before anything was sent.
 *
 * @example
 * ```ts
 * if (error instanceof RequestValidationError) console.warn(error.field, error.message);
 * ```
 */
export class RequestValidationError extends ContactKitError {
  override name = 'RequestValidationError';
  readonly operation: OperationName | undefined;
  /** The offending member, e.g. `Content` or `StartPosition`. */
  readonly field: string;

  constructor(field: string, message: string, operation?: OperationName) {
    super('INVALID_REQUEST', message, false);
    this.field = field;
    this.operation = operation;
  }
}

/**
 * The service (or something in between) answered 2xx with a body that is not the expected JSON.
 *
 * @example
 * ```ts
 * if (error instanceof InvalidResponseError) reportBug(error);
 * ```
 */
export class InvalidResponseError extends ContactKitError {
  override name = 'InvalidResponseError';
  readonly operation: OperationName;

  constructor(operation: OperationName, message: string, options?: ErrorOptions) {
    super('INVALID_RESPONSE', message, false, options);
    this.operation = operation;
  }
}

/**
 * A chat-level failure with a stable `code`. Lower-level causes (a {@link ParticipantServiceError},
 * a {@link NetworkError}) are kept as `cause`.
 *
 * @example
 * ```ts
 * const { connection } = session.getSnapshot();
 * if (connection.error?.code === 'CHAT_ENDED') showEndedView();
 * ```
 */
export class ChatError extends ContactKitError {
  override name = 'ChatError';
  declare readonly code: ChatErrorCode;

  constructor(
    code: ChatErrorCode,
    message: string,
    options?: ErrorOptions & { retryable?: boolean },
  ) {
    super(code, message, options?.retryable ?? false, options);
  }
}
