import type { Logger } from '../../logger';
import { ChatError } from '../../protocol/errors';
import { newClientToken } from '../../protocol/newClientToken';
import type { ParticipantClient } from '../../protocol/participantClient';
import { attachmentContentType, validateAttachment } from '../attachments/validateAttachment';
import type { AttachmentPolicy } from '../attachments/validateAttachment';
import type { AttachmentFile } from '../session/chatSession';
import { addPendingAttachment, failPending, retryPending } from '../transcript/pendingItems';
import { findItem } from '../transcript/transcript';
import type { Transcript } from '../transcript/transcript';
import type { UploadFunction } from './uploadAttachment';
import type * as AttachmentUpload from './attachmentUpload';

/**
 * What the attachment flow needs from the session.
 *
 * @example
 * ```ts
 * const attachments = createAttachmentFlow({ client, upload, logger, policy: undefined, displayName: 'Ana', openToken, anyToken, tokenRejected, isDestroyed, localTime, getTranscript, update });
 * const localId = attachments.send(file);
 * ```
 */
export interface AttachmentFlowOptions {
  readonly client: ParticipantClient;
  /** Uploads the bytes; `undefined` for the default (XMLHttpRequest, else `fetch`). */
  readonly upload: UploadFunction | undefined;
  /** The `fetch` of the default upload, when `upload` is not given. */
  readonly fetch?: typeof fetch | undefined;
  readonly logger: Logger;
  /** Which files are accepted; `undefined` for Connect's defaults. */
  readonly policy: AttachmentPolicy | undefined;
  /** Shown on own pending items. */
  readonly displayName: string | undefined;
  /** The connection token while the connection is open. */
  openToken(): string | undefined;
  /** The latest connection token, open or not. */
  anyToken(): string | undefined;
  /** The service refused the connection token: fetch a new one. */
  tokenRejected(): void;
  isDestroyed(): boolean;
  /** The time stamp of a new own item. */
  localTime(): string;
  getTranscript(): Transcript;
  /** Replaces the transcript with `change(transcript)` and publishes the result. */
  update(change: (transcript: Transcript) => Transcript): void;
  /** The set of {@link AttachmentFlow.unfinished} uploads changed (keep it with the stored chat). */
  onUnfinishedChange?(): void;
}

/**
 * An upload not finished yet (running, waiting for a connection, or failed and retryable).
 *
 * @example
 * ```ts
 * const lost = attachments.unfinished();
 * for (const upload of lost) console.warn(`${upload.name} did not finish`);
 * ```
 */
export interface UnfinishedUpload {
  readonly localId: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
}

/**
 * Sending files: the pending item, StartAttachmentUpload, the upload with progress,
 * CompleteAttachmentUpload, retries of failed uploads and download URLs. Uploads wait for an open
 * connection.
 *
 * @example
 * ```ts
 * const attachments = createAttachmentFlow(options);
 * const localId = attachments.send(file);
 * attachments.connectionOpened(token);
 * ```
 */
export interface AttachmentFlow {
  /** Validates and uploads a file; returns the item's `localId`. Failures land on the item. */
  send(file: AttachmentFile, localId?: string): string;
  /**
   * Uploads a failed attachment again as a new upload (a new StartAttachmentUpload ClientToken,
   * so a fresh upload URL); `false` when `localId` is not a failed attachment.
   */
  retry(localId: string): boolean;
  /** A short-lived download URL (GetAttachment); rejects with a `ChatError` on failure. */
  getUrl(attachmentId: string): Promise<string>;
  /** The connection is open: uploads waiting for a token go on with `token`. */
  connectionOpened(token: string | undefined): void;
  /** Uploads waiting for a token fail with `error` (the chat ended or the session was destroyed). */
  stopWaiting(error: ChatError): void;
  /** Aborts running uploads, then fails the waiting ones with `error`. */
  destroy(error: ChatError): void;
  /** Uploads not finished yet, in the order they were sent. */
  unfinished(): readonly UnfinishedUpload[];
}

/**
 * A file being sent and its content type.
 *
 * @example
 * ```ts
 * jobs.set(localId, { file, contentType: file.type || 'application/octet-stream' });
 * ```
 */
export interface AttachmentJob {
  readonly file: AttachmentFile;
  readonly contentType: string;
}

/**
 * What a running upload shares with its flow: the flow's options, the uploads to abort on
 * destroy, the files not finished yet and the wait for an open connection.
 *
 * @example
 * ```ts
 * await runUpload({ options, uploads, jobs, waitForToken }, localId, job, clientToken);
 * ```
 */
