/**
 * Our hand-written wire types against the official `@aws-sdk/client-connectparticipant` typings
 * (devDependency, types only: nothing here runs). If the service model grows or changes a member,
 * bumping the SDK makes these fail.
 *
 * Directions checked, per operation:
 * - request: the member names are the same as the SDK input's minus the bearer token; our request
 *   is a valid SDK input; and every SDK input that sets its required members is a valid request
 *   for us. (The SDK types required members as `X | undefined`, a codegen quirk: `SdkStrict` turns
 *   them into plain required `X` before comparing.)
 * - response: the member names match; anything the SDK would return fits our type. The reverse
 *   holds except where noted (open string unions for forward compatibility, `MESSAGEMETADATA`,
 *   and response members we keep optional even when the model marks them required).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccessDeniedException,
  ArtifactStatus as SdkArtifactStatus,
  CancelParticipantAuthenticationCommandInput,
  CancelParticipantAuthenticationCommandOutput,
  ChatItemType,
  CompleteAttachmentUploadCommandInput,
  CompleteAttachmentUploadCommandOutput,
  ConflictException,
  ConnectParticipant,
  ConnectParticipantClient,
  ConnectionType as SdkConnectionType,
  CreateParticipantConnectionCommandInput,
  CreateParticipantConnectionCommandOutput,
  DescribeViewCommandInput,
  DescribeViewCommandOutput,
  DisconnectParticipantCommandInput,
  DisconnectParticipantCommandOutput,
  GetAttachmentCommandInput,
  GetAttachmentCommandOutput,
  GetAuthenticationUrlCommandInput,
  GetAuthenticationUrlCommandOutput,
  GetTranscriptCommandInput,
  GetTranscriptCommandOutput,
  InternalServerException,
  Item as SdkItem,
  MessageMetadata as SdkMessageMetadata,
  MessageProcessingStatus as SdkMessageProcessingStatus,
  ParticipantRole as SdkParticipantRole,
  ResourceNotFoundException,
  ScanDirection as SdkScanDirection,
  SendEventCommandInput,
  SendEventCommandOutput,
  SendMessageCommandInput,
  SendMessageCommandOutput,
  ServiceQuotaExceededException,
  SortKey as SdkSortKey,
  StartAttachmentUploadCommandInput,
  StartAttachmentUploadCommandOutput,
  ThrottlingException,
  ValidationException,
  WebRTCConnection as SdkWebRTCConnection,
} from '@aws-sdk/client-connectparticipant';
import type {
  ArtifactStatus,
  CancelParticipantAuthenticationRequest,
  CancelParticipantAuthenticationResponse,
  CompleteAttachmentUploadRequest,
  CompleteAttachmentUploadResponse,
  ConnectionType,
  CreateParticipantConnectionRequest,
  CreateParticipantConnectionResponse,
  DescribeViewRequest,
  DescribeViewResponse,
  DisconnectParticipantRequest,
  DisconnectParticipantResponse,
  GetAttachmentRequest,
  GetAttachmentResponse,
  GetAuthenticationUrlRequest,
  GetAuthenticationUrlResponse,
  GetTranscriptRequest,
  GetTranscriptResponse,
  Item,
  ItemType,
  MessageMetadata,
  MessageProcessingStatus,
  OperationName,
  ParticipantClient,
  ParticipantRole,
  ParticipantServiceErrorName,
  ScanDirection,
  SendEventRequest,
  SendEventResponse,
  SendMessageRequest,
  SendMessageResponse,
  SortKey,
  StartAttachmentUploadRequest,
  StartAttachmentUploadResponse,
  WebRTCConnection,
} from 'contact-kit/core';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The SDK's input with its required members typed as required and defined. */
type SdkStrict<T> = { [K in RequiredKeys<T>]: Exclude<T[K], undefined> } & {
  [K in Exclude<keyof T, RequiredKeys<T>>]?: T[K];
};
/** An SDK command input without the token that we send as `X-Amz-Bearer` instead. */
type SdkBody<T, TBearer extends keyof T> = SdkStrict<Omit<T, TBearer>>;
/** An SDK command output without the SDK's response metadata. */
type SdkResult<T> = Omit<T, '$metadata'>;

