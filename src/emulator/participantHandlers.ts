import {
  ContentType,
  MESSAGE_CONTENT_LIMITS,
  SENDABLE_MESSAGE_CONTENT_TYPES,
  type SendableMessageContentType,
} from '../core/protocol/contentTypes';
import type { ConnectionType, Item, OperationName } from '../core/protocol/types';
import {
  publish,
  publishTransient,
  participantLeaves,
  senderOf,
  SYSTEM_SENDER,
} from './chatActions';
import { scanFor, startScan } from './attachmentScanning';
import { contactOfAuthentication, settleAuthentication } from './customerAuthentication';
import { holdForProcessing, processingVerdict } from './messageProcessing';
import type { EmulatorContext } from './context';
import { ServiceError, accessDenied, invalid } from './serviceError';
import { type ContactRecord, type ParticipantRecord, type TranscriptEntry, isoTime } from './store';
import { type TranscriptStart, pageTranscript } from './transcriptPage';
import {
  type JsonObject,
  isJsonObject,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  parseTimestamp,
  redirectTarget,
  requireHeaderSafe,
  requiredString,
} from './validation';

/**
 * What a Participant Service handler receives.
 *
 * @example
 * ```ts
 * sendMessage(ctx, { body: { ContentType: 'text/plain', Content: 'hi' }, bearer: connectionToken, params: {} }); // { Id, AbsoluteTime }
 * ```
 */
export interface ParticipantRequest {
  body: JsonObject;
  /** The `X-Amz-Bearer` header. */
  bearer: string | undefined;
  /** Decoded URI labels (`ViewToken`). */
  params: Readonly<Record<string, string>>;
}

/**
 * A Participant Service operation handler: returns the response body or throws a ServiceError.
 *
 * @example
 * ```ts
 * const result = handler(ctx, { body, bearer: typeof bearer === 'string' ? bearer : undefined, params });
 * sendJson(response, 200, result, requestId); // or a thrown ServiceError becomes the error answer
 * ```
 */
export type ParticipantHandler = (ctx: EmulatorContext, request: ParticipantRequest) => unknown;

const CLIENT_TOKEN = { min: 1, max: 500 };
const ATTACHMENT_URL_DEFAULT_EXPIRY_S = 300;

interface Caller {
  participant: ParticipantRecord;
  contact: ContactRecord;
}

/** Resolves a connection token; the participant may have left (checked by `requireActive`). */
function authenticate(ctx: EmulatorContext, bearer: string | undefined): Caller {
  const participant = bearer ? ctx.store.participantForConnectionToken(bearer) : undefined;
  const contact = participant ? ctx.store.getContact(participant.contactId) : undefined;
  if (!participant || !contact) {
    throw accessDenied();
  }
  return { participant, contact };
}

function requireActive(caller: Caller): void {
  if (caller.participant.status !== 'joined' || caller.contact.status !== 'active') {
    throw accessDenied();
  }
}

/**
 * Runs an idempotent operation: the same participant + operation + ClientToken gets the first
 * successful response again, and nothing happens twice.
 */
function idempotent(
  ctx: EmulatorContext,
  caller: Caller,
  operation: OperationName,
  clientToken: string | undefined,
  run: () => unknown,
): unknown {
  if (clientToken !== undefined) {
    const replay = ctx.store.getReplay(caller.participant.participantId, operation, clientToken);
    if (replay !== undefined) {
      return replay;
    }
  }
  requireActive(caller);
  const response = run();
  if (clientToken !== undefined) {
    ctx.store.setReplay(caller.participant.participantId, operation, clientToken, response);
  }
  return response;
}

const CONNECTION_TYPES: readonly ConnectionType[] = [
  'WEBSOCKET',
  'CONNECTION_CREDENTIALS',
  'WEBRTC_CONNECTION',
];

