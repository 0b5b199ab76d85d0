import type { ChatItem } from '../core/chat/transcript/chatItem';

let counter = 0;

/**
 * A transcript item for tests and stories: a plain-text message from the agent, sent now, with a
 * fresh `id` (`item-1`, `item-2`…) and `message N` as its content; `overrides` replaces any field.
 * An interactive message is an item with `contentType` set to the interactive type and the
 * template's JSON as `content`: the kit parses it on read, as it does for the real session.
 *
 * @example
 * ```ts
 * import { ContentType } from 'contact-kit/core';
 * import { makeChatItem } from 'contact-kit/testing';
 *
 * session.addItem(makeChatItem({ content: 'Hello!' }));
 * session.addItem(makeChatItem({ role: 'CUSTOMER', isOwn: true, status: 'failed' }));
 * session.addItem(
 *   makeChatItem({ contentType: ContentType.interactive, content: JSON.stringify(quickReply) }),
 * );
 * ```
 */
export function makeChatItem(overrides: Partial<ChatItem> = {}): ChatItem {
  counter += 1;
  return {
    id: `item-${counter}`,
    type: 'message',
    contentType: 'text/plain',
    content: `message ${counter}`,
    participantId: 'agent-1',
    displayName: 'Agent',
    role: 'AGENT',
    time: new Date().toISOString(),
    isOwn: false,
    receipts: [],
    ...overrides,
  };
}
