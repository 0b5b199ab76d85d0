/**
 * Wire types of the Amazon Connect Participant Service (API version 2018-09-07), written from the
 * service model and observed payloads. Member names are exactly the wire names (PascalCase).
 *
 * @packageDocumentation
 */

/**
 * ISO-8601 UTC timestamp with milliseconds, e.g. `2019-11-08T02:41:28.172Z`.
 *
 * @example
 * ```ts
 * const sentAt = new Date(item.AbsoluteTime); // an IsoTimestamp parses as a Date
 * ```
 */
export type IsoTimestamp = string;

/**
 * The roles a participant can have on a contact.
 *
 * @example
 * ```ts
 * const fromAgent = (role: ParticipantRole) => role === 'AGENT' || role === 'CUSTOM_BOT';
 * ```
 */
export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

/**
 * Item types seen on the websocket and in transcripts. The model's enum lists more values; in
 * practice items are `MESSAGE`, `EVENT`, `ATTACHMENT`, and receipts arrive as `MESSAGEMETADATA`
 * (which the model does not list).
 *
 * @example
 * ```ts
 * if (item.Type === 'EVENT' && item.ContentType.endsWith('.typing')) showTyping(item.DisplayName);
 * ```
 */
export type ItemType =
  | 'MESSAGE'
  | 'EVENT'
  | 'ATTACHMENT'
  | 'MESSAGEMETADATA'
  | 'CONNECTION_ACK'
  | 'TYPING'
  | 'PARTICIPANT_JOINED'
  | 'PARTICIPANT_LEFT'
  | 'CHAT_ENDED'
  | 'TRANSFER_SUCCEEDED'
  | 'TRANSFER_FAILED'
  | 'MESSAGE_DELIVERED'
  | 'MESSAGE_READ';

/**
 * Scan status of an attachment.
 *
 * @example
 * ```ts
 * const usable = (status: ArtifactStatus | undefined) => status === undefined || status === 'APPROVED';
 * ```
 */
export type ArtifactStatus = 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';

/**
 * One attachment on an `ATTACHMENT` item.
 *
 * @example
 * ```ts
 * const [attachment] = item.Attachments ?? [];
 * const name = attachment?.AttachmentName;
 * ```
 */
export interface AttachmentItem {
  ContentType?: string;
  AttachmentId?: string;
  AttachmentName?: string;
  Status?: ArtifactStatus;
}

/**
 * One receipt inside `MessageMetadata.Receipts`.
 *
 * @example
 * ```ts
 * const read = item.MessageMetadata?.Receipts?.some((receipt: Receipt) => receipt.ReadTimestamp);
 * ```
 */
export interface Receipt {
  DeliveredTimestamp?: IsoTimestamp;
  ReadTimestamp?: IsoTimestamp;
  RecipientParticipantId?: string;
}

/**
 * Processing status of a sent message (newer field).
 *
 * @example
 * ```ts
 * const rejected = (status: MessageProcessingStatus | undefined) => status === 'REJECTED';
 * ```
 */
export type MessageProcessingStatus = 'PROCESSING' | 'FAILED' | 'REJECTED';

/**
 * Receipts and processing state attached to a message, or carried by a `MESSAGEMETADATA` item.
 *
 * @example
 * ```ts
 * const readByAgent = item.MessageMetadata?.Receipts?.some((receipt) => receipt.ReadTimestamp) ?? false;
 * ```
 */
export interface MessageMetadata {
  MessageId?: string;
  Receipts?: Receipt[];
  MessageProcessingStatus?: MessageProcessingStatus;
  /** Lex streaming (not in the model): false on partial chunks, true on the final item. */
  MessageCompleted?: boolean;
  /** Lex streaming (not in the model): 1, 2, 3… for the chunks of one message `Id`. */
  ChunkNumber?: number;
}

/**
 * A transcript item: a message, an event, an attachment or a receipt. The same shape arrives over
 * the websocket (as a JSON string inside an `aws/chat` frame) and from GetTranscript.
 *
 * @example
 * ```ts
 * const { Transcript = [] } = await client.getTranscript(connectionToken, { MaxResults: 15 });
 * for (const item of Transcript) if (item.Type === 'MESSAGE') console.log(item.DisplayName, item.Content);
 * ```
 */
