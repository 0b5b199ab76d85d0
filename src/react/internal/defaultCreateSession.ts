import { createChatSession } from '../../core/chat/chatSession';
import type { ChatSessionFactory } from '../context/ContactKitContext';

/**
 * The session factory used when the app passes none: the core's.
 *
 * @example
 * ```ts
 * const session = defaultCreateSession({ participantToken, endpoint });
 * ```
 */
export const defaultCreateSession: ChatSessionFactory = (options) => createChatSession(options);
