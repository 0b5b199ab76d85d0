import { silentLogger } from '../core/logger';
import { createParticipantClient } from '../core/protocol/participantClient';
import { ContentType } from '../core/protocol/contentTypes';
import { ChatError } from '../core/protocol/errors';
import type { CreateParticipantConnectionResponse, View } from '../core/protocol/types';
import type { OfferedConnection } from '../core/chat/connection/connectionDriver';
import type {
  AttachmentFile,
  ChatConnectionView,
  ChatSession,
  ChatSessionOptions,
  ChatSnapshot,
} from '../core/chat/session/chatSession';
import type { ChatSessionLike } from '../core/chat/session/chatSessionLike';
import type {
  ChatItem,
  ChatParticipant,
  TypingParticipant,
} from '../core/chat/transcript/chatItem';

type SendOptions = NonNullable<Parameters<ChatSession['sendMessage']>[1]>;

/**
 * A call {@link FakeChatSession} recorded, with its arguments.
 *
 * @example
 * ```ts
 * expect(session.calls).toContainEqual({ method: 'markRead', itemId: 'item-1' });
 * ```
 */
export type FakeChatCall =
  | { method: 'connect' }
  | { method: 'sendMessage'; content: string; options: SendOptions | undefined }
  | { method: 'sendTyping' }
  | { method: 'markRead'; itemId: string }
  | { method: 'sendAttachment'; file: AttachmentFile }
  | { method: 'loadOlder' }
  | { method: 'retry'; localId: string }
  | { method: 'endChat' }
  | { method: 'destroy' };

/**
 * Who is on the other side of a {@link FakeChatSession}: called when the socket opens and for
 * every customer message, it answers through {@link FakeChatSession.respond} (or any other
 * method of the session). Stories use one to make a transcript come alive; tests rarely need one.
 *
 * @example
 * ```ts
 * const session = new FakeChatSession({
 *   service: 'simulated',
 *   agent: { received: ({ content }, session) => session.respond(`You said: ${content}`) },
 * });
 * ```
 */
export interface FakeChatAgent {
  /** The socket opened (after `connect()`, once the simulated service connects). */
  opened?(session: FakeChatSession): void;
  /** The customer sent a message (text, markdown or an interactive response). */
  received?(message: { content: string; contentType: string }, session: FakeChatSession): void;
}

/**
 * What a {@link FakeChatSession} starts with and how it behaves. Everything is optional: the
 * default is an idle, empty, active chat that changes only when the test says so.
 *
 * @example
 * ```tsx
 * const session = new FakeChatSession({
 *   connection: { status: 'reconnecting', attempt: 2 },
 *   items: [makeChatItem({ content: 'Hello' })],
 * });
 * render(<ChatProvider session={session}><MessageList /></ChatProvider>);
 * ```
 */
export interface FakeChatSessionInit {
  /** The socket state to start in (merged over `idle`, attempt 0, no error). */
  connection?: Partial<ChatConnectionView>;
  /** Defaults to `active`. */
  chatStatus?: 'active' | 'ended';
  /** The transcript to start with. */
  items?: readonly ChatItem[];
  /** Who is in the chat. Defaults to nobody. */
  participants?: readonly ChatParticipant[];
  /** Who is typing; they keep typing until the snapshot says otherwise. */
  typing?: readonly Pick<TypingParticipant, 'participantId' | 'displayName' | 'role'>[];
  /** The snapshot's `contactId`. */
  contactId?: string;
  /** The snapshot's `participantId` (the customer). */
  participantId?: string;
  /** `loadOlder()` serves this many pages of 20 generated messages. Defaults to 0. */
  olderPages?: number;
  /**
   * `manual` (default): nothing changes unless the caller drives it (`update`, `addItem`,
   * `setConnection`…), the right thing for tests. `simulated`: behaves like a live service, for
   * stories and demos: `connect()` opens after `connectDelayMs`, own messages appear as `sending`
   * and turn `sent`, uploads progress and pass the scan, `retry` resends, `endChat` adds the
   * `chat.ended` event, and sending after the end throws `CHAT_ENDED`.
   */
  service?: 'manual' | 'simulated';
  /** With `service: 'simulated'`, how long `connect()` takes to open. Defaults to 600 ms. */
  connectDelayMs?: number;
  /** Answers as the agent or bot; see {@link FakeChatAgent}. */
  agent?: FakeChatAgent;
  /**
   * Gives the session a `describeView`: answers by view token with a view, `'pending'` (never
   * settles) or `'failing'` (rejects, as does an unknown token). Without it the session has no
   * `describeView`, like a session that cannot show step-by-step guides.
   */
  views?: Readonly<Record<string, View | 'pending' | 'failing'>>;
  /**
   * Gives the session a `getAttachmentUrl`; `'data-url'` answers with a small text file made in
   * memory. Without it the session has none, like a session that cannot download.
   */
  getAttachmentUrl?: ((attachmentId: string) => Promise<string>) | 'data-url';
  /**
   * The options a provider's `createSession` received. `connect()` then asks the service for a
   * connection like the real session does (through `client`, or `endpoint` and `fetch`) and
   * keeps the answer in `connectedWith`.
   */
  options?: ChatSessionOptions;
}