export interface Item {
  Id?: string;
  Type?: ItemType | (string & {});
  ContentType?: string;
  Content?: string;
  AbsoluteTime?: IsoTimestamp;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: ParticipantRole | (string & {});
  Attachments?: AttachmentItem[];
  MessageMetadata?: MessageMetadata;
  RelatedContactId?: string;
  ContactId?: string;
  /** Present on websocket items (not in the REST model). */
  InitialContactId?: string;
}

// ---------------------------------------------------------------------------------------------
// CreateParticipantConnection

/**
 * What CreateParticipantConnection should return.
 *
 * @example
 * ```ts
 * await client.createParticipantConnection(participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
 * ```
 */
export type ConnectionType = 'WEBSOCKET' | 'CONNECTION_CREDENTIALS' | 'WEBRTC_CONNECTION';

/**
 * Body of `POST /participant/connection`.
 *
 * @example
 * ```ts
 * const { Websocket, ConnectionCredentials } = await client.createParticipantConnection(participantToken, {
 *   Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
 *   ConnectParticipant: true,
 * });
 * ```
 */
export interface CreateParticipantConnectionRequest {
  Type?: ConnectionType[];
  ConnectParticipant?: boolean;
}

/**
 * The websocket URL and the deadline by which it must be opened (100 s after issue).
 *
 * @example
 * ```ts
 * const url = response.Websocket?.Url;
 * ```
 */
export interface Websocket {
  Url?: string;
  ConnectionExpiry?: IsoTimestamp;
}

/**
 * The connection token used by every operation but CreateParticipantConnection (valid ~1 day).
 *
 * @example
 * ```ts
 * const token = response.ConnectionCredentials?.ConnectionToken;
 * ```
 */
export interface ConnectionCredentials {
  ConnectionToken?: string;
  Expiry?: IsoTimestamp;
}

/**
 * Media URLs of a Chime meeting as the Participant Service returns them (no TurnControlUrl).
 *
 * @example
 * ```ts
 * const signaling = connection.Meeting?.MediaPlacement?.SignalingUrl;
 * ```
 */
export interface WebRTCMediaPlacement {
  AudioHostUrl?: string;
  AudioFallbackUrl?: string;
  SignalingUrl?: string;
  EventIngestionUrl?: string;
}

/**
 * Meeting features of a web call.
 *
 * @example
 * ```ts
 * const echoReduction = connection.Meeting?.MeetingFeatures?.Audio?.EchoReduction === 'AVAILABLE';
 * ```
 */
export interface WebRTCMeetingFeatures {
  Audio?: { EchoReduction?: 'AVAILABLE' | 'UNAVAILABLE' };
  /** The highest camera resolution of the meeting. */
  Video?: { MaxResolution?: 'None' | 'HD' | 'FHD' };
  /**
   * The highest shared-screen resolution; `None` when the contact's `AllowedCapabilities` do not
   * include `ScreenShare` (the Chime SDK then refuses to start a content share).
   */
  Content?: { MaxResolution?: 'None' | 'FHD' | 'UHD' };
}

/**
 * The Chime meeting of a web call (no MediaRegion in the Participant Service's shape).
 *
 * @example
 * ```ts
 * const meetingId = response.WebRTCConnection?.Meeting?.MeetingId;
 * ```
 */
export interface WebRTCMeeting {
  MediaPlacement?: WebRTCMediaPlacement;
  MeetingFeatures?: WebRTCMeetingFeatures;
  MeetingId?: string;
}

/**
 * The Chime attendee credentials of this participant.
 *
 * @example
 * ```ts
 * const attendeeId = response.WebRTCConnection?.Attendee?.AttendeeId;
 * ```
 */
export interface Attendee {
  AttendeeId?: string;
  JoinToken?: string;
}

/**
 * Chime SDK join data returned for `WEBRTC_CONNECTION`.
 *
 * @example
 * ```ts
 * const { Meeting, Attendee } = response.WebRTCConnection ?? {};
 * ```
 */
