/**
 * The script-tag build's entry (`dist/widget/contact-widget.js`): registers `<contact-widget>`.
 * This file's side effect is the point. It exports no value, so the built file has no `export`
 * statement and loads as a classic `<script src>` as well as a module (its `import()` of the
 * panel chunk works in both).
 *
 * @example
 * ```html
 * <script type="module" src="/widget/contact-widget.js"></script>
 * <contact-widget start-chat-url="/api/start-chat" region="us-east-1"></contact-widget>
 * ```
 */
import { ContactWidgetElement } from './ContactWidgetElement';

if (typeof customElements !== 'undefined' && !customElements.get('contact-widget')) {
  customElements.define('contact-widget', ContactWidgetElement);
}

export type { ContactWidgetElement };
