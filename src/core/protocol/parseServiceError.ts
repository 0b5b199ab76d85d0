import { ERROR_STATUS, ParticipantServiceError } from './errors';
import type { ParticipantServiceErrorName } from './errors';
import type { OperationName } from './types';

const NAME_BY_STATUS: ReadonlyMap<number, ParticipantServiceErrorName> = new Map(
  Object.entries(ERROR_STATUS).map(([name, status]) => [
    status,
    name as ParticipantServiceErrorName,
  ]),
);
const KNOWN_NAMES: ReadonlySet<string> = new Set(Object.keys(ERROR_STATUS));

/** Body members that describe the error itself rather than carrying details. */
const ERROR_ENVELOPE_MEMBERS: ReadonlySet<string> = new Set(['message', '__type', 'code']);

const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id'] as const;

/**
 * `ValidationException:http://internal.amazon.com/...` and
 * `com.amazonaws.connectparticipant#ValidationException` both mean `ValidationException`.
 */
function sanitizeErrorType(raw: string): string | undefined {
  const withoutSuffix = raw.split(':')[0] ?? '';
  const name = withoutSuffix.slice(withoutSuffix.lastIndexOf('#') + 1).trim();
  return name === '' ? undefined : name;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function errorTypeOf(headers: Headers, body: Record<string, unknown>): string | undefined {
  const header = headers.get('x-amzn-errortype');
  if (header != null) {
    const fromHeader = sanitizeErrorType(header);
    if (fromHeader !== undefined) {
      return fromHeader;
    }
  }
  for (const key of ['__type', 'code']) {
    const value = body[key];
    if (typeof value === 'string') {
      const fromBody = sanitizeErrorType(value);
      if (fromBody !== undefined) {
        return fromBody;
      }
    }
  }
  return undefined;
}

/**
 * Turns a non-2xx Participant Service response into a {@link ParticipantServiceError}, the way
 * the AWS SDK's rest-json deserializer reads errors:
 *
 * - error type from `x-amzn-ErrorType` (a `:…` suffix stripped), else body `__type` / `code`
 *   (a `namespace#` prefix stripped). A recognised type becomes `name`; an unrecognised or missing
 *   one falls back to the status (400 Validation, 402 ServiceQuotaExceeded, 403 AccessDenied,
 *   404 ResourceNotFound, 409 Conflict, 429 Throttling, 500 InternalServer, 503 ServiceUnavailable)
 *   and otherwise `Unknown`; the raw type is kept in `errorType`.
 * - `message` from body `message` / `Message` (any case).
 * - `requestId` from `x-amzn-RequestId` (then `x-amzn-Request-Id`, `x-amz-request-id`).
 * - every other body member (e.g. `ResourceId`, `ResourceType`) in `details`.
 *
 * @example
 * ```ts
 * const text = await response.text();
 * if (!response.ok) throw parseServiceError('SendMessage', response.status, response.headers, text);
 * ```
 */
export function parseServiceError(
  operation: OperationName,
  status: number,
  headers: Headers,
  bodyText: string,
): ParticipantServiceError {
  const body = parseJsonObject(bodyText) ?? {};
  const errorType = errorTypeOf(headers, body);
  const name: ParticipantServiceErrorName =
    errorType !== undefined && KNOWN_NAMES.has(errorType)
      ? (errorType as ParticipantServiceErrorName)
      : (NAME_BY_STATUS.get(status) ?? 'Unknown');

  let message: string | undefined;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (lower === 'message') {
      if (typeof value === 'string' && message === undefined) {
        message = value;
      }
    } else if (!ERROR_ENVELOPE_MEMBERS.has(lower)) {
      details[key] = value;
    }
  }

  let requestId: string | undefined;
  for (const header of REQUEST_ID_HEADERS) {
    requestId ??= headers.get(header) ?? undefined;
  }

  return new ParticipantServiceError({
    name,
    status,
    message: message ?? `${operation} failed: ${errorType ?? name} (HTTP ${status})`,
    operation,
    requestId,
    details,
    errorType,
  });
}
