import { systemClock } from '../../clock';
import type { Clock } from '../../clock';
import { defaultLogger } from '../../logger';
import type { Logger } from '../../logger';
import { createParticipantClient } from '../../protocol/participantClient';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { AttachmentPolicy } from '../attachments/validateAttachment';
import { browserEnvironment } from '../connection/chatEnvironment';
import type { ChatEnvironment } from '../connection/chatEnvironment';
import type { ChatSessionOptions } from './chatSession';
import { readStoredChat } from './chatStorage';
import type { ChatStorageOptions, StoredChat } from './chatStorage';
import type { SessionCredentials } from '../connection/connectionMachine';
import { resolveConnectionPolicy } from '../connection/connectionPolicy';
import type { ConnectionPolicy } from '../connection/connectionPolicy';
import { DEFAULT_OUTBOX_POLICY } from '../outbox/messageOutbox';
import type { OutboxPolicy } from '../outbox/messageOutbox';
import { DEFAULT_RECEIPT_POLICY } from '../receipts/receiptSender';
import type { ReceiptPolicy } from '../receipts/receiptSender';
import { TYPING_THROTTLE_MS } from '../typing/typingSender';
import { TYPING_TIMEOUT_MS } from '../typing/typing';
import { clockSleep } from '../connection/clockSleep';
import type { WebSocketConstructor } from '../connection/chatSocket';
import { DEFAULT_TRANSCRIPT_SYNC_POLICY } from '../history/transcriptSync';
import type { TranscriptSyncPolicy } from '../history/transcriptSync';
import type { UploadFunction } from '../attachments/uploadAttachment';

/** How long `endChat()` waits for the service's `chat.ended` by default. */
const ENDED_FALLBACK_MS = 10_000;

/**
 * {@link ChatSessionOptions} with every default filled in and the stored chat (when it belongs to
 * the same participant token) read back.
 *
 * @example
 * ```ts
 * const resolved = resolveSessionOptions({ participantToken, endpoint });
 * resolved.clock.now();
 * ```
 */
export interface ResolvedSessionOptions {
  readonly participantToken: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: () => number;
  readonly storageOptions: ChatStorageOptions;
  /** The chat a previous page load saved for this participant token. */
  readonly stored: StoredChat | undefined;
  readonly contactId: string | undefined;
  readonly ownParticipantId: string | undefined;
  readonly displayName: string | undefined;
  readonly client: ParticipantClient;
  /** `undefined`: the default upload (XMLHttpRequest, else `fetch`), made on first use. */
  readonly upload: UploadFunction | undefined;
  /** The `fetch` option, for the default upload. */
  readonly fetch: typeof fetch | undefined;
  readonly attachmentPolicy: AttachmentPolicy | undefined;
  /** Looked up when a socket is opened; throws a `TypeError` when there is none. */
  getWebSocket(): WebSocketConstructor;
  getEnvironment(): ChatEnvironment | undefined;
  readonly connectionPolicy: ConnectionPolicy;
  /** The stored connection token, when it can be resumed with. */
  readonly initialCredentials: SessionCredentials | undefined;
  readonly outboxPolicy: OutboxPolicy;
  readonly receiptPolicy: ReceiptPolicy;
  readonly receiptsEnabled: boolean;
  readonly historyPolicy: TranscriptSyncPolicy;
  readonly typingThrottleMs: number;
  readonly typingTimeoutMs: number;
  readonly endedFallbackMs: number;
}

/**
 * Checks and completes the options of `createChatSession`: defaults, the stored chat, and a
 * Participant Service client whose retry waits run on the session's clock. Throws a `TypeError`
 * without a `participantToken` or with invalid timings (misuse).
 *
 * @example
 * ```ts
 * const { client, clock, stored } = resolveSessionOptions({ participantToken, region: 'us-east-1' });
 * ```
 */
export function resolveSessionOptions(options: ChatSessionOptions): ResolvedSessionOptions {
  if (typeof options?.participantToken !== 'string' || options.participantToken === '') {
    throw new TypeError('createChatSession needs a participantToken');
  }
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? defaultLogger;
  const random = options.random ?? Math.random;
  const storageOptions: ChatStorageOptions = {
    storage: options.storage,
    key: options.storageKey,
  };
  const found = readStoredChat(storageOptions);
  const stored = found?.participantToken === options.participantToken ? found : undefined;
  const client =
    options.client ??
    createParticipantClient({
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
      ...(options.clientRetry !== undefined ? { retry: options.clientRetry } : {}),
      random,
      logger,
      sleep: clockSleep(clock),
    });
  const receiptPolicy = options.receiptPolicy;
  return {
    participantToken: options.participantToken,
    clock,
    logger,
    random,
    storageOptions,
    stored,
    contactId: options.contactId ?? stored?.contactId,
    ownParticipantId: options.participantId ?? stored?.participantId,
    displayName: options.displayName,
    client,
    upload: options.upload,
    fetch: options.fetch,
    attachmentPolicy: options.attachmentPolicy,
    getWebSocket: () => {
      const WebSocketImpl =
        options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (WebSocketImpl === undefined) {
        throw new TypeError(
          'No WebSocket implementation: pass options.WebSocket (e.g. the ws package)',
        );
      }
      return WebSocketImpl;
    },
    getEnvironment: () =>
      options.environment === undefined ? browserEnvironment() : (options.environment ?? undefined),
    connectionPolicy: resolveConnectionPolicy(options.connectionPolicy),
    initialCredentials:
      stored?.connectionToken !== undefined && stored.tokenExpiresAt !== undefined
        ? { connectionToken: stored.connectionToken, tokenExpiresAt: stored.tokenExpiresAt }
        : undefined,
    outboxPolicy: { ...DEFAULT_OUTBOX_POLICY, ...options.outboxPolicy },
    receiptPolicy: {
      ...DEFAULT_RECEIPT_POLICY,
      ...(receiptPolicy === false ? {} : receiptPolicy),
    },
    receiptsEnabled: receiptPolicy !== false,
    historyPolicy: { ...DEFAULT_TRANSCRIPT_SYNC_POLICY, ...options.historyPolicy },
    typingThrottleMs: options.typingThrottleMs ?? TYPING_THROTTLE_MS,
    typingTimeoutMs: options.typingTimeoutMs ?? TYPING_TIMEOUT_MS,
    endedFallbackMs: options.endedFallbackMs ?? ENDED_FALLBACK_MS,
  };
}
