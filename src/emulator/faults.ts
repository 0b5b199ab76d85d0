import type { Clock } from '../core/clock';
import type { OperationName } from '../core/protocol/types';
import { invalid } from './serviceError';
import { isJsonObject } from './validation';

/**
 * The 11 Participant Service operations a `failNext` fault may target.
 *
 * @example
 * ```ts
 * OPERATION_NAMES.includes('SendMessage'); // true
 * ```
 */
export const OPERATION_NAMES: readonly OperationName[] = [
  'CreateParticipantConnection',
  'SendMessage',
  'SendEvent',
  'GetTranscript',
  'DisconnectParticipant',
  'StartAttachmentUpload',
  'CompleteAttachmentUpload',
  'GetAttachment',
  'DescribeView',
  'GetAuthenticationUrl',
  'CancelParticipantAuthentication',
];

/**
 * Statuses `failNext` can inject.
 *
 * @example
 * ```ts
 * parseFaultRequest({ failNext: { operation: 'GetTranscript', status: 429 satisfies InjectedStatus, count: 1 } });
 * ```
 */
export type InjectedStatus = 403 | 429 | 500 | 503;

/**
 * One validated body of `POST /admin/faults`.
 *
 * @example
 * ```ts
 * const fault = parseFaultRequest(await request.json()); // throws on an invalid body
 * if (fault.kind === 'delay') console.log(`slowing every call by ${fault.ms} ms for ${fault.forMs} ms`);
 * ```
 */
export type FaultRequest =
  | { kind: 'dropSockets' }
  | { kind: 'silence'; ms: number }
  | { kind: 'failNext'; operation: OperationName; status: InjectedStatus; count: number }
  | { kind: 'expireWebsocketUrls' }
  | { kind: 'expireConnectionTokens' }
  | { kind: 'duplicateDeliveries'; share: number; forMs: number }
  | { kind: 'reorder'; windowMs: number; forMs: number }
  | { kind: 'delay'; ms: number; forMs: number }
  | { kind: 'endMeeting'; contactId: string | undefined }
  | { kind: 'removeAttendee'; id: string }
  | { kind: 'withholdPongs'; ms: number }
  | { kind: 'reset' };

/**
 * Upper bound of every fault duration: faults are always bounded.
 *
 * @example
 * ```ts
 * parseFaultRequest({ silenceMs: MAX_FAULT_MS }); // the longest silence allowed
 * ```
 */
export const MAX_FAULT_MS = 600_000;
const MAX_FAIL_COUNT = 100;

function boundedMs(value: unknown, field: string, max = MAX_FAULT_MS): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(`${field} must be an integer between 1 and ${max}`);
  }
  return value;
}

function requireTrue(value: unknown, field: string): void {
  if (value !== true) {
    throw invalid(`${field} must be true`);
  }
}

/**
 * Validates a fault body: exactly one fault per call (plus `forMs` for the timed ones), every
 * number bounded. Throws a 400 ValidationException on anything else.
 *
 * Web-call (Chime) faults, for contacts from `POST /admin/webrtc`:
 * - `{"endMeeting": true}` ends every meeting, `{"endMeeting": {"ContactId": "…"}}` one: the
 *   contact ends (like StopContact) and each signaling socket gets AUDIO_STATUS 410 then close
 *   code 4410, so the SDK reports `MeetingEnded`.
 * - `{"removeAttendee": {"ParticipantId": "…"}}` (or `{"AttendeeId": "…"}`): AUDIO_STATUS 411 then a
 *   normal close (`AudioAttendeeRemoved`); the attendee cannot join again. The bot agent can be
 *   removed too: its tile and roster entry go away.
 * - `{"withholdPongsMs": 45000}`: no PONG for N ms (at most 600000); the SDK reconnects after 4
 *   missed pongs (about 40 s).
 *
 * @example
 * ```ts
 * parseFaultRequest({ failNext: { operation: 'SendMessage', status: 500, count: 2 } });
 * // { kind: 'failNext', operation: 'SendMessage', status: 500, count: 2 }
 * ```
 */
export function parseFaultRequest(body: unknown): FaultRequest {
  if (!isJsonObject(body)) {
    throw invalid('A fault must be a JSON object');
  }
  const timed = ['duplicateDeliveries', 'reorderWindowMs', 'delayDeliveriesMs'];
  const keys = Object.keys(body).filter((key) => key !== 'forMs');
  if (keys.length !== 1) {
    throw invalid(
      `Expected exactly one fault per call, got ${keys.length === 0 ? 'none' : keys.join(', ')}`,
    );
  }
  const key = keys[0]!;
  if ('forMs' in body && !timed.includes(key)) {
    throw invalid(`forMs applies only to ${timed.join(', ')}`);
  }
  const value = body[key];
  switch (key) {
    case 'dropSockets':
      requireTrue(value, key);
      return { kind: 'dropSockets' };
    case 'silenceMs':
      return { kind: 'silence', ms: boundedMs(value, key) };
    case 'expireWebsocketUrls':
      requireTrue(value, key);
      return { kind: 'expireWebsocketUrls' };
    case 'expireConnectionTokens':
      requireTrue(value, key);
      return { kind: 'expireConnectionTokens' };
    case 'reset':
      requireTrue(value, key);
      return { kind: 'reset' };
    case 'failNext':
      return parseFailNext(value);
    case 'endMeeting':
      return parseEndMeeting(value);
    case 'removeAttendee':
      return parseRemoveAttendee(value);
    case 'withholdPongsMs':
      return { kind: 'withholdPongs', ms: boundedMs(value, key) };
    case 'duplicateDeliveries': {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw invalid('duplicateDeliveries must be a share between 0 and 1');
      }
      return { kind: 'duplicateDeliveries', share: value, forMs: boundedMs(body.forMs, 'forMs') };
    }
    case 'reorderWindowMs':
      return {
        kind: 'reorder',
        windowMs: boundedMs(value, key, 60_000),
        forMs: boundedMs(body.forMs, 'forMs'),
      };
    case 'delayDeliveriesMs':
      return {
        kind: 'delay',
        ms: boundedMs(value, key, 60_000),
        forMs: boundedMs(body.forMs, 'forMs'),
      };
    default:
      throw invalid(`Unknown fault ${key}`);
  }
}

