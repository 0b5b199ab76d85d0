import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/chatItem';
import type { ChatError } from '../../core/protocol/errors';
import type { ChatConnectionView, ChatSnapshot } from '../../core/chat/chatSession';
import { createParticipantClient } from '../../core/protocol/participantClient';
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
import { createConnectionHandoff } from '../internal/connectionHandoff';
import type { ConnectionHandoff } from '../internal/connectionHandoff';
import { createStore } from '../internal/createStore';
import type { ChatContact, ContactState } from '../../core/chat/contact/contactMachine';
import { IDLE_STORE } from '../internal/idleSnapshot';

const FIRST_CONNECTION_TYPES = ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] as const;
const NO_CONTACT: ContactState = { status: 'idle' };
const NO_CONTACT_STORE = { subscribe: () => () => undefined, getSnapshot: () => NO_CONTACT };
const selectContact = (state: ContactState) => state;

/**
 * Props of {@link ChatProvider}.
 *
 * @example
 * ```tsx
 * const props: ChatProviderProps = { onChatEnded: () => track('chat-ended') };
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
  /** The socket status changed. */
  onConnectionChange?: (status: ChatConnectionStatus, connection: ChatConnectionView) => void;
  /** The chat ended (by the agent, the flow, or the customer). */
  onChatEnded?: () => void;
  /**
   * A message or attachment from someone else arrived. Not called for the history loaded when the
   * chat (re)connects: items older than the provider are skipped.
   */
  onMessage?: (item: ChatItem) => void;
}

function isIncoming(item: ChatItem): boolean {
  return !item.isOwn && (item.type === 'message' || item.type === 'attachment');
}

/**
 * Owns the chat session of the current contact: creates it when the contact is known, makes the
 * first connection with {@link useParticipantConnection}, destroys it on unmount or when the
 * contact changes, and reports changes through callbacks. StrictMode-safe: the session it keeps
 * opens one websocket. The session (a core object) manages the websocket, reconnects and
 * resubscribes; React never owns a socket. Renders no UI.
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
  const contact = useStoreSelector(kit?.contact ?? NO_CONTACT_STORE, selectContact);
  const participantToken =
    !external && contact.status === 'ready' ? contact.contact.ParticipantToken : undefined;

  const ownedEntry = useOwnedSession(
    kit,
    participantToken,
    contact.status === 'ready' ? contact.contact : undefined,
  );
  const owned = ownedEntry?.session;
  const session = external ?? owned;

  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useSessionCallbacks(session, latest, kit, external === undefined);

  const [readMarker] = useState(() => createStore<string | undefined>(undefined));
  const value = useMemo<ChatContextValue>(
    () => ({ session, store: session ?? IDLE_STORE, readMarker }),
    [session, readMarker],
  );
  return (
    <ChatContextProvider value={value}>
      {kit && ownedEntry && participantToken ? (
        <FirstConnection
          kit={kit}
          session={ownedEntry.session}
          handoff={ownedEntry.handoff}
          participantToken={participantToken}
        />
      ) : null}
      {children}
    </ChatContextProvider>
  );
}

/**
 * One session per participant token, created after mount (so server rendering and discarded
 * renders create nothing) and destroyed by the effect's cleanup; a session the factory delivers
 * after that cleanup is destroyed on arrival. Under StrictMode the first session is destroyed
 * before it ever connected: connecting waits for the committed one. A factory that throws or
 * rejects throws here, for the nearest error boundary.
 */
