import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { systemClock } from '../../core/clock';
import type { Clock } from '../../core/clock';
import { defaultLogger } from '../../core/logger';
import type { Logger } from '../../core/logger';
import { ContactKitContextProvider } from '../context/ContactKitContext';
import type {
  ChatSessionFactory,
  ChatSessionFactoryOptions,
  ContactKitContextValue,
  ContactKitStorage,
  ContactKitThemeInput,
  WebSocketConstructorLike,
} from '../context/ContactKitContext';
import {
  clearStoredChat,
  DEFAULT_CHAT_STORAGE_KEY,
  readStoredChat,
  writeStoredChat,
} from '../../core/chat/chatStorage';
import {
  assertStartChatResult,
  contactTransition,
  idleContactState,
} from '../../core/chat/contact/contactMachine';
import type {
  ChatContact,
  ContactEvent,
  ContactState,
  StartChatResult,
} from '../../core/chat/contact/contactMachine';
import { createStore } from '../internal/createStore';
import { defaultCreateSession, loadCreateChatSession } from '../internal/defaultCreateSession';
import { whenIdle } from '../internal/whenIdle';

/**
 * Props of {@link ContactKitProvider}. Give `endpoint` or `region`, and `startChat` or
 * `participantToken`.
 *
 * @example
 * ```tsx
 * const props: ContactKitProviderProps = {
 *   region: 'us-east-1',
 *   startChat: () => fetch('/api/start-chat', { method: 'POST' }).then((r) => r.json()),
 * };
 * ```
 */
export interface ContactKitProviderProps {
  children?: ReactNode;
  /** Base URL of the Participant Service, e.g. the local emulator's `http://127.0.0.1:4010`. */
  endpoint?: string;
  /** AWS region of the Connect instance; used when no `endpoint` is given. */
  region?: string;
  /**
   * Starts a chat contact, typically by calling the storefront's backend, which calls
   * StartChatContact. Called once, on `useChat().start()`; the result is stored so a reload
   * resumes the same contact.
   */
  startChat?: () => Promise<StartChatResult>;
  /** A participant token obtained elsewhere; the chat is then ready to connect at once. */
  participantToken?: string;
  /**
   * Where the contact survives reloads (shared with the chat session, which adds its connection
   * token). Defaults to `sessionStorage` in browsers; `null` keeps nothing.
   */
  storage?: ContactKitStorage | null;
  /** Storage key of the contact. Defaults to the core's `DEFAULT_CHAT_STORAGE_KEY`. */
  storageKey?: string;
  /** Where the kit logs. Defaults to warnings and errors on the console. */
  logger?: Logger;
  /** BCP 47 language tag for the UI. Defaults to `en`. */
  locale?: string;
  /** Theme for the styled components (passed on; the hooks do not read it). */
  theme?: ContactKitThemeInput;
  /** The QueryClient to use. Defaults to the app's (from `QueryClientProvider`), else our own. */
  queryClient?: QueryClient;
  /** The fetch to use. Defaults to `globalThis.fetch` at call time. */
  fetch?: typeof fetch;
  /** The WebSocket constructor. Defaults to the global one (pass `ws` in Node). */
  WebSocket?: WebSocketConstructorLike;
  /** Time source for timers and expiry windows. Defaults to the system clock. */
  clock?: Clock;
  /** Creates the chat session of a contact. Defaults to `createChatSession` of the core. */
  createSession?: ChatSessionFactory;
}

/**
 * The root of the chat kit: holds the configuration (endpoint or region, storage, logger, locale,
 * theme) and the contact (from `startChat` or a ready `participantToken`), and provides a
 * QueryClient: the app's when there is one, its own otherwise. Put {@link ChatProvider} inside it.
 * Renders no UI and touches no browser global while rendering, so it server-renders.
 *
 * @example
 * ```tsx
 * import { ContactKitProvider, ChatProvider } from 'contact-kit';
 *
 * async function startChat() {
 *   const response = await fetch('/api/start-chat', { method: 'POST' });
 *   return response.json(); // { ContactId, ParticipantId, ParticipantToken }
 * }
 *
 * export function Support() {
 *   return (
 *     <ContactKitProvider region="us-east-1" startChat={startChat}>
 *       <ChatProvider onChatEnded={() => console.log('ended')}>
 *         <MyChat />
 *       </ChatProvider>
 *     </ContactKitProvider>
 *   );
 * }
 * ```
 */
