import type { ChatSession } from '../core/chat/session/chatSession';

export type { ChatConnectionStatus } from '../core/chat/session/chatSession';

/**
 * Options of a send: the content type (`text/plain` by default).
 *
 * @example
 * ```ts
 * const { send } = useSendMessage();
 * send('**Order shipped**', { contentType: 'text/markdown' });
 * ```
 */
export type SendMessageOptions = NonNullable<Parameters<ChatSession['sendMessage']>[1]>;

export type { ChatSessionLike } from '../core/chat/session/chatSessionLike';
