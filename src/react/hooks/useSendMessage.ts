import { useCallback, useState } from 'react';
import type { SendMessageOptions } from '../chatSessionLike';
import { useChatContext } from '../context/ChatSessionContext';

/**
 * What {@link useSendMessage} returns.
 *
 * @example
 * ```tsx
 * const { send, error } = useSendMessage();
 * return (
 *   <>
 *     <button onClick={() => send('Where is my order?')}>Ask about my order</button>
 *     {error ? <p role="alert">{error.message}</p> : null}
 *   </>
 * );
 * ```
 */
export interface UseSendMessageResult {
  /**
   * Sends a message and returns its `localId`. The item appears in the transcript at once
   * (`status: 'sending'`); one the session could not deliver stays there as `failed`, to
   * `retry`. Throws (and sets `error`) when there is no chat or the session refused the message
   * (`MESSAGE_INVALID`, `CHAT_ENDED`).
   */
  send: (content: string, options?: SendMessageOptions) => string;
  /** Sends a failed message again, by its `localId`; `false` when it cannot be retried. */
  retry: (localId: string) => boolean;
  /** Why the last `send` was refused; cleared by the next successful one. */
  error: Error | undefined;
}

/**
 * Sends messages, with the state of the last send for a button's `disabled` or an error text.
 *
 * @example
 * ```tsx
 * function QuickAnswers() {
 *   const { send, error } = useSendMessage();
 *   return (
 *     <>
 *       <button onClick={() => send('Where is my order?')}>Where is my order?</button>
 *       {error && <p role="alert">{error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 */
export function useSendMessage(): UseSendMessageResult {
  const { session } = useChatContext();
  const [error, setError] = useState<Error | undefined>(undefined);

  const send = useCallback(
    (content: string, options?: SendMessageOptions) => {
      try {
        if (!session) {
          throw new Error(
            'useSendMessage: the chat has not started; call useChat().start() first.',
          );
        }
        const localId = session.sendMessage(content, options);
        setError(undefined);
        return localId;
      } catch (cause) {
        setError(cause instanceof Error ? cause : new Error(String(cause)));
        throw cause;
      }
    },
    [session],
  );

  const retry = useCallback((localId: string) => session?.retry(localId) ?? false, [session]);

  return { send, retry, error };
}