/** Far enough ahead that a typing indicator from `init.typing` never expires. */
const FAR_FUTURE = 8_640_000_000_000;

/** The sender of {@link FakeChatSession.respond} when none is given. */
const AGENT = { participantId: 'agent-1', displayName: 'Agent', role: 'AGENT' } as const;

/**
 * An in-memory chat session with the members the kit's React layer uses (`ChatSessionLike`), for
 * your tests and stories: no network, no AWS, no test framework (works under Vitest, Jest or in
 * Storybook). Drive it with {@link FakeChatSession.update}, {@link FakeChatSession.addItem},
 * {@link FakeChatSession.setConnection}…; read what the UI asked for in
 * {@link FakeChatSession.calls}. With `service: 'simulated'` and an `agent`, it plays a live
 * chat instead (see {@link FakeChatSessionInit}).
 *
 * @example
 * ```tsx
 * import { ChatProvider, Composer } from 'contact-kit';
 * import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
 *
 * const session = new FakeChatSession({ connection: { status: 'open' } });
 * render(<ChatProvider session={session}><Composer /></ChatProvider>);
 * await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}');
 * expect(session.callsOf('sendMessage')[0]?.content).toBe('Hi');
 * act(() => session.addItem(makeChatItem({ content: 'Hello, how can I help?' })));
 * ```
 */
export class FakeChatSession implements ChatSessionLike {
  /** Every call the kit made, in order, with its arguments. */
  readonly calls: FakeChatCall[] = [];
  /** `destroy()` was called. */
  destroyed = false;
  /** The CreateParticipantConnection answer (or offered connection) the first `connect()` got. */
  connectedWith: CreateParticipantConnectionResponse | undefined;
  /** Why that CreateParticipantConnection failed. */
  connectError: unknown;
  /** Present when `init.views` is given. */
  describeView?: (viewToken: string) => Promise<View>;
  /** Present when `init.getAttachmentUrl` is given. */
  getAttachmentUrl?: (attachmentId: string) => Promise<string>;
  /** The options given as `init.options` (what a provider's `createSession` received). */
  readonly options: ChatSessionOptions | undefined;

  private snapshot: ChatSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private nextFailure: Error | undefined;
  private olderPagesLeft: number;
  private counter = 0;
  private readonly simulated: boolean;

