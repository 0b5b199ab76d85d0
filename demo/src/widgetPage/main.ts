/**
 * The script-tag widget page (`/widget.html`): registers `<contact-widget>` from the kit's sources
 * (a shop would load `dist/widget/contact-widget.js` instead) and points it at the demo's
 * emulator. The emulator's admin API stands in for the shop's start-chat backend, as on the
 * storefront.
 */
import '../../../src/widget/contact-widget';
import type { ContactWidgetElement } from '../../../src/widget/contact-widget';
import { createAdminApi } from '../shared/adminApi';
import { emulatorUrl } from '../shared/emulatorUrl';

const widget = document.querySelector<ContactWidgetElement>('contact-widget');
if (widget) {
  const url = emulatorUrl(window.location.search);
  const api = createAdminApi(url);
  widget.setAttribute('endpoint', url);
  // The demo has no backend at /api/start-chat: start the contact through the emulator instead.
  widget.startChatRequest = (body) => api.startChat(body.DisplayName, body.Attributes);

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
