import { randomUUID } from 'node:crypto';
import {
  ContentType,
  EVENT_CONTENT_TYPE_PREFIX,
  SENDABLE_MESSAGE_CONTENT_TYPES,
} from '../core/protocol/contentTypes';
import type { MessageMetadata, ParticipantRole } from '../core/protocol/types';
import { DEFAULT_SCAN_DELAY_MS, MAX_SCAN_DELAY_MS } from './attachmentScanning';
import type { AllowedCapabilities } from './chime/allowedCapabilities';
import { BOT_AGENT_NAME } from './chime/botAgent';
import { endContact, publish, publishTransient, senderOf } from './chatActions';
import type { EmulatorContext } from './context';
import { authenticationSummary } from './customerAuthentication';
import { parseFaultRequest } from './faults';
import { requireActiveContact, requireContact } from './requireContact';
import { processingSummary } from './messageProcessing';
import { SAMPLE_VIEW_DATA } from './managedViews';
import { createViewResource, serializeTemplate } from './agents/templates';
import { ServiceError, invalid } from './serviceError';
import { type ContactRecord, type ParticipantRecord, isoTime } from './store';
import {
  type JsonObject,
  isJsonObject,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  requireHeaderSafe,
  requiredString,
} from './validation';

/**
 * What an admin handler receives.
 *
 * @example
 * ```ts
 * const body = { ParticipantDetails: { ParticipantRole: 'AGENT', DisplayName: 'Ana' } };
 * createParticipant(ctx, { body, params: { ContactId: contactId } }); // { ParticipantId, ParticipantCredentials }
 * ```
 */
export interface AdminRequest {
  body: JsonObject;
  params: Readonly<Record<string, string>>;
}

/**
 * An admin route handler: returns the response body or throws a ServiceError.
 *
 * @example
 * ```ts
 * sendJson(response, 200, handler(ctx, { body, params }), requestId); // the router, for any admin handler
 * ```
 */
export type AdminHandler = (ctx: EmulatorContext, request: AdminRequest) => unknown;

/** How long a participant token created through the admin API says it lasts (Connect's default chat duration). */
const PARTICIPANT_TOKEN_LIFETIME_MS = 25 * 60 * 60 * 1000;

const CHAT_CONTENT_TYPES: readonly string[] = [
  ...SENDABLE_MESSAGE_CONTENT_TYPES,
  ContentType.interactive,
];

function stringMap(value: JsonObject | undefined, field: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value ?? {})) {
    if (typeof entry !== 'string') {
      throw invalid(`${field}.${key} must be a string`);
    }
    result[key] = entry;
  }
  return result;
}

function contentTypes(body: JsonObject): string[] | undefined {
  const list = optionalArray(body, 'SupportedMessagingContentTypes', 1, 10);
  if (list === undefined) {
    return undefined;
  }
  for (const type of list) {
    if (typeof type !== 'string' || !CHAT_CONTENT_TYPES.includes(type)) {
      throw invalid(`SupportedMessagingContentTypes: ${String(type)} is not a chat content type`);
    }
  }
  if (!list.includes(ContentType.plainText)) {
    throw invalid('SupportedMessagingContentTypes must include text/plain');
  }
  return list as string[];
}

/** The required `ParticipantDetails` of StartChatContact and CreateParticipant, with its `DisplayName`. */
function participantDetails(body: JsonObject): { details: JsonObject; displayName: string } {
  const details = optionalObject(body, 'ParticipantDetails');
  if (details === undefined) {
    throw invalid('ParticipantDetails is required');
  }
  const displayName = requiredString(
    details,
    'DisplayName',
    { min: 1, max: 256 },
    'ParticipantDetails.DisplayName',
  );
  return { details, displayName };
}

/** Everyone in the contact sees `participant`'s `participant.joined`. */
function announceJoined(
  ctx: EmulatorContext,
  contact: ContactRecord,
  participant: ParticipantRecord,
): void {
  publish(ctx, contact, {
    Type: 'EVENT',
    ContentType: ContentType.participantJoined,
    ...senderOf(participant),
  });
}

