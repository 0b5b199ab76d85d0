import type { ChatConnectionView, ChatSession } from '../core/chat/chatSession';

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

/**
 * The part of the core `ChatSession` the React layer uses. `createChatSession` from
 * `contact-kit/core` returns one; tests and stories may pass any object with these members (a
 * fake) to `<ChatProvider session={…}>`.
 *
 * @example
 * ```tsx
 * const session: ChatSessionLike = createChatSession({ participantToken, endpoint });
 * <ChatProvider session={session}>
 *   <Transcript />
 * </ChatProvider>;
 * ```
 */
export type ChatSessionLike = Pick<
  ChatSession,
  | 'subscribe'
  | 'getSnapshot'
  | 'connect'
  | 'sendMessage'
  | 'sendTyping'
  | 'markRead'
  | 'sendAttachment'
  | 'loadOlder'
  | 'retry'
  | 'endChat'
  | 'destroy'
> &
  /** Optional so that fakes may leave downloads out; `createChatSession` has it. */
  Partial<Pick<ChatSession, 'getAttachmentUrl'>>;