/**
 * `POST /participant/connection` with the participant token. `WEBRTC_CONNECTION` on a web-call
 * contact (`POST /admin/webrtc`) returns `WebRTCConnection: {Attendee: {AttendeeId, JoinToken},
 * Meeting: {MeetingId, MediaPlacement: {AudioHostUrl, AudioFallbackUrl, SignalingUrl},
 * MeetingFeatures}}` for this participant (an attendee is added on first use; a CUSTOMER is on
 * the Customer side of the contact's `AllowedCapabilities`, every other role on the Agent side,
 * which sets `MeetingFeatures.Content.MaxResolution`); on a chat contact it is accepted and simply
 * omitted from the response (a chat contact has no meeting).
 *
 * @example
 * ```ts
 * createParticipantConnection(ctx, { bearer: participantToken, body: { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }, params: {} });
 * ```
 */
export const createParticipantConnection: ParticipantHandler = (ctx, { bearer, body }) => {
  const participant = bearer ? ctx.store.participantForToken(bearer) : undefined;
  const contact = participant ? ctx.store.getContact(participant.contactId) : undefined;
  if (!participant || !contact || participant.status !== 'joined' || contact.status !== 'active') {
    throw accessDenied();
  }
  const types = optionalArray(body, 'Type', 1, 3);
  const connectParticipant = optionalBoolean(body, 'ConnectParticipant');
  if (types === undefined && connectParticipant !== true) {
    throw invalid(
      "1 validation error detected: Value at 'Type' failed to satisfy constraint: Member must not be null",
    );
  }
  for (const type of types ?? []) {
    if (typeof type !== 'string' || !(CONNECTION_TYPES as readonly string[]).includes(type)) {
      throw invalid(
        `1 validation error detected: Value at 'Type' failed to satisfy constraint: Member must satisfy enum value set: [${CONNECTION_TYPES.join(', ')}]`,
      );
    }
  }
  if (connectParticipant === true) {
    participant.acknowledged = true;
  }
  const wantWebsocket = types?.includes('WEBSOCKET') ?? false;
  const wantCredentials = types?.includes('CONNECTION_CREDENTIALS') ?? false;
  const issued = ctx.store.issueConnection(participant, {
    websocket: wantWebsocket,
    credentials: wantCredentials,
  });
  const response: Record<string, unknown> = {};
  if (issued.websocketKey !== undefined) {
    response.Websocket = {
      Url: `${ctx.wsBase()}/websocket?AuthToken=${encodeURIComponent(issued.websocketKey)}`,
      ConnectionExpiry: isoTime(issued.websocketExpiresAt),
    };
  }
  if (issued.connectionToken !== undefined) {
    response.ConnectionCredentials = {
      ConnectionToken: issued.connectionToken,
      Expiry: isoTime(issued.connectionTokenExpiresAt),
    };
  }
  const attendee = types?.includes('WEBRTC_CONNECTION')
    ? ctx.chime.attendeeFor(contact.contactId, participant)
    : undefined;
  if (attendee) {
    response.WebRTCConnection = ctx.chime.connectionData(attendee);
  }
  return response;
};

/**
 * `POST /participant/message`: the four sendable content types, limited to the contact's
 * SupportedMessagingContentTypes, with per-type length limits.
 *
 * @example
 * ```ts
 * sendMessage(ctx, { bearer: connectionToken, body: { ContentType: 'text/plain', Content: 'hi' }, params: {} });
 * ```
 */
export const sendMessage: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  const contentType = requiredString(body, 'ContentType', { min: 1, max: 100 });
  const content = requiredString(body, 'Content', { min: 1, max: 16384 });
  const clientToken = optionalString(body, 'ClientToken', CLIENT_TOKEN);
  return idempotent(ctx, caller, 'SendMessage', clientToken, () => {
    const sendable = (SENDABLE_MESSAGE_CONTENT_TYPES as readonly string[]).includes(contentType);
    const allowed =
      contentType === ContentType.plainText ||
      caller.contact.supportedContentTypes.includes(contentType);
    if (!sendable || !allowed) {
      throw invalid(`ContentType ${contentType} is not supported for this contact`);
    }
    const limit = MESSAGE_CONTENT_LIMITS[contentType as SendableMessageContentType];
    if (content.length > limit) {
      throw invalid(
        `1 validation error detected: Value at 'Content' failed to satisfy constraint: Member must have length less than or equal to ${limit} for ${contentType}`,
      );
    }
    const verdict = processingVerdict(caller.contact, caller.participant, content);
    if (verdict !== undefined) {
      return holdForProcessing(ctx, caller.contact, verdict);
    }
    const item = publish(ctx, caller.contact, {
      Type: 'MESSAGE',
      ContentType: contentType,
      Content: content,
      ...senderOf(caller.participant),
    });
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  });
};