function pastContacts(ctx: EmulatorContext, body: JsonObject): string[] {
  const persistent = optionalObject(body, 'PersistentChat');
  if (persistent === undefined) {
    return [];
  }
  const sourceId = requiredString(
    persistent,
    'SourceContactId',
    { min: 1, max: 256 },
    'PersistentChat.SourceContactId',
  );
  const rehydration = optionalEnum(persistent, 'RehydrationType', [
    'ENTIRE_PAST_SESSION',
    'FROM_SEGMENT',
  ] as const);
  if (rehydration === undefined) {
    throw invalid('PersistentChat.RehydrationType must be ENTIRE_PAST_SESSION or FROM_SEGMENT');
  }
  const source = ctx.store.getContact(sourceId);
  if (!source) {
    throw invalid(`PersistentChat.SourceContactId ${sourceId} is not a known contact`);
  }
  if (source.status !== 'ended') {
    throw invalid(`PersistentChat.SourceContactId ${sourceId} has not ended yet`);
  }
  return rehydration === 'ENTIRE_PAST_SESSION'
    ? [...source.pastContactIds, source.contactId]
    : [source.contactId];
}

/**
 * `POST /admin/chat` (mirrors StartChatContact): creates the contact and its customer, emits the
 * customer's `participant.joined` (and `InitialMessage`), starts the built-in agent. With
 * `PersistentChat` the new contact shows the past contact's transcript (`ENTIRE_PAST_SESSION`: the
 * source and everything it rehydrated; `FROM_SEGMENT`: the source only) and emits `chat.rehydrated`
 * when the customer's first socket subscribes.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/chat`, { method: 'POST', body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }) });
 * // { ContactId, ParticipantId, ParticipantToken }
 * ```
 */
export const createChat: AdminHandler = (ctx, { body }) => {
  const { displayName } = participantDetails(body);
  const attributes = stringMap(optionalObject(body, 'Attributes'), 'Attributes');
  const supported = contentTypes(body);
  const past = pastContacts(ctx, body);
  const initial = optionalObject(body, 'InitialMessage');
  let initialMessage: { contentType: string; content: string } | undefined;
  if (initial !== undefined) {
    const contentType = requiredString(
      initial,
      'ContentType',
      { min: 1, max: 100 },
      'InitialMessage.ContentType',
    );
    if (contentType !== ContentType.plainText && contentType !== ContentType.markdown) {
      throw invalid('InitialMessage.ContentType must be text/plain or text/markdown');
    }
    const content = requiredString(
      initial,
      'Content',
      { min: 1, max: 1024 },
      'InitialMessage.Content',
    );
    initialMessage = { contentType, content };
  }
  const { contact, customer } = ctx.store.createContact({
    displayName,
    attributes,
    ...(supported ? { supportedContentTypes: supported } : {}),
    pastContactIds: past,
  });
  announceJoined(ctx, contact, customer);
  if (initialMessage) {
    publish(ctx, contact, {
      Type: 'MESSAGE',
      ContentType: initialMessage.contentType,
      Content: initialMessage.content,
      ...senderOf(customer),
    });
  }
  ctx.startAgent(contact, displayName);
  const response: Record<string, unknown> = {
    ContactId: contact.contactId,
    ParticipantId: customer.participantId,
    ParticipantToken: customer.participantToken,
  };
  const continuedFrom = past[past.length - 1];
  if (continuedFrom !== undefined) {
    response.ContinuedFromContactId = continuedFrom;
  }
  return response;
};

const CAPABILITY_VALUES = ['SEND'] as const;

/** Reads `AllowedCapabilities` ({Customer?, Agent?} each {Video?, ScreenShare?: 'SEND'}). */
function allowedCapabilities(body: JsonObject): AllowedCapabilities | undefined {
  const capabilities = optionalObject(body, 'AllowedCapabilities');
  if (capabilities === undefined) {
    return undefined;
  }
  const result: AllowedCapabilities = {};
  for (const [who, entry] of Object.entries(capabilities)) {
    if ((who !== 'Customer' && who !== 'Agent') || !isJsonObject(entry)) {
      throw invalid('AllowedCapabilities has only Customer and Agent objects');
    }
    const side: Record<string, 'SEND'> = {};
    for (const key of Object.keys(entry)) {
      if (key !== 'Video' && key !== 'ScreenShare') {
        throw invalid(`AllowedCapabilities.${who}.${key} is not a capability`);
      }
      const value = optionalEnum(entry, key, CAPABILITY_VALUES);
      if (value !== undefined) {
        side[key] = value;
      }
    }
    result[who] = side;
  }
  return result;
}

