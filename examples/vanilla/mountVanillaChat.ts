/**
 * A chat with contact-kit's core alone: no React, no framework. It starts a contact through the
 * shop's backend, resumes it after a reload, sends, shows the transcript, and ends it; the
 * controller does the rest (the socket, reconnects, the stored contact, tabs, read state).
 */
import { createContactController } from 'contact-kit/core';
import type {
  ChatItem,
  ContactController,
  ContactControllerOptions,
  ContactSnapshot,
} from 'contact-kit/core';

/**
 * Options of {@link mountVanillaChat}: the controller's (endpoint or region, `startChat`, …).
 *
 * @example
 * ```ts
 * const options: VanillaChatOptions = { endpoint: 'http://127.0.0.1:4010', startChat };
 * ```
 */
export type VanillaChatOptions = ContactControllerOptions;

/**
 * What {@link mountVanillaChat} returns.
 *
 * @example
 * ```ts
 * const chat: VanillaChat = mountVanillaChat(root, options);
 * chat.destroy();
 * ```
 */
export interface VanillaChat {
  readonly controller: ContactController;
  /** Removes the UI and closes the session (the contact keeps running for a reload). */
  destroy(): void;
}

const STATUS_TEXT: Record<string, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
  ended: 'The chat has ended',
  failed: 'Something went wrong',
};

/** One word for where the chat stands, from the controller's snapshot. */
function statusOf(snapshot: ContactSnapshot): string {
  const { state, session } = snapshot;
  if (state.status !== 'ready') {
    return state.status;
  }
  const chat = session?.getSnapshot();
  if (chat === undefined) {
    return 'connecting';
  }
  if (chat.chat.status === 'ended') {
    return 'ended';
  }
  return chat.connection.status === 'idle' ? 'connecting' : chat.connection.status;
}

/** One transcript row: the text only (never HTML), who wrote it, and its delivery state. */
function renderItem(document: Document, item: ChatItem): HTMLLIElement {
  const row = document.createElement('li');
  row.dataset['messageId'] = item.id;
  row.dataset['own'] = String(item.isOwn);
  const who = document.createElement('strong');
  who.textContent = item.isOwn ? 'You' : (item.displayName ?? item.role ?? '');
  const text = document.createElement('span');
  text.textContent =
    item.type === 'attachment' ? (item.attachments?.[0]?.name ?? '') : (item.content ?? '');
  row.append(who, ': ', text);
  if (item.isOwn && item.status !== 'sent') {
    const state = document.createElement('em');
    state.textContent = ` (${item.status === 'failed' ? 'not sent' : 'sending'})`;
    row.append(state);
  }
  return row;
}

/**
 * Renders a small chat into `root`: a status line, the transcript, a composer, and Start / End
 * buttons. Opening the page again resumes the stored contact on its own.
 *
 * @example
 * ```ts
 * import { mountVanillaChat } from './mountVanillaChat';
 *
 * const chat = mountVanillaChat(document.querySelector('#chat')!, {
 *   endpoint: 'http://127.0.0.1:4010',
 *   startChat: async () => (await fetch('/api/start-chat', { method: 'POST' })).json(),
 * });
 * window.addEventListener('pagehide', () => chat.destroy());
 * ```
 */
export function mountVanillaChat(root: HTMLElement, options: VanillaChatOptions): VanillaChat {
  const document = root.ownerDocument;
  const controller = createContactController(options);

  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const log = document.createElement('ol');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-label', 'Conversation');
  const form = document.createElement('form');
  const input = document.createElement('input');
  input.setAttribute('aria-label', 'Message');
  const send = document.createElement('button');
  send.type = 'submit';
  send.textContent = 'Send';
  form.append(input, send);
  const start = document.createElement('button');
  start.type = 'button';
  start.textContent = 'Start chat';
  const end = document.createElement('button');
  end.type = 'button';
  end.textContent = 'End chat';
  const error = document.createElement('p');
  error.setAttribute('role', 'alert');
  root.append(status, log, form, start, end, error);

  start.addEventListener('click', () => {
    controller.start().catch(() => undefined); // a failure shows as state
  });
  end.addEventListener('click', () => {
    void controller.end();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = controller.getSnapshot().session;
    const text = input.value.trim();
    if (session === undefined || text === '') {
      return;
    }
    try {
      session.sendMessage(text);
      input.value = '';
      error.textContent = '';
    } catch (cause) {
      error.textContent = cause instanceof Error ? cause.message : String(cause);
    }
  });

  let shownItems: readonly ChatItem[] | undefined;
  let watchedSession: ContactSnapshot['session'];
  let stopSession: (() => void) | undefined;

  const render = (): void => {
    const snapshot = controller.getSnapshot();
    if (snapshot.session !== watchedSession) {
      stopSession?.();
      watchedSession = snapshot.session;
      stopSession = watchedSession?.subscribe(render);
    }
    const now = statusOf(snapshot);
    status.textContent = STATUS_TEXT[now] ?? now;
    status.dataset['state'] = now;
    const items = snapshot.session?.getSnapshot().items ?? [];
    if (items !== shownItems) {
      shownItems = items;
      log.replaceChildren(
        ...items
          .filter((item) => item.type === 'message' || item.type === 'attachment')
          .map((item) => renderItem(document, item)),
      );
    }
    const active = now === 'connecting' || now === 'open' || now === 'reconnecting';
    start.hidden = active || now === 'starting';
    end.hidden = !active;
    input.disabled = send.disabled = now !== 'open' && now !== 'reconnecting';
    if (snapshot.state.status === 'failed') {
      error.textContent = snapshot.state.error.message;
    }
    // Read what is on screen: the unread count (for a badge elsewhere) stays 0 while it shows.
    const newest = [...items].reverse().find((item) => !item.isOwn && item.type === 'message');
    if (newest !== undefined && snapshot.unread > 0 && document.visibilityState !== 'hidden') {
      controller.markRead(newest.id);
    }
  };

  const stopController = controller.subscribe(render);
  render();

  return {
    controller,
    destroy() {
      stopSession?.();
      stopController();
      controller.destroy();
      root.replaceChildren();
    },
  };
}
