import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { ChatError } from '../../core/protocol/errors';
import type { ChatConnectionView, ChatSnapshot } from '../../core/chat/session/chatSession';
import type { ContactController, ContactSnapshot } from '../../core/chat/contact/contactController';
import { watchSession } from '../../core/chat/contact/watchSession';
import type { SessionEventHandlers } from '../../core/chat/contact/watchSession';
import type { ChatConnectionStatus, ChatSessionLike } from '../chatSessionLike';
import { ChatContextProvider } from '../context/ChatSessionContext';
import type { ChatContextValue } from '../context/ChatSessionContext';
import { useMaybeContactKit } from '../context/ContactKitContext';
import type { ContactKitContextValue } from '../context/ContactKitContext';
import { useStoreSelector } from '../hooks/internal/useStoreSelector';
import {
  participantConnectionExpiresAt,
  participantConnectionQueryOptions,
  useParticipantConnection,
} from '../hooks/useParticipantConnection';
import { createStore } from '../../core/store';
import { IDLE_STORE } from '../internal/idleSnapshot';

const FIRST_CONNECTION_TYPES = ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] as const;
const NO_CONTROLLER_SNAPSHOT: Pick<ContactSnapshot, 'session' | 'role' | 'state'> = {
  session: undefined,
  role: undefined,
  state: { status: 'idle' },
};
const NO_CONTROLLER = {
  subscribe: () => () => undefined,
  getSnapshot: () => NO_CONTROLLER_SNAPSHOT,
};
const selectPlacement = (snapshot: Pick<ContactSnapshot, 'session' | 'role' | 'state'>) => snapshot;

/**
 * Props of {@link ChatProvider}.
 *
 * @example
 * ```tsx
 * <ChatProvider onChatEnded={() => track('chat-ended')} onError={(error) => report(error)}>
 *   <SupportPanel />
 * </ChatProvider>
 * ```
 */
export interface ChatProviderProps {
  children?: ReactNode;
  /**
   * A session you create and own (tests, stories, custom transports). The provider then neither
   * connects nor destroys it. Without it, the provider creates one per contact of the enclosing
   * {@link ContactKitProvider}.
   */
  session?: ChatSessionLike;
  /** A connection error appeared (a new `connection.error`). */
  onError?: (error: ChatError) => void;
  /** The socket status changed (in a follower tab: the socket of the tab that holds it). */
  onConnectionChange?: (status: ChatConnectionStatus, connection: ChatConnectionView) => void;
  /** The chat ended (by the agent, the flow, or the customer). */
  onChatEnded?: () => void;
  /**
   * A message or attachment from someone else arrived. Not called for the history loaded when the
   * chat (re)connects: items older than the provider are skipped.
   */
  onMessage?: (item: ChatItem) => void;
}

/**
 * Binds the hooks below it to the chat of the current contact: the session the core's contact
 * controller (from {@link ContactKitProvider}) gives this tab, its own or a mirror of the tab
 * that holds the socket. Makes the first connection with {@link useParticipantConnection} and
 * hands it to the core, and calls the callbacks on the controller's events. The core owns the
 * session, the socket, reconnects and storage; React never owns a socket. Renders no UI.
 *
 * @example
 * ```tsx
 * <ContactKitProvider endpoint="http://127.0.0.1:4010" startChat={startChat}>
 *   <ChatProvider
 *     onMessage={(item) => playSound()}
 *     onConnectionChange={(status) => console.log(status)}
 *     onError={(error) => console.warn(error.code)}
 *     onChatEnded={() => showSurvey()}
 *   >
 *     <MyChat />
 *   </ChatProvider>
 * </ContactKitProvider>
 * ```
 */