/**
 * `POST /admin/webrtc` (mirrors StartWebRTCContact): creates a web-call contact, its customer and
 * its Chime meeting, plus the bot agent when the emulator runs one (`webCallAgent`). The returned
 * `ConnectionData` points the Chime SDK at this emulator (`SignalingUrl`
 * `ws://127.0.0.1:PORT/chime/control/<MeetingId>`). `AllowedCapabilities` enforces screen
 * sharing: a side (Customer: this customer; Agent: every participant added later, and the bot
 * agent) without `ScreenShare: 'SEND'` gets `MeetingFeatures.Content.MaxResolution: 'None'` (the
 * SDK then refuses to share) and its `#content` signaling socket is refused with 403; the others
 * get `'FHD'`. Without `AllowedCapabilities` everyone may share (lenient: the emulator does not
 * know an instance's defaults). `Video` is validated but not enforced.
 *
 * @example
 * ```ts
 * const call = await (await fetch(`${url}/admin/webrtc`, { method: 'POST', body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }) })).json();
 * // { ContactId, ParticipantId, ParticipantToken, ConnectionData: { Attendee: { AttendeeId, JoinToken },
 * //   Meeting: { MeetingId, MediaRegion, MediaPlacement: { AudioHostUrl, AudioFallbackUrl, SignalingUrl }, MeetingFeatures } } }
 * new MeetingSessionConfiguration(call.ConnectionData.Meeting, call.ConnectionData.Attendee);
 * ```
 */
export const createWebrtc: AdminHandler = (ctx, { body }) => {
  const { displayName } = participantDetails(body);
  const capabilities = allowedCapabilities(body);
  const attributes = stringMap(optionalObject(body, 'Attributes'), 'Attributes');
  const { contact, customer } = ctx.store.createContact({ displayName, attributes });
  const bot =
    ctx.chime.agent === 'echo'
      ? ctx.store.addParticipant(contact, { role: 'AGENT', displayName: BOT_AGENT_NAME })
      : undefined;
  const { attendee } = ctx.chime.createMeeting(
    contact.contactId,
    { participantId: customer.participantId, displayName },
    bot ? { participantId: bot.participantId } : undefined,
    capabilities,
  );
  const data = ctx.chime.connectionData(attendee);
  return {
    ContactId: contact.contactId,
    ParticipantId: customer.participantId,
    ParticipantToken: customer.participantToken,
    ConnectionData: {
      Attendee: data.Attendee,
      Meeting: { ...data.Meeting, MediaRegion: 'us-east-1' },
    },
  };
};

const ADMIN_ROLES = ['AGENT', 'CUSTOM_BOT', 'SUPERVISOR', 'SYSTEM'] as const;

/**
 * `POST /admin/contacts/{ContactId}/participants` (mirrors CreateParticipant): adds an agent, bot,
 * supervisor or system participant and emits its `participant.joined`.
 *
 * @example
 * ```ts
 * // body: { ParticipantDetails: { DisplayName: 'Sam', ParticipantRole: 'AGENT' } }
 * // -> { ParticipantId, ParticipantCredentials: { ParticipantToken, Expiry } }
 * ```
 */
export const createParticipant: AdminHandler = (ctx, { body, params }) => {
  const contact = requireActiveContact(ctx, params.ContactId);
  const { details, displayName } = participantDetails(body);
  const role = optionalEnum(details, 'ParticipantRole', ADMIN_ROLES);
  if (role === undefined) {
    throw invalid(`ParticipantDetails.ParticipantRole must be one of ${ADMIN_ROLES.join(', ')}`);
  }
  const participant = ctx.store.addParticipant(contact, { role, displayName });
  announceJoined(ctx, contact, participant);
  return {
    ParticipantId: participant.participantId,
    ParticipantCredentials: {
      ParticipantToken: participant.participantToken,
      Expiry: isoTime(ctx.clock.now() + PARTICIPANT_TOKEN_LIFETIME_MS),
    },
  };
};

