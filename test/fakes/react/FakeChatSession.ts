import type {
  AttachmentFile,
  ChatItem,
  ChatParticipant,
  ChatSessionOptions,
  ChatSnapshot,
  CreateParticipantConnectionResponse,
  TypingParticipant,
} from 'contact-kit/core';
import type { OfferedConnection } from '../../../src/core/chat/connection/connectionDriver';
import { createParticipantClient, silentLogger } from 'contact-kit/core';
import type { ChatSessionLike, SendMessageOptions } from 'contact-kit';

/** A call the fake recorded. */
export type FakeCall =
  | { method: 'connect' }
  | { method: 'sendMessage'; content: string; options: SendMessageOptions | undefined }
  | { method: 'sendTyping' }
  | { method: 'markRead'; itemId: string }
  | { method: 'sendAttachment'; file: AttachmentFile }
  | { method: 'loadOlder' }
  | { method: 'retry'; localId: string }
  | { method: 'endChat' }
  | { method: 'destroy' };

const initialSnapshot: ChatSnapshot = {
  connection: { status: 'idle', attempt: 0, error: undefined },
  chat: { status: 'active', error: undefined },
  items: [],
  participants: [],
  typing: [],
  hasOlder: false,
  loadingOlder: false,
  contactId: undefined,
  participantId: undefined,
};

let counter = 0;

/** Builds a chat item with sensible defaults. */
export function makeItem(overrides: Partial<ChatItem> = {}): ChatItem {
  counter += 1;
  return {
    id: `item-${counter}`,
    type: 'message',
    contentType: 'text/plain',
    content: `message ${counter}`,
    participantId: 'agent-1',
    displayName: 'Agent',
    role: 'AGENT',
    time: new Date().toISOString(),
    isOwn: false,
    receipts: [],
    ...overrides,
  };
}

/**
 * An in-memory chat session with the shape the React layer uses. Tests drive it with `update`,
 * `addItem`, `setTyping`, `setConnection`; every action is recorded in `calls`. `failNext` makes
 * the next action throw (as the real session does on misuse). Created through a provider's
 * `createSession`, `connect()` takes an offered connection, or asks the service for one (the given
 * client, or one for the given endpoint and fetch) like the real session does, and keeps the
 * answer in `connectedWith`.
 */
export class FakeChatSession implements ChatSessionLike {
  readonly calls: FakeCall[] = [];
  destroyed = false;
  private snapshot: ChatSnapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  private nextFailure: Error | undefined;

  /** The CreateParticipantConnection answer the first `connect()` got from the client. */
  connectedWith: CreateParticipantConnectionResponse | undefined;
  connectError: unknown;

  /** Options the factory received, when created through `createSession`. */
  constructor(readonly options?: ChatSessionOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Replaces parts of the snapshot (a new snapshot object; untouched parts keep identity). */
  update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) {
      listener();
    }
  }

  addItem(item: ChatItem): void {
    this.update({ items: [...this.snapshot.items, item] });
  }

  setTyping(typing: TypingParticipant[]): void {
    this.update({ typing });
  }

  setParticipants(participants: ChatParticipant[]): void {
    this.update({ participants });
  }

  setConnection(connection: Partial<ChatSnapshot['connection']>): void {
    this.update({ connection: { ...this.snapshot.connection, ...connection } });
  }

  /** The next action rejects with `error`. */
  failNext(error: Error): void {
    this.nextFailure = error;
  }

  private throwIfFailing(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure) {
      throw failure;
    }
  }

  connect = (connectOptions?: { connection?: OfferedConnection | undefined }): void => {
    this.calls.push({ method: 'connect' });
    if (this.snapshot.connection.status !== 'idle') {
      return;
    }
    this.setConnection({ status: 'connecting' });
    if (connectOptions?.connection) {
      this.connectedWith = connectOptions.connection.response;
      return;
    }
    const options = this.options;
    const client =
      options?.client ??
      (options?.endpoint !== undefined
        ? createParticipantClient({
            endpoint: options.endpoint,
            ...(options.fetch ? { fetch: options.fetch } : {}),
            logger: silentLogger,
          })
        : undefined);
    if (client) {
      client
        .createParticipantConnection(this.options!.participantToken, {
          Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
        })
        .then(
          (answer) => {
            this.connectedWith = answer;
          },
          (error: unknown) => {
            this.connectError = error;
          },
        );
    }
  };

  sendMessage = (content: string, options?: SendMessageOptions): string => {
    this.calls.push({ method: 'sendMessage', content, options });
    this.throwIfFailing();
    return `local-${this.calls.length}`;
  };

  sendTyping = (): void => {
    this.calls.push({ method: 'sendTyping' });
  };

  markRead = (itemId: string): void => {
    this.calls.push({ method: 'markRead', itemId });
  };

  sendAttachment = (file: AttachmentFile): string => {
    this.calls.push({ method: 'sendAttachment', file });
    this.throwIfFailing();
    return `local-${this.calls.length}`;
  };

  loadOlder = (): Promise<boolean> => {
    this.calls.push({ method: 'loadOlder' });
    return Promise.resolve(false);
  };

  retry = (localId: string): boolean => {
    this.calls.push({ method: 'retry', localId });
    return true;
  };

  endChat = (): Promise<void> => {
    this.calls.push({ method: 'endChat' });
    this.update({ chat: { status: 'ended', error: undefined } });
    return Promise.resolve();
  };

  destroy = (): void => {
    this.calls.push({ method: 'destroy' });
    this.destroyed = true;
  };

  callsOf<M extends FakeCall['method']>(method: M): Extract<FakeCall, { method: M }>[] {
    return this.calls.filter(
      (call): call is Extract<FakeCall, { method: M }> => call.method === method,
    );
  }
}
