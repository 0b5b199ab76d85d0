import type { ChatSnapshot } from '../../core/chat/chatSession';
import { useCallback } from 'react';
import type { ChatError } from '../../core/protocol/errors';
import type { SendMessageOptions } from '../chatSessionLike';
import { useChatContext } from '../context/ChatSessionContext';
import { useMaybeContactKit } from '../context/ContactKitContext';
import type { ContactState } from '../../core/chat/contact/contactMachine';
import { shallowEqual } from '../internal/shallowEqual';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * Where the chat is, from the customer's point of view: not started (`idle`), `starting` (the
 * `startChat` call), `connecting`, `open`, `reconnecting`, `closed`, `ended`, or `failed` (the
 * start or the connection failed for good; see `error`).
 *
 * @example
 * ```tsx
 * const { status } = useChat();
 * return <div data-state={status} />;
 * ```
 */
export type UseChatStatus =
  'idle' | 'starting' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'ended' | 'failed';

/**
 * What {@link useChat} returns.
 *
 * @example
 * ```ts
 * const { status, start, send, end }: UseChatResult = useChat();
 * ```
 */
export interface UseChatResult {
  status: UseChatStatus;
  /** Why the chat failed: what `startChat` threw, or the session's connection error. */
  error: Error | ChatError | undefined;
  /** The contact id, when the chat was started with `startChat` (or restored). */
  contactId: string | undefined;
  /** The customer's participant id, when known. */
  participantId: string | undefined;
  /**
   * Starts the chat (calls `startChat` once), or resumes the stored one. After an ended chat it
   * starts a new contact. Rejects with what `startChat` threw.
   */
  start: () => Promise<void>;
  /**
   * Sends a message and returns its `localId`; it shows in the transcript at once. Throws when the
   * chat has not started, has ended, or the content is empty or too long (`ChatError`).
   */
  send: (content: string, options?: SendMessageOptions) => string;
  /** Leaves the chat (DisconnectParticipant) and forgets the stored contact. */
  end: () => Promise<void>;
}

const NO_CONTACT: ContactState = { status: 'idle' };
const NO_CONTACT_STORE = { subscribe: () => () => undefined, getSnapshot: () => NO_CONTACT };

const selectContact = (state: ContactState) => state;

function selectSessionPart(snapshot: ChatSnapshot) {
  return { connection: snapshot.connection, chat: snapshot.chat.status };
}

/**
 * The chat as a whole: one status across starting, connecting and ending, and the actions
 * `start`, `send` and `end`. Re-renders only when the status or error changes (not on messages or
 * typing).
 *
 * @example
 * ```tsx
 * function ChatLauncher() {
 *   const { status, start, end } = useChat();
 *   if (status === 'idle') return <button onClick={() => start()}>Chat with us</button>;
 *   if (status === 'starting' || status === 'connecting') return <p>Connecting…</p>;
 *   return <button onClick={() => end()}>End chat</button>;
 * }
 * ```
 */
export function useChat(): UseChatResult {
  const { session, store } = useChatContext();
  const kit = useMaybeContactKit();
  const contact = useStoreSelector(kit?.contact ?? NO_CONTACT_STORE, selectContact);
  const part = useStoreSelector(store, selectSessionPart, shallowEqual);

  let status: UseChatStatus;
  let error: Error | ChatError | undefined = part.connection.error;
  if (part.chat === 'ended') {
    status = 'ended';
  } else if (!session) {
    if (contact.status === 'failed') {
      status = 'failed';
      error = contact.error;
    } else if (contact.status === 'ready') {
      status = 'connecting';
    } else {
      status = contact.status;
    }
  } else {
    const socket = part.connection.status;
    status = socket === 'idle' ? 'connecting' : socket;
  }

  const start = useCallback(async () => {
    if (!kit) {
      return;
    }
    if (session?.getSnapshot().chat.status === 'ended') {
      kit.forget();
    }
    await kit.start();
  }, [kit, session]);

  const send = useCallback(
    (content: string, options?: SendMessageOptions) => {
      if (!session) {
        throw new Error('useChat().send: the chat has not started; call start() first.');
      }
      return session.sendMessage(content, options);
    },
    [session],
  );

  const end = useCallback(async () => {
    kit?.clearStored();
    await session?.endChat();
  }, [kit, session]);

  const ready = contact.status === 'ready' ? contact.contact : undefined;
  return {
    status,
    error,
    contactId: ready?.ContactId,
    participantId: ready?.ParticipantId,
    start,
    send,
    end,
  };
}