/**
 * `POST /participant/event`: typing (fanned out, not stored), delivered/read receipts (stored as
 * `MESSAGEMETADATA` items and aggregated on the message), connection.acknowledged.
 *
 * @example
 * ```ts
 * sendEvent(ctx, { bearer, body: { ContentType: ContentType.messageRead, Content: JSON.stringify({ messageId }) }, params: {} });
 * ```
 */
export const sendEvent: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  const contentType = requiredString(body, 'ContentType', { min: 1, max: 100 });
  const content = optionalString(body, 'Content', { min: 1, max: 16384 });
  const clientToken = optionalString(body, 'ClientToken', CLIENT_TOKEN);
  return idempotent(ctx, caller, 'SendEvent', clientToken, () => {
    const { contact, participant } = caller;
    switch (contentType) {
      case ContentType.typing: {
        const item = publishTransient(ctx, contact, {
          Type: 'EVENT',
          ContentType: contentType,
          ...senderOf(participant),
        });
        return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
      }
      case ContentType.connectionAcknowledged:
        participant.acknowledged = true;
        return { Id: ctx.store.id(), AbsoluteTime: isoTime(ctx.clock.now()) };
      case ContentType.messageDelivered:
      case ContentType.messageRead:
        return sendReceipt(
          ctx,
          caller,
          contentType === ContentType.messageRead ? 'read' : 'delivered',
          content,
        );
      default:
        throw invalid(`ContentType ${contentType} is not a valid event type`);
    }
  });
};

function sendReceipt(
  ctx: EmulatorContext,
  caller: Caller,
  kind: 'read' | 'delivered',
  content: string | undefined,
): unknown {
  let messageId: unknown;
  try {
    const parsed: unknown = content === undefined ? undefined : JSON.parse(content);
    messageId = isJsonObject(parsed) ? parsed.messageId : undefined;
  } catch {
    messageId = undefined;
  }
  if (typeof messageId !== 'string' || messageId === '') {
    throw invalid('Content must be a JSON object with a messageId');
  }
  const message = ctx.store.findItem(caller.contact, messageId);
  if (!message || (message.Type !== 'MESSAGE' && message.Type !== 'ATTACHMENT')) {
    throw invalid(`messageId ${messageId} does not name a message of this contact`);
  }
  if (message.ParticipantId === caller.participant.participantId) {
    throw invalid('A participant cannot send a receipt for its own message');
  }
  const supervised = ctx.store
    .participantsOf(caller.contact)
    .some((p) => p.role === 'SUPERVISOR' && p.status === 'joined');
  if (supervised) {
    throw new ServiceError(
      'ConflictException',
      'Message receipts are not supported when a supervisor is in the chat',
    );
  }
  const at = isoTime(ctx.clock.now());
  const fresh = ctx.store.recordReceipt(
    caller.contact,
    messageId,
    caller.participant.participantId,
    kind,
    at,
  );
  if (!fresh) {
    return { Id: ctx.store.id(), AbsoluteTime: at };
  }
  const receipt = {
    RecipientParticipantId: caller.participant.participantId,
    ...(kind === 'read' ? { ReadTimestamp: at } : { DeliveredTimestamp: at }),
  };
  const item = publish(ctx, caller.contact, {
    Type: 'MESSAGEMETADATA',
    ContentType: ContentType.messageMetadata,
    MessageMetadata: { MessageId: messageId, Receipts: [receipt] },
  });
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
}