/**
 * `POST /admin/contacts/{ContactId}/stop` (mirrors StopContact): ends the chat. Idempotent.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/contacts/${contactId}/stop`, { method: 'POST' }); // {}
 * ```
 */
export const stopContact: AdminHandler = (ctx, { params }) => {
  endContact(ctx, requireContact(ctx, params.ContactId));
  return {};
};

function contactSummary(ctx: EmulatorContext, contact: ContactRecord): Record<string, unknown> {
  const meeting = ctx.chime.meetingSummary(contact.contactId);
  return {
    ContactId: contact.contactId,
    InitialContactId: contact.initialContactId,
    Status: contact.status === 'active' ? 'ACTIVE' : 'ENDED',
    // As Connect's DescribeContact: a web call is a VOICE contact.
    Channel: ctx.chime.isWebCall(contact.contactId) ? 'VOICE' : 'CHAT',
    CreatedTimestamp: isoTime(contact.createdAt),
    Attributes: contact.attributes,
    RelatedContactIds: contact.pastContactIds,
    Participants: ctx.store.participantsOf(contact).map((participant) => ({
      ParticipantId: participant.participantId,
      DisplayName: participant.displayName,
      ParticipantRole: participant.role,
      Status: participant.status === 'joined' ? 'JOINED' : 'LEFT',
      OpenWebsockets: ctx.hub.openSocketCount(participant.participantId),
    })),
    ...(meeting ? { Meeting: meeting } : {}),
    ...(contact.authentication ? { Authentication: authenticationSummary(contact) } : {}),
    ...(contact.processing ? { Processing: processingSummary(contact) } : {}),
  };
}

/**
 * `GET /admin/contacts`: `{Contacts: [...]}`, newest first, each as `GET /admin/contacts/{id}`.
 *
 * @example
 * ```ts
 * const { Contacts } = await (await fetch(`${url}/admin/contacts`)).json();
 * ```
 */
export const listContacts: AdminHandler = (ctx) => ({
  Contacts: ctx.store.listContacts().map((contact) => contactSummary(ctx, contact)),
});

/**
 * `GET /admin/contacts/{ContactId}`: `{ContactId, InitialContactId, Status: 'ACTIVE'|'ENDED',
 * CreatedTimestamp, Attributes, RelatedContactIds, Participants: [{ParticipantId, DisplayName,
 * ParticipantRole, Status: 'JOINED'|'LEFT', OpenWebsockets}], Authentication?: {SessionId, Status:
 * 'INITIATED'|'SUCCEEDED'|'FAILED'|'TIMEOUT'|'CANCELLED', TimeoutSeconds, UrlIssued}, Processing?:
 * {Status, Match?}}`.
 *
 * @example
 * ```ts
 * const contact = await (await fetch(`${url}/admin/contacts/${contactId}`)).json();
 * ```
 */
export const describeContact: AdminHandler = (ctx, { params }) =>
  contactSummary(ctx, requireContact(ctx, params.ContactId));

/**
 * `GET /admin/contacts/{ContactId}/transcript` (test oracle): `{ContactId, InitialContactId,
 * Transcript}` with every item the contact holds, oldest first, `MESSAGEMETADATA` included and
 * receipts aggregated on their messages. Typing events are never stored.
 *
 * @example
 * ```ts
 * const { Transcript } = await (await fetch(`${url}/admin/contacts/${contactId}/transcript`)).json();
 * ```
 */
export const contactTranscript: AdminHandler = (ctx, { params }) => {
  const contact = requireContact(ctx, params.ContactId);
  return {
    ContactId: contact.contactId,
    InitialContactId: contact.initialContactId,
    Transcript: contact.items.map((entry) => ctx.store.withReceipts(contact, entry.item)),
  };
};

const ITEM_ROLES = ['AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR'] as const;

