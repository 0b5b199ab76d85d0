import { ChatError } from '../../protocol/errors';
import { classifyFailure, failureError, readError } from '../connection/serviceFailure';
import {
  failPending,
  setAttachmentProgress,
  setPendingAttachmentId,
} from '../transcript/pendingItems';
import type { AttachmentFlowOptions, AttachmentJob, UploadContext } from './attachmentFlow';
import { createUploader } from './uploadAttachment';
import type { UploadFunction } from './uploadAttachment';

// The upload steps of the attachment flow, loaded with the first file a session sends.

const defaultUploads = new WeakMap<AttachmentFlowOptions, UploadFunction>();

/** The flow's upload function, or the default one (made once per flow). */
function uploadOf(options: AttachmentFlowOptions): UploadFunction {
  if (options.upload !== undefined) {
    return options.upload;
  }
  let upload = defaultUploads.get(options);
  if (upload === undefined) {
    upload = createUploader(options.fetch !== undefined ? { fetch: options.fetch } : {});
    defaultUploads.set(options, upload);
  }
  return upload;
}

function uploadError(options: AttachmentFlowOptions, error: unknown, step: string): ChatError {
  const failure = classifyFailure(error);
  if (error instanceof ChatError) {
    return error;
  }
  if (failure.kind === 'denied') {
    options.tokenRejected();
  }
  if (failure.status === 402) {
    return failureError(
      failure,
      'ATTACHMENT_QUOTA_EXCEEDED',
      'The chat has reached its attachment limit',
    );
  }
  if (failure.status === 400) {
    return failureError(failure, 'ATTACHMENT_TYPE_NOT_ALLOWED', 'The service refused this file');
  }
  return failureError(
    failure,
    'ATTACHMENT_UPLOAD_FAILED',
    `The attachment could not be sent (${step})`,
  );
}

/**
 * One upload attempt: StartAttachmentUpload, the upload with progress, CompleteAttachmentUpload;
 * a failure lands on the item. `clientToken` is the StartAttachmentUpload/CompleteAttachmentUpload
 * ClientToken: the first attempt uses `localId`, every retry a new one, because the service
 * answers a repeated token with its first answer, whose upload URL may have expired since.
 *
 * @example
 * ```ts
 * await runUpload(context, localId, { file, contentType: 'text/plain' }, localId);
 * ```
 */
export async function runUpload(
  context: UploadContext,
  localId: string,
  job: AttachmentJob,
  clientToken: string,
): Promise<void> {
  const { options, uploads } = context;
  if (options.isDestroyed()) {
    return;
  }
  const controller = new AbortController();
  uploads.add(controller);
  let step = 'start';
  try {
    const token = await context.waitForToken();
    const started = await options.client.startAttachmentUpload(
      token,
      {
        ContentType: job.contentType,
        AttachmentSizeInBytes: job.file.size,
        AttachmentName: job.file.name,
        ClientToken: clientToken,
      },
      { signal: controller.signal },
    );
    const attachmentId = started.AttachmentId;
    const url = started.UploadMetadata?.Url;
    if (!attachmentId || !url) {
      throw new ChatError(
        'ATTACHMENT_UPLOAD_FAILED',
        'StartAttachmentUpload returned no upload URL',
      );
    }
    options.update((transcript) => setPendingAttachmentId(transcript, localId, attachmentId));
    step = 'upload';
    await uploadOf(options)({
      url,
      headers: started.UploadMetadata?.HeadersToInclude ?? {},
      body: job.file,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (!options.isDestroyed()) {
          options.update((transcript) => setAttachmentProgress(transcript, localId, fraction));
        }
      },
    });
    step = 'complete';
    await options.client.completeAttachmentUpload(
      options.openToken() ?? token,
      { AttachmentIds: [attachmentId], ClientToken: clientToken },
      { signal: controller.signal },
    );
    context.jobs.delete(localId);
    options.onUnfinishedChange?.();
  } catch (error) {
    if (options.isDestroyed() || classifyFailure(error).kind === 'aborted') {
      return;
    }
    const chatError = uploadError(options, error, step);
    options.logger.debug(`attachment ${localId} failed at ${step}`, error);
    options.update((transcript) => failPending(transcript, localId, chatError));
  } finally {
    uploads.delete(controller);
  }
}

/**
 * A short-lived download URL (GetAttachment); rejects with a `ChatError` on failure.
 *
 * @example
 * ```ts
 * const url = await attachmentUrl(options, attachmentId);
 * ```
 */
export async function attachmentUrl(
  options: AttachmentFlowOptions,
  attachmentId: string,
): Promise<string> {
  const token = options.anyToken();
  if (token === undefined) {
    throw new ChatError('CONNECTION_LOST', 'getAttachmentUrl: not connected yet');
  }
  const result = await options.client
    .getAttachment(token, { AttachmentId: attachmentId })
    .catch((error: unknown) => {
      throw readError(error, options.tokenRejected, 'Could not get the attachment');
    });
  if (!result.Url) {
    throw new ChatError('CONNECTION_LOST', 'GetAttachment returned no URL');
  }
  return result.Url;
}
