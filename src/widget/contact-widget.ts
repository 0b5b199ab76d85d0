/**
 * The script-tag build's entry (`dist/widget/contact-widget.js`, also `contact-kit/widget`):
 * registers `<contact-widget>`. This file's side effect is the point. It exports no value, so the
 * built file has no `export` statement and loads as a classic `<script src>` as well as a module
 * (its `import()` of the panel chunk works in both). Its types describe the element for
 * `document.querySelector('contact-widget')` and for JSX.
 *
 * @example
 * ```html
 * <script type="module" src="/widget/contact-widget.js"></script>
 * <contact-widget start-chat-url="/api/start-chat" region="us-east-1" accent-color="#7c3aed"></contact-widget>
 * ```
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import { ContactWidgetElement } from './ContactWidgetElement';
import type { ContactWidgetConfig, ContactWidgetPosition } from './widgetConfig';

if (typeof customElements !== 'undefined' && !customElements.get('contact-widget')) {
  customElements.define('contact-widget', ContactWidgetElement);
}

/**
 * The attributes of `<contact-widget>`, as written in HTML or JSX. JSON-valued ones (`messages`,
 * `pre-chat-fields`) take `JSON.stringify` of the matching {@link ContactWidgetConfig} field.
 *
 * @example
 * ```tsx
 * <contact-widget
 *   start-chat-url="/api/start-chat"
 *   region="us-east-1"
 *   panel-title="Acme help"
 *   pre-chat-fields={JSON.stringify([{ name: 'orderId', label: 'Order number' }])}
 * />
 * ```
 */
export interface ContactWidgetAttributes {
  endpoint?: string;
  region?: string;
  'start-chat-url'?: string;
  nonce?: string;
  'storage-key'?: string;
  'authentication-redirect-uri'?: string;
  'panel-title'?: string;
  'accent-color'?: string;
  position?: ContactWidgetPosition;
  launcher?: 'none' | 'default';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  messages?: string;
  'pre-chat-fields'?: string;
  'display-name'?: string;
}

/**
 * What JSX accepts on `<contact-widget>`: the HTML attributes, `ref`, and {@link ContactWidgetAttributes}.
 *
 * @example
 * ```tsx
 * <contact-widget region="us-east-1" start-chat-url="/api/start-chat" ref={widgetRef} />
 * ```
 */
export type ContactWidgetJsxProps = DetailedHTMLProps<
  HTMLAttributes<ContactWidgetElement>,
  ContactWidgetElement
> &
  ContactWidgetAttributes;

declare global {
  interface HTMLElementTagNameMap {
    'contact-widget': ContactWidgetElement;
  }
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'contact-widget': ContactWidgetJsxProps;
    }
  }
}

export type { ContactWidgetElement, ContactWidgetConfig, ContactWidgetPosition };
export type { ContactWidgetConfigError } from './widgetConfig';
// What the config's fields take, so a page typing its config names them from this entry. Not
// `messages`' MessageOverrides: its keys are `keyof typeof enMessages`, the English catalog.
export type { PreChatField } from '../prefabs/ChatWidget/validatePreChatForm';
export type { StartChatRequestBody } from './postStartChat';
export type { StartChatResult } from '../core/chat/contact/contactMachine';
