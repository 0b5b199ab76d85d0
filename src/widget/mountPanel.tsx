import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChatItem } from '../core/chat/transcript/chatItem';
import { ChatWidget, preloadChatWidget } from '../prefabs/ChatWidget';
import type { StartChatRequest, StartChatResult } from '../react/context/ContactKitContext';
import { useUnreadCount } from '../react/hooks/useUnreadCount';
import { ChatProvider } from '../react/providers/ChatProvider';
import { ContactKitProvider } from '../react/providers/ContactKitProvider';
import { contrastRatio } from '../theme/contrast';
import type { ThemeInput } from '../theme/ContactKitThemeProvider';
import type { StartChatRequestBody } from './postStartChat';
import type { ContactWidgetConfig } from './widgetConfig';

/**
 * What the `<contact-widget>` element hands to the panel chunk.
 *
 * @example
 * ```ts
 * const panel = mountPanel(shadowRoot, {
 *   requestChat: (body) => postStartChat('/api/start-chat', body),
 *   endpoint: 'http://127.0.0.1:4010',
 *   config: { title: 'Acme help', accentColor: '#7c3aed' },
 *   emit: (name, detail) => host.dispatchEvent(new CustomEvent(name, { detail })),
 * });
 * ```
 */
export interface PanelOptions {
  /**
   * Starts a chat contact: by default the element POSTs `{DisplayName, Attributes}` to its
   * `start-chat-url` (StartChatContact behind it).
   */
  requestChat: (body: StartChatRequestBody) => Promise<StartChatResult>;
  /** Participant Service base URL (the emulator's, or a proxy). */
  endpoint?: string | undefined;
  /** AWS region, used when there is no `endpoint`. */
  region?: string | undefined;
  /** Title, colours, position, launcher, locale, strings, pre-chat fields (see `update`). */
  config: ContactWidgetConfig;
  /** CSP nonce for the `<style>` elements styled-components creates in the shadow root. */
  nonce?: string | undefined;
  /**
   * Where the chat is kept for resume (session storage key). Two widgets on one origin need
   * different keys, or they share one stored chat. Defaults to the kit's default key.
   */
  storageKey?: string | undefined;
  /** The sign-in landing page (ChatWidget's `authenticationRedirectUri`). */
  authenticationRedirectUri?: string | undefined;
  /** Reports `contact-kit:*` events to the host element. */
  emit: (name: WidgetEventName, detail: unknown) => void;
}

/**
 * The DOM events `<contact-widget>` dispatches.
 *
 * @example
 * ```ts
 * emit('contact-kit:unread', { count }); // the element re-dispatches it as a CustomEvent
 * ```
 */
export type WidgetEventName = 'contact-kit:message' | 'contact-kit:unread' | 'contact-kit:ended';

/**
 * Controls a mounted panel.
 *
 * @example
 * ```ts
 * const panel = mountPanel(shadowRoot, options);
 * panel.open();
 * ```
 */
export interface PanelHandle {
  /** Opens the panel (focus moves into it), as the launcher does. */
  open(): void;
  /** Minimises the panel (focus returns to the launcher), as Escape does. */
  close(): void;
  /** Contact attributes for the next chat, then opens the panel (which starts it without a form). */
  startChat(attributes: Record<string, string>): void;
  /** Whether the panel is open. */
  isOpen(): boolean;
  /** Applies a new configuration at once (the chat goes on). */
  update(config: ContactWidgetConfig): void;
  unmount(): void;
}

/**
 * The theme for an accent colour: launcher, own bubbles and buttons take it, and their text is
 * white or near-black, whichever reads better on it.
 */
function accentTheme(
  theme: ContactWidgetConfig['theme'],
  accent: string | undefined,
): ThemeInput | undefined {
  if (accent === undefined) {
    return theme;
  }
  const on = contrastRatio('#ffffff', accent) >= 4.5 ? '#ffffff' : '#0f172a';
  return {
    base: theme ?? 'light',
    color: { accent, onAccent: on, ownBubble: accent, onOwnBubble: on },
  };
}

function messageDetail(item: ChatItem) {
  return {
    id: item.id,
    type: item.type,
    contentType: item.contentType,
    content: item.content,
    displayName: item.displayName,
    role: item.role,
    time: item.time,
  };
}

function UnreadReporter(props: { emit: PanelOptions['emit'] }): ReactNode {
  const { count } = useUnreadCount();
  const { emit } = props;
  useEffect(() => {
    emit('contact-kit:unread', { count });
  }, [count, emit]);
  return null;
}

