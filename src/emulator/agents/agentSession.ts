/**
 * The imperative shell shared by the built-in agents: it joins a chat contact through the admin API,
 * keeps a Participant Service websocket open (subscribe, heartbeat, reconnect with a fresh
 * CreateParticipantConnection, transcript catch-up after a reconnect), hands every customer message
 * to the agent exactly once, and sends messages, events, interactive messages and attachments.
 *
 * Everything goes through the emulator's public HTTP/WebSocket API, like a real agent client.
 *
 * @packageDocumentation
 */
import WebSocket from 'ws';
import type { AgentContext } from '../agentTypes';
import type {
  CreateParticipantConnectionResponse,
  GetTranscriptRequest,
  GetTranscriptResponse,
  Item,
  StartAttachmentUploadResponse,
} from '../../core/protocol/types';
import { AgentApiError, createAgentApi, isAbort, type AgentApi } from './agentApi';
import type { InteractiveTemplate } from '../../core/chat/interactive/interactiveTemplate';
import { serializeTemplate } from './templates';

const CHAT_ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';
const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';

/**
 * A customer message handed to an agent: a `MESSAGE` item from a `CUSTOMER` with its `Id`.
 *
 * @example
 * ```ts
 * onCustomerMessage: async (item: CustomerItem) => session.sendMessage('text/plain', item.Content ?? '', `echo-${item.Id}`),
 * ```
 */
export type CustomerItem = Item & { Id: string };

/**
 * A file an agent sends as an attachment.
 *
 * @example
 * ```ts
 * await session.sendAttachment({ name: 'note.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hi') }, 'file-1');
 * ```
 */
export interface AgentFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Options of {@link createAgentSession}.
 *
 * @example
 * ```ts
 * createAgentSession(context, { onCustomerMessage: async (item) => reply(item) });
 * ```
 */
