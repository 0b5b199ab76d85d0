import type { OperationName } from './types';

/**
 * Which token an operation expects in `X-Amz-Bearer`: the participant token (only
 * CreateParticipantConnection) or the connection token (everything else).
 *
 * @example
 * ```ts
 * const field = PARTICIPANT_OPERATIONS[operation].bearer === 'participant' ? 'ParticipantToken' : 'ConnectionToken';
 * ```
 */
export type BearerKind = 'participant' | 'connection';

/**
 * How one Participant Service operation travels over HTTP (participant-protocol.md §1.5).
 *
 * @example
 * ```ts
 * const spec = PARTICIPANT_OPERATIONS.DescribeView;
 * const url = `${endpoint}${spec.path}${encodeURIComponent(viewToken)}`;
 * await fetch(url, { method: spec.method, headers: { 'X-Amz-Bearer': connectionToken } });
 * ```
 */
export interface OperationSpec {
  readonly method: 'GET' | 'POST';
  /** The path, or for DescribeView the prefix the percent-encoded `ViewToken` is appended to. */
  readonly path: string;
  readonly bearer: BearerKind;
  /** The operation takes an idempotency `ClientToken` that the client fills when absent. */
  readonly idempotent: boolean;
  /** The output structure is empty: an empty 2xx body is a success. */
  readonly emptyOutput: boolean;
  /** The body members of the model; anything else in a request is not sent (like the AWS SDK). */
  readonly members: readonly string[];
}

/**
 * The HTTP binding of every Participant Service operation.
 *
 * @example
 * ```ts
 * PARTICIPANT_OPERATIONS.SendMessage.path; // '/participant/message'
 * ```
 */
export const PARTICIPANT_OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = {
  CreateParticipantConnection: {
    method: 'POST',
    path: '/participant/connection',
    bearer: 'participant',
    idempotent: false,
    emptyOutput: false,
    members: ['Type', 'ConnectParticipant'],
  },
  SendMessage: {
    method: 'POST',
    path: '/participant/message',
    bearer: 'connection',
    idempotent: true,
    emptyOutput: false,
    members: ['ContentType', 'Content', 'ClientToken'],
  },
  SendEvent: {
    method: 'POST',
    path: '/participant/event',
    bearer: 'connection',
    idempotent: true,
    emptyOutput: false,
    members: ['ContentType', 'Content', 'ClientToken'],
  },
  GetTranscript: {
    method: 'POST',
    path: '/participant/transcript',
    bearer: 'connection',
    idempotent: false,
    emptyOutput: false,
    members: [
      'ContactId',
      'MaxResults',
      'NextToken',
      'ScanDirection',
      'SortOrder',
      'StartPosition',
    ],
  },
  DisconnectParticipant: {
    method: 'POST',
    path: '/participant/disconnect',
    bearer: 'connection',
    idempotent: true,
    emptyOutput: true,
    members: ['ClientToken'],
  },
  StartAttachmentUpload: {
    method: 'POST',
    path: '/participant/start-attachment-upload',
    bearer: 'connection',
    idempotent: true,
    emptyOutput: false,
    members: ['ContentType', 'AttachmentSizeInBytes', 'AttachmentName', 'ClientToken'],
  },
  CompleteAttachmentUpload: {
    method: 'POST',
    path: '/participant/complete-attachment-upload',
    bearer: 'connection',
    idempotent: true,
    emptyOutput: true,
    members: ['AttachmentIds', 'ClientToken'],
  },
  GetAttachment: {
    method: 'POST',
    path: '/participant/attachment',
    bearer: 'connection',
    idempotent: false,
    emptyOutput: false,
    members: ['AttachmentId', 'UrlExpiryInSeconds'],
  },
  DescribeView: {
    method: 'GET',
    path: '/participant/views/',
    bearer: 'connection',
    idempotent: false,
    emptyOutput: false,
    members: [],
  },
  GetAuthenticationUrl: {
    method: 'POST',
    path: '/participant/authentication-url',
    bearer: 'connection',
    idempotent: false,
    emptyOutput: false,
    members: ['SessionId', 'RedirectUri'],
  },
  CancelParticipantAuthentication: {
    method: 'POST',
    path: '/participant/cancel-authentication',
    bearer: 'connection',
    idempotent: false,
    emptyOutput: true,
    members: ['SessionId'],
  },
};
