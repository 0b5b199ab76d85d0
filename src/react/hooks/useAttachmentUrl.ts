import { useCallback } from 'react';
import { ChatError } from '../../core/protocol/errors';
import { useChatSession } from '../context/ChatSessionContext';
import type { ChatSessionLike } from '../chatSessionLike';

/**
 * Options of {@link useAttachmentUrl}.
 *
 * @example
 * ```ts
 * const { getAttachmentUrl } = useAttachmentUrl({ session: otherSession });
 * ```
 */
export interface UseAttachmentUrlOptions {
  /** A session to use instead of the one from `<ChatProvider>`. */
  session?: ChatSessionLike;
}

/**
 * Result of {@link useAttachmentUrl}.
 *
 * @example
 * ```ts
 * const { getAttachmentUrl } = useAttachmentUrl();
 * if (attachment.id) window.open(await getAttachmentUrl(attachment.id), '_blank', 'noopener');
 * ```
 */
export interface UseAttachmentUrlResult {
  /**
   * Resolves an attachment id into a short-lived download URL (GetAttachment). Rejects with a
   * `ChatError` when the service refuses, the chat has not started, or the session cannot download.
   */
  getAttachmentUrl: (attachmentId: string) => Promise<string>;
}

/**
 * Download links for attachments: the URL is fetched on demand, because the service's links expire
 * within minutes.
 *
 * @example
 * ```tsx
 * function Download({ attachmentId, name }: { attachmentId: string; name: string }) {
 *   const { getAttachmentUrl } = useAttachmentUrl();
 *   return (
 *     <button onClick={async () => window.open(await getAttachmentUrl(attachmentId), '_blank')}>
 *       Download {name}
 *     </button>
 *   );
 * }
 * ```
 */
export function useAttachmentUrl(options: UseAttachmentUrlOptions = {}): UseAttachmentUrlResult {
  const session = useChatSession(options.session);
  const getAttachmentUrl = useCallback(
    (attachmentId: string): Promise<string> => {
      if (!session) {
        return Promise.reject(
          new ChatError('CHAT_ENDED', 'useAttachmentUrl: the chat has not started yet'),
        );
      }
      if (typeof session.getAttachmentUrl !== 'function') {
        return Promise.reject(
          new ChatError(
            'ATTACHMENT_UPLOAD_FAILED',
            'This chat session cannot download attachments',
          ),
        );
      }
      return session.getAttachmentUrl(attachmentId);
    },
    [session],
  );
  return { getAttachmentUrl };
}
