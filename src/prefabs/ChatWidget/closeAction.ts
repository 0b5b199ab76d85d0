import type { UseChatStatus } from '../../react/hooks/useChat';

const ACTIVE: ReadonlySet<UseChatStatus> = new Set([
  'connecting',
  'open',
  'reconnecting',
  'closed',
]);

/**
 * Whether the chat is under way (connecting, open, reconnecting, or closed but not ended): the
 * header then offers End chat and the transcript, and closing asks first.
 *
 * @example
 * ```ts
 * const { status } = useChat();
 * const canEnd = isChatActive(status);
 * ```
 */
export function isChatActive(status: UseChatStatus): boolean {
  return ACTIVE.has(status);
}

/**
 * What the panel's close button does for a chat in `status`: `confirm` (ask before ending a chat
 * under way), `forget` (an ended or failed chat is done with, so the next open starts afresh,
 * then minimise), or just `minimise`.
 *
 * @example
 * ```ts
 * closeAction('open'); // 'confirm'
 * closeAction('ended'); // 'forget'
 * closeAction('idle'); // 'minimise'
 * ```
 */
export function closeAction(status: UseChatStatus): 'confirm' | 'forget' | 'minimise' {
  if (isChatActive(status)) {
    return 'confirm';
  }
  return status === 'ended' || status === 'failed' ? 'forget' : 'minimise';
}
