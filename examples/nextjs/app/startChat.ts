'use server';

import type { PreChatValues, StartChatRequest, StartChatResult } from 'contact-kit';

/**
 * Starts a chat contact on the server, where the credentials live, and returns only what the
 * browser needs. Against Amazon Connect this is `StartChatContact` (see examples/backend for the
 * validated, rate-limited version); here it asks the local emulator's admin route, which answers
 * the same three fields.
 */
export async function startChat(
  details: PreChatValues | undefined,
  request: StartChatRequest,
): Promise<StartChatResult> {
  const emulator = process.env.CONTACT_KIT_EMULATOR_URL;
  if (!emulator) {
    throw new Error('Set CONTACT_KIT_EMULATOR_URL (or call StartChatContact here).');
  }
  const name = details?.name || 'Customer';
  const response = await fetch(`${emulator}/admin/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ParticipantDetails: { DisplayName: name },
      ...(request.previousContactId
        ? {
            PersistentChat: {
              SourceContactId: request.previousContactId,
              RehydrationType: 'ENTIRE_PAST_SESSION',
            },
          }
        : {}),
    }),
  });
  if (!response.ok) {
    throw new Error(`Starting the chat failed with ${response.status}`);
  }
  const { ContactId, ParticipantId, ParticipantToken } = (await response.json()) as StartChatResult;
  return { ContactId, ParticipantId, ParticipantToken };
}