export function ChatProvider(props: ChatProviderProps): ReactNode {
  const { children, session: external } = props;
  const kit = useMaybeContactKit();
  if (!kit && !external) {
    throw new Error(
      'ChatProvider must be used within <ContactKitProvider> (or be given a session).',
    );
  }
  const controller = external ? undefined : kit?.controller;
  const placement = useStoreSelector(controller ?? NO_CONTROLLER, selectPlacement);
  const session = external ?? placement.session;

  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useProviderCallbacks(controller, external, latest);

  const [readMarker] = useState(() => createStore<string | undefined>(undefined));
  const value = useMemo<ChatContextValue>(
    () => ({ session, store: session ?? IDLE_STORE, readMarker, controller }),
    [session, readMarker, controller],
  );
  const state = placement.state;
  const participantToken = state.status === 'ready' ? state.contact.ParticipantToken : undefined;
  return (
    <ChatContextProvider value={value}>
      {kit &&
      controller &&
      placement.session &&
      placement.role !== 'follower' &&
      participantToken ? (
        <FirstConnection
          kit={kit}
          controller={controller}
          session={placement.session}
          participantToken={participantToken}
        />
      ) : null}
      {children}
    </ChatContextProvider>
  );
}

/**
 * The provider's callbacks, from the controller's typed events (or, for a session of the app's,
 * from the same watcher the controller uses).
 */
function useProviderCallbacks(
  controller: ContactController | undefined,
  external: ChatSessionLike | undefined,
  latest: { readonly current: ChatProviderProps },
): void {
  useEffect(() => {
    const handlers: SessionEventHandlers = {
      message: (item) => latest.current.onMessage?.(item),
      confirmed: () => undefined,
      failed: () => undefined,
      connection: (view) => latest.current.onConnectionChange?.(view.status, view),
      error: (error) => {
        if (error instanceof ChatError) {
          latest.current.onError?.(error);
        }
      },
      ended: () => latest.current.onChatEnded?.(),
    };
    if (external) {
      return watchSession(external, handlers);
    }
    if (!controller) {
      return undefined;
    }
    const stops = [
      controller.on('message', handlers.message),
      controller.on('connection', handlers.connection),
      controller.on('error', handlers.error),
      controller.on('ended', handlers.ended),
    ];
    return () => {
      for (const stop of stops) {
        stop();
      }
    };
  }, [controller, external, latest]);
}

/**
 * Rendered only for a session this tab holds (so a provider given a session needs no
 * QueryClient, and a follower tab, which mirrors another tab's socket, fetches nothing). The
 * first websocket of a session comes from {@link useParticipantConnection}, so StrictMode's
 * double effects and several providers share one CreateParticipantConnection; the answer goes to
 * the core through `connect({ connection })` and is dropped from the cache once used: a
 * websocket URL is for one socket.
 */
function FirstConnection({
  kit,
  controller,
  session,
  participantToken,
}: {
  kit: ContactKitContextValue;
  controller: ContactController;
  session: ChatSessionLike;
  participantToken: string;
}): null {
  const queryClient = useQueryClient();
  const wanted = useStoreSelector(
    session,
    (snapshot: ChatSnapshot) =>
      snapshot.connection.status === 'idle' && snapshot.chat.status === 'active',
  );
  const connection = useParticipantConnection({
    participantToken,
    types: [...FIRST_CONNECTION_TYPES],
    enabled: wanted,
  });
  const { data, dataUpdatedAt, isError } = connection;
  const clock = kit.clock;
  useEffect(() => {
    if (!wanted) {
      return;
    }
    if (isError) {
      // Let the session ask again and turn the failure into state (e.g. a 403 into an ended chat).
      controller.connect();
      return;
    }
    if (!data) {
      return;
    }
    const expiresAt = participantConnectionExpiresAt(data, dataUpdatedAt);
    if (expiresAt !== undefined && expiresAt <= clock.now()) {
      return;
    }
    controller.connect({ connection: { response: data, fetchedAt: dataUpdatedAt } });
    queryClient.removeQueries({
      queryKey: participantConnectionQueryOptions({
        participantToken,
        types: [...FIRST_CONNECTION_TYPES],
        endpoint: kit.endpoint,
        region: kit.region,
      }).queryKey,
      exact: true,
    });
  }, [
    controller,
    session,
    wanted,
    participantToken,
    kit,
    data,
    dataUpdatedAt,
    isError,
    clock,
    queryClient,
  ]);
  return null;
}
