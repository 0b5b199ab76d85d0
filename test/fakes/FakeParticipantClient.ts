import { AbortError, ParticipantServiceError } from 'contact-kit/core';
import type {
  Clock,
  Item,
  OperationName,
  ParticipantClient,
  ParticipantServiceErrorName,
  RequestOptions,
} from 'contact-kit/core';

type Method = Exclude<keyof ParticipantClient, 'endpoint'>;

interface Call {
  readonly operation: Method;
  readonly token: string;
  readonly request: Record<string, unknown>;
}

interface Hang {
  release(): void;
  fail(error: unknown): void;
}

const NAMES: Record<number, ParticipantServiceErrorName> = {
  400: 'ValidationException',
  402: 'ServiceQuotaExceededException',
  403: 'AccessDeniedException',
  409: 'ConflictException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailable',
};

const OPERATION: Record<Method, OperationName> = {
  createParticipantConnection: 'CreateParticipantConnection',
  sendMessage: 'SendMessage',
  sendEvent: 'SendEvent',
  getTranscript: 'GetTranscript',
  disconnectParticipant: 'DisconnectParticipant',
  startAttachmentUpload: 'StartAttachmentUpload',
  completeAttachmentUpload: 'CompleteAttachmentUpload',
  getAttachment: 'GetAttachment',
  describeView: 'DescribeView',
  getAuthenticationUrl: 'GetAuthenticationUrl',
  cancelParticipantAuthentication: 'CancelParticipantAuthentication',
};

/** A service error as the real client would throw it. */
export function serviceError(operation: Method, status: number): ParticipantServiceError {
  return new ParticipantServiceError({
    name: NAMES[status] ?? 'Unknown',
    status,
    message: `fake ${status}`,
    operation: OPERATION[operation],
  });
}

/**
 * An in-memory Participant Service behind the ParticipantClient interface: it keeps a transcript,
 * pages it like the service, records every call, and can fail or hold calls on demand.
 */
export class FakeParticipantClient {
  readonly calls: Call[] = [];
  readonly items: Item[] = [];
  /** Lifetime of each connection token handed out. */
  tokenLifetimeMs = 24 * 60 * 60_000;
  /** When set, every connection returns this token expiry (a service that never extends it). */
  fixedTokenExpiry: number | undefined;
  contactId = 'contact-1';
  /** Called with each message SendMessage stores (e.g. to fan it out to fake sockets). */
  onMessageStored: ((item: Item) => void) | undefined;
  participantId = 'customer-1';
  private connections = 0;
  private nextItem = 1;
  private lastTime = 0;
  private readonly failures = new Map<Method, unknown[]>();
  private readonly hangs = new Map<Method, Array<(hang: Hang) => void>>();
  private readonly byClientToken = new Map<string, unknown>();

  readonly client: ParticipantClient;

  constructor(private readonly clock: Clock) {
    const handler =
      <T>(operation: Method, run: (token: string, request: Record<string, unknown>) => T) =>
      (token: string, request?: object, options?: RequestOptions): Promise<T> =>
        this.call(operation, token, (request ?? {}) as Record<string, unknown>, options, run);
    this.client = {
      endpoint: 'http://fake',
      createParticipantConnection: handler('createParticipantConnection', () => this.connect()),
      sendMessage: handler('sendMessage', (_token, request) => this.sendMessage(request)),
      sendEvent: handler('sendEvent', () => ({
        Id: `event-${this.nextItem++}`,
        AbsoluteTime: this.iso(),
      })),
      getTranscript: handler('getTranscript', (_token, request) => this.transcript(request)),
      disconnectParticipant: handler('disconnectParticipant', () => ({}) as Record<string, never>),
      startAttachmentUpload: handler('startAttachmentUpload', () => ({
        AttachmentId: `attachment-${this.nextItem++}`,
        UploadMetadata: {
          Url: 'http://fake/upload',
          UrlExpiry: this.iso(60_000),
          HeadersToInclude: {
            'Content-Type': 'text/plain',
            'x-amz-acl': 'bucket-owner-full-control',
          },
        },
      })),
      completeAttachmentUpload: handler(
        'completeAttachmentUpload',
        () => ({}) as Record<string, never>,
      ),
      getAttachment: handler('getAttachment', (_token, request) => ({
        Url: `http://fake/download/${String(request['AttachmentId'])}`,
        UrlExpiry: this.iso(60_000),
        AttachmentSizeInBytes: 1,
      })),
      describeView: handler('describeView', (_token, request) => ({
        View: {
          Id: `view-of-${request.ViewToken}`,
          Name: 'Fake view',
          Content: { Template: '{"Body":[]}', Actions: ['Next'] },
        },
      })),
      getAuthenticationUrl: handler('getAuthenticationUrl', () => ({
        AuthenticationUrl: 'http://fake/auth',
      })),
      cancelParticipantAuthentication: handler(
        'cancelParticipantAuthentication',
        () => ({}) as Record<string, never>,
      ),
    };
  }

