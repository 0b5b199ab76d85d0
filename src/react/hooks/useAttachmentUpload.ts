import type { AttachmentFile, ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback, useMemo, useState } from 'react';
import type { ChatAttachment, ChatItem } from '../../core/chat/transcript/chatItem';
import { ChatError } from '../../core/protocol/errors';

import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';
import { createItemFilter } from '../internal/itemFilter';

/**
 * One own upload still in progress, or failed.
 *
 * @example
 * ```tsx
 * <progress value={upload.progress} aria-label={upload.name} />
 * ```
 */
export interface AttachmentUpload {
  /** The transcript item of the upload. */
  itemId: string;
  /** The item's `localId`, to `retry` a failed upload. */
  localId: string | undefined;
  name: string;
  size: number | undefined;
  /** `uploading` or `failed`. */
  status: ChatAttachment['status'];
  /** From 0 to 1 while uploading. */
  progress: number;
  /** Why it failed. */
  error: ChatError | undefined;
}

/**
 * What {@link useAttachmentUpload} returns.
 *
 * @example
 * ```tsx
 * const { upload, uploads } = useAttachmentUpload();
 * return (
 *   <>
 *     <input
 *       type="file"
 *       onChange={(event) => event.target.files?.[0] && upload(event.target.files[0])}
 *     />
 *     {uploads.map((u) => <progress key={u.itemId} value={u.progress} />)}
 *   </>
 * );
 * ```
 */
export interface UseAttachmentUploadResult {
  /**
   * Sends a file as an attachment and returns the item's `localId`. A refused file (type, size,
   * empty, quota) or a failed upload shows in `uploads` as failed, with its `ATTACHMENT_*` error.
   * Throws (and sets `error`) when the session refuses the call (no chat, `CHAT_ENDED`).
   */
  upload: (file: AttachmentFile) => string;
  /** Own uploads in progress or failed, oldest first. */
  uploads: readonly AttachmentUpload[];
  /** Why the last `upload` call threw. */
  error: ChatError | undefined;
  /** Clears `error`. */
  clearError: () => void;
}

function inFlight(item: ChatItem): boolean {
  return (
    item.isOwn &&
    item.type === 'attachment' &&
    (item.attachments ?? []).some((a) => a.status === 'uploading' || a.status === 'failed')
  );
}

function sameItems(a: readonly ChatItem[], b: readonly ChatItem[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Sends files, with each upload's progress and every failure as state.
 *
 * @example
 * ```tsx
 * function AttachButton() {
 *   const { upload, uploads, error } = useAttachmentUpload();
 *   return (
 *     <>
 *       <input type="file" aria-label="Attach a file" onChange={(e) => {
 *         const file = e.target.files?.[0];
 *         if (file) upload(file);
 *       }} />
 *       {uploads.map((u) => <progress key={u.itemId} value={u.progress} aria-label={u.name} />)}
 *       {error && <p role="alert">{error.code === 'ATTACHMENT_TOO_LARGE' ? 'File too large' : 'Upload failed'}</p>}
 *     </>
 *   );
 * }
 * ```
 */
export function useAttachmentUpload(): UseAttachmentUploadResult {
  const { session, store } = useChatContext();
  // Filtered change by change: an append tests the new item, not the whole transcript.
  const selectUploadItems = useMemo(() => {
    const filter = createItemFilter(inFlight);
    return (snapshot: ChatSnapshot) => filter(snapshot.items);
  }, []);
  const items = useStoreSelector(store, selectUploadItems, sameItems);
  const [error, setError] = useState<ChatError | undefined>(undefined);

  const uploads = useMemo(
    () =>
      items.flatMap((item) =>
        (item.attachments ?? []).map((attachment): AttachmentUpload => ({
          itemId: item.id,
          localId: item.localId,
          name: attachment.name,
          size: attachment.size,
          status: attachment.status,
          progress: attachment.progress ?? 0,
          error: attachment.error ?? item.error,
        })),
      ),
    [items],
  );

  const upload = useCallback(
    (file: AttachmentFile) => {
      setError(undefined);
      try {
        if (!session) {
          throw new ChatError(
            'SESSION_DESTROYED',
            'useAttachmentUpload: the chat has not started; call useChat().start() first.',
          );
        }
        return session.sendAttachment(file);
      } catch (cause) {
        const chatError =
          cause instanceof ChatError
            ? cause
            : new ChatError('ATTACHMENT_UPLOAD_FAILED', 'The attachment could not be sent', {
                cause,
              });
        setError(chatError);
        throw chatError;
      }
    },
    [session],
  );

  const clearError = useCallback(() => setError(undefined), []);
  return { upload, uploads, error, clearError };
}
