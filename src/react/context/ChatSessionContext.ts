import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { createContext, useContext } from 'react';
import type { ChatSessionLike } from '../chatSessionLike';
import type { ExternalStore } from '../hooks/internal/useStoreSelector';
import type { Store } from '../../core/store';
import type { ContactController } from '../../core/chat/contact/contactController';

/**
 * What {@link ChatProvider} shares with the hooks below it.
 *
 * @example
 * ```ts
 * const { session } = useChatContext();
 * ```
 */
export interface ChatContextValue {
  /** The session of the current contact; `undefined` until the chat has started. */
  readonly session: ChatSessionLike | undefined;
  /** The session, or a store holding an idle snapshot before there is one. */
  readonly store: ExternalStore<ChatSnapshot>;
  /**
   * Id of the newest incoming item the customer has seen, for a session of the app's (a contact
   * of the kit keeps its read state in the controller, shared by tabs and kept across reloads).
   */
  readonly readMarker: Store<string | undefined>;
  /** The contact controller of the kit's session; `undefined` for a session of the app's. */
  readonly controller?: ContactController | undefined;
}

const ChatContext = createContext<ChatContextValue | undefined>(undefined);
ChatContext.displayName = 'ChatContext';

/**
 * @internal The provider renders this.
 *
 * @example
 * ```tsx
 * <ChatContextProvider value={value}>{children}</ChatContextProvider>
 * ```
 */
export const ChatContextProvider = ChatContext.Provider;

/**
 * The nearest {@link ChatProvider}'s context. Throws outside one; the hooks use it.
 *
 * @example
 * ```ts
 * function useItemCount() {
 *   const { store } = useChatContext();
 *   return store.getSnapshot().items.length;
 * }
 * ```
 */
export function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) {
    throw new Error(
      'contact-kit chat hooks must be used within <ChatProvider>. Render <ContactKitProvider><ChatProvider>…</ChatProvider></ContactKitProvider> around this component.',
    );
  }
  return value;
}

/**
 * The chat session of the nearest {@link ChatProvider}: `undefined` until the chat has started.
 * Throws outside a provider. Pass `explicit` to use another session instead.
 *
 * @example
 * ```ts
 * const session = useChatSession();
 * session?.loadOlder();
 * ```
 */
export function useChatSession(explicit?: ChatSessionLike): ChatSessionLike | undefined {
  const value = useContext(ChatContext);
  if (explicit) {
    return explicit;
  }
  if (!value) {
    throw new Error('useChatSession must be used within <ChatProvider> or be given a session.');
  }
  return value.session;
}

/**
 * Like {@link useChatSession}, but returns `undefined` outside a {@link ChatProvider}.
 *
 * @example
 * ```ts
 * const inChat = useMaybeChatSession() !== undefined;
 * ```
 */
export function useMaybeChatSession(): ChatSessionLike | undefined {
  return useContext(ChatContext)?.session;
}