export interface AgentSessionOptions {
  /** The agent's display name. Defaults to `'Alex (agent)'`. */
  displayName?: string;
  /**
   * Runs once after the first connection is up, before any customer message is handed over
   * (greetings go here).
   */
  onJoined?: () => Promise<void>;
  /**
   * Runs once per customer message `Id`, one message at a time in arrival order, whether the message
   * came over the websocket or from the transcript after a reconnect. Errors are logged.
   */
  onCustomerMessage: (item: CustomerItem) => Promise<void>;
  /** Websocket heartbeat period; an unanswered heartbeat at the next tick forces a reconnect. Defaults to `10000`. */
  heartbeatIntervalMs?: number;
  /** First reconnect delay, doubled per failed attempt. Defaults to `100`. */
  reconnectBaseDelayMs?: number;
  /** Longest reconnect delay. Defaults to `5000`. */
  reconnectMaxDelayMs?: number;
  /** How long to wait for the subscribe reply before catching up anyway. Defaults to `2000`. */
  subscribeTimeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * A running agent connection. Every method is a no-op (resolving) once the session stopped.
 *
 * @example
 * ```ts
 * const session = createAgentSession(context, { onCustomerMessage });
 * await session.sendMessage('text/plain', 'Hello!', 'greeting');
 * session.stop();
 * ```
 */
export interface AgentSession {
  /** SendMessage as the agent; retried with the same `clientToken`. */
  sendMessage(contentType: string, content: string, clientToken: string): Promise<void>;
  /** SendEvent as the agent (typing, read receipts); retried with the same `clientToken`. */
  sendEvent(contentType: string, content: string | undefined, clientToken: string): Promise<void>;
  /** Posts an interactive message as a contact flow would (role SYSTEM, name BOT) via the admin API. */
  sendInteractive(template: InteractiveTemplate): Promise<void>;
  /** Shows a step-by-step guide view (managed or registered) as a Show view block would, via the admin API. */
  showView(viewId: string, viewData?: unknown): Promise<void>;
  /** StartAttachmentUpload, PUT of the bytes with exactly HeadersToInclude, CompleteAttachmentUpload. */
  sendAttachment(file: AgentFile, clientToken: string): Promise<void>;
  /** Ends the whole contact (admin StopContact). */
  endChat(): Promise<void>;
  /** Runs an "Authenticate customer" block on the contact (admin authenticate route). */
  startAuthentication(timeoutSeconds?: number): Promise<void>;
  /** Sets the contact's message processing rule (admin processing route). */
  setProcessing(status: 'REJECTED' | 'FAILED' | 'NONE', match?: string): Promise<void>;
  /** DisconnectParticipant: the agent leaves, the contact goes on. */
  leave(): Promise<void>;
  /** Waits `ms`; rejects with an AbortError if the session stops first. */
  sleep(ms: number): Promise<void>;
  /** Cancels timers, closes the socket and turns pending work into no-ops. */
  stop(): void;
}

interface Anchor {
  id: string;
  time: string;
}

/** How many recent messages the reconnect catch-up reaches back over (see `catchUp`). */
const ANCHOR_WINDOW = 20;
/** Safety cap on transcript pages read in one catch-up. */
const MAX_CATCH_UP_PAGES = 20;

/**
 * Joins the contact named in `context` as an agent and keeps the agent connected until `stop()` or
 * the end of the chat. Returns at once; the work runs in the background and never throws out (errors
 * are logged and the agent gives up).
 *
 * @example
 * ```ts
 * const session = createAgentSession(context, {
 *   onCustomerMessage: async (item) => {
 *     await session.sendMessage('text/plain', `You said ${item.Content}`, `reply-${item.Id}`);
 *   },
 * });
 * ```
 */
export function createAgentSession(
  context: AgentContext,
  options: AgentSessionOptions,
): AgentSession {
  const { contactId, logger } = context;
  const tag = `[agent ${contactId.slice(0, 8)}]`;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 10_000;
  const reconnectBaseDelayMs = options.reconnectBaseDelayMs ?? 100;
  const reconnectMaxDelayMs = options.reconnectMaxDelayMs ?? 5_000;
  const subscribeTimeoutMs = options.subscribeTimeoutMs ?? 2_000;

  const controller = new AbortController();
  const api: AgentApi = createAgentApi({
    url: context.url,
    signal: controller.signal,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  let stopped = false;
  /** The chat ended or the agent left: no more reconnects, no more replies. */
  let finished = false;
  let joined = false;
  let participantToken = '';
  let connectionToken = '';
  let socket: WebSocket | undefined;
  let generation = 0;
  let failedAttempts = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const seen = new Set<string>();
  /** Most recent messages by AbsoluteTime (ascending), the catch-up starts from the oldest. */
  let anchors: Anchor[] = [];
  let queue: Promise<void> = Promise.resolve();

  const active = (): boolean => !stopped && !finished;
  const bearer = (): string => connectionToken;

  const report = (what: string, error: unknown): void => {
    if (isAbort(error) || stopped) {
      return;
    }
    logger.warn(`${tag} ${what}`, error instanceof Error ? error.message : error);
  };

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  /** Queues agent work so replies go out one at a time, in order. */
  const enqueue = (what: string, task: () => Promise<void>): void => {
    queue = queue.then(async () => {
      if (!active()) {
        return;
      }
      try {
        await task();
      } catch (error) {
        report(what, error);
      }
    });
  };

  const finish = (reason: string): void => {
    if (finished) {
      return;
    }
    finished = true;
    logger.info(`${tag} ${reason}`);
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  const remember = (item: Item): void => {
    if (
      item.Id === undefined ||
      item.AbsoluteTime === undefined ||
      (item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT')
    ) {
      return;
    }
    const anchor = { id: item.Id, time: item.AbsoluteTime };
    let index = anchors.length;
    while (index > 0 && anchors[index - 1]!.time > anchor.time) {
      index -= 1;
    }
    anchors.splice(index, 0, anchor);
    if (anchors.length > ANCHOR_WINDOW) {
      anchors = anchors.slice(-ANCHOR_WINDOW);
    }
  };

  /** Every item goes through here, from the socket or the transcript; duplicates stop at `seen`. */
  const handleItem = (item: Item): void => {
    if (item.Id === undefined || seen.has(item.Id)) {
      return;
    }
    seen.add(item.Id);
    remember(item);
    if (item.ContentType === CHAT_ENDED) {
      finish('chat ended');
      return;
    }
    if (item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER') {
      const customerItem = item as CustomerItem;
      enqueue('reply failed', () => options.onCustomerMessage(customerItem));
    }
  };

  /**
   * Reads what was said while the socket was down. The start is the oldest of the last few messages
   * seen rather than the very last one: deliveries can arrive out of order, so an earlier message may
   * still be missing. Re-reading a few known items is harmless, `seen` drops them.
   */
  const catchUp = async (): Promise<void> => {
    const anchor = anchors[0];
    let request: GetTranscriptRequest = anchor
      ? {
          ScanDirection: 'FORWARD',
          SortOrder: 'ASCENDING',
          StartPosition: { Id: anchor.id },
          MaxResults: 100,
        }
      : { ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100 };
    for (let page = 0; page < MAX_CATCH_UP_PAGES && active(); page += 1) {
      let response: GetTranscriptResponse;
      try {
        response = await api.post<GetTranscriptResponse>(
          '/participant/transcript',
          request,
          bearer,
        );
      } catch (error) {
        if (anchor && page === 0 && error instanceof AgentApiError && error.status === 400) {
          // The anchor is unknown to the server; the newest page is the next best thing.
          request = { ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100 };
          continue;
        }
        throw error;
      }
      for (const item of response.Transcript ?? []) {
        handleItem(item);
      }
      // Walking BACKWARD further would only find older items than we ever needed.
      if (!response.NextToken || request.ScanDirection === 'BACKWARD') {
        return;
      }
      request = { ...request, NextToken: response.NextToken };
    }
  };

  const scheduleReconnect = (): void => {
    if (!active()) {
      return;
    }
    const delay = Math.min(reconnectMaxDelayMs, reconnectBaseDelayMs * 2 ** failedAttempts);
    failedAttempts += 1;
    later(delay, () => {
      connect().catch((error: unknown) => report('reconnect failed', error));
    });
  };

  const onSubscribed = (socketGeneration: number): void => {
    if (socketGeneration !== generation || !active()) {
      return;
    }
    failedAttempts = 0;
    if (!joined) {
      joined = true;
      const onJoined = options.onJoined;
      if (onJoined) {
        enqueue('greeting failed', onJoined);
      }
    }
    catchUp().catch((error: unknown) => report('transcript catch-up failed', error));
  };

  const openSocket = (url: string): void => {
    generation += 1;
    const socketGeneration = generation;
    const ws = new WebSocket(url);
    socket = ws;
    let subscribed = false;
    let awaitingHeartbeat = false;
    const markSubscribed = (): void => {
      if (!subscribed) {
        subscribed = true;
        onSubscribed(socketGeneration);
      }
    };

    ws.on('open', () => {
      if (socketGeneration !== generation || !active()) {
        ws.close(1000);
        return;
      }
      ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
      later(subscribeTimeoutMs, markSubscribed);
      clearInterval(heartbeat);
      heartbeat = setInterval(() => {
        if (awaitingHeartbeat) {
          // Half-open socket: the server stopped answering. Start over with a fresh connection.
          logger.info(`${tag} heartbeat unanswered, reconnecting`);
          ws.terminate();
          return;
        }
        awaitingHeartbeat = true;
        ws.send(JSON.stringify({ topic: 'aws/heartbeat' }));
      }, heartbeatIntervalMs);
    });

    ws.on('message', (data) => {
      if (socketGeneration !== generation) {
        return;
      }
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        logger.debug(`${tag} ignored a frame that is not JSON`);
        return;
      }
      if (typeof frame !== 'object' || frame === null) {
        return;
      }
      const { topic, content } = frame as { topic?: unknown; content?: unknown };
      if (topic === 'aws/heartbeat') {
        awaitingHeartbeat = false;
      } else if (topic === 'aws/subscribe') {
        markSubscribed();
      } else if (topic === 'aws/chat' && typeof content === 'string') {
        try {
          handleItem(JSON.parse(content) as Item);
        } catch {
          logger.debug(`${tag} ignored an aws/chat frame whose content is not JSON`);
        }
      }
    });

    ws.on('error', (error) => {
      logger.debug(`${tag} websocket error`, error.message);
    });

    ws.on('close', (code) => {
      if (socketGeneration !== generation) {
        return;
      }
      clearInterval(heartbeat);
      heartbeat = undefined;
      socket = undefined;
      if (active()) {
        logger.info(`${tag} websocket closed (${code}), reconnecting`);
        scheduleReconnect();
      }
    });
  };

  async function connect(): Promise<void> {
    if (!active()) {
      return;
    }
    let connection: CreateParticipantConnectionResponse;
    try {
      connection = await api.post<CreateParticipantConnectionResponse>(
        '/participant/connection',
        { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
        () => participantToken,
      );
    } catch (error) {
      if (error instanceof AgentApiError && error.status === 403) {
        // The participant token is refused once the chat ended or the agent left.
        finish('connection refused (chat over)');
        return;
      }
      report('CreateParticipantConnection failed', error);
      scheduleReconnect();
      return;
    }
    const url = connection.Websocket?.Url;
    const token = connection.ConnectionCredentials?.ConnectionToken;
    if (!url || !token) {
      logger.warn(`${tag} CreateParticipantConnection answered without a websocket URL or token`);
      scheduleReconnect();
      return;
    }
    if (!active()) {
      return;
    }
    connectionToken = token;
    openSocket(url);
  }

  async function start(): Promise<void> {
    const participant = await api.post<{
      ParticipantId?: string;
      ParticipantCredentials?: { ParticipantToken?: string };
    }>(`/admin/contacts/${encodeURIComponent(contactId)}/participants`, {
      ParticipantDetails: {
        DisplayName: options.displayName ?? 'Alex (agent)',
        ParticipantRole: 'AGENT',
      },
    });
    const token = participant.ParticipantCredentials?.ParticipantToken;
    if (!token) {
      throw new Error('CreateParticipant answered without a ParticipantToken');
    }
    participantToken = token;
    await connect();
  }

  start().catch((error: unknown) => {
    report('could not join the chat', error);
  });

  return {
    async sendMessage(contentType, content, clientToken) {
      if (!active()) {
        return;
      }
      await api.post(
        '/participant/message',
        { ContentType: contentType, Content: content, ClientToken: clientToken },
        bearer,
      );
    },
    async sendEvent(contentType, content, clientToken) {
      if (!active()) {
        return;
      }
      await api.post(
        '/participant/event',
        content === undefined
          ? { ContentType: contentType, ClientToken: clientToken }
          : { ContentType: contentType, Content: content, ClientToken: clientToken },
        bearer,
      );
    },
    async sendInteractive(template) {
      if (!active()) {
        return;
      }
      await api.post(`/admin/contacts/${encodeURIComponent(contactId)}/items`, {
        ContentType: INTERACTIVE,
        Content: serializeTemplate(template),
        ParticipantRole: 'SYSTEM',
        DisplayName: 'BOT',
      });
    },
    async showView(viewId, viewData) {
      if (!active()) {
        return;
      }
      await api.post(`/admin/contacts/${encodeURIComponent(contactId)}/views`, {
        ViewId: viewId,
        ...(viewData !== undefined ? { ViewData: viewData } : {}),
      });
    },
    async sendAttachment(file, clientToken) {
      if (!active()) {
        return;
      }
      const upload = await api.post<StartAttachmentUploadResponse>(
        '/participant/start-attachment-upload',
        {
          ContentType: file.contentType,
          AttachmentSizeInBytes: file.bytes.byteLength,
          AttachmentName: file.name,
          ClientToken: clientToken,
        },
        bearer,
      );
      const attachmentId = upload.AttachmentId;
      const uploadUrl = upload.UploadMetadata?.Url;
      if (!attachmentId || !uploadUrl) {
        throw new Error('StartAttachmentUpload answered without an AttachmentId or upload URL');
      }
      await api.put(uploadUrl, upload.UploadMetadata?.HeadersToInclude ?? {}, file.bytes);
      await api.post(
        '/participant/complete-attachment-upload',
        { AttachmentIds: [attachmentId], ClientToken: `${clientToken}-complete` },
        bearer,
      );
    },
    async startAuthentication(timeoutSeconds) {
      if (!active()) {
        return;
      }
      await api.post(
        `/admin/contacts/${encodeURIComponent(contactId)}/authenticate`,
        timeoutSeconds === undefined ? {} : { TimeoutSeconds: timeoutSeconds },
      );
    },
    async setProcessing(status, match) {
      if (!active()) {
        return;
      }
      await api.post(
        `/admin/contacts/${encodeURIComponent(contactId)}/processing`,
        match === undefined ? { Status: status } : { Status: status, Match: match },
      );
    },
    async endChat() {
      if (!active()) {
        return;
      }
      await api.post(`/admin/contacts/${encodeURIComponent(contactId)}/stop`, {});
      finish('ended the chat');
    },
    async leave() {
      if (!active()) {
        return;
      }
      await api.post('/participant/disconnect', { ClientToken: `leave-${contactId}` }, bearer);
      finish('left the chat');
      socket?.close(1000);
    },
    sleep: (ms) => api.sleep(ms),
    stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      controller.abort();
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      clearInterval(heartbeat);
      heartbeat = undefined;
      generation += 1;
      const ws = socket;
      socket = undefined;
      if (ws?.readyState === WebSocket.OPEN) {
        ws.close(1000);
      } else {
        ws?.terminate();
      }
    },
  };
}