describe('requests agree with the SDK inputs (minus the bearer token)', () => {
  it('CreateParticipantConnection (bearer: ParticipantToken)', () => {
    type Sdk = SdkBody<CreateParticipantConnectionCommandInput, 'ParticipantToken'>;
    expectTypeOf<keyof CreateParticipantConnectionRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<CreateParticipantConnectionRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<CreateParticipantConnectionRequest>();
  });

  it('SendMessage', () => {
    type Sdk = SdkBody<SendMessageCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof SendMessageRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<SendMessageRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<SendMessageRequest>();
    // ContentType and Content are required, as in the model.
    expectTypeOf<{ ContentType: string }>().not.toExtend<SendMessageRequest>();
  });

  it('SendEvent', () => {
    type Sdk = SdkBody<SendEventCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof SendEventRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<SendEventRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<SendEventRequest>();
  });

  it('GetTranscript', () => {
    type Sdk = SdkBody<GetTranscriptCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof GetTranscriptRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<GetTranscriptRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<GetTranscriptRequest>();
    expectTypeOf<keyof NonNullable<GetTranscriptRequest['StartPosition']>>().toEqualTypeOf<
      keyof NonNullable<Sdk['StartPosition']>
    >();
  });

  it('DisconnectParticipant', () => {
    type Sdk = SdkBody<DisconnectParticipantCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof DisconnectParticipantRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<DisconnectParticipantRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<DisconnectParticipantRequest>();
  });

  it('StartAttachmentUpload', () => {
    type Sdk = SdkBody<StartAttachmentUploadCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof StartAttachmentUploadRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<StartAttachmentUploadRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<StartAttachmentUploadRequest>();
    // The model requires ClientToken, but both the SDK and our client fill it when absent, so it is
    // optional in both typings.
    expectTypeOf<StartAttachmentUploadRequest['ClientToken']>().toEqualTypeOf<string | undefined>();
  });

  it('CompleteAttachmentUpload', () => {
    type Sdk = SdkBody<CompleteAttachmentUploadCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof CompleteAttachmentUploadRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<CompleteAttachmentUploadRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<CompleteAttachmentUploadRequest>();
  });

  it('GetAttachment', () => {
    type Sdk = SdkBody<GetAttachmentCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof GetAttachmentRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<GetAttachmentRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<GetAttachmentRequest>();
  });

  it('DescribeView (ViewToken is a URI label, not a body member, in both)', () => {
    type Sdk = SdkBody<DescribeViewCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof DescribeViewRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<DescribeViewRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<DescribeViewRequest>();
  });

  it('GetAuthenticationUrl', () => {
    type Sdk = SdkBody<GetAuthenticationUrlCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof GetAuthenticationUrlRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<GetAuthenticationUrlRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<GetAuthenticationUrlRequest>();
  });

  it('CancelParticipantAuthentication', () => {
    type Sdk = SdkBody<CancelParticipantAuthenticationCommandInput, 'ConnectionToken'>;
    expectTypeOf<keyof CancelParticipantAuthenticationRequest>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<CancelParticipantAuthenticationRequest>().toExtend<Sdk>();
    expectTypeOf<Sdk>().toExtend<CancelParticipantAuthenticationRequest>();
  });
});