/**
 * `POST /admin/contacts/{ContactId}/items` (emulator extension): injects an item the way a contact
 * flow or Lex bot would. Body `{ContentType, Content?, Type?, ParticipantRole?, DisplayName?,
 * ParticipantId?, Id?, MessageMetadata?}`; defaults: role `SYSTEM`, DisplayName `BOT`, Type `EVENT`
 * for `application/vnd.amazonaws.connect.event.*` content types and `MESSAGE` otherwise. Sending
 * an `Id` that exists replaces that item in the stored transcript (Lex streaming chunks with
 * `MessageMetadata.MessageCompleted`/`ChunkNumber`); typing events are fanned out, not stored;
 * `chat.ended` is refused (use `/stop`). Returns `{Id, AbsoluteTime}`.
 *
 * @example
 * ```ts
 * // interactive list picker from a bot
 * { ContentType: 'application/vnd.amazonaws.connect.message.interactive', Content: JSON.stringify({ templateType: 'ListPicker', version: '1.0', data: { content: { title: 'Pick', elements: [{ title: 'A' }] } } }) }
 * ```
 */
export const injectItem: AdminHandler = (ctx, { body, params }) => {
  const contact = requireActiveContact(ctx, params.ContactId);
  const contentType = requireHeaderSafe(
    requiredString(body, 'ContentType', { min: 1, max: 100 }),
    'ContentType',
  );
  if (contentType === ContentType.chatEnded) {
    throw invalid('Use POST /admin/contacts/{ContactId}/stop to end a chat');
  }
  const content = optionalString(body, 'Content', { min: 1, max: 16384 });
  const type =
    optionalString(body, 'Type', { min: 1, max: 50 }) ??
    (contentType.startsWith(EVENT_CONTENT_TYPE_PREFIX) ? 'EVENT' : 'MESSAGE');
  const role = optionalEnum(body, 'ParticipantRole', ITEM_ROLES) ?? 'SYSTEM';
  const displayName = optionalString(body, 'DisplayName', { min: 1, max: 256 }) ?? 'BOT';
  const participantId =
    optionalString(body, 'ParticipantId', { min: 1, max: 256 }) ?? contact.systemParticipantId;
  const id = optionalString(body, 'Id', { min: 1, max: 256 });
  const metadata = optionalObject(body, 'MessageMetadata');
  if (metadata !== undefined && !isJsonObject(metadata)) {
    throw invalid('MessageMetadata must be an object');
  }
  const fields = {
    Type: type,
    ContentType: contentType,
    ...(content !== undefined ? { Content: content } : {}),
    ...(id !== undefined ? { Id: id } : {}),
    ...(metadata !== undefined ? { MessageMetadata: metadata as MessageMetadata } : {}),
    ParticipantId: participantId,
    DisplayName: displayName,
    ParticipantRole: role as ParticipantRole,
  };
  if (contentType === ContentType.typing) {
    const item = publishTransient(ctx, contact, fields);
    return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
  }
  const item = ctx.store.upsertItem(contact, fields);
  ctx.hub.deliver(contact, item);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
};

/**
 * `POST /admin/contacts/{ContactId}/scanning` (emulator extension) `{Result: 'APPROVED'|'REJECTED',
 * DelayMs?}`: from now on every attachment completed on the contact goes out `IN_PROGRESS` and
 * gets `Result` after `DelayMs` (default 1000, at most 60000), as with Amazon Connect's attachment
 * scanning. Files named like a test virus (`eicar`, `reject`) are rejected whatever the setting.
 * Returns `{ContactId, Scanning: {Result, DelayMs}}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/contacts/${contactId}/scanning`, { method: 'POST', body: JSON.stringify({ Result: 'REJECTED' }) });
 * ```
 */
export const setScanning: AdminHandler = (ctx, { body, params }) => {
  const contact = requireContact(ctx, params.ContactId);
  const result = optionalEnum(body, 'Result', ['APPROVED', 'REJECTED'] as const);
  if (result === undefined) {
    throw invalid('Result must be APPROVED or REJECTED');
  }
  const delayMs = optionalInteger(body, 'DelayMs', 0, MAX_SCAN_DELAY_MS) ?? DEFAULT_SCAN_DELAY_MS;
  contact.scanning = { result, delayMs };
  return { ContactId: contact.contactId, Scanning: { Result: result, DelayMs: delayMs } };
};

