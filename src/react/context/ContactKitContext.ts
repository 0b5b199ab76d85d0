import { createContext, useContext } from 'react';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { StorageLike } from '../../core/chat/session/chatStorage';
import type { ChatSessionOptions } from '../../core/chat/session/chatSession';
import type { WebSocketConstructor } from '../../core/chat/connection/chatSocket';
import type { ChatSessionLike } from '../chatSessionLike';
import type { ChatContact, ContactState } from '../../core/chat/contact/contactMachine';
import type { ContactController } from '../../core/chat/contact/contactController';
import type { ExternalStore } from '../hooks/internal/useStoreSelector';

export type {
  ChatContact,
  ChatContactSource,
  StartChatResult,
} from '../../core/chat/contact/contactMachine';
export type { ContactTabsMode, StartChatRequest } from '../../core/chat/contact/contactController';

/**
 * Where the kit keeps what must survive a page reload (the contact and its tokens): the core's
 * `StorageLike`, i.e. the Web Storage API. `sessionStorage` is the default in browsers.
 *
 * @example
 * ```tsx
 * <ContactKitProvider storage={window.sessionStorage} startChat={startChat} region="us-east-1" />
 * ```
 */
export type ContactKitStorage = StorageLike;

/**
 * A WebSocket constructor: the browser's, or `ws` in Node (the core's `WebSocketConstructor`).
 *
 * @example
 * ```tsx
 * import WebSocket from 'ws';
 * <ContactKitProvider WebSocket={WebSocket as unknown as WebSocketConstructorLike} endpoint={url} />;
 * ```
 */
export type WebSocketConstructorLike = WebSocketConstructor;

/**
 * What {@link ContactKitProviderProps.createSession} receives: the core's `ChatSessionOptions`,
 * filled from the provider (endpoint or region, storage, logger, clock).
 *
 * @example
 * ```ts
 * const createSession = (options: ChatSessionFactoryOptions) => createChatSession(options);
 * ```
 */
export type ChatSessionFactoryOptions = ChatSessionOptions;

/**
 * Creates the chat session of one contact, at once or asynchronously (the default loads the
 * core's session code on first use). A thrown error or a rejection turns the contact `failed`
 * (`useChat().status`, with the error).
 *
 * @example
 * ```tsx
 * // In tests and stories: a fake session instead of the Participant Service.
 * <ContactKitProvider
 *   createSession={(options) => new FakeChatSession(options)}
 *   startChat={startChat}
 * >
 *   <ChatWidget />
 * </ContactKitProvider>
 * ```
 */
export type ChatSessionFactory = (
  options: ChatSessionFactoryOptions,
) => ChatSessionLike | Promise<ChatSessionLike>;

/**
 * A light or dark theme name, or theme tokens the styled components read. The React layer only
 * passes it on.
 *
 * @example
 * ```tsx
 * <ContactKitProvider theme="dark" ... />
 * ```
 */
export type ContactKitThemeInput = 'light' | 'dark' | 'auto' | Readonly<Record<string, unknown>>;

/**
 * What {@link useContactKit} returns: the provider's configuration and the contact's state.
 *
 * @example
 * ```ts
 * const { locale, region, endpoint } = useContactKit();
 * ```
 */
export interface ContactKitContextValue {
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly fetch: typeof fetch | undefined;
  readonly WebSocket: WebSocketConstructorLike | undefined;
  /** The `storage` option as given (`undefined`: the default, `null`: none). */
  readonly storage: ContactKitStorage | null | undefined;
  readonly storageKey: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly locale: string;
  readonly theme: ContactKitThemeInput | undefined;
  /**
   * The core's contact controller the provider binds to: the contact's whole life (start,
   * resume, tabs, read state, end, continue) lives there; React only renders it.
   */
  readonly controller: ContactController;
  /** The contact: idle, starting, ready (with its token) or failed. */
  readonly contact: ExternalStore<ContactState>;
  /**
   * Resolves the contact: the running one, the stored one, or another tab's; else calls
   * `startChat` (once, even when called concurrently). Rejects with what `startChat` threw.
   */
  readonly start: () => Promise<ChatContact>;
  /** Drops an ended or failed contact so the next `start` begins a new chat. */
  readonly forget: () => void;
}

const ContactKitContext = createContext<ContactKitContextValue | undefined>(undefined);
ContactKitContext.displayName = 'ContactKitContext';

/**
 * @internal The provider renders this.
 *
 * @example
 * ```tsx
 * <ContactKitContextProvider value={value}>{children}</ContactKitContextProvider>
 * ```
 */
export const ContactKitContextProvider = ContactKitContext.Provider;

/**
 * The nearest {@link ContactKitProvider}'s configuration and contact. Throws outside one.
 *
 * @example
 * ```tsx
 * function LocaleBadge() {
 *   const { locale } = useContactKit();
 *   return <span>{locale}</span>;
 * }
 * ```
 */
export function useContactKit(): ContactKitContextValue {
  const value = useContext(ContactKitContext);
  if (!value) {
    throw new Error(
      'useContactKit must be used within <ContactKitProvider>. Wrap your chat UI in <ContactKitProvider region="…" startChat={…}>.',
    );
  }
  return value;
}

/**
 * Like {@link useContactKit}, but returns `undefined` outside a {@link ContactKitProvider}.
 *
 * @example
 * ```ts
 * const region = useMaybeContactKit()?.region ?? 'us-east-1';
 * ```
 */
export function useMaybeContactKit(): ContactKitContextValue | undefined {
  return useContext(ContactKitContext);
}
