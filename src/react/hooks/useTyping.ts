import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback } from 'react';
import type { TypingParticipant } from '../../core/chat/transcript/chatItem';

import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * What {@link useTyping} returns.
 *
 * @example
 * ```tsx
 * const { typing, isSomeoneTyping, notifyTyping } = useTyping();
 * return (
 *   <>
 *     {isSomeoneTyping ? <p>{typing.map((p) => p.displayName).join(', ')} typing…</p> : null}
 *     <textarea onChange={notifyTyping} />
 *   </>
 * );
 * ```
 */
export interface UseTypingResult {
  /** Who else is typing right now. */
  typing: readonly TypingParticipant[];
  /** True when `typing` is not empty. */
  isSomeoneTyping: boolean;
  /** Tells the others the customer is typing (the session throttles it). */
  notifyTyping: () => void;
}

const selectTyping = (snapshot: ChatSnapshot) => snapshot.typing;

/**
 * Who is typing. Only components using this hook re-render on a typing event.
 *
 * @example
 * ```tsx
 * function TypingIndicator() {
 *   const { typing } = useTyping();
 *   if (typing.length === 0) return null;
 *   return <p aria-live="polite">{typing.map((t) => t.displayName ?? 'Agent').join(', ')} is typing…</p>;
 * }
 * ```
 */
export function useTyping(): UseTypingResult {
  const { session, store } = useChatContext();
  const typing = useStoreSelector(store, selectTyping);
  const notifyTyping = useCallback(() => {
    session?.sendTyping();
  }, [session]);
  return { typing, isSomeoneTyping: typing.length > 0, notifyTyping };
}
