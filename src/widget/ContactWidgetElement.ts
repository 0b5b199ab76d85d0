import type { StartChatResult } from '../react/context/ContactKitContext';
import type * as PanelModule from './mountPanel';
import type { PanelHandle, PanelOptions, WidgetEventName } from './mountPanel';
import { postStartChat } from './postStartChat';
import type { StartChatRequestBody } from './postStartChat';
import {
  ContactWidgetConfigError,
  WIDGET_CONFIG_ATTRIBUTES,
  checkWidgetConfig,
  readWidgetAttribute,
} from './widgetConfig';
import type { ContactWidgetConfig } from './widgetConfig';

const LAUNCHER_CSS = `
:host { all: initial; }
:host([data-ck-position="inline"]) { display: block; }
[data-ck-loader] { all: initial; box-sizing: border-box; position: fixed; z-index: 2147483000; inset-block-end: 16px; right: 16px; display: inline-flex; align-items: center; justify-content: center; inline-size: var(--ck-size-launcher, 56px); block-size: var(--ck-size-launcher, 56px); border-radius: var(--ck-radius-pill, 999px); border: 0; background: var(--ck-color-accent, var(--ck-default-color-accent, #1d4ed8)); color: var(--ck-color-on-accent, var(--ck-default-color-on-accent, #fff)); cursor: pointer; box-shadow: 0 8px 24px rgba(15, 23, 42, 0.2); }
:host([data-ck-position="bottom-left"]) [data-ck-loader] { right: auto; left: 16px; }
:host([data-ck-position="inline"]) [data-ck-loader] { position: relative; }
[data-ck-loader]:focus-visible { outline: 2px solid var(--ck-color-focus, #b45309); outline-offset: 2px; }
[data-ck-loader] svg { inline-size: 26px; block-size: 26px; fill: currentColor; }
[data-ck-badge] { position: absolute; inset-block-start: -4px; inset-inline-end: -4px; min-inline-size: 22px; block-size: 22px; padding: 0 6px; box-sizing: border-box; border-radius: 999px; border: 2px solid #fff; background: #b91c1c; color: #fff; font: 700 12px/18px system-ui, sans-serif; text-align: center; }
[data-ck-badge][hidden] { display: none; }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHAT_ICON_PATH =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';

/**
 * The launcher's icon and unread badge, built with DOM calls: no `innerHTML`, so the widget
 * runs on pages that enforce Trusted Types (`require-trusted-types-for 'script'`).
 */
function launcherContent(doc: Document): Node[] {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', CHAT_ICON_PATH);
  svg.append(path);
  const badge = doc.createElement('span');
  badge.setAttribute('data-ck-badge', '');
  badge.setAttribute('aria-hidden', 'true');
  badge.hidden = true;
  return [svg, badge];
}

/** Loads the panel chunk once; the host page has no React, so the chunk bundles it. */
let panelModule: Promise<typeof PanelModule> | undefined;
const loadPanel = (): Promise<typeof PanelModule> => (panelModule ??= import('./mountPanel'));

/**
 * `<contact-widget>`: a plain-DOM launcher ("Open chat") in a shadow root that loads the React
 * chat panel on first open, or when the browser is idle. Set up once: `endpoint` or `region`,
 * `start-chat-url`, `nonce`, `storage-key` (where the chat is kept for resume: give two widgets on
 * one origin different keys), `authentication-redirect-uri` (the sign-in landing page, see
 * `completeAuthenticationRedirect`). Applied live, by attribute or through the `config` property
 * (see {@link ContactWidgetConfig}): `panel-title`, `accent-color`, `position`, `launcher`
 * (`none` for pages with their own button, which calls `open()`), `locale`, `theme`, `messages`,
 * `pre-chat-fields`, `display-name`. Host CSS restyles it through the `--ck-*` variables set on
 * the element or any ancestor. Builds its DOM without `innerHTML`, so pages that enforce Trusted
 * Types work. Dispatches `contact-kit:message`, `contact-kit:unread`, `contact-kit:ended`, and
 * `contact-kit:error` for an attribute it cannot use.
 *
 * @example
 * ```ts
 * customElements.define('contact-widget', ContactWidgetElement);
 * const widget = document.querySelector('contact-widget') as ContactWidgetElement;
 * widget.open();
 * ```
 */
export class ContactWidgetElement extends HTMLElement {
  /** The attributes applied live. */
  static readonly observedAttributes = Object.keys(WIDGET_CONFIG_ATTRIBUTES);

  readonly #root: ShadowRoot;
  #fromAttributes: Record<string, unknown> = {};
  #fromProperty: ContactWidgetConfig = {};
  #launcher: HTMLButtonElement | undefined;
  /** The plain launcher's stylesheet is in the shadow root. */
  #styled = false;
  #panel: PanelHandle | undefined;
  #mounting: Promise<PanelHandle> | undefined;
  #idle: number | undefined;

  /**
   * Replaces the POST to `start-chat-url`, for pages whose backend wants another request (extra
   * headers, another body). Must resolve with StartChatContact's `{ContactId, ParticipantId,
   * ParticipantToken}`.
   *
   * @example
   * ```ts
   * widget.startChatRequest = (body) => myApi.startChat(body.DisplayName, body.Attributes);
   * ```
   */
  startChatRequest: ((body: StartChatRequestBody) => Promise<StartChatResult>) | undefined;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /**
   * The configuration in effect: the `config` property's fields over the attributes'. Setting it
   * checks every field (a bad one throws {@link ContactWidgetConfigError}) and applies it at once.
   *
   * @example
   * ```ts
   * widget.config = { accentColor: '#0f766e', position: 'bottom-left' };
   * ```
   */
  get config(): ContactWidgetConfig {
    return { ...this.#fromAttributes, ...this.#fromProperty } as ContactWidgetConfig;
  }

  set config(value: ContactWidgetConfig) {
    this.#fromProperty = checkWidgetConfig(value);
    this.#apply();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    try {
      const [field, parsed] = readWidgetAttribute(
        name as keyof typeof WIDGET_CONFIG_ATTRIBUTES,
        value,
      );
      if (parsed === undefined) {
        delete this.#fromAttributes[field];
      } else {
        this.#fromAttributes[field] = parsed;
      }
    } catch (error) {
      if (!(error instanceof ContactWidgetConfigError)) {
        throw error;
      }
      // No caller to throw to: say it on the console and as an event, keep the last good value.
      console.error(error);
      this.dispatchEvent(new CustomEvent('contact-kit:error', { detail: { error } }));
      return;
    }
    this.#apply();
  }

  /** Puts the configuration in effect: on the plain launcher, or on the mounted panel. */
  #apply(): void {
    const config = this.config;
    const position = config.position ?? 'bottom-right';
    if (this.getAttribute('data-ck-position') !== position) {
      this.setAttribute('data-ck-position', position);
    }
    if (this.#panel) {
      this.#panel.update(config);
      return;
    }
    if (!this.#styled || this.#mounting) {
      return;
    }
    const wantLauncher = config.launcher !== false;
    if (wantLauncher && !this.#launcher) {
      this.#launcher = this.#plainLauncher();
      this.#root.append(this.#launcher);
    } else if (!wantLauncher && this.#launcher) {
      this.#launcher.remove();
      this.#launcher = undefined;
    }
  }

  #plainLauncher(): HTMLButtonElement {
    const button = this.ownerDocument.createElement('button');
    button.type = 'button';
    button.setAttribute('data-ck-loader', '');
    button.setAttribute('aria-label', 'Open chat');
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.append(...launcherContent(this.ownerDocument));
    button.addEventListener('click', () => {
      this.open().catch((error: unknown) => console.error(error));
    });
    return button;
  }

  /** The `nonce` attribute (browsers hide it from getAttribute once connected: read the property). */
  get #nonce(): string | undefined {
    return this.nonce || this.getAttribute('nonce') || undefined;
  }

  connectedCallback(): void {
    if (this.#mounting) {
      // Moved in the DOM while the panel is up: it stays as it is.
      return;
    }
    if (!this.#styled) {
      this.#root.replaceChildren();
      const style = this.ownerDocument.createElement('style');
      const nonce = this.#nonce;
      if (nonce) {
        style.nonce = nonce;
      }
      style.textContent = LAUNCHER_CSS;
      this.#root.append(style);
      this.#styled = true;
    }
    // The plain launcher, unless launcher="none" (the page has a button of its own).
    this.#apply();
    if (this.#idle === undefined) {
      const warm = () => {
        loadPanel().catch(() => undefined);
      };
      this.#idle =
        typeof requestIdleCallback === 'function'
          ? requestIdleCallback(warm, { timeout: 5000 })
          : window.setTimeout(warm, 2000);
    }
  }

  disconnectedCallback(): void {
    // A move in the DOM reconnects within the same task; a removal unmounts the panel, which
    // closes the chat's socket (the contact stays resumable from session storage).
    queueMicrotask(() => {
      if (!this.isConnected && this.#mounting) {
        const mounting = this.#mounting;
        this.#mounting = undefined;
        this.#panel = undefined;
        this.#launcher = undefined;
        this.#styled = false;
        mounting.then((panel) => panel.unmount()).catch(() => undefined);
      }
    });
    if (this.#idle !== undefined) {
      if (typeof cancelIdleCallback === 'function') {
        cancelIdleCallback(this.#idle);
      } else {
        clearTimeout(this.#idle);
      }
      this.#idle = undefined;
    }
  }

  /**
   * Opens the chat panel, loading it first if needed.
   *
   * @example
   * ```ts
   * await widget.open();
   * ```
   */
  async open(): Promise<void> {
    (await this.#mount()).open();
  }

  /**
   * Minimises the chat panel (the chat goes on).
   *
   * @example
   * ```ts
   * widget.close();
   * ```
   */
  close(): void {
    this.#panel?.close();
  }

  /**
   * Sets the contact attributes of the next chat and opens the panel, which starts it (after the
   * pre-chat form when there is no `display-name`).
   *
   * @example
   * ```ts
   * await widget.startChat({ orderId: '42' });
   * ```
   */
  async startChat(attributes: Record<string, string> = {}): Promise<void> {
    for (const [key, value] of Object.entries(attributes)) {
      if (typeof value !== 'string') {
        throw new TypeError(`contact-widget: attribute ${key} must be a string`);
      }
    }
    (await this.#mount()).startChat(attributes);
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.#panel?.isOpen() ?? false;
  }

  #emit = (name: WidgetEventName, detail: unknown): void => {
    if (name === 'contact-kit:unread' && this.#launcher) {
      const count = (detail as { count: number }).count;
      const badge = this.#launcher.querySelector<HTMLElement>('[data-ck-badge]');
      if (badge) {
        badge.hidden = count === 0;
        badge.textContent = count > 99 ? '99+' : String(count);
      }
    }
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  };

  #mount(): Promise<PanelHandle> {
    if (this.#mounting) {
      return this.#mounting;
    }
    const mounting: Promise<PanelHandle> = loadPanel().then(({ mountPanel }) => {
      if (this.#mounting !== mounting) {
        throw new Error('contact-widget: removed from the page while the panel loaded');
      }
      const options: PanelOptions = {
        requestChat: (body) => {
          if (this.startChatRequest) {
            return this.startChatRequest(body);
          }
          const url = this.getAttribute('start-chat-url');
          if (!url) {
            return Promise.reject(new Error('contact-widget: set the start-chat-url attribute'));
          }
          return postStartChat(url, body);
        },
        endpoint: this.getAttribute('endpoint') ?? undefined,
        region: this.getAttribute('region') ?? undefined,
        config: this.config,
        nonce: this.#nonce,
        storageKey: this.getAttribute('storage-key') ?? undefined,
        authenticationRedirectUri: this.getAttribute('authentication-redirect-uri') ?? undefined,
        emit: this.#emit,
      };
      const panel = mountPanel(this.#root, options);
      // The prefab's own launcher takes over; keep focus on a launcher if the plain one had it.
      const hadFocus = this.#root.activeElement === this.#launcher;
      this.#launcher?.remove();
      this.#launcher = undefined;
      if (hadFocus) {
        this.#root.querySelector<HTMLElement>('[data-ck-widget] button')?.focus();
      }
      this.#panel = panel;
      return panel;
    });
    this.#mounting = mounting;
    // A failed load (offline, a deploy replaced the chunk) may be retried by the next open.
    mounting.catch(() => {
      if (this.#mounting === mounting && !this.#panel) {
        this.#mounting = undefined;
        panelModule = undefined;
      }
    });
    return mounting;
  }
}
