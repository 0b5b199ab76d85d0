import { MESSAGE_CONTENT_LIMITS, SENDABLE_MESSAGE_CONTENT_TYPES } from './contentTypes';
import { RequestValidationError } from './errors';
import { PARTICIPANT_OPERATIONS } from './participantOperations';
import type { OperationName } from './types';

type Fields = Readonly<Record<string, unknown>>;

/** The model's limit for `Content` of a content type that has no documented per-type limit. */
const MODEL_CONTENT_MAX = 16_384;
const TOKEN_MAX = 1000;
const CONNECTION_TYPES: readonly string[] = [
  'WEBSOCKET',
  'CONNECTION_CREDENTIALS',
  'WEBRTC_CONNECTION',
];

/**
 * Smithy `@length` on strings counts Unicode scalar values, not UTF-16 code units, so an emoji
 * counts once (as the service counts it).
 */
function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) {
    count += 1;
  }
  return count;
}

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return typeof value === 'string' ? 'a string' : `${typeof value} ${String(value)}`;
}

/** Checks one request; every failure throws with the operation attached. */
class Checker {
  constructor(
    readonly operation: OperationName,
    readonly fields: Fields,
  ) {}

  fail(field: string, message: string): never {
    throw new RequestValidationError(
      field,
      `${this.operation}: ${field} ${message}`,
      this.operation,
    );
  }

  /** Whether `value` was given; an absent `required` member fails. */
  present(field: string, required: boolean, value: unknown): boolean {
    if (isAbsent(value)) {
      if (required) {
        this.fail(field, 'is required');
      }
      return false;
    }
    return true;
  }

  string(
    field: string,
    min: number,
    max: number,
    required: boolean,
    value = this.fields[field],
  ): void {
    if (!this.present(field, required, value)) {
      return;
    }
    if (typeof value !== 'string') {
      this.fail(field, `must be a string, got ${describe(value)}`);
    }
    const length = characterCount(value);
    if (length < min || length > max) {
      const range = min === max ? `exactly ${min}` : `between ${min} and ${max}`;
      this.fail(field, `must be ${range} characters long, got ${length}`);
    }
  }

  integer(
    field: string,
    min: number,
    max: number,
    required: boolean,
    value = this.fields[field],
  ): void {
    if (!this.present(field, required, value)) {
      return;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.fail(field, `must be an integer, got ${describe(value)}`);
    }
    if (value < min || value > max) {
      const range =
        max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      this.fail(field, `must be ${range}, got ${value}`);
    }
  }

  oneOf(field: string, allowed: readonly string[], value = this.fields[field]): void {
    if (isAbsent(value)) {
      return;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(
        field,
        `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? describe(value)}`,
      );
    }
  }

  boolean(field: string): void {
    const value = this.fields[field];
    if (!isAbsent(value) && typeof value !== 'boolean') {
      this.fail(field, `must be a boolean, got ${describe(value)}`);
    }
  }

  /** An idempotency token: optional, but when given it must be usable (1–500 characters). */
  clientToken(): void {
    this.string('ClientToken', 1, 500, false);
  }
}

function checkCreateParticipantConnection(c: Checker): void {
  const type = c.fields['Type'];
  if (!isAbsent(type)) {
    if (!Array.isArray(type)) {
      c.fail('Type', `must be an array of ${CONNECTION_TYPES.join(', ')}, got ${describe(type)}`);
    }
    if (type.length === 0) {
      c.fail('Type', 'must list at least one connection type (or be omitted)');
    }
    type.forEach((value: unknown, index) => c.oneOf(`Type[${index}]`, CONNECTION_TYPES, value));
  }
  c.boolean('ConnectParticipant');
}

function checkSendMessage(c: Checker): void {
  c.string('ContentType', 1, 100, true);
  const contentType = c.fields['ContentType'] as string;
  const sendable: readonly string[] = SENDABLE_MESSAGE_CONTENT_TYPES;
  if (!sendable.includes(contentType)) {
    c.fail(
      'ContentType',
      `must be one of ${sendable.join(', ')}, got ${JSON.stringify(contentType)}`,
    );
  }
  const limits: Readonly<Record<string, number>> = MESSAGE_CONTENT_LIMITS;
  const max = limits[contentType] ?? MODEL_CONTENT_MAX;
  const content = c.fields['Content'];
  if (typeof content === 'string' && characterCount(content) > max) {
    c.fail(
      'Content',
      `must be at most ${max} characters long for ${contentType}, got ${characterCount(content)}`,
    );
  }
  c.string('Content', 1, max, true);
  c.clientToken();
}

function checkSendEvent(c: Checker): void {
  c.string('ContentType', 1, 100, true);
  c.string('Content', 1, MODEL_CONTENT_MAX, false);
  c.clientToken();
}