export interface UploadContext {
  readonly options: AttachmentFlowOptions;
  readonly uploads: Set<AbortController>;
  readonly jobs: Map<string, AttachmentJob>;
  waitForToken(): Promise<string>;
}

type UploadCode = typeof AttachmentUpload;
let uploadCode: Promise<UploadCode> | undefined;

/**
 * The upload steps load with the first file sent (or download URL asked for), not with the
 * session: most chats send no file. A failed load is forgotten so the next try fetches again.
 */
function loadUploadCode(): Promise<UploadCode> {
  uploadCode ??= import('./attachmentUpload').catch((error: unknown) => {
    uploadCode = undefined;
    throw error;
  });
  return uploadCode;
}

/**
 * Creates the attachment flow of a chat session.
 *
 * @example
 * ```ts
 * const attachments = createAttachmentFlow({
 *   client, upload, logger, policy: options.attachmentPolicy, displayName: options.displayName,
 *   openToken, anyToken, tokenRejected: () => driver.tokenRejected(), isDestroyed: () => destroyed,
 *   localTime, getTranscript: () => transcript, update: (change) => { transcript = change(transcript); publish(); },
 * });
 * ```
 */
export function createAttachmentFlow(options: AttachmentFlowOptions): AttachmentFlow {
  const jobs = new Map<string, AttachmentJob>();
  const uploads = new Set<AbortController>();
  let tokenWaiters: Array<{
    resolve: (token: string) => void;
    reject: (error: ChatError) => void;
  }> = [];

  function waitForToken(): Promise<string> {
    const token = options.openToken();
    if (token !== undefined) {
      return Promise.resolve(token);
    }
    return new Promise((resolve, reject) => tokenWaiters.push({ resolve, reject }));
  }

  function takeWaiters(): typeof tokenWaiters {
    const waiters = tokenWaiters;
    tokenWaiters = [];
    return waiters;
  }

  function stopWaiting(error: ChatError): void {
    for (const waiter of takeWaiters()) {
      waiter.reject(error);
    }
  }

  const context: UploadContext = { options, uploads, jobs, waitForToken };

  /** Uploads in the background; the upload code loads with the first file. */
  function start(localId: string, job: AttachmentJob, clientToken: string): void {
    loadUploadCode().then(
      (code) => code.runUpload(context, localId, job, clientToken),
      (error: unknown) => {
        if (!options.isDestroyed()) {
          const failed = new ChatError(
            'ATTACHMENT_UPLOAD_FAILED',
            'The attachment could not be sent (its code did not load)',
            { cause: error },
          );
          options.update((transcript) => failPending(transcript, localId, failed));
        }
      },
    );
  }

  return {
    send(file, chosenId) {
      const contentType = attachmentContentType(file);
      const localId = chosenId ?? newClientToken();
      const time = options.localTime();
      const invalid = validateAttachment(file, options.policy);
      options.update((transcript) => {
        const pending = addPendingAttachment(transcript, {
          localId,
          name: file.name,
          size: file.size,
          contentType,
          time,
          ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
        });
        return invalid ? failPending(pending, localId, invalid) : pending;
      });
      if (invalid) {
        return localId;
      }
      const job = { file, contentType };
      jobs.set(localId, job);
      options.onUnfinishedChange?.();
      start(localId, job, localId);
      return localId;
    },
    retry(localId) {
      const job = jobs.get(localId);
      const item = findItem(options.getTranscript(), localId);
      if (job === undefined || item?.status !== 'failed') {
        return false;
      }
      options.update((transcript) => retryPending(transcript, localId));
      // A new upload (new ClientToken): replaying the old one would return an expired URL.
      start(localId, job, newClientToken());
      return true;
    },
    async getUrl(attachmentId) {
      return (await loadUploadCode()).attachmentUrl(options, attachmentId);
    },
    connectionOpened(token) {
      for (const waiter of takeWaiters()) {
        if (token !== undefined) {
          waiter.resolve(token);
        }
      }
    },
    stopWaiting,
    unfinished() {
      return [...jobs].map(([localId, job]) => ({
        localId,
        name: job.file.name,
        size: job.file.size,
        contentType: job.contentType,
      }));
    },
    destroy(error) {
      for (const controller of uploads) {
        controller.abort();
      }
      uploads.clear();
      stopWaiting(error);
    },
  };
}
