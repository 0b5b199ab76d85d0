import type { ChatConnectionView, ChatSession } from '../core/chat/session/chatSession';

/**
 * Socket connectivity of a chat session (one axis; whether the chat ended is another).
 *
 * @example
 * ```ts
 * const offline = (status: ChatConnectionStatus) => status === 'reconnecting' || status === 'failed';
 * ```
 */
export type ChatConnectionStatus = ChatConnectionView['status'];

/**
 * Options of a send: the content type (`text/plain` by default).
 *
 * @example
 * ```ts
 * const options: SendMessageOptions = { contentType: 'text/markdown' };
 * ```
 */
export type SendMessageOptions = NonNullable<Parameters<ChatSession['sendMessage']>[1]>;

export type { ChatSessionLike } from '../core/chat/session/chatSessionLike';