describe('responses agree with the SDK outputs', () => {
  it('CreateParticipantConnection', () => {
    type Sdk = SdkResult<CreateParticipantConnectionCommandOutput>;
    expectTypeOf<keyof CreateParticipantConnectionResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<CreateParticipantConnectionResponse>();
    expectTypeOf<CreateParticipantConnectionResponse>().toExtend<Sdk>();
    // Like the Participant API model, no MediaRegion / TurnControlUrl (those are Connect's).
    expectTypeOf<SdkWebRTCConnection>().toExtend<WebRTCConnection>();
    expectTypeOf<
      keyof NonNullable<NonNullable<WebRTCConnection['Meeting']>['MediaPlacement']>
    >().toEqualTypeOf<
      keyof NonNullable<NonNullable<SdkWebRTCConnection['Meeting']>['MediaPlacement']>
    >();
  });

  it('SendMessage', () => {
    type Sdk = SdkResult<SendMessageCommandOutput>;
    expectTypeOf<keyof SendMessageResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<SendMessageResponse>();
    expectTypeOf<SendMessageResponse>().toExtend<Sdk>();
  });

  it('SendEvent', () => {
    type Sdk = SdkResult<SendEventCommandOutput>;
    expectTypeOf<keyof SendEventResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<SendEventResponse>();
    expectTypeOf<SendEventResponse>().toExtend<Sdk>();
  });

  it('GetTranscript', () => {
    type Sdk = SdkResult<GetTranscriptCommandOutput>;
    expectTypeOf<keyof GetTranscriptResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<GetTranscriptResponse>();
    // Not the reverse: our items may carry `Type: 'MESSAGEMETADATA'` and future types (see Item).
    expectTypeOf<GetTranscriptResponse>().not.toExtend<Sdk>();
  });

  it('GetAttachment', () => {
    type Sdk = SdkResult<GetAttachmentCommandOutput>;
    expectTypeOf<keyof GetAttachmentResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<GetAttachmentResponse>();
    // The model marks AttachmentSizeInBytes required (the SDK: `number | undefined`, no `?`); we
    // keep every response member optional because we parse raw JSON and do not fill defaults.
    expectTypeOf<GetAttachmentResponse>().not.toExtend<Sdk>();
    expectTypeOf<Required<GetAttachmentResponse>>().toExtend<Sdk>();
  });

  it('StartAttachmentUpload', () => {
    type Sdk = SdkResult<StartAttachmentUploadCommandOutput>;
    expectTypeOf<keyof StartAttachmentUploadResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<StartAttachmentUploadResponse>();
    expectTypeOf<StartAttachmentUploadResponse>().toExtend<Sdk>();
  });

  it('DescribeView', () => {
    type Sdk = SdkResult<DescribeViewCommandOutput>;
    expectTypeOf<keyof DescribeViewResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<DescribeViewResponse>();
    expectTypeOf<DescribeViewResponse>().toExtend<Sdk>();
  });

  it('GetAuthenticationUrl', () => {
    type Sdk = SdkResult<GetAuthenticationUrlCommandOutput>;
    expectTypeOf<keyof GetAuthenticationUrlResponse>().toEqualTypeOf<keyof Sdk>();
    expectTypeOf<Sdk>().toExtend<GetAuthenticationUrlResponse>();
    expectTypeOf<GetAuthenticationUrlResponse>().toExtend<Sdk>();
  });

  it('empty outputs: DisconnectParticipant, CompleteAttachmentUpload, CancelParticipantAuthentication', () => {
    // Ours are `Record<string, never>` (nothing to read); the SDK's are empty structures.
    expectTypeOf<keyof SdkResult<DisconnectParticipantCommandOutput>>().toBeNever();
    expectTypeOf<keyof SdkResult<CompleteAttachmentUploadCommandOutput>>().toBeNever();
    expectTypeOf<keyof SdkResult<CancelParticipantAuthenticationCommandOutput>>().toBeNever();
    expectTypeOf<DisconnectParticipantResponse>().toExtend<
      SdkResult<DisconnectParticipantCommandOutput>
    >();
    expectTypeOf<CompleteAttachmentUploadResponse>().toExtend<
      SdkResult<CompleteAttachmentUploadCommandOutput>
    >();
    expectTypeOf<CancelParticipantAuthenticationResponse>().toExtend<
      SdkResult<CancelParticipantAuthenticationCommandOutput>
    >();
    expectTypeOf<
      SdkResult<DisconnectParticipantCommandOutput>
    >().toExtend<DisconnectParticipantResponse>();
  });
});