export interface WebRTCConnection {
  Attendee?: Attendee;
  Meeting?: WebRTCMeeting;
}

/**
 * Response of CreateParticipantConnection; each block is present when its `Type` was asked for.
 *
 * @example
 * ```ts
 * const { Websocket } = await client.createParticipantConnection(participantToken, { Type: ['WEBSOCKET'] });
 * const socket = new WebSocket(Websocket!.Url!);
 * ```
 */
export interface CreateParticipantConnectionResponse {
  Websocket?: Websocket;
  ConnectionCredentials?: ConnectionCredentials;
  WebRTCConnection?: WebRTCConnection;
}

// ---------------------------------------------------------------------------------------------
// Messages and events

/**
 * Body of `POST /participant/message`.
 *
 * @example
 * ```ts
 * const { Id } = await client.sendMessage(connectionToken, { ContentType: 'text/plain', Content: 'Hello' });
 * ```
 */
export interface SendMessageRequest {
  ContentType: string;
  Content: string;
  ClientToken?: string;
}

/**
 * Response of SendMessage.
 *
 * @example
 * ```ts
 * const { Id, AbsoluteTime } = await client.sendMessage(connectionToken, { ContentType: 'text/plain', Content: 'Hi' });
 * ```
 */
export interface SendMessageResponse {
  Id?: string;
  AbsoluteTime?: IsoTimestamp;
  MessageMetadata?: { MessageProcessingStatus?: MessageProcessingStatus };
}

/**
 * Body of `POST /participant/event`.
 *
 * @example
 * ```ts
 * await client.sendEvent(connectionToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
 * ```
 */
export interface SendEventRequest {
  ContentType: string;
  Content?: string;
  ClientToken?: string;
}

/**
 * Response of SendEvent.
 *
 * @example
 * ```ts
 * const response = await client.sendEvent(connectionToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
 * console.log(response.UrlExpiryInSeconds);
 * ```
 */
export interface SendEventResponse {
  Id?: string;
  AbsoluteTime?: IsoTimestamp;
}

// ---------------------------------------------------------------------------------------------
// GetTranscript

/**
 * Which way GetTranscript walks from its start position.
 *
 * @example
 * ```ts
 * await client.getTranscript(connectionToken, { ScanDirection: 'BACKWARD', StartPosition: { Id: oldestItemId } });
 * ```
 */
export type ScanDirection = 'FORWARD' | 'BACKWARD';
/**
 * Order of the items inside one GetTranscript page.
 *
 * @example
 * ```ts
 * const { Transcript } = await client.getTranscript(connectionToken, { SortOrder: 'ASCENDING' }); // oldest first
 * ```
 */
export type SortKey = 'ASCENDING' | 'DESCENDING';

/**
 * Where GetTranscript starts. FORWARD needs one member set.
 *
 * @example
 * ```ts
 * await client.getTranscript(connectionToken, { StartPosition: { Id: oldestItemId }, ScanDirection: 'BACKWARD' });
 * ```
 */
export interface StartPosition {
  Id?: string;
  AbsoluteTime?: IsoTimestamp;
  MostRecent?: number;
}

/**
 * Body of `POST /participant/transcript`.
 *
 * @example
 * ```ts
 * const older = await client.getTranscript(connectionToken, {
 *   MaxResults: 15,
 *   ScanDirection: 'BACKWARD',
 *   SortOrder: 'ASCENDING',
 *   StartPosition: { Id: oldestItemId },
 * });
 * ```
 */
export interface GetTranscriptRequest {
  ContactId?: string;
  MaxResults?: number;
  NextToken?: string;
  ScanDirection?: ScanDirection;
  SortOrder?: SortKey;
  StartPosition?: StartPosition;
}

/**
 * Response of GetTranscript. `NextToken` may be absent or `""` on the last page.
 *
 * @example
 * ```ts
 * const page = await client.getTranscript(connectionToken, { MaxResults: 15 });
 * const more = page.NextToken !== undefined && page.NextToken !== '';
 * ```
 */
