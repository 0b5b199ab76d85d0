/**
 * The error names the emulator answers with. The first seven are the Participant Service's modelled
 * errors; the rest cover API Gateway-level answers (unknown route, oversized body, 503).
 *
 * @example
 * ```ts
 * throw new ServiceError('ThrottlingException', 'Rate exceeded'); // answered as a 429
 * ```
 */
export type EmulatorErrorName =
  | 'ValidationException'
  | 'ServiceQuotaExceededException'
  | 'AccessDeniedException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'ThrottlingException'
  | 'InternalServerException'
  | 'ServiceUnavailableException'
  | 'UnknownOperationException'
  | 'RequestEntityTooLargeException'
  | 'NotImplementedException';

const STATUS_BY_NAME: Readonly<Record<EmulatorErrorName, number>> = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
  ConflictException: 409,
  RequestEntityTooLargeException: 413,
  ThrottlingException: 429,
  InternalServerException: 500,
  NotImplementedException: 501,
  ServiceUnavailableException: 503,
};

/**
 * An error answer of the emulator: handlers throw it, the HTTP shell turns it into a rest-json error
 * response (`x-amzn-ErrorType: <name>`, body `{"message": …, …extra}`).
 *
 * @example
 * ```ts
 * throw new ServiceError('ResourceNotFoundException', 'View not found', { ResourceId: token, ResourceType: 'CONTACT_FLOW' });
 * ```
 */
export class ServiceError extends Error {
  override readonly name: EmulatorErrorName;
  readonly status: number;
  /** Extra body members, e.g. `ResourceId`/`ResourceType` on a 404. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Overrides the status implied by `name` (405 for a wrong method). */
  constructor(
    name: EmulatorErrorName,
    message: string,
    extra: Record<string, unknown> = {},
    status?: number,
  ) {
    super(message);
    this.name = name;
    this.status = status ?? STATUS_BY_NAME[name];
    this.extra = extra;
  }
}

/**
 * The 403 the real service sends for a wrong, expired or dead token (observed body text).
 *
 * @example
 * ```ts
 * if (!token) throw accessDenied();
 * ```
 */
export function accessDenied(): ServiceError {
  return new ServiceError('AccessDeniedException', 'Access denied');
}

/**
 * A 400 ValidationException with the given message.
 *
 * @example
 * ```ts
 * throw invalid('1 validation error detected: Value at \'Content\' failed to satisfy constraint');
 * ```
 */
export function invalid(message: string): ServiceError {
  return new ServiceError('ValidationException', message);
}

/**
 * The error name that goes with a status injected through the `failNext` fault.
 *
 * @example
 * ```ts
 * errorNameForStatus(429); // 'ThrottlingException'
 * ```
 */
export function errorNameForStatus(status: 403 | 429 | 500 | 503): EmulatorErrorName {
  switch (status) {
    case 403:
      return 'AccessDeniedException';
    case 429:
      return 'ThrottlingException';
    case 500:
      return 'InternalServerException';
    case 503:
      return 'ServiceUnavailableException';
  }
}