  constructor(private readonly init: FakeChatSessionInit = {}) {
    this.options = init.options;
    this.simulated = init.service === 'simulated';
    this.olderPagesLeft = init.olderPages ?? 0;
    const now = Date.now();
    this.snapshot = {
      connection: { status: 'idle', attempt: 0, error: undefined, ...init.connection },
      chat: { status: init.chatStatus ?? 'active', error: undefined },
      items: init.items ?? [],
      participants: init.participants ?? [],
      typing: (init.typing ?? []).map((who) => ({ ...who, since: now, expiresAt: FAR_FUTURE })),
      hasOlder: this.olderPagesLeft > 0,
      loadingOlder: false,
      contactId: init.contactId,
      participantId: init.participantId,
    };
    const { views, getAttachmentUrl } = init;
    if (views) {
      this.describeView = (viewToken) => {
        const view = views[viewToken];
        if (view === 'pending') {
          return new Promise<View>(() => undefined);
        }
        if (view === undefined || view === 'failing') {
          return Promise.reject(new ChatError('CONNECTION_LOST', 'Could not load the view'));
        }
        return Promise.resolve(view);
      };
    }
    if (getAttachmentUrl === 'data-url') {
      this.getAttachmentUrl = (attachmentId) =>
        Promise.resolve(
          `data:text/plain;charset=utf-8,${encodeURIComponent(`Attachment ${attachmentId}`)}`,
        );
    } else if (getAttachmentUrl) {
      this.getAttachmentUrl = getAttachmentUrl;
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  /** How many listeners are subscribed (the kit unsubscribes on unmount). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Replaces parts of the snapshot and notifies: a new snapshot object whose untouched parts keep
   * their identity, as the real session does. Wrap it in `act()` in React tests.
   *
   * @example
   * ```ts
   * act(() => session.update({ hasOlder: true }));
   * ```
   */
  update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) {
      listener();
    }
  }

  /**
   * Appends an item to the transcript.
   *
   * @example
   * ```ts
   * act(() => session.addItem(makeChatItem({ content: 'Your order shipped' })));
   * ```
   */
  addItem(item: ChatItem): void {
    this.update({ items: [...this.snapshot.items, item] });
  }

  /**
   * Sets who is typing.
   *
   * @example
   * ```ts
   * session.setTyping([{ participantId: 'agent-1', displayName: 'Sam', since: 0, expiresAt: Infinity }]);
   * ```
   */
  setTyping(typing: TypingParticipant[]): void {
    this.update({ typing });
  }

  /**
   * Sets who is in the chat.
   *
   * @example
   * ```ts
   * session.setParticipants([{ participantId: 'agent-1', displayName: 'Sam', role: 'AGENT', joined: true }]);
   * ```
   */
  setParticipants(participants: ChatParticipant[]): void {
    this.update({ participants });
  }

  /**
   * Changes the socket state (merged over the current one).
   *
   * @example
   * ```ts
   * act(() => session.setConnection({ status: 'reconnecting', attempt: 2 }));
   * ```
   */
  setConnection(connection: Partial<ChatConnectionView>): void {
    this.update({ connection: { ...this.snapshot.connection, ...connection } });
  }

  /**
   * The next `sendMessage` or `sendAttachment` throws `error`, as the real session throws on
   * misuse (for example a `ChatError` with code `CHAT_ENDED`).
   *
   * @example
   * ```ts
   * session.failNext(new ChatError('CHAT_ENDED', 'The chat has ended.'));
   * ```
   */
  failNext(error: Error): void {
    this.nextFailure = error;
  }

  /**
   * The recorded calls of one method.
   *
   * @example
   * ```ts
   * expect(session.callsOf('markRead').map((call) => call.itemId)).toEqual(['item-1']);
   * ```
   */
  callsOf<M extends FakeChatCall['method']>(method: M): Extract<FakeChatCall, { method: M }>[] {
    return this.calls.filter(
      (call): call is Extract<FakeChatCall, { method: M }> => call.method === method,
    );
  }