function parseEndMeeting(value: unknown): FaultRequest {
  if (value === true) {
    return { kind: 'endMeeting', contactId: undefined };
  }
  const contactId = isJsonObject(value) ? value.ContactId : undefined;
  if (
    typeof contactId !== 'string' ||
    contactId === '' ||
    Object.keys(value as object).length !== 1
  ) {
    throw invalid('endMeeting must be true or {ContactId}');
  }
  return { kind: 'endMeeting', contactId };
}

function parseRemoveAttendee(value: unknown): FaultRequest {
  const keys = isJsonObject(value) ? Object.keys(value) : [];
  const key = keys[0];
  const id = isJsonObject(value) && key !== undefined ? value[key] : undefined;
  if (
    keys.length !== 1 ||
    (key !== 'ParticipantId' && key !== 'AttendeeId') ||
    typeof id !== 'string' ||
    id === ''
  ) {
    throw invalid('removeAttendee must be {ParticipantId} or {AttendeeId}');
  }
  return { kind: 'removeAttendee', id };
}

function parseFailNext(value: unknown): FaultRequest {
  if (!isJsonObject(value)) {
    throw invalid('failNext must be an object {operation, status, count}');
  }
  const operation = value.operation;
  if (
    typeof operation !== 'string' ||
    !(OPERATION_NAMES as readonly string[]).includes(operation)
  ) {
    throw invalid(`failNext.operation must be one of ${OPERATION_NAMES.join(', ')}`);
  }
  const status = value.status;
  if (status !== 403 && status !== 429 && status !== 500 && status !== 503) {
    throw invalid('failNext.status must be 403, 429, 500 or 503');
  }
  const count = value.count ?? 1;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_FAIL_COUNT
  ) {
    throw invalid(`failNext.count must be an integer between 1 and ${MAX_FAIL_COUNT}`);
  }
  return { kind: 'failNext', operation: operation as OperationName, status, count };
}

interface Timed<TValue> {
  value: TValue;
  until: number;
}

/**
 * The delivery and REST faults in force. Time-bounded faults expire by the injected clock;
 * `failNext` entries are consumed one request at a time, oldest first.
 *
 * @example
 * ```ts
 * const faults = new FaultState(clock);
 * faults.add({ kind: 'failNext', operation: 'SendMessage', status: 500, count: 1 });
 * faults.takeFailure('SendMessage'); // 500
 * faults.takeFailure('SendMessage'); // undefined
 * ```
 */
export class FaultState {
  private readonly clock: Clock;
  private failures: { operation: OperationName; status: InjectedStatus; remaining: number }[] = [];
  private duplicate: Timed<number> | undefined;
  private reorder: Timed<number> | undefined;
  private delay: Timed<number> | undefined;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Adds a REST or delivery fault (socket-level faults are applied by the websocket hub). */
  add(request: FaultRequest): void {
    const now = this.clock.now();
    switch (request.kind) {
      case 'failNext':
        this.failures.push({
          operation: request.operation,
          status: request.status,
          remaining: request.count,
        });
        return;
      case 'duplicateDeliveries':
        this.duplicate = { value: request.share, until: now + request.forMs };
        return;
      case 'reorder':
        this.reorder = { value: request.windowMs, until: now + request.forMs };
        return;
      case 'delay':
        this.delay = { value: request.ms, until: now + request.forMs };
        return;
      case 'reset':
        this.reset();
        return;
      default:
        return;
    }
  }

  /** Clears every fault. */
  reset(): void {
    this.failures = [];
    this.duplicate = undefined;
    this.reorder = undefined;
    this.delay = undefined;
  }

  /** Consumes one injected failure for this operation, returning its status. */
  takeFailure(operation: OperationName): InjectedStatus | undefined {
    const entry = this.failures.find((failure) => failure.operation === operation);
    if (!entry) {
      return undefined;
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      this.failures = this.failures.filter((failure) => failure !== entry);
    }
    return entry.status;
  }

  /** Share of frames to deliver twice right now (0 when inactive). */
  duplicateShare(): number {
    return this.active(this.duplicate) ?? 0;
  }

  /** Reorder window in force, if any. */
  reorderWindowMs(): number | undefined {
    return this.active(this.reorder);
  }

  /** Delivery delay in force, if any. */
  delayMs(): number | undefined {
    return this.active(this.delay);
  }

  private active(timed: Timed<number> | undefined): number | undefined {
    return timed !== undefined && this.clock.now() < timed.until ? timed.value : undefined;
  }
}
