/**
 * The vanilla example's page script. It points at a local emulator (`npm run emulator`) and
 * starts contacts through the emulator's admin API, which stands in for the shop's backend here
 * (in production, `startChat` calls your backend: see `examples/backend`).
 */
import { mountVanillaChat } from './mountVanillaChat';

const endpoint =
  new URLSearchParams(window.location.search).get('emulator') ?? 'http://127.0.0.1:4010';

const chat = mountVanillaChat(document.querySelector<HTMLElement>('#chat')!, {
  endpoint,
  startChat: async ({ previousContactId }) => {
    const response = await fetch(`${endpoint}/admin/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ParticipantDetails: { DisplayName: 'Customer' },
        ...(previousContactId !== undefined
          ? {
              PersistentChat: {
                SourceContactId: previousContactId,
                RehydrationType: 'ENTIRE_PAST_SESSION',
              },
            }
          : {}),
      }),
    });
    if (!response.ok) {
      throw new Error(`start-chat answered ${response.status}`);
    }
    return response.json();
  },
});

window.addEventListener('pagehide', () => chat.destroy());