/**
 * `POST /participant/transcript`. Semantics of ScanDirection/StartPosition/NextToken are documented
 * on {@link pageTranscript}. Defaults: `MaxResults` 10, `SortOrder` DESCENDING, `ScanDirection`
 * BACKWARD without a start position and FORWARD with one. FORWARD without a usable start position
 * is a 400. With a NextToken, its direction and position win over the request's. `ContactId` may
 * name a past contact of a persistent chat (its items then carry `RelatedContactId`); an unrelated
 * id gives an empty transcript.
 *
 * @example
 * ```ts
 * getTranscript(ctx, { bearer, body: { ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 15 }, params: {} });
 * ```
 */
export const getTranscript: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  requireActive(caller);
  const { contact } = caller;
  const requestedContactId = optionalString(body, 'ContactId', { min: 1, max: 256 });
  const maxResults = optionalInteger(body, 'MaxResults', 0, 100) ?? 10;
  const nextToken = optionalString(body, 'NextToken', { min: 1, max: 1000 });
  const scanDirection = optionalEnum(body, 'ScanDirection', ['FORWARD', 'BACKWARD'] as const);
  const sortOrder =
    optionalEnum(body, 'SortOrder', ['ASCENDING', 'DESCENDING'] as const) ?? 'DESCENDING';
  const startPosition = optionalObject(body, 'StartPosition') ?? {};
  const viewContactId = requestedContactId ?? contact.contactId;

  let start: TranscriptStart = parseStartPosition(startPosition);
  let direction = scanDirection ?? (start.kind === 'none' ? 'BACKWARD' : 'FORWARD');
  if (nextToken !== undefined) {
    const decoded = ctx.nextTokens.decode(nextToken, viewContactId);
    start = { kind: 'token', boundarySeq: decoded.boundarySeq };
    direction = decoded.direction;
  } else if (direction === 'FORWARD' && start.kind === 'none') {
    throw invalid('Validation exception due to invalid parameter');
  }

  const entries = ctx.store.transcriptView(contact, requestedContactId);
  const page = pageTranscript(
    entries,
    { direction, sortOrder, maxResults, start },
    (entry: TranscriptEntry) => ({
      seq: entry.stored.seq,
      ms: Date.parse(entry.stored.item.AbsoluteTime ?? ''),
      id: entry.stored.item.Id,
    }),
  );
  const transcript = page.entries.map((entry) => transcriptItem(ctx, contact, entry));
  const response: Record<string, unknown> = {
    InitialContactId: contact.initialContactId,
    Transcript: transcript,
  };
  if (page.nextBoundarySeq !== undefined) {
    response.NextToken = ctx.nextTokens.encode({
      contactId: viewContactId,
      direction,
      boundarySeq: page.nextBoundarySeq,
    });
  }
  return response;
};

function transcriptItem(
  ctx: EmulatorContext,
  contact: ContactRecord,
  entry: TranscriptEntry,
): Item {
  const owner = ctx.store.getContact(entry.contactId) ?? contact;
  const item = ctx.store.withReceipts(owner, entry.stored.item);
  return entry.contactId === contact.contactId
    ? item
    : { ...item, RelatedContactId: entry.contactId };
}

function parseStartPosition(start: JsonObject): TranscriptStart {
  const id = optionalString(start, 'Id', { min: 1, max: 256 }, 'StartPosition.Id');
  const absoluteTime = optionalString(
    start,
    'AbsoluteTime',
    { min: 1, max: 100 },
    'StartPosition.AbsoluteTime',
  );
  const mostRecent = optionalInteger(start, 'MostRecent', 0, 100, 'StartPosition.MostRecent');
  const given = [id, absoluteTime, mostRecent].filter((value) => value !== undefined).length;
  if (given > 1) {
    throw invalid('StartPosition accepts only one of Id, AbsoluteTime and MostRecent');
  }
  if (id !== undefined) {
    return { kind: 'id', id };
  }
  if (absoluteTime !== undefined) {
    return { kind: 'time', ms: parseTimestamp(absoluteTime, 'StartPosition.AbsoluteTime') };
  }
  if (mostRecent !== undefined) {
    return { kind: 'mostRecent', count: mostRecent };
  }
  return { kind: 'none' };
}