function checkGetTranscript(c: Checker): void {
  c.string('ContactId', 1, 256, false);
  c.integer('MaxResults', 0, 100, false);
  const nextToken = c.fields['NextToken'];
  if (nextToken === '') {
    // The service answers `NextToken: ""` on the last page; passing it back would 400.
    c.fail(
      'NextToken',
      'must not be empty: an empty NextToken from the service means there are no more pages',
    );
  }
  c.string('NextToken', 1, 1000, false);
  c.oneOf('ScanDirection', ['FORWARD', 'BACKWARD']);
  c.oneOf('SortOrder', ['ASCENDING', 'DESCENDING']);

  const start = c.fields['StartPosition'];
  let hasStartMember = false;
  if (!isAbsent(start)) {
    if (typeof start !== 'object' || Array.isArray(start)) {
      c.fail('StartPosition', `must be an object, got ${describe(start)}`);
    }
    const position = start as Fields;
    c.string('StartPosition.Id', 1, 256, false, position['Id']);
    c.string('StartPosition.AbsoluteTime', 1, 100, false, position['AbsoluteTime']);
    c.integer('StartPosition.MostRecent', 0, 100, false, position['MostRecent']);
    hasStartMember = ['Id', 'AbsoluteTime', 'MostRecent'].some((key) => !isAbsent(position[key]));
  }
  if (c.fields['ScanDirection'] === 'FORWARD' && !hasStartMember) {
    // Observed: FORWARD with a missing or empty StartPosition is a 400 from the service.
    c.fail(
      'StartPosition',
      'must set Id, AbsoluteTime or MostRecent when ScanDirection is FORWARD',
    );
  }
}

function checkDisconnectParticipant(c: Checker): void {
  c.clientToken();
}

function checkStartAttachmentUpload(c: Checker): void {
  c.string('ContentType', 1, 255, true);
  c.integer('AttachmentSizeInBytes', 1, Number.MAX_SAFE_INTEGER, true);
  c.string('AttachmentName', 1, 256, true);
  c.clientToken();
}

function checkCompleteAttachmentUpload(c: Checker): void {
  const ids = c.fields['AttachmentIds'];
  if (isAbsent(ids)) {
    c.fail('AttachmentIds', 'is required');
  }
  if (!Array.isArray(ids)) {
    c.fail('AttachmentIds', `must be an array, got ${describe(ids)}`);
  }
  if (ids.length !== 1) {
    c.fail('AttachmentIds', `must contain exactly 1 attachment id, got ${ids.length}`);
  }
  c.string('AttachmentIds[0]', 1, 256, true, ids[0]);
  c.clientToken();
}

function checkGetAttachment(c: Checker): void {
  c.string('AttachmentId', 1, 256, true);
  c.integer('UrlExpiryInSeconds', 5, 300, false);
}

function checkDescribeView(c: Checker): void {
  c.string('ViewToken', 1, TOKEN_MAX, true);
}

function checkGetAuthenticationUrl(c: Checker): void {
  c.string('SessionId', 36, 36, true);
  c.string('RedirectUri', 1, 1024, true);
}

function checkCancelParticipantAuthentication(c: Checker): void {
  c.string('SessionId', 36, 36, true);
}

const CHECKS: Readonly<Record<OperationName, (c: Checker) => void>> = {
  CreateParticipantConnection: checkCreateParticipantConnection,
  SendMessage: checkSendMessage,
  SendEvent: checkSendEvent,
  GetTranscript: checkGetTranscript,
  DisconnectParticipant: checkDisconnectParticipant,
  StartAttachmentUpload: checkStartAttachmentUpload,
  CompleteAttachmentUpload: checkCompleteAttachmentUpload,
  GetAttachment: checkGetAttachment,
  DescribeView: checkDescribeView,
  GetAuthenticationUrl: checkGetAuthenticationUrl,
  CancelParticipantAuthentication: checkCancelParticipantAuthentication,
};

/**
 * Checks a request against the Participant Service model's limits (participant-protocol.md §1.5)
 * before anything is sent, so a bad request fails fast and locally instead of as a 400.
 * `null`/`undefined` members count as absent (they are not sent). Members the model does not
 * know are ignored (and not sent by the client).
 *
 * @param operation - the operation the request is for
 * @param request - the request body (the `X-Amz-Bearer` token is not part of it)
 * @throws {@link RequestValidationError} naming the offending `field`
 * @throws `TypeError` for an unknown operation name (misuse)
 *
 * @example
 * ```ts
 * try {
 *   validateRequest('SendMessage', { ContentType: 'text/plain', Content: '' });
 * } catch (error) {
 *   if (error instanceof RequestValidationError) console.warn(error.field); // 'Content'
 * }
 * ```
 */
export function validateRequest(operation: OperationName, request: unknown): void {
  if (!Object.hasOwn(PARTICIPANT_OPERATIONS, operation)) {
    throw new TypeError(`Unknown Participant Service operation: ${String(operation)}`);
  }
  if (isAbsent(request) && operation === 'DisconnectParticipant') {
    return;
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new RequestValidationError(
      'request',
      `${operation}: the request must be an object, got ${describe(request)}`,
      operation,
    );
  }
  CHECKS[operation](new Checker(operation, request as Fields));
}

/**
 * Checks the token that goes into `X-Amz-Bearer`: a non-empty string of at most 1000 characters.
 * `field` is `ParticipantToken` for CreateParticipantConnection and `ConnectionToken` otherwise.
 *
 * @throws {@link RequestValidationError}
 *
 * @example
 * ```ts
 * validateBearerToken('SendMessage', connectionToken);
 * ```
 */
export function validateBearerToken(operation: OperationName, token: unknown): void {
  const field =
    PARTICIPANT_OPERATIONS[operation].bearer === 'participant'
      ? 'ParticipantToken'
      : 'ConnectionToken';
  new Checker(operation, { [field]: token }).string(field, 1, TOKEN_MAX, true);
}