describe('Item and enums', () => {
  it('our Item accepts every SDK Item', () => {
    expectTypeOf<SdkItem>().toExtend<Item>();
    expectTypeOf<SdkMessageMetadata>().toExtend<MessageMetadata>();
  });

  it('our Item has every SDK member, plus InitialContactId from websocket items', () => {
    expectTypeOf<Exclude<keyof SdkItem, keyof Item>>().toBeNever();
    expectTypeOf<Exclude<keyof Item, keyof SdkItem>>().toEqualTypeOf<'InitialContactId'>();
  });

  it('our MessageMetadata adds the Lex streaming members the SDK drops', () => {
    expectTypeOf<Exclude<keyof SdkMessageMetadata, keyof MessageMetadata>>().toBeNever();
    expectTypeOf<Exclude<keyof MessageMetadata, keyof SdkMessageMetadata>>().toEqualTypeOf<
      'MessageCompleted' | 'ChunkNumber'
    >();
  });

  it('ItemType is the model enum plus MESSAGEMETADATA, which the model lacks', () => {
    expectTypeOf<ItemType>().toEqualTypeOf<ChatItemType | 'MESSAGEMETADATA'>();
    // So a receipt item from the websocket is a valid Item for us but not for the SDK typings.
    expectTypeOf<{ Type: 'MESSAGEMETADATA' }>().toExtend<Item>();
    expectTypeOf<{ Type: 'MESSAGEMETADATA' }>().not.toExtend<SdkItem>();
    // Item.Type and ParticipantRole also take unknown strings, so a new service value never breaks
    // parsing; hence Item is not assignable to the SDK's closed unions.
    expectTypeOf<Item>().not.toExtend<SdkItem>();
    expectTypeOf<Omit<Item, 'Type' | 'ParticipantRole' | 'InitialContactId'>>().toExtend<SdkItem>();
  });

  it('the closed enums are the same', () => {
    expectTypeOf<ParticipantRole>().toEqualTypeOf<SdkParticipantRole>();
    expectTypeOf<ConnectionType>().toEqualTypeOf<SdkConnectionType>();
    expectTypeOf<ScanDirection>().toEqualTypeOf<SdkScanDirection>();
    expectTypeOf<SortKey>().toEqualTypeOf<SdkSortKey>();
    expectTypeOf<ArtifactStatus>().toEqualTypeOf<SdkArtifactStatus>();
    expectTypeOf<MessageProcessingStatus>().toEqualTypeOf<SdkMessageProcessingStatus>();
  });
});

describe('client surface', () => {
  it('has one method per SDK operation, with the same names', () => {
    type SdkOperations = Exclude<
      keyof ConnectParticipant,
      keyof ConnectParticipantClient | `paginate${string}`
    >;
    expectTypeOf<Exclude<keyof ParticipantClient, 'endpoint'>>().toEqualTypeOf<SdkOperations>();
    expectTypeOf<Uncapitalize<OperationName>>().toEqualTypeOf<SdkOperations>();
  });

  it('methods take our request types and resolve to our response types', () => {
    expectTypeOf<ParticipantClient['sendMessage']>()
      .parameter(1)
      .toEqualTypeOf<SendMessageRequest>();
    expectTypeOf<
      ParticipantClient['sendMessage']
    >().returns.resolves.toEqualTypeOf<SendMessageResponse>();
    expectTypeOf<
      ParticipantClient['getTranscript']
    >().returns.resolves.toEqualTypeOf<GetTranscriptResponse>();
    expectTypeOf<
      ParticipantClient['createParticipantConnection']
    >().returns.resolves.toEqualTypeOf<CreateParticipantConnectionResponse>();
    expectTypeOf<ParticipantClient['disconnectParticipant']>()
      .parameter(1)
      .toEqualTypeOf<DisconnectParticipantRequest | undefined>();
  });

  it('every modelled SDK exception name is a ParticipantServiceErrorName', () => {
    type SdkErrorNames =
      | AccessDeniedException['name']
      | ConflictException['name']
      | InternalServerException['name']
      | ResourceNotFoundException['name']
      | ServiceQuotaExceededException['name']
      | ThrottlingException['name']
      | ValidationException['name'];
    expectTypeOf<SdkErrorNames>().toExtend<ParticipantServiceErrorName>();
    // Ours adds the unmodelled 503 and the catch-all.
    expectTypeOf<Exclude<ParticipantServiceErrorName, SdkErrorNames>>().toEqualTypeOf<
      'ServiceUnavailable' | 'Unknown'
    >();
  });
});
