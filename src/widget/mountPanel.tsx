import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChatItem } from '../core/chat/transcript/chatItem';
import { ChatWidget, preloadChatWidget } from '../prefabs/ChatWidget';
import type { WidgetPosition } from '../prefabs/ChatWidget';
import type { StartChatRequest, StartChatResult } from '../react/context/ContactKitContext';
import { useUnreadCount } from '../react/hooks/useUnreadCount';
import { ChatProvider } from '../react/providers/ChatProvider';
import { ContactKitProvider } from '../react/providers/ContactKitProvider';
import type { ThemeInput } from '../theme/ContactKitThemeProvider';
import type { StartChatRequestBody } from './postStartChat';

/**
 * What the `<contact-widget>` element hands to the panel chunk.
 *
 * @example
 * ```ts
 * const options: PanelOptions = {
 *   requestChat: (body) => postStartChat('/api/start-chat', body),
 *   endpoint: 'http://127.0.0.1:4010',
 *   emit: (name, detail) => host.dispatchEvent(new CustomEvent(name, { detail })),
 * };
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
  locale?: string | undefined;
  theme?: ThemeInput | undefined;
  position?: WidgetPosition | undefined;
  /** CSP nonce for the `<style>` elements styled-components creates in the shadow root. */
  nonce?: string | undefined;
  /**
   * Where the chat is kept for resume (session storage key). Two widgets on one origin need
   * different keys, or they share one stored chat. Defaults to the kit's default key.
   */
  storageKey?: string | undefined;
  /** Name sent as `DisplayName`; without it the panel asks with a pre-chat form. */
  displayName?: string | undefined;
  /** Show the panel's launcher (default); `false` when the page opens the panel with `open()`. */
  launcher?: boolean | undefined;
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
 * const name: WidgetEventName = 'contact-kit:unread';
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
  unmount(): void;
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
  let name: string | undefined = options.displayName;
  let open = false;

  const start = (request: StartChatRequest): Promise<StartChatResult> =>
    options.requestChat({
      DisplayName: name || 'Customer',
      Attributes: attributes,
      ...(request.previousContactId !== undefined
        ? { ResumeContactId: request.previousContactId }
        : {}),
    });
  const emit = options.emit;
  // Without a launcher the panel is controlled from here: open() and the widget's own
  // minimise/close both go through `open`.
  const withLauncher = options.launcher !== false;

  const render = () => {
    root.render(
      <ContactKitProvider
        startChat={start}
        {...(options.endpoint ? { endpoint: options.endpoint } : {})}
        {...(options.region ? { region: options.region } : {})}
        {...(options.storageKey ? { storageKey: options.storageKey } : {})}
        {...(options.locale ? { locale: options.locale } : {})}
      >
        <ChatProvider
          onMessage={(item) => emit('contact-kit:message', messageDetail(item))}
          onChatEnded={() => emit('contact-kit:ended', {})}
        >
          <UnreadReporter emit={emit} />
          <ChatWidget
            styleTarget={shadowRoot}
            position={options.position ?? 'bottom-right'}
            {...(withLauncher ? {} : { launcher: false, open })}
            onOpenChange={(next) => {
              open = next;
              if (!withLauncher) {
                render();
              }
            }}
            {...(options.locale ? { locale: options.locale } : {})}
            {...(options.theme !== undefined ? { theme: options.theme } : {})}
            {...(options.nonce ? { nonce: options.nonce } : {})}
            {...(options.authenticationRedirectUri
              ? { authenticationRedirectUri: options.authenticationRedirectUri }
              : {})}
            {...(options.displayName
              ? {}
              : {
                  preChatForm: {
                    onSubmit: (values) => {
                      name = values.name;
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
      if (!withLauncher) {
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
    unmount() {
      root.unmount();
      container.remove();
    },
  };
  return handle;
}