/**
 * Renders the React `ChatWidget` into the `<contact-widget>` shadow root (styles go there, with the
 * nonce), inside providers that start chats through `requestChat`. The panel starts closed; its
 * own launcher replaces the element's plain one.
 *
 * @example
 * ```ts
 * const panel = mountPanel(host.shadowRoot!, { requestChat, emit });
 * panel.open();
 * ```
 */
export function mountPanel(shadowRoot: ShadowRoot, options: PanelOptions): PanelHandle {
  // The panel's body and the chat session are chunks of their own: fetch them now, together,
  // rather than one after the other once the customer opens the chat.
  void preloadChatWidget();
  const container = shadowRoot.ownerDocument.createElement('div');
  container.setAttribute('data-ck-panel', '');
  shadowRoot.append(container);
  const root = createRoot(container);
  let attributes: Record<string, string> = {};
  let config = options.config;
  let formName: string | undefined;
  let formFields: Readonly<Record<string, string>> = {};
  let open = false;

  const start = (request: StartChatRequest): Promise<StartChatResult> =>
    options.requestChat({
      DisplayName: config.displayName || formName || 'Customer',
      Attributes: { ...formFields, ...attributes },
      ...(request.previousContactId !== undefined
        ? { ResumeContactId: request.previousContactId }
        : {}),
    });
  const emit = options.emit;
  // Without a launcher the panel is controlled from here: open() and the widget's own
  // minimise/close both go through `open`.
  const withLauncher = () => config.launcher !== false;

  const render = () => {
    const theme = accentTheme(config.theme, config.accentColor);
    root.render(
      <ContactKitProvider
        startChat={start}
        {...(options.endpoint ? { endpoint: options.endpoint } : {})}
        {...(options.region ? { region: options.region } : {})}
        {...(options.storageKey ? { storageKey: options.storageKey } : {})}
        {...(config.locale ? { locale: config.locale } : {})}
      >
        <ChatProvider
          onMessage={(item) => emit('contact-kit:message', messageDetail(item))}
          onChatEnded={() => emit('contact-kit:ended', {})}
        >
          <UnreadReporter emit={emit} />
          <ChatWidget
            styleTarget={shadowRoot}
            position={config.position ?? 'bottom-right'}
            {...(withLauncher() ? {} : { launcher: false, open })}
            onOpenChange={(next) => {
              open = next;
              if (!withLauncher()) {
                render();
              }
            }}
            {...(config.title !== undefined ? { title: config.title } : {})}
            {...(config.locale ? { locale: config.locale } : {})}
            {...(theme !== undefined ? { theme } : {})}
            {...(config.messages !== undefined ? { messages: config.messages } : {})}
            {...(options.nonce ? { nonce: options.nonce } : {})}
            {...(options.authenticationRedirectUri
              ? { authenticationRedirectUri: options.authenticationRedirectUri }
              : {})}
            {...(config.displayName
              ? {}
              : {
                  preChatForm: {
                    ...(config.preChatFields ? { fields: config.preChatFields } : {}),
                    onSubmit: (values) => {
                      formName = values.name;
                      formFields = values.fields;
                    },
                  },
                })}
          />
        </ChatProvider>
      </ContactKitProvider>,
    );
  };
  flushSync(render);

  // The prefab keeps its open state; driving it through its own launcher and Escape keeps its
  // focus handling (into the panel on open, back to the launcher on close).
  const widgetRoot = () => container.querySelector('[data-ck-widget]');
  const handle: PanelHandle = {
    open() {
      if (!withLauncher()) {
        if (!open) {
          open = true;
          flushSync(render);
        }
        return;
      }
      const launcher = widgetRoot()?.querySelector<HTMLButtonElement>(
        'button[aria-haspopup="dialog"]',
      );
      if (!open && launcher) {
        flushSync(() => launcher.click());
      }
    },
    close() {
      // The first Escape only dismisses an open "End chat?" confirmation; the second minimises.
      for (let attempt = 0; attempt < 2 && open; attempt += 1) {
        const panel = widgetRoot()?.querySelector('[role="dialog"]');
        if (!panel) {
          return;
        }
        flushSync(() => {
          panel.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
          );
        });
      }
    },
    startChat(next) {
      attributes = { ...next };
      handle.open();
    },
    isOpen: () => open,
    update(next) {
      config = next;
      flushSync(render);
    },
    unmount() {
      root.unmount();
      container.remove();
    },
  };
  return handle;
}
