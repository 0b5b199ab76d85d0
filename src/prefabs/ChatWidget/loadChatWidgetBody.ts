import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ComponentType } from 'react';
import { createStore } from '../../core/store';
import { preloadChatSession } from '../../core/chat/contact/contactController';
import type { ChatWidgetBodyProps } from './ChatWidgetBody';

type Body = ComponentType<ChatWidgetBodyProps>;

// One load per page, shared by every widget on it; a failed load is forgotten so the next try
// fetches again (a deploy may have replaced the chunk, or the network came back).
let pending: Promise<Body> | undefined;
const loaded = createStore<Body | undefined>(undefined);

/** Starts loading the panel's body (once) and resolves with it. */
export function loadChatWidgetBody(): Promise<Body> {
  pending ??= import('./ChatWidgetBody').then(
    (module) => {
      loaded.set(() => module.ChatWidgetBody);
      return module.ChatWidgetBody;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

// The server never renders the body, so hydration matches whatever the client has loaded.
const getServerLoaded = () => undefined;

/**
 * Loads the rest of `ChatWidget` ahead of time: its panel (the conversation, composer, pre-chat
 * form and interactive messages) and the core's chat session, so the first open shows the panel
 * at once and the chat connects without waiting for code. On its own the widget fetches them when
 * the browser is idle after mount, and the panel when the pointer or focus reaches the launcher;
 * call this earlier when you know the customer is about to chat. Safe to call often; it never
 * rejects (a failed load is tried again when the code is needed).
 *
 * @example
 * ```tsx
 * import { preloadChatWidget } from 'contact-kit';
 *
 * <a href="#chat" onPointerEnter={() => void preloadChatWidget()}>Chat with us</a>;
 * ```
 */
export function preloadChatWidget(): Promise<void> {
  return Promise.all([loadChatWidgetBody(), preloadChatSession()]).then(
    () => undefined,
    () => undefined,
  );
}

/** The body's load state for one widget: the component once loaded, or the failure. */
export interface UseChatWidgetBodyResult {
  Body: Body | undefined;
  failed: boolean;
  /** Tries the load again after a failure. */
  retry: () => void;
}

/**
 * The panel's body for a widget that needs it now (`wanted`); every widget on the page renders it
 * as soon as one has loaded it (and at once when it was loaded before), never on the server.
 */
export function useChatWidgetBody(wanted: boolean): UseChatWidgetBodyResult {
  const Body = useSyncExternalStore(loaded.subscribe, loaded.getSnapshot, getServerLoaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || Body) {
      return;
    }
    let live = true;
    loadChatWidgetBody().catch(() => {
      if (live) {
        setFailed(true);
      }
    });
    return () => {
      live = false;
    };
  }, [wanted, Body, attempt]);
  return {
    Body,
    failed: failed && !Body,
    retry: () => {
      setFailed(false);
      setAttempt((n) => n + 1);
    },
  };
}