export interface GetTranscriptResponse {
  InitialContactId?: string;
  Transcript?: Item[];
  NextToken?: string;
}

// ---------------------------------------------------------------------------------------------
// DisconnectParticipant

/**
 * Body of `POST /participant/disconnect`.
 *
 * @example
 * ```ts
 * await client.disconnectParticipant(token, {} satisfies DisconnectParticipantRequest);
 * ```
 */
export interface DisconnectParticipantRequest {
  ClientToken?: string;
}

/**
 * Response of DisconnectParticipant (empty).
 *
 * @example
 * ```ts
 * await client.disconnectParticipant(connectionToken); // resolves to {} once the customer left
 * ```
 */
export type DisconnectParticipantResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Attachments

/**
 * Body of `POST /participant/start-attachment-upload`.
 *
 * @example
 * ```ts
 * const { AttachmentId, UploadMetadata } = await client.startAttachmentUpload(connectionToken, {
 *   ContentType: file.type,
 *   AttachmentSizeInBytes: file.size,
 *   AttachmentName: file.name,
 * });
 * ```
 */
export interface StartAttachmentUploadRequest {
  ContentType: string;
  AttachmentSizeInBytes: number;
  AttachmentName: string;
  ClientToken?: string;
}

/**
 * Where and how to PUT the file bytes.
 *
 * @example
 * ```ts
 * const { Url, HeadersToInclude } = started.UploadMetadata ?? {};
 * ```
 */
export interface UploadMetadata {
  Url?: string;
  UrlExpiry?: IsoTimestamp;
  HeadersToInclude?: Record<string, string>;
}

/**
 * Response of StartAttachmentUpload.
 *
 * @example
 * ```ts
 * const { AttachmentId, UploadMetadata } = await client.startAttachmentUpload(connectionToken, request);
 * await fetch(UploadMetadata!.Url!, { method: 'PUT', headers: UploadMetadata!.HeadersToInclude, body: file });
 * ```
 */
export interface StartAttachmentUploadResponse {
  AttachmentId?: string;
  UploadMetadata?: UploadMetadata;
}

/**
 * Body of `POST /participant/complete-attachment-upload` (exactly one id).
 *
 * @example
 * ```ts
 * await client.completeAttachmentUpload(connectionToken, { AttachmentIds: [attachmentId] });
 * ```
 */
export interface CompleteAttachmentUploadRequest {
  AttachmentIds: string[];
  ClientToken?: string;
}

/**
 * Response of CompleteAttachmentUpload (empty).
 *
 * @example
 * ```ts
 * await client.completeAttachmentUpload(connectionToken, { AttachmentIds: [attachmentId] }); // {}: scanning starts
 * ```
 */
export type CompleteAttachmentUploadResponse = Record<string, never>;

/**
 * Body of `POST /participant/attachment`.
 *
 * @example
 * ```ts
 * const { Url } = await client.getAttachment(connectionToken, { AttachmentId: attachmentId, UrlExpiryInSeconds: 60 });
 * ```
 */
export interface GetAttachmentRequest {
  AttachmentId: string;
  /** 5–300 seconds. */
  UrlExpiryInSeconds?: number;
}

/**
 * Response of GetAttachment: a short-lived download URL.
 *
 * @example
 * ```ts
 * const { Url } = await client.getAttachment(connectionToken, { AttachmentId: attachmentId });
 * window.open(Url, '_blank', 'noopener');
 * ```
 */
export interface GetAttachmentResponse {
  Url?: string;
  UrlExpiry?: IsoTimestamp;
  AttachmentSizeInBytes?: number;
}

// ---------------------------------------------------------------------------------------------
// Views and authentication

/**
 * Request of `GET /participant/views/{ViewToken}`.
 *
 * @example
 * ```ts
 * const { View } = await client.describeView(connectionToken, { ViewToken: viewToken });
 * ```
 */
export interface DescribeViewRequest {
  ViewToken: string;
}