/**
 * `POST /participant/disconnect`: `participant.left`, and the contact ends when the customer leaves.
 *
 * @example
 * ```ts
 * disconnectParticipant(ctx, { bearer, body: { ClientToken: 'c1' }, params: {} }); // {}
 * ```
 */
export const disconnectParticipant: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  const clientToken = optionalString(body, 'ClientToken', CLIENT_TOKEN);
  return idempotent(ctx, caller, 'DisconnectParticipant', clientToken, () => {
    participantLeaves(ctx, caller.contact, caller.participant);
    return {};
  });
};

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = `attachment; filename="${ascii}"`;
  return ascii === name
    ? disposition
    : `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Content-Disposition for an attachment name, ASCII-safe with an RFC 5987 `filename*` when needed.
 *
 * @example
 * ```ts
 * attachmentDisposition('a.txt'); // 'attachment; filename="a.txt"'
 * ```
 */
export const attachmentDisposition = contentDisposition;

function completedAttachments(ctx: EmulatorContext, contactId: string): number {
  return ctx.store.attachmentsOf(contactId).filter((record) => record.status === 'completed')
    .length;
}

function quotaExceeded(): ServiceError {
  return new ServiceError(
    'ServiceQuotaExceededException',
    'The number of attachments per contact exceeds the quota.',
  );
}

/**
 * Uploads of a contact that were started and could still be completed: not completed yet, and
 * either uploaded or still within their upload URL's window (an unused expired URL never completes).
 */
function uncompletedUploads(ctx: EmulatorContext, contactId: string): number {
  const now = ctx.clock.now();
  return ctx.store
    .attachmentsOf(contactId)
    .filter(
      (record) =>
        record.status === 'uploaded' ||
        (record.status === 'pending' && now <= record.uploadExpiresAt),
    ).length;
}

/**
 * `POST /participant/start-attachment-upload`: an id and a local pre-signed-style upload URL.
 *
 * @example
 * ```ts
 * startAttachmentUpload(ctx, { bearer, body: { ContentType: 'text/plain', AttachmentSizeInBytes: 5, AttachmentName: 'a.txt', ClientToken: 'c' }, params: {} });
 * ```
 */
export const startAttachmentUpload: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  const contentType = requireHeaderSafe(
    requiredString(body, 'ContentType', { min: 1, max: 255 }),
    'ContentType',
  );
  const size = optionalInteger(body, 'AttachmentSizeInBytes', 1, Number.MAX_SAFE_INTEGER);
  if (size === undefined) {
    throw invalid(
      "1 validation error detected: Value at 'AttachmentSizeInBytes' failed to satisfy constraint: Member must not be null",
    );
  }
  const name = requiredString(body, 'AttachmentName', { min: 1, max: 256 });
  const clientToken = requiredString(body, 'ClientToken', CLIENT_TOKEN);
  return idempotent(ctx, caller, 'StartAttachmentUpload', clientToken, () => {
    if (size > ctx.limits.maxAttachmentBytes) {
      throw invalid(
        `AttachmentSizeInBytes exceeds the maximum of ${ctx.limits.maxAttachmentBytes} bytes`,
      );
    }
    if (
      completedAttachments(ctx, caller.contact.contactId) >= ctx.limits.maxAttachmentsPerContact
    ) {
      throw quotaExceeded();
    }
    if (
      uncompletedUploads(ctx, caller.contact.contactId) >=
      ctx.limits.maxUncompletedUploadsPerContact
    ) {
      // Each started upload holds a URL and, once PUT, its bytes until completed: keep that bounded.
      throw new ServiceError(
        'ServiceQuotaExceededException',
        'The number of uncompleted attachment uploads per contact exceeds the quota.',
      );
    }
    const record = ctx.store.startAttachment(caller.participant, { contentType, name, size });
    return {
      AttachmentId: record.attachmentId,
      UploadMetadata: {
        Url: `${ctx.httpBase()}/attachments/upload/${record.uploadKey}`,
        UrlExpiry: isoTime(record.uploadExpiresAt),
        HeadersToInclude: {
          'Content-Type': contentType,
          'Content-Disposition': contentDisposition(name),
          'x-amz-acl': 'bucket-owner-full-control',
          'x-amz-meta-contact_id': caller.contact.contactId,
          'x-amz-meta-initial_contact_id': caller.contact.initialContactId,
          'x-amz-meta-account_id': '111122223333',
          'x-amz-meta-organization_id': '00000000-0000-4000-8000-000000000000',
        },
      },
    };
  });
};

/**
 * `POST /participant/complete-attachment-upload`: 409 if the bytes were not uploaded yet or it was
 * already completed, 402 past the per-contact quota, else an `ATTACHMENT` item: `APPROVED`, or
 * `IN_PROGRESS` and later its scan verdict when the file is scanned (see {@link scanFor}).
 *
 * @example
 * ```ts
 * completeAttachmentUpload(ctx, { bearer, body: { AttachmentIds: [id], ClientToken: 'c' }, params: {} }); // {}
 * ```
 */
export const completeAttachmentUpload: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  const ids = optionalArray(body, 'AttachmentIds', 1, 1);
  const attachmentId = ids?.[0];
  if (typeof attachmentId !== 'string' || attachmentId.length < 1 || attachmentId.length > 256) {
    throw invalid(
      "1 validation error detected: Value at 'AttachmentIds' failed to satisfy constraint: Member must contain exactly one id",
    );
  }
  const clientToken = requiredString(body, 'ClientToken', CLIENT_TOKEN);
  return idempotent(ctx, caller, 'CompleteAttachmentUpload', clientToken, () => {
    const record = ctx.store.getAttachment(attachmentId);
    if (!record || record.participantId !== caller.participant.participantId) {
      throw invalid(`Invalid AttachmentId ${attachmentId}`);
    }
    if (record.status === 'completed') {
      throw new ServiceError('ConflictException', 'The attachment upload was already completed.');
    }
    if (record.status === 'pending') {
      throw new ServiceError('ConflictException', 'The attachment has not been uploaded yet.');
    }
    if (
      completedAttachments(ctx, caller.contact.contactId) >= ctx.limits.maxAttachmentsPerContact
    ) {
      throw quotaExceeded();
    }
    record.status = 'completed';
    const scan = scanFor(caller.contact.scanning, record.name);
    const item = publish(ctx, caller.contact, {
      Type: 'ATTACHMENT',
      Attachments: [
        {
          ContentType: record.contentType,
          AttachmentId: record.attachmentId,
          AttachmentName: record.name,
          Status: scan ? 'IN_PROGRESS' : 'APPROVED',
        },
      ],
      ...senderOf(caller.participant),
    });
    if (scan && item.Id !== undefined) {
      startScan(ctx, caller.contact, record, item.Id, scan);
    }
    return {};
  });
};

/**
 * `POST /participant/attachment`: a short-lived local download URL for a completed attachment of
 * this contact (or a past contact of its persistent chat). A CUSTOM_BOT may not read customer files.
 * A file still being scanned, or rejected by the scan, is refused with 400 ValidationException.
 *
 * @example
 * ```ts
 * getAttachment(ctx, { bearer, body: { AttachmentId: id, UrlExpiryInSeconds: 60 }, params: {} });
 * ```
 */
export const getAttachment: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  requireActive(caller);
  const attachmentId = requiredString(body, 'AttachmentId', { min: 1, max: 256 });
  const expirySeconds =
    optionalInteger(body, 'UrlExpiryInSeconds', 5, 300) ?? ATTACHMENT_URL_DEFAULT_EXPIRY_S;
  const record = ctx.store.getAttachment(attachmentId);
  const visible = [caller.contact.contactId, ...caller.contact.pastContactIds];
  if (
    !record ||
    record.status !== 'completed' ||
    !record.bytes ||
    !visible.includes(record.contactId)
  ) {
    throw invalid(`Invalid AttachmentId ${attachmentId}`);
  }
  const owner = ctx.store.getParticipant(record.participantId);
  if (caller.participant.role === 'CUSTOM_BOT' && owner?.role === 'CUSTOMER') {
    throw accessDenied();
  }
  // Not 403: clients read AccessDenied as "this chat is over". The file is just not available.
  if (record.scanStatus === 'IN_PROGRESS') {
    throw invalid(`The attachment ${attachmentId} is still being scanned`);
  }
  if (record.scanStatus === 'REJECTED') {
    throw invalid(`The attachment ${attachmentId} was rejected by attachment scanning`);
  }
  const expiresAt = ctx.clock.now() + expirySeconds * 1000;
  const key = ctx.store.createDownload(record, expiresAt);
  return {
    Url: `${ctx.httpBase()}/attachments/download/${key}`,
    UrlExpiry: isoTime(expiresAt),
    AttachmentSizeInBytes: record.bytes.length,
  };
};

/**
 * `GET /participant/views/{ViewToken}`: the view behind a token issued with a ViewResource message
 * on the caller's contact (a managed or registered view), or a sample view; 404
 * ResourceNotFoundException otherwise.
 * The model's ResourceType enum has no VIEW member, so the 404 names `CONTACT_FLOW` (views are
 * flow resources).
 *
 * @example
 * ```ts
 * describeView(ctx, { bearer, body: {}, params: { ViewToken: 'sample-view-token' } });
 * ```
 */
export const describeView: ParticipantHandler = (ctx, { bearer, params }) => {
  const caller = authenticate(ctx, bearer);
  requireActive(caller);
  const viewToken = requiredString(params, 'ViewToken', { min: 1, max: 1000 });
  const view = ctx.views.describe(viewToken, caller.contact.contactId);
  if (!view) {
    throw new ServiceError('ResourceNotFoundException', 'The view was not found.', {
      ResourceId: viewToken,
      ResourceType: 'CONTACT_FLOW',
    });
  }
  return { View: view };
};

/**
 * `POST /participant/authentication-url`: the URL of the local sign-in page (`GET /auth/authorize`),
 * whose **Sign in** redirects to `RedirectUri` with `code` and `state` (the SessionId), like a
 * Cognito hosted UI after sign-in.
 *
 * @example
 * ```ts
 * getAuthenticationUrl(ctx, { bearer, body: { SessionId: uuid, RedirectUri: 'https://shop.example/cb' }, params: {} });
 * ```
 */
export const getAuthenticationUrl: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  requireActive(caller);
  const sessionId = requiredString(body, 'SessionId', { min: 36, max: 36 });
  const redirectUri = requiredString(body, 'RedirectUri', { min: 1, max: 1024 });
  if (!redirectTarget(redirectUri)) {
    throw invalid('RedirectUri must be an absolute http or https URL');
  }
  const record = caller.contact.authentication;
  if (record?.sessionId === sessionId) {
    record.urlIssued = true;
  }
  const query = new URLSearchParams({ session_id: sessionId, redirect_uri: redirectUri });
  return { AuthenticationUrl: `${ctx.httpBase()}/auth/authorize?${query.toString()}` };
};

/**
 * `POST /participant/cancel-authentication`: answers `{}` and emits `authentication.cancelled`
 * (for the contact's own authentication session only while it waits, see
 * `POST /admin/contacts/{ContactId}/authenticate`).
 *
 * @example
 * ```ts
 * cancelParticipantAuthentication(ctx, { bearer, body: { SessionId: uuid }, params: {} }); // {}
 * ```
 */
export const cancelParticipantAuthentication: ParticipantHandler = (ctx, { bearer, body }) => {
  const caller = authenticate(ctx, bearer);
  requireActive(caller);
  const sessionId = requiredString(body, 'SessionId', { min: 36, max: 36 });
  if (contactOfAuthentication(ctx, sessionId) === caller.contact) {
    // The block run on this contact: cancelled once, and only while it waits.
    settleAuthentication(ctx, caller.contact, sessionId, 'CANCELLED');
    return {};
  }
  publish(ctx, caller.contact, {
    Type: 'EVENT',
    ContentType: ContentType.authenticationCancelled,
    Content: JSON.stringify({ SessionId: sessionId }),
    ...SYSTEM_SENDER,
  });
  return {};
};
