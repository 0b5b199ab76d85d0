import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useMemo } from 'react';
import type { ChatParticipant } from '../../core/chat/transcript/chatItem';

import { useChatContext } from '../context/ChatSessionContext';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * What {@link useParticipants} returns.
 *
 * @example
 * ```tsx
 * const { participants, agent } = useParticipants();
 * const heading = agent ? `Chatting with ${agent.displayName}` : `${participants.length} in the chat`;
 * return <h2>{heading}</h2>;
 * ```
 */
export interface UseParticipantsResult {
  /** Everyone the transcript has seen, in order of appearance. */
  participants: readonly ChatParticipant[];
  /** The agent currently in the chat (the latest one who has not left), if any. */
  agent: ChatParticipant | undefined;
}

const selectParticipants = (snapshot: ChatSnapshot) => snapshot.participants;

/**
 * The participants of the chat (customer, agents, bots, supervisors) and who the agent is now.
 *
 * @example
 * ```tsx
 * function Header() {
 *   const { agent } = useParticipants();
 *   return <h2>{agent ? `You are chatting with ${agent.displayName}` : 'Waiting for an agent…'}</h2>;
 * }
 * ```
 */
export function useParticipants(): UseParticipantsResult {
  const { store } = useChatContext();
  const participants = useStoreSelector(store, selectParticipants);
  const agent = useMemo(
    () => participants.findLast((p) => p.role === 'AGENT' && p.status !== 'left'),
    [participants],
  );
  return { participants, agent };
}
