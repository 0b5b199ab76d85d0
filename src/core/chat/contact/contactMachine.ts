/**
 * The pure state machine of "which contact is this chat on": nothing yet (`idle`), a StartChat
 * call in flight (`starting`), a contact we can connect to (`ready`), or a failed start.
 */

/**
 * What a storefront backend returns after calling StartChatContact.
 *
 * @example
 * ```ts
 * const startChat = async (): Promise<StartChatResult> =>
 *   (await fetch('/api/start-chat', { method: 'POST' })).json();
 * createContactController({ region: 'us-east-1', startChat });
 * ```
 */
export interface StartChatResult {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
}

/**
 * The contact the chat runs on; ids are unknown when only a participant token was given.
 *
 * @example
 * ```ts
 * const contact = await controller.start();
 * console.log(contact.ContactId); // undefined when only a participant token was given
 * ```
 */
export interface ChatContact {
  ContactId?: string | undefined;
  ParticipantId?: string | undefined;
  ParticipantToken: string;
}

/**
 * Where the current contact came from: a `participantToken` prop, `startChat`, this tab's stored
 * record after a reload, or another tab of the browser (`joined`).
 *
 * @example
 * ```ts
 * const resumed = (source: ChatContactSource) => source === 'restored';
 * ```
 */
export type ChatContactSource = 'prop' | 'started' | 'restored' | 'joined';

/**
 * The contact's state: nothing yet, a start in flight, a contact to connect to, or a failed start.
 *
 * @example
 * ```ts
 * if (state.status === 'ready') connect(state.contact.ParticipantToken);
 * ```
 */
export type ContactState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'ready'; contact: ChatContact; source: ChatContactSource }
  | { status: 'failed'; error: Error };

/**
 * What can happen to the contact (UPPER_SNAKE machine events).
 *
 * @example
 * ```ts
 * store.set((state) => contactTransition(state, { type: 'START' }));
 * ```
 */
export type ContactEvent =
  | { type: 'START' }
  | { type: 'STARTED'; contact: StartChatResult }
  | { type: 'START_FAILED'; error: Error }
  | { type: 'RESTORED'; contact: ChatContact }
  | { type: 'JOINED'; contact: ChatContact }
  | { type: 'FORGOTTEN' };

/**
 * The state before anything happened: no contact.
 *
 * @example
 * ```ts
 * const store = createStore<ContactState>(idleContactState);
 * ```
 */
export const idleContactState: ContactState = { status: 'idle' };

/**
 * Total and pure: an event that does not apply returns the same state object.
 *
 * @example
 * ```ts
 * contactTransition({ status: 'idle' }, { type: 'START' }); // { status: 'starting' }
 * ```
 */
export function contactTransition(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'START':
      return state.status === 'idle' || state.status === 'failed' ? { status: 'starting' } : state;
    case 'STARTED':
      return state.status === 'starting'
        ? { status: 'ready', contact: event.contact, source: 'started' }
        : state;
    case 'START_FAILED':
      return state.status === 'starting' ? { status: 'failed', error: event.error } : state;
    case 'RESTORED':
      // A stored contact only replaces "nothing yet"; a start already under way wins.
      return state.status === 'idle'
        ? { status: 'ready', contact: event.contact, source: 'restored' }
        : state;
    case 'JOINED':
      // Another tab's contact: the one the browser runs, so it replaces whatever this tab had.
      return state.status === 'ready' &&
        state.contact.ParticipantToken === event.contact.ParticipantToken
        ? state
        : { status: 'ready', contact: event.contact, source: 'joined' };
    case 'FORGOTTEN':
      return state.status === 'ready' && state.source !== 'prop' ? idleContactState : state;
    default:
      return event satisfies never;
  }
}

/**
 * Checks what an app's `startChat` returned, so a broken backend fails loudly and early.
 *
 * @example
 * ```ts
 * const contact = assertStartChatResult(await startChat());
 * ```
 */
export function assertStartChatResult(value: unknown): StartChatResult {
  const { ContactId, ParticipantId, ParticipantToken } = (value ?? {}) as Record<string, unknown>;
  if (
    typeof ContactId !== 'string' ||
    typeof ParticipantId !== 'string' ||
    typeof ParticipantToken !== 'string' ||
    ParticipantToken === ''
  ) {
    throw new TypeError(
      'startChat must resolve to { ContactId, ParticipantId, ParticipantToken } (strings), the StartChatContact answer',
    );
  }
  return { ContactId, ParticipantId, ParticipantToken };
}
