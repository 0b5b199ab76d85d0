import type { ChatSession, ChatSessionOptions } from '../../core/chat/chatSession';
import type { ChatSessionFactory } from '../context/ContactKitContext';

type CreateChatSession = (options: ChatSessionOptions) => ChatSession;

// The core's session (connection machine, socket, transcript, outbox) is most of the kit's code
// and no page needs it before a chat starts, so it loads on first use. One load per page; a
// failed load is forgotten, so the next chat tries again.
let pending: Promise<CreateChatSession> | undefined;

/**
 * Starts loading the core's chat session (once) and resolves with `createChatSession`.
 *
 * @example
 * ```ts
 * void loadCreateChatSession(); // a chat is about to start: fetch the code meanwhile
 * ```
 */
export function loadCreateChatSession(): Promise<CreateChatSession> {
  pending ??= import('../../core/chat/chatSession').then(
    (module) => module.createChatSession,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/**
 * The session factory used when the app passes none: the core's `createChatSession`, loaded on
 * first use. Resolves with the session; rejects when the code cannot be loaded or the options are
 * wrong (what `createChatSession` throws).
 *
 * @example
 * ```ts
 * const session = await defaultCreateSession({ participantToken, endpoint });
 * ```
 */
export const defaultCreateSession: ChatSessionFactory = (options) =>
  loadCreateChatSession().then((createChatSession) => createChatSession(options));
