import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback } from 'react';
import type { ChatError } from '../../core/protocol/errors';
import type { ChatConnectionStatus } from '../chatSessionLike';
import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * What {@link useChatConnection} returns: the socket axis only (whether the chat ended is
 * {@link useChat}'s business).
 *
 * @example
 * ```tsx
 * const { status, attempt, error, reconnect } = useChatConnection();
 * if (status === 'reconnecting') return <p role="status">Reconnecting (attempt {attempt})…</p>;
 * if (error) return <button onClick={reconnect}>Reconnect</button>;
 * ```
 */
export interface UseChatConnectionResult {
  status: ChatConnectionStatus;
  /** The reconnect attempt under way (0 when not reconnecting). */
  attempt: number;
  /** Why the connection is retrying or failed. */
  error: ChatError | undefined;
  /** Connects again after a failure (a no-op while connecting or open). */
  reconnect: () => void;
}

const selectConnection = (snapshot: ChatSnapshot) => snapshot.connection;

/**
 * The websocket's status, for a "Reconnecting…" banner. Re-renders only when the connection
 * changes.
 *
 * @example
 * ```tsx
 * function ConnectionBanner() {
 *   const { status, reconnect } = useChatConnection();
 *   if (status === 'reconnecting') return <div role="status">Reconnecting…</div>;
 *   if (status === 'failed') return <div role="status">Offline. <button onClick={reconnect}>Retry</button></div>;
 *   return null;
 * }
 * ```
 */
export function useChatConnection(): UseChatConnectionResult {
  const { session, store } = useChatContext();
  const connection = useStoreSelector(store, selectConnection);
  const reconnect = useCallback(() => {
    session?.connect();
  }, [session]);
  return {
    status: connection.status,
    attempt: connection.attempt,
    error: connection.error,
    reconnect,
  };
}
