import type { ChatSession } from './chatSession';

/**
 * What the kit needs of a chat session: `createChatSession` returns one, a tab that follows
 * another tab's chat holds a mirror with the same members, and tests and stories may pass any
 * object with them (a fake). `getAttachmentUrl`, the authentication calls and `describeView` are optional so that
 * fakes may leave downloads, sign-in and step-by-step guide views out.
 *
 * @example
 * ```tsx
 * const session = new FakeChatSession(); // or createChatSession(…), or any object with these members
 * render(<ChatProvider session={session}><MessageList /></ChatProvider>);
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
  Partial<
    Pick<
      ChatSession,
      'getAttachmentUrl' | 'getAuthenticationUrl' | 'cancelAuthentication' | 'describeView'
    >
  >;