export function ContactKitProvider(props: ContactKitProviderProps): ReactNode {
  const {
    children,
    endpoint,
    region,
    participantToken,
    storage,
    storageKey = DEFAULT_CHAT_STORAGE_KEY,
    locale = 'en',
    theme,
  } = props;
  const logger = props.logger ?? defaultLogger;
  const clock = props.clock ?? systemClock;

  const appClient = useContext(QueryClientContext);
  const ownClient = useRef<QueryClient | undefined>(undefined);
  const queryClient = props.queryClient ?? appClient ?? (ownClient.current ??= new QueryClient());

  const [contactStore] = useState(() =>
    createStore<ContactState>(
      participantToken
        ? { status: 'ready', contact: { ParticipantToken: participantToken }, source: 'prop' }
        : idleContactState,
    ),
  );

  // Callbacks and config read at call time, so inline props never restart a session.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const dispatch = useCallback(
    (event: ContactEvent) => contactStore.set((state) => contactTransition(state, event)),
    [contactStore],
  );

  useEffect(() => {
    if (participantToken) {
      contactStore.set((state) =>
        state.status === 'ready' && state.contact.ParticipantToken === participantToken
          ? state
          : { status: 'ready', contact: { ParticipantToken: participantToken }, source: 'prop' },
      );
      return;
    }
    const stored = readStoredChat({ storage, key: storageKey });
    if (stored) {
      dispatch({
        type: 'RESTORED',
        contact: {
          ContactId: stored.contactId,
          ParticipantId: stored.participantId,
          ParticipantToken: stored.participantToken,
        },
      });
    }
  }, [participantToken, contactStore, dispatch, storage, storageKey]);

  // Without a factory of the app's, the core's session code loads on first use: fetch it while
  // the page is idle, or at once when a chat starts (in parallel with startChat).
  const preloadSession = useCallback(() => {
    if (!latest.current.createSession) {
      loadCreateChatSession().catch(() => undefined);
    }
  }, []);
  useEffect(() => whenIdle(preloadSession), [preloadSession]);

  const inflight = useRef<Promise<ChatContact> | undefined>(undefined);
  const start = useCallback((): Promise<ChatContact> => {
    const state = contactStore.getSnapshot();
    if (state.status === 'ready') {
      return Promise.resolve(state.contact);
    }
    if (inflight.current) {
      return inflight.current;
    }
    const startChat = latest.current.startChat;
    if (!startChat) {
      throw new Error(
        'ContactKitProvider: nothing to start the chat with. Pass startChat (or participantToken).',
      );
    }
    dispatch({ type: 'START' });
    preloadSession();
    const promise = (async () => {
      try {
        const contact = assertStartChatResult(await startChat());
        writeStoredChat(
          {
            participantToken: contact.ParticipantToken,
            contactId: contact.ContactId,
            participantId: contact.ParticipantId,
          },
          { storage: latest.current.storage, key: storageKey },
        );
        dispatch({ type: 'STARTED', contact });
        return contact;
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        dispatch({ type: 'START_FAILED', error });
        throw error;
      } finally {
        inflight.current = undefined;
      }
    })();
    inflight.current = promise;
    return promise;
  }, [contactStore, dispatch, storageKey, preloadSession]);

  const clearStored = useCallback(() => {
    clearStoredChat({ storage: latest.current.storage, key: storageKey });
  }, [storageKey]);

  const forget = useCallback(() => {
    clearStored();
    dispatch({ type: 'FORGOTTEN' });
  }, [clearStored, dispatch]);

  const createSession = useCallback(
    (options: ChatSessionFactoryOptions) =>
      (latest.current.createSession ?? defaultCreateSession)(options),
    [],
  );

  const value = useMemo<ContactKitContextValue>(
    () => ({
      endpoint,
      region,
      fetch: props.fetch,
      WebSocket: props.WebSocket,
      storage,
      storageKey,
      logger,
      clock,
      locale,
      theme,
      createSession,
      contact: contactStore,
      start,
      forget,
      clearStored,
    }),
    [
      endpoint,
      region,
      props.fetch,
      props.WebSocket,
      storage,
      storageKey,
      logger,
      clock,
      locale,
      theme,
      createSession,
      contactStore,
      start,
      forget,
      clearStored,
    ],
  );

  const tree = <ContactKitContextProvider value={value}>{children}</ContactKitContextProvider>;
  if (queryClient === appClient) {
    return tree;
  }
  return <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>;
}
