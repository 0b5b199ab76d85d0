import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { systemClock } from '../../core/clock';
import type { Clock } from '../../core/clock';
import { defaultLogger } from '../../core/logger';
import type { Logger } from '../../core/logger';
import { ContactKitContextProvider } from '../context/ContactKitContext';
import type {
  ChatSessionFactory,
  ContactKitContextValue,
  ContactKitStorage,
  ContactKitThemeInput,
  WebSocketConstructorLike,
} from '../context/ContactKitContext';
import { DEFAULT_CHAT_STORAGE_KEY } from '../../core/chat/session/chatStorage';
import type { StartChatResult } from '../../core/chat/contact/contactMachine';
import {
  createContactController,
  preloadChatSession,
} from '../../core/chat/contact/contactController';
import type {
  ContactController,
  ContactControllerOptions,
  ContactTabsMode,
  StartChatRequest,
} from '../../core/chat/contact/contactController';
import { whenIdle } from '../internal/whenIdle';

/**
 * Props of {@link ContactKitProvider}. Give `endpoint` or `region`, and `startChat` or
 * `participantToken`.
 *
 * @example
 * ```tsx
 * <ContactKitProvider
 *   region="us-east-1"
 *   startChat={() => fetch('/api/start-chat', { method: 'POST' }).then((r) => r.json())}
 * >
 *   <ChatProvider>
 *     <SupportPanel />
 *   </ChatProvider>
 * </ContactKitProvider>
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
   * resumes the same contact. `request.previousContactId` is set when the customer continues an
   * ended conversation (`useChat().continueChat()`): pass it to StartChatContact as
   * `PersistentChat: { SourceContactId, RehydrationType: 'ENTIRE_PAST_SESSION' }`.
   */
  startChat?: (request: StartChatRequest) => Promise<StartChatResult>;
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
  /**
   * How the tabs of one browser share the chat. `shared` (default): one contact and one socket
   * for all tabs of the site; a tab opened later joins the running chat. `single`: every tab
   * has its own chat, as if it were alone.
   */
  tabs?: ContactTabsMode;
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
    tabs,
  } = props;
  const logger = props.logger ?? defaultLogger;
  const clock = props.clock ?? systemClock;

  const appClient = useContext(QueryClientContext);
  const ownClient = useRef<QueryClient | undefined>(undefined);
  const queryClient = props.queryClient ?? appClient ?? (ownClient.current ??= new QueryClient());

  // Callbacks and config read at call time, so inline props never restart a contact.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  // One controller per contact source; it touches no browser global until subscribed, so
  // creating it while rendering is safe on a server.
  const controller = useMemo(
    () =>
      createContactController(
        controllerOptions(latest, { participantToken, storage, storageKey, tabs }),
      ),
    [participantToken, storage, storageKey, tabs],
  );
  useControllerLifetime(controller);

  // Without a factory of the app's, the core's session code loads on first use: fetch it while
  // the page is idle (the controller also fetches it when a chat starts).
  useEffect(
    () =>
      whenIdle(() => {
        if (!latest.current.createSession) {
          void preloadChatSession();
        }
      }),
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
      controller,
      contact: {
        subscribe: controller.subscribe,
        getSnapshot: () => controller.getSnapshot().state,
      },
      start: () => controller.start(),
      forget: () => controller.reset(),
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
      controller,
    ],
  );

  const tree = <ContactKitContextProvider value={value}>{children}</ContactKitContextProvider>;
  if (queryClient === appClient) {
    return tree;
  }
  return <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>;
}

/**
 * The controller's options: what decides the contact is fixed; everything else is read from the
 * latest props when used (a new endpoint or factory applies to the next session).
 */
function controllerOptions(
  latest: { readonly current: ContactKitProviderProps },
  fixed: Pick<ContactControllerOptions, 'participantToken' | 'storage' | 'storageKey' | 'tabs'>,
): ContactControllerOptions {
  return {
    ...fixed,
    tabs: fixed.tabs ?? 'shared',
    // React hands the first connection over from React Query (see ChatProvider).
    autoConnect: false,
    get startChat() {
      const startChat = latest.current.startChat;
      return startChat && ((request: StartChatRequest) => startChat(request));
    },
    get endpoint() {
      return latest.current.endpoint;
    },
    get region() {
      return latest.current.region;
    },
    get fetch() {
      return latest.current.fetch;
    },
    get WebSocket() {
      return latest.current.WebSocket;
    },
    get logger() {
      return latest.current.logger ?? defaultLogger;
    },
    get clock() {
      return latest.current.clock ?? systemClock;
    },
    get createSession() {
      return latest.current.createSession;
    },
  };
}

/** Controllers whose provider unmounted, destroyed unless the same controller mounts again. */
const leaving = new Set<ContactController>();

/**
 * Destroys the controller when the provider goes away. StrictMode unmounts and mounts again in
 * one go: destroying waits a microtask, and the second mount keeps the controller.
 */
function useControllerLifetime(controller: ContactController): void {
  useEffect(() => {
    leaving.delete(controller);
    return () => {
      leaving.add(controller);
      queueMicrotask(() => {
        if (leaving.delete(controller)) {
          controller.destroy();
        }
      });
    };
  }, [controller]);
}
