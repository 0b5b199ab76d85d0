import type { Translate } from '../../i18n/messages';
import type { UseChatStatus } from '../../react/hooks/useChat';
import { isChatActive } from './closeAction';

/**
 * The line under the panel's title: who the customer is chatting with, else where the chat is
 * (ended, starting, waiting for an agent), else nothing.
 *
 * @example
 * ```tsx
 * const t = useMessages();
 * const { status } = useChat();
 * const { agent } = useParticipants();
 * return <p>{panelSubtitle(status, agent, t)}</p>;
 * ```
 */
export function panelSubtitle(
  status: UseChatStatus,
  agent: { displayName?: string | undefined } | undefined,
  t: Translate,
): string | undefined {
  if (agent) {
    return t('chattingWith', { name: agent.displayName ?? t('agent') });
  }
  if (status === 'ended') {
    return t('chatEndedTitle');
  }
  if (status === 'starting') {
    return t('startingChat');
  }
  return isChatActive(status) ? t('waitingForAgent') : undefined;
}