/**
 * `POST /admin/contacts/{ContactId}/screenshare` (emulator extension) `{on: boolean}`: the bot
 * agent of a web call shares its screen (`true`) or stops (`false`). Sharing, its content
 * attendee `<BotAttendeeId>#content` joins the meeting and its video, a looped VP8 test pattern
 * (colour bars, a moving diagonal, a frame counter; 640x360 at 5 fps), appears as a content
 * share in every attendee's INDEX; stopping removes the source and the content attendee leaves.
 * Idempotent; the share stops by itself when the meeting ends. Returns `{ContactId,
 * ContentAttendeeId, Sharing}`.
 *
 * Errors: 404 ResourceNotFoundException for an unknown contact; 400 ValidationException when
 * the body is not `{on: boolean}` or the contact is a chat; 409 ConflictException when the
 * meeting has ended, the emulator runs no bot agent (`webCallAgent: 'none'`) or it was removed,
 * or `AllowedCapabilities` lacks `Agent.ScreenShare`.
 *
 * @example
 * ```ts
 * const answer = await fetch(`${url}/admin/contacts/${contactId}/screenshare`, { method: 'POST', body: JSON.stringify({ on: true }) });
 * // { ContactId, ContentAttendeeId: '<bot attendee id>#content', Sharing: true }
 * ```
 */
export const setScreenShare: AdminHandler = (ctx, { body, params }) => {
  const contact = requireContact(ctx, params.ContactId);
  const on = optionalBoolean(body, 'on');
  if (on === undefined || Object.keys(body).some((key) => key !== 'on')) {
    throw invalid('The body must be {"on": true} or {"on": false}');
  }
  const result = ctx.chime.setBotScreenShare(contact.contactId, on);
  if (result.ok) {
    return {
      ContactId: contact.contactId,
      ContentAttendeeId: result.contentAttendeeId,
      Sharing: result.sharing,
    };
  }
  switch (result.reason) {
    case 'not-web-call':
      throw invalid(
        `Contact ${contact.contactId} is not a web call (start one with /admin/webrtc)`,
      );
    case 'meeting-ended':
      throw new ServiceError(
        'ConflictException',
        `The meeting of contact ${contact.contactId} has ended`,
      );
    case 'no-bot-agent':
      throw new ServiceError(
        'ConflictException',
        `Contact ${contact.contactId} has no bot agent to share a screen (start the emulator with webCallAgent 'echo')`,
      );
    case 'not-allowed':
      throw new ServiceError(
        'ConflictException',
        `AllowedCapabilities of contact ${contact.contactId} lacks Agent.ScreenShare`,
      );
    case 'removed':
      throw new ServiceError(
        'ConflictException',
        `The bot agent's content attendee of contact ${contact.contactId} was removed`,
      );
  }
};

/** The `endMeeting` fault: the web-call contacts end like StopContact, which ends their meetings. */
function endMeetings(ctx: EmulatorContext, contactId: string | undefined): void {
  const meetings =
    contactId === undefined
      ? ctx.chime.meetings.listMeetings()
      : [ctx.chime.meetings.meetingForContact(contactId)];
  if (contactId !== undefined && meetings[0] === undefined) {
    throw invalid(`endMeeting: contact ${contactId} is not a web call`);
  }
  for (const meeting of meetings) {
    const contact = meeting ? ctx.store.getContact(meeting.contactId) : undefined;
    if (contact) {
      endContact(ctx, contact);
    }
  }
  ctx.chime.endMeetings(contactId);
}

/**
 * `POST /admin/faults`: one fault per call (see {@link parseFaultRequest}); answers `{}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/faults`, { method: 'POST', body: JSON.stringify({ silenceMs: 15000 }) });
 * ```
 */
export const injectFault: AdminHandler = (ctx, { body }) => {
  const fault = parseFaultRequest(body);
  switch (fault.kind) {
    case 'dropSockets':
      ctx.hub.dropAll();
      break;
    case 'silence':
      ctx.hub.silence(fault.ms);
      break;
    case 'expireWebsocketUrls':
      ctx.store.revokeWebsocketUrls();
      break;
    case 'expireConnectionTokens':
      ctx.store.revokeConnectionTokens();
      break;
    case 'endMeeting':
      endMeetings(ctx, fault.contactId);
      break;
    case 'removeAttendee':
      if (!ctx.chime.removeAttendee(fault.id)) {
        throw invalid(`removeAttendee: no attendee for ${fault.id}`);
      }
      break;
    case 'withholdPongs':
      ctx.chime.withholdPongs(fault.ms);
      break;
    case 'reset':
      ctx.chime.resetFaults();
      ctx.faults.add(fault);
      break;
    default:
      ctx.faults.add(fault);
  }
  ctx.logger.info(`fault applied: ${fault.kind}`);
  return {};
};