function useOwnedSession(
  kit: ContactKitContextValue | undefined,
  participantToken: string | undefined,
  contactIds: ChatContact | undefined,
): OwnedSession | undefined {
  const [owned, setOwned] = useState<OwnedSession | undefined>(undefined);
  const [failure, setFailure] = useState<{ error: unknown } | undefined>(undefined);
  const createSession = kit?.createSession;
  useEffect(() => {
    if (!kit || !createSession || !participantToken) {
      return undefined;
    }
    const handoff = createConnectionHandoff(participantToken, kit.clock);
    const client = createParticipantClient({
      ...(kit.endpoint !== undefined ? { endpoint: kit.endpoint } : {}),
      ...(kit.region !== undefined ? { region: kit.region } : {}),
      ...(kit.fetch ? { fetch: kit.fetch } : {}),
      logger: kit.logger,
    });
    let live = true;
    let session: ChatSessionLike | undefined;
    const adopt = (created: ChatSessionLike) => {
      if (!live) {
        created.destroy();
        return;
      }
      session = created;
      setOwned({ token: participantToken, session: created, handoff });
    };
    const made = createSession({
      participantToken,
      client: handoff.wrap(client),
      contactId: contactIds?.ContactId,
      participantId: contactIds?.ParticipantId,
      ...(kit.endpoint !== undefined ? { endpoint: kit.endpoint } : {}),
      ...(kit.region !== undefined ? { region: kit.region } : {}),
      ...(kit.WebSocket ? { WebSocket: kit.WebSocket } : {}),
      ...(kit.storage !== undefined ? { storage: kit.storage } : {}),
      storageKey: kit.storageKey,
      logger: kit.logger,
      clock: kit.clock,
    });
    if ('then' in made) {
      made.then(adopt, (error: unknown) => {
        if (live) {
          setFailure({ error });
        }
      });
    } else {
      adopt(made);
    }
    return () => {
      live = false;
      if (session) {
        const gone = session;
        gone.destroy();
        setOwned((current) => (current?.session === gone ? undefined : current));
      }
    };
    // The session is per contact: config changes apply to the next contact, not mid-chat.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [createSession, participantToken]);
  if (failure) {
    throw failure.error;
  }
  return owned && owned.token === participantToken ? owned : undefined;
}

interface OwnedSession {
  token: string;
  session: ChatSessionLike;
  handoff: ConnectionHandoff;
}

/**
 * Rendered only for a session the provider owns (so a provider given a session needs no
 * QueryClient). The first websocket of a session comes from {@link useParticipantConnection}, so StrictMode's
 * double effects and several providers share one CreateParticipantConnection. The answer is
 * dropped from the cache once used: a websocket URL is for one socket.
 */
function FirstConnection({
  kit,
  session,
  handoff,
  participantToken,
}: {
  kit: ContactKitContextValue;
  session: ChatSessionLike;
  handoff: ConnectionHandoff;
  participantToken: string;
}): null {
  const queryClient = useQueryClient();
  const idle = useStoreSelector(
    session,
    (snapshot: ChatSnapshot) =>
      snapshot.connection.status === 'idle' && snapshot.chat.status === 'active',
  );
  const wanted = idle;
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
      session.connect();
      return;
    }
    if (!data) {
      return;
    }
    const expiresAt = participantConnectionExpiresAt(data, dataUpdatedAt);
    if (expiresAt !== undefined && expiresAt <= clock.now()) {
      return;
    }
    handoff.offer(data, dataUpdatedAt);
    session.connect();
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
    session,
    handoff,
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

/** Calls the provider's callbacks for what changed between two snapshots. */
function useSessionCallbacks(
  session: ChatSessionLike | undefined,
  latest: { readonly current: ChatProviderProps },
  kit: ContactKitContextValue | undefined,
  ownsContact: boolean,
): void {
  useEffect(() => {
    if (!session) {
      return undefined;
    }
    let previous = session.getSnapshot();
    const seen = new Set(previous.items.map((item) => item.id));
    const onChange = () => {
      const next = session.getSnapshot();
      if (next === previous) {
        return;
      }
      const before = previous;
      previous = next;
      const callbacks = latest.current;
      if (next.connection.status !== before.connection.status) {
        callbacks.onConnectionChange?.(next.connection.status, next.connection);
      }
      if (next.connection.error && next.connection.error !== before.connection.error) {
        callbacks.onError?.(next.connection.error);
      }
      if (next.items !== before.items) {
        for (const item of next.items) {
          if (seen.has(item.id) || (item.localId !== undefined && seen.has(item.localId))) {
            continue;
          }
          seen.add(item.id);
          // History pages (the first page, older pages, a past contact) are not news; live and
          // gap-filled items are, whatever the client's clock says.
          if (isIncoming(item) && !item.fromHistory) {
            callbacks.onMessage?.(item);
          }
        }
      }
      if (next.chat.status === 'ended' && before.chat.status !== 'ended') {
        if (ownsContact && kit) {
          // An ended chat cannot be resumed: the next reload starts fresh.
          kit.clearStored();
        }
        callbacks.onChatEnded?.();
      }
    };
    return session.subscribe(onChange);
  }, [session, latest, kit, ownsContact]);
}
