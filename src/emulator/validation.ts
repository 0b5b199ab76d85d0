import { invalid } from './serviceError';

/**
 * A parsed JSON request body.
 *
 * @example
 * ```ts
 * const body = parseJsonObject(bytes);
 * const displayName = typeof body.DisplayName === 'string' ? body.DisplayName : 'Customer';
 * ```
 */
export type JsonObject = Record<string, unknown>;

/**
 * True for a plain JSON object (not an array, not null).
 *
 * @example
 * ```ts
 * if (!isJsonObject(body.StartPosition)) throw invalid('StartPosition must be an object');
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function constraint(field: string, rule: string): Error {
  return invalid(
    `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${rule}`,
  );
}

/**
 * Length bounds of a string member, as in the service model.
 *
 * @example
 * ```ts
 * requiredString(body, 'Content', { min: 1, max: 16384 } satisfies LengthBounds);
 * ```
 */
export interface LengthBounds {
  min: number;
  max: number;
}

/**
 * Reads an optional string member and checks its length; `null` counts as absent (the SDK omits
 * null members, raw clients may send them).
 *
 * @example
 * ```ts
 * const token = optionalString(body, 'ClientToken', { min: 1, max: 500 });
 * ```
 */
export function optionalString(
  body: JsonObject,
  field: string,
  bounds: LengthBounds,
  path = field,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw constraint(path, 'Member must be a string');
  }
  if (value.length < bounds.min) {
    throw constraint(path, `Member must have length greater than or equal to ${bounds.min}`);
  }
  if (value.length > bounds.max) {
    throw constraint(path, `Member must have length less than or equal to ${bounds.max}`);
  }
  return value;
}

/**
 * Reads a required string member and checks its length.
 *
 * @example
 * ```ts
 * const contentType = requiredString(body, 'ContentType', { min: 1, max: 100 });
 * ```
 */
export function requiredString(
  body: JsonObject,
  field: string,
  bounds: LengthBounds,
  path = field,
): string {
  const value = optionalString(body, field, bounds, path);
  if (value === undefined) {
    throw constraint(path, 'Member must not be null');
  }
  return value;
}

/**
 * Reads an optional integer member within `[min, max]`.
 *
 * @example
 * ```ts
 * const maxResults = optionalInteger(body, 'MaxResults', 0, 100) ?? 10;
 * ```
 */
export function optionalInteger(
  body: JsonObject,
  field: string,
  min: number,
  max: number,
  path = field,
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw constraint(path, 'Member must be an integer');
  }
  if (value < min) {
    throw constraint(path, `Member must have value greater than or equal to ${min}`);
  }
  if (value > max) {
    throw constraint(path, `Member must have value less than or equal to ${max}`);
  }
  return value;
}

/**
 * Reads an optional boolean member.
 *
 * @example
 * ```ts
 * const connect = optionalBoolean(body, 'ConnectParticipant') ?? false;
 * ```
 */
export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw constraint(field, 'Member must be a boolean');
  }
  return value;
}

/**
 * Reads an optional member that must be one of `allowed`.
 *
 * @example
 * ```ts
 * const direction = optionalEnum(body, 'ScanDirection', ['FORWARD', 'BACKWARD'] as const);
 * ```
 */
export function optionalEnum<const TValue extends string>(
  body: JsonObject,
  field: string,
  allowed: readonly TValue[],
): TValue | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw constraint(field, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as TValue;
}

/**
 * Reads an optional nested object member.
 *
 * @example
 * ```ts
 * const start = optionalObject(body, 'StartPosition') ?? {};
 * ```
 */
export function optionalObject(body: JsonObject, field: string): JsonObject | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isJsonObject(value)) {
    throw constraint(field, 'Member must be a structure');
  }
  return value;
}

/**
 * Reads an optional list member, checking its item count.
 *
 * @example
 * ```ts
 * const ids = optionalArray(body, 'AttachmentIds', 1, 1);
 * ```
 */
export function optionalArray(
  body: JsonObject,
  field: string,
  min: number,
  max: number,
): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw constraint(field, 'Member must be a list');
  }
  if (value.length < min) {
    throw constraint(field, `Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw constraint(field, `Member must have length less than or equal to ${max}`);
  }
  return value;
}

/**
 * Parses an ISO-8601 timestamp, or throws a ValidationException naming `field`.
 *
 * @example
 * ```ts
 * const ms = parseTimestamp('2024-07-14T22:18:39.241Z', 'StartPosition.AbsoluteTime');
 * ```
 */
export function parseTimestamp(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw constraint(field, 'Member must be an ISO-8601 timestamp');
  }
  return ms;
}

/**
 * The sign-in redirect target, or `undefined` unless it is an absolute http(s) URL: a
 * `javascript:` or `data:` "redirect" would run script in whatever page follows it.
 *
 * @example
 * ```ts
 * redirectTarget('https://shop.example/cb'); // URL
 * redirectTarget('javascript:alert(1)'); // undefined
 * ```
 */
export function redirectTarget(value: string | null | undefined): URL | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Printable ASCII only: what can go into an HTTP header value unchanged. */
const HEADER_SAFE = /^[\x20-\x7e]*$/;

/**
 * Refuses (400) a content type with control or non-ASCII characters: it ends up in a response
 * header (the attachment download's Content-Type), where CR/LF would inject headers and Node
 * would refuse to send the rest.
 *
 * @example
 * ```ts
 * const contentType = requireHeaderSafe(requiredString(body, 'ContentType', { min: 1, max: 255 }), 'ContentType');
 * ```
 */
export function requireHeaderSafe(value: string, field: string): string {
  if (!HEADER_SAFE.test(value)) {
    throw constraint(field, 'Member must not contain control or non-ASCII characters');
  }
  return value;
}