/**
 * `POST /admin/views` (emulator extension) `{Id?, Name?, Template, Actions, InputSchema?}`:
 * registers a custom step-by-step guide view, as CreateView does. `Template` and `InputSchema`
 * may be objects or JSON strings (DescribeView returns strings); `Actions` lists the action
 * names. Registering an `Id` again replaces the view. Returns `{View}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/views`, { method: 'POST', body: JSON.stringify({ Id: 'survey', Template: { Head: {}, Body: [] }, Actions: ['Submit'] }) });
 * ```
 */
export const registerView: AdminHandler = (ctx, { body }) => {
  const id = optionalString(body, 'Id', { min: 1, max: 500 }) ?? randomUUID();
  const name = optionalString(body, 'Name', { min: 1, max: 512 }) ?? id;
  const jsonText = (field: string, required: boolean): string | undefined => {
    const value = body[field];
    if (value === undefined && !required) {
      return undefined;
    }
    if (typeof value === 'string') {
      try {
        if (isJsonObject(JSON.parse(value))) {
          return value;
        }
      } catch {
        // reported below
      }
      throw invalid(`${field} must be a JSON object or a string holding one`);
    }
    if (!isJsonObject(value)) {
      throw invalid(`${field} must be a JSON object or a string holding one`);
    }
    return JSON.stringify(value);
  };
  const template = jsonText('Template', true) as string;
  const inputSchema = jsonText('InputSchema', false);
  const actions = optionalArray(body, 'Actions', 1, 1000) ?? [];
  if (actions.length === 0 || !actions.every((action) => typeof action === 'string' && action)) {
    throw invalid('Actions must be a non-empty array of action names');
  }
  const view = ctx.views.register({
    Id: id,
    Arn: `arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000/view/${id}`,
    Name: name,
    Version: 1,
    Content: {
      Template: template,
      ...(inputSchema !== undefined ? { InputSchema: inputSchema } : {}),
      Actions: actions as string[],
    },
  });
  return { View: view };
};

/**
 * `POST /admin/contacts/{ContactId}/views` (emulator extension) `{ViewId, ViewData?}`: shows a
 * view the way a Show view block does: issues a view token for the contact and sends the
 * ViewResource interactive message (role SYSTEM, name BOT) with `{viewId, viewToken, viewData}`.
 * `ViewId` names a managed view (`detail`, `list`, `form`, `confirmation`, `cards`) or one
 * registered through `POST /admin/views`; without `ViewData` a managed view gets its sample data.
 * The customer's answer arrives as an `…interactive.response` message in the transcript. Returns
 * `{Id, AbsoluteTime, ViewToken}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/contacts/${contactId}/views`, { method: 'POST', body: JSON.stringify({ ViewId: 'form' }) });
 * ```
 */
export const showView: AdminHandler = (ctx, { body, params }) => {
  const contact = requireActiveContact(ctx, params.ContactId);
  const viewId = requiredString(body, 'ViewId', { min: 1, max: 500 });
  if (!ctx.views.get(viewId)) {
    throw new ServiceError('ResourceNotFoundException', `View ${viewId} not found`, {
      ResourceId: viewId,
      ResourceType: 'CONTACT_FLOW',
    });
  }
  const viewData = body.ViewData === undefined ? SAMPLE_VIEW_DATA[viewId] : body.ViewData;
  if (viewData !== undefined && !isJsonObject(viewData) && typeof viewData !== 'string') {
    throw invalid('ViewData must be an object or a JSON string');
  }
  const viewToken = ctx.views.issueToken(viewId, contact.contactId);
  const content = serializeTemplate(createViewResource({ viewId, viewToken, viewData }));
  const item = ctx.store.upsertItem(contact, {
    Type: 'MESSAGE',
    ContentType: ContentType.interactive,
    Content: content,
    ParticipantId: contact.systemParticipantId,
    DisplayName: 'BOT',
    ParticipantRole: 'SYSTEM',
  });
  ctx.hub.deliver(contact, item);
  return { Id: item.Id, AbsoluteTime: item.AbsoluteTime, ViewToken: viewToken };
};