  /**
   * A message from the other side after `delayMs` (default 900), with a typing indicator shown
   * from a third of the delay on (`typing: false` for none). It comes from the first agent in
   * `participants` (else `agent-1`, "Agent"); `item` overrides the message's fields, e.g. the
   * sender or the content type. Pending replies stop on `destroy()`.
   *
   * @example
   * ```ts
   * session.respond('Hi, I’m Sam. How can I help?', { item: { displayName: 'Sam' } });
   * session.respond(JSON.stringify(template), {
   *   typing: false,
   *   item: { contentType: ContentType.interactive, role: 'SYSTEM', displayName: 'BOT' },
   * });
   * ```
   */
  respond(
    content: string,
    options: { delayMs?: number; typing?: boolean; item?: Partial<ChatItem> } = {},
  ): void {
    const delayMs = options.delayMs ?? 900;
    const sender = { ...this.agent(), ...options.item };
    if (options.typing !== false) {
      this.later(delayMs / 3, () => {
        const now = Date.now();
        this.update({
          typing: [
            {
              participantId: sender.participantId ?? AGENT.participantId,
              ...(sender.displayName !== undefined ? { displayName: sender.displayName } : {}),
              ...(sender.role !== undefined ? { role: sender.role } : {}),
              since: now,
              expiresAt: now + 10_000,
            },
          ],
        });
      });
    }
    this.later(delayMs, () => {
      if (options.typing !== false) {
        this.update({ typing: [] });
      }
      this.addItem({
        id: this.nextId('agent'),
        type: 'message',
        contentType: ContentType.plainText,
        content,
        time: new Date().toISOString(),
        isOwn: false,
        receipts: [],
        ...sender,
      });
    });
  }