  /** The next `count` calls of `operation` throw `error` (a status number makes a service error). */
  failNext(operation: Method, error: unknown, count = 1): void {
    const queue = this.failures.get(operation) ?? [];
    for (let i = 0; i < count; i += 1) {
      queue.push(typeof error === 'number' ? serviceError(operation, error) : error);
    }
    this.failures.set(operation, queue);
  }

  /** The next call of `operation` waits until the returned handle releases or fails it. */
  holdNext(operation: Method): Promise<Hang> {
    return new Promise((resolve) => {
      const queue = this.hangs.get(operation) ?? [];
      queue.push(resolve);
      this.hangs.set(operation, queue);
    });
  }

  callsOf(operation: Method): Call[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  /** Adds an item as another participant would (it is NOT pushed to sockets). */
  addItem(overrides: Partial<Item> = {}): Item {
    // Like the service: ids sort in creation order and every item gets a later time.
    this.lastTime = Math.max(this.clock.now(), this.lastTime + 1);
    const item: Item = {
      Id: `item-${String(this.nextItem++).padStart(6, '0')}`,
      Type: 'MESSAGE',
      ContentType: 'text/plain',
      Content: 'hello',
      AbsoluteTime: new Date(this.lastTime).toISOString(),
      ParticipantId: 'agent-1',
      DisplayName: 'Agent',
      ParticipantRole: 'AGENT',
      ContactId: this.contactId,
      InitialContactId: this.contactId,
      ...overrides,
    };
    this.items.push(item);
    return item;
  }

  iso(offsetMs = 0): string {
    return new Date(this.clock.now() + offsetMs).toISOString();
  }

  private async call<T>(
    operation: Method,
    token: string,
    request: Record<string, unknown>,
    options: RequestOptions | undefined,
    run: (token: string, request: Record<string, unknown>) => T,
  ): Promise<T> {
    this.calls.push({ operation, token, request });
    const signal = options?.signal;
    const waiter = this.hangs.get(operation)?.shift();
    if (waiter) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(new AbortError());
        signal?.addEventListener('abort', onAbort, { once: true });
        waiter({
          release: () => resolve(),
          fail: (error) => reject(error),
        });
      });
    } else {
      await Promise.resolve();
    }
    if (signal?.aborted) {
      throw new AbortError();
    }
    const failure = this.failures.get(operation)?.shift();
    if (failure !== undefined) {
      throw failure;
    }
    return run(token, request);
  }

  private connect() {
    this.connections += 1;
    const n = this.connections;
    return {
      Websocket: { Url: `ws://fake/socket-${n}`, ConnectionExpiry: this.iso(100_000) },
      ConnectionCredentials: {
        ConnectionToken: `token-${n}`,
        Expiry: new Date(
          this.fixedTokenExpiry ?? this.clock.now() + this.tokenLifetimeMs,
        ).toISOString(),
      },
    };
  }

  private sendMessage(request: Record<string, unknown>) {
    const clientToken = request['ClientToken'];
    if (typeof clientToken === 'string' && this.byClientToken.has(clientToken)) {
      return this.byClientToken.get(clientToken) as { Id: string; AbsoluteTime: string };
    }
    const item = this.addItem({
      ContentType: String(request['ContentType']),
      Content: String(request['Content']),
      ParticipantId: this.participantId,
      DisplayName: 'Customer',
      ParticipantRole: 'CUSTOMER',
    });
    const response = { Id: item.Id!, AbsoluteTime: item.AbsoluteTime! };
    if (typeof clientToken === 'string') {
      this.byClientToken.set(clientToken, response);
    }
    this.onMessageStored?.(item);
    return response;
  }

  private transcript(request: Record<string, unknown>) {
    const max = typeof request['MaxResults'] === 'number' ? request['MaxResults'] : 15;
    const token = typeof request['NextToken'] === 'string' ? request['NextToken'] : undefined;
    const items = this.items;
    if (request['ScanDirection'] === 'FORWARD') {
      let from: number;
      if (token !== undefined) {
        from = Number(token.slice(2));
      } else {
        const start = (request['StartPosition'] as { Id?: string } | undefined)?.Id;
        const index = items.findIndex((item) => item.Id === start);
        if (index === -1) {
          throw serviceError('getTranscript', 400);
        }
        from = index + 1;
      }
      const page = items.slice(from, from + max);
      const next = from + max < items.length ? `f:${from + max}` : undefined;
      return {
        InitialContactId: this.contactId,
        Transcript: page,
        ...(next ? { NextToken: next } : {}),
      };
    }
    const end = token !== undefined ? Number(token.slice(2)) : items.length;
    const start = Math.max(0, end - max);
    return {
      InitialContactId: this.contactId,
      Transcript: items.slice(start, end),
      NextToken: start > 0 ? `b:${start}` : '',
    };
  }
}
