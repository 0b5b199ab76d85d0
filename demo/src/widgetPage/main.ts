/**
 * The script-tag widget page (`/widget.html`): registers `<contact-widget>` from the kit's sources
 * (a shop would load `dist/widget/contact-widget.js` instead) and points it at the demo's
 * emulator. The emulator's admin API stands in for the shop's start-chat backend, as on the
 * storefront.
 */
import { ContactWidgetElement } from '../../../src/widget/ContactWidgetElement';
import { createAdminApi } from '../shared/adminApi';
import { emulatorUrl } from '../shared/emulatorUrl';

// What src/widget/contact-widget.ts does. A bare `import` of it would do in `npm run dev`, but
// the package declares its sources free of side effects, so the built demo would drop it.
if (!customElements.get('contact-widget')) {
  customElements.define('contact-widget', ContactWidgetElement);
}

const widget = document.querySelector<ContactWidgetElement>('contact-widget');
if (widget) {
  const url = emulatorUrl(window.location.search);
  const api = createAdminApi(url);
  widget.setAttribute('endpoint', url);
  // The demo has no backend at /api/start-chat: start the contact through the emulator instead.
  widget.startChatRequest = (body) =>
    api.startChat(body.DisplayName, body.Attributes, body.ResumeContactId);

  document.querySelector('#ask-about-order')?.addEventListener('click', () => {
    void widget.startChat({ orderId: '42' });
  });
  const unread = document.querySelector('#unread');
  widget.addEventListener('contact-kit:unread', (event) => {
    const { count } = (event as CustomEvent<{ count: number }>).detail;
    if (unread) {
      unread.textContent = count > 0 ? `${count} unread chat message(s)` : '';
    }
  });
}
