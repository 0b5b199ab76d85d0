import type { ChatSnapshot } from '../../core/chat/session/chatSession';
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
 * ```tsx
 * const { status, start, send, end } = useChat();
 * if (status === 'idle') return <button onClick={() => start()}>Chat with us</button>;
 * return <Panel onSend={(text) => send(text)} onLeave={() => end()} />;
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
  /**
   * The last ended contact of this browser tab, which {@link UseChatResult.continueChat} picks
   * up; `undefined` when there is none.
   */
  previousContactId: string | undefined;
  /**
   * Starts a new contact that continues the ended one (persistent chat): `startChat` receives
   * `{ previousContactId }` for the backend's StartChatContact `PersistentChat`, and the earlier
   * messages show above the new ones. Rejects when there is no ended contact, or with what
   * `startChat` threw.
   */
  continueChat: () => Promise<void>;
}

const NO_CONTACT: ContactState = { status: 'idle' };
const NO_CONTACT_STORE = { subscribe: () => () => undefined, getSnapshot: () => NO_CONTACT };
const NO_PREVIOUS = { previousContactId: undefined };
const NO_CONTROLLER = { subscribe: () => () => undefined, getSnapshot: () => NO_PREVIOUS };

const selectContact = (state: ContactState) => state;
const selectPrevious = (snapshot: { readonly previousContactId: string | undefined }) =>
  snapshot.previousContactId;

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
  const controller = kit?.controller;
  const previousContactId = useStoreSelector(controller ?? NO_CONTROLLER, selectPrevious);

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
    await controller?.start();
  }, [controller]);

  const continueChat = useCallback(async () => {
    if (!controller) {
      throw new Error('useChat().continueChat: needs <ContactKitProvider> (it starts contacts).');
    }
    await controller.continue();
  }, [controller]);

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
    if (controller && controller.getSnapshot().session === session) {
      await controller.end();
      return;
    }
    await session?.endChat();
  }, [controller, session]);

  const ready = contact.status === 'ready' ? contact.contact : undefined;
  return {
    status,
    error,
    contactId: ready?.ContactId,
    participantId: ready?.ParticipantId,
    start,
    send,
    end,
    previousContactId,
    continueChat,
  };
}