  /**
   * Runs `run` after `ms`, unless the session is destroyed first.
   *
   * @example
   * ```ts
   * session.later(500, () => session.setConnection({ status: 'reconnecting', attempt: 1 }));
   * ```
   */
  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  connect = (connectOptions?: { connection?: OfferedConnection | undefined }): void => {
    this.calls.push({ method: 'connect' });
    const { status } = this.snapshot.connection;
    if (status === 'connecting' || status === 'open' || status === 'reconnecting') {
      return;
    }
    this.setConnection({ status: 'connecting', ...(this.simulated ? { attempt: 1 } : {}) });
    if (this.simulated) {
      this.later(this.init.connectDelayMs ?? 600, () => {
        this.setConnection({ status: 'open', attempt: 0, error: undefined });
        this.init.agent?.opened?.(this);
      });
    }
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
    if (options && client) {
      client
        .createParticipantConnection(options.participantToken, {
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

  sendMessage = (content: string, options?: SendOptions): string => {
    this.calls.push({ method: 'sendMessage', content, options });
    this.throwIfFailing();
    const localId = options?.localId ?? this.nextId('local');
    const contentType = options?.contentType ?? ContentType.plainText;
    if (this.simulated) {
      if (this.snapshot.chat.status === 'ended') {
        throw new ChatError('CHAT_ENDED', 'The chat has ended.');
      }
      // Interactive responses (a list's page button, a view's answer) are not shown.
      if (contentType !== ContentType.interactiveResponse) {
        this.addItem({
          ...this.own(localId),
          type: 'message',
          contentType,
          content,
        });
        this.later(250, () => this.patchItem(localId, { id: `${localId}-sent`, status: 'sent' }));
      }
    }
    this.init.agent?.received?.({ content, contentType }, this);
    return localId;
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
    const localId = this.nextId('upload');
    if (this.simulated) {
      this.simulateUpload(localId, file);
    }
    return localId;
  };

  loadOlder = (): Promise<boolean> => {
    this.calls.push({ method: 'loadOlder' });
    if (this.olderPagesLeft <= 0) {
      return Promise.resolve(false);
    }
    this.update({ loadingOlder: true });
    return new Promise((resolve) => {
      this.later(this.simulated ? 500 : 0, () => {
        this.olderPagesLeft -= 1;
        this.update({
          items: [...this.olderPage(), ...this.snapshot.items],
          hasOlder: this.olderPagesLeft > 0,
          loadingOlder: false,
        });
        resolve(true);
      });
    });
  };

  retry = (localId: string): boolean => {
    this.calls.push({ method: 'retry', localId });
    if (!this.simulated) {
      return true;
    }
    const item = this.snapshot.items.find((i) => i.localId === localId || i.id === localId);
    if (!item || item.status !== 'failed') {
      return false;
    }
    this.patchItem(localId, { status: 'sending', error: undefined });
    this.later(400, () => this.patchItem(localId, { status: 'sent' }));
    return true;
  };

  endChat = (): Promise<void> => {
    this.calls.push({ method: 'endChat' });
    if (this.snapshot.chat.status === 'ended') {
      return Promise.resolve();
    }
    this.update({
      chat: { status: 'ended', error: undefined },
      ...(this.simulated
        ? {
            typing: [],
            items: [
              ...this.snapshot.items,
              {
                id: this.nextId('event'),
                type: 'event',
                contentType: ContentType.chatEnded,
                event: 'chat.ended',
                role: 'SYSTEM',
                time: new Date().toISOString(),
                isOwn: false,
                receipts: [],
              },
            ],
          }
        : {}),
    });
    return Promise.resolve();
  };

  destroy = (): void => {
    this.calls.push({ method: 'destroy' });
    this.destroyed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
  };

  private throwIfFailing(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure) {
      throw failure;
    }
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  /** The customer (the snapshot's `participantId`, named from `participants` when listed). */
  private customer(): Pick<ChatItem, 'participantId' | 'displayName' | 'role'> {
    const participantId = this.snapshot.participantId ?? 'customer';
    const displayName = this.snapshot.participants.find(
      (participant) => participant.participantId === participantId,
    )?.displayName;
    return {
      participantId,
      ...(displayName !== undefined ? { displayName } : {}),
      role: 'CUSTOMER',
    };
  }

  /** The first agent in `participants`, else the default agent. */
  private agent(): Pick<ChatItem, 'participantId' | 'displayName' | 'role'> {
    const agent = this.snapshot.participants.find((participant) => participant.role === 'AGENT');
    return agent
      ? { participantId: agent.participantId, displayName: agent.displayName, role: 'AGENT' }
      : AGENT;
  }

  /** The fields of an own optimistic item. */
  private own(localId: string) {
    return {
      id: localId,
      localId,
      ...this.customer(),
      time: new Date().toISOString(),
      isOwn: true,
      status: 'sending' as const,
      receipts: [],
    };
  }

  private patchItem(id: string, patch: Partial<ChatItem>): void {
    this.update({
      items: this.snapshot.items.map((item) =>
        item.id === id || item.localId === id ? { ...item, ...patch } : item,
      ),
    });
  }

  private simulateUpload(localId: string, file: AttachmentFile): void {
    const attachment = { name: file.name, contentType: file.type, size: file.size };
    this.addItem({
      ...this.own(localId),
      type: 'attachment',
      contentType: file.type,
      attachments: [{ ...attachment, status: 'uploading', progress: 0 }],
    });
    const step = (progress: number): void => {
      if (progress < 1) {
        this.patchItem(localId, {
          attachments: [{ ...attachment, status: 'uploading', progress }],
        });
        this.later(200, () => step(Math.min(1, progress + 0.25)));
        return;
      }
      this.patchItem(localId, {
        status: 'sent',
        attachments: [{ ...attachment, id: `${localId}-file`, status: 'in_progress' }],
      });
      this.later(800, () =>
        this.patchItem(localId, {
          attachments: [{ ...attachment, id: `${localId}-file`, status: 'approved' }],
        }),
      );
    };
    this.later(150, () => step(0.25));
  }

  /** Twenty messages before the first item, alternating between the agent and the customer. */
  private olderPage(): ChatItem[] {
    const first = Date.parse(this.snapshot.items[0]?.time ?? new Date().toISOString());
    const customer = this.customer();
    const agent = this.agent();
    return Array.from({ length: 20 }, (_, index) => {
      const own = index % 2 === 1;
      return {
        id: this.nextId('older'),
        type: 'message' as const,
        contentType: ContentType.plainText,
        content: `An earlier message (${index + 1} of 20)`,
        ...(own ? customer : agent),
        time: new Date(first - (20 - index) * 60_000).toISOString(),
        isOwn: own,
        ...(own ? { status: 'sent' as const } : {}),
        receipts: [],
      };
    });
  }
}