/**
 * The view's template, input schema (both JSON strings) and actions.
 *
 * @example
 * ```ts
 * const template = JSON.parse(view.Content?.Template ?? '{}');
 * ```
 */
export interface ViewContent {
  InputSchema?: string;
  Template?: string;
  Actions?: string[];
}

/**
 * A step-by-step guide view.
 *
 * @example
 * ```ts
 * const { View: view } = await client.describeView(token, { ViewToken: viewToken });
 * console.log(view?.Name);
 * ```
 */
export interface View {
  Id?: string;
  Arn?: string;
  Name?: string;
  Version?: number;
  Content?: ViewContent;
}

/**
 * Response of DescribeView.
 *
 * @example
 * ```ts
 * const { View } = await client.describeView(connectionToken, { ViewToken: viewToken });
 * const template = JSON.parse(View?.Content?.Template ?? '{}');
 * ```
 */
export interface DescribeViewResponse {
  View?: View;
}

/**
 * Body of `POST /participant/authentication-url`.
 *
 * @example
 * ```ts
 * const { AuthenticationUrl } = await client.getAuthenticationUrl(connectionToken, {
 *   SessionId: sessionId,
 *   RedirectUri: location.href,
 * });
 * ```
 */
export interface GetAuthenticationUrlRequest {
  SessionId: string;
  RedirectUri: string;
}

/**
 * Response of GetAuthenticationUrl.
 *
 * @example
 * ```ts
 * const { AuthenticationUrl } = await client.getAuthenticationUrl(connectionToken, { SessionId: sessionId, RedirectUri: redirectUri });
 * if (AuthenticationUrl) popup.location.href = AuthenticationUrl;
 * ```
 */
export interface GetAuthenticationUrlResponse {
  AuthenticationUrl?: string;
}

/**
 * Body of `POST /participant/cancel-authentication`.
 *
 * @example
 * ```ts
 * await client.cancelParticipantAuthentication(connectionToken, { SessionId: sessionId });
 * ```
 */
export interface CancelParticipantAuthenticationRequest {
  SessionId: string;
}

/**
 * Response of CancelParticipantAuthentication (empty).
 *
 * @example
 * ```ts
 * await client.cancelParticipantAuthentication(connectionToken, { SessionId: sessionId }); // {}
 * ```
 */
export type CancelParticipantAuthenticationResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Websocket frames

/**
 * A frame the client sends on the websocket.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } } satisfies ClientFrame));
 * ```
 */
export type ClientFrame =
  | { topic: 'aws/subscribe'; content: { topics: string[] } }
  | { topic: 'aws/unsubscribe'; content: { topics: string[] } }
  | { topic: 'aws/heartbeat' }
  | { topic: 'aws/ping' };

/**
 * A frame the service sends on the websocket.
 *
 * @example
 * ```ts
 * const frame = JSON.parse(event.data) as ServerFrame;
 * if (frame.topic === 'aws/chat') handle(JSON.parse(frame.content));
 * ```
 */
export type ServerFrame =
  | {
      topic: 'aws/subscribe';
      content: { status: 'success' | 'failure' | (string & {}); topics: string[] };
    }
  | { topic: 'aws/heartbeat' }
  | { topic: 'aws/ping'; statusCode: number; statusContent: string }
  | { topic: 'aws/chat'; contentType: 'application/json'; content: string };

/**
 * The names of the 11 Participant Service operations.
 *
 * @example
 * ```ts
 * // The emulator's next two SendMessage calls answer 500:
 * await fetch(`${emulator.url}/admin/faults`, {
 *   method: 'POST',
 *   body: JSON.stringify({ failNext: { operation: 'SendMessage' satisfies OperationName, status: 500, count: 2 } }),
 * });
 * ```
 */
export type OperationName =
  | 'CreateParticipantConnection'
  | 'SendMessage'
  | 'SendEvent'
  | 'GetTranscript'
  | 'DisconnectParticipant'
  | 'StartAttachmentUpload'
  | 'CompleteAttachmentUpload'
  | 'GetAttachment'
  | 'DescribeView'
  | 'GetAuthenticationUrl'
  | 'CancelParticipantAuthentication';
