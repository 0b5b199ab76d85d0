// The emulator side of parts 3 to 5: an emulator per client (same seed for its fault draws), the
// admin calls that stand in for a storefront backend, and an agent that sends over REST only (no
// websocket, so socket faults hit the customer's client alone).
import { register } from 'tsx/esm/api';
import { join } from 'node:path';
import { root } from './bundle.mjs';
import { seededRandom } from './stats.mjs';

register();
const { startEmulator } = await import(join(root, 'src', 'emulator', 'index.ts'));
const { startFaultProxy } = await import(join(root, 'test', 'support', 'faultProxy.ts'));

/**
 * Starts the man-in-the-middle fault proxy of the tests (`test/support/faultProxy.ts`) in front
 * of `url`, its draws following `seed`.
 */
export const startSeededProxy = (url, seed) =>
  startFaultProxy({ target: url, random: seededRandom(seed) });

/** Starts an emulator on a free loopback port whose duplicate/reorder draws follow `seed`. */
export const startSeededEmulator = (seed) =>
  startEmulator({ port: 0, host: '127.0.0.1', agent: 'none', random: seededRandom(seed) });

const call = async (url, path, { body, bearer } = {}) => {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { 'x-amz-bearer': bearer } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    const error = new Error(`${path}: ${response.status} ${text}`);
    error.status = response.status;
    throw error;
  }
  return text ? JSON.parse(text) : {};
};

/**
 * Starts a chat (StartChatContact) and adds an agent who is connected over REST.
 *
 * @returns {Promise<{ customer: { endpoint: string, contactId: string, participantId: string,
 *   participantToken: string }, agent: { send: (text: string) => Promise<{ Id: string }> } }>}
 */
export const startChatWithAgent = async (url) => {
  const chat = await call(url, '/admin/chat', {
    body: { ParticipantDetails: { DisplayName: 'Bench customer' } },
  });
  const added = await call(url, `/admin/contacts/${chat.ContactId}/participants`, {
    body: { ParticipantDetails: { DisplayName: 'Sam', ParticipantRole: 'AGENT' } },
  });
  const connection = await call(url, '/participant/connection', {
    bearer: added.ParticipantCredentials.ParticipantToken,
    body: { Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true },
  });
  const token = connection.ConnectionCredentials.ConnectionToken;
  let sequence = 0;
  return {
    customer: {
      endpoint: url,
      contactId: chat.ContactId,
      participantId: chat.ParticipantId,
      participantToken: chat.ParticipantToken,
    },
    agent: {
      send: (text) => {
        sequence += 1;
        return call(url, '/participant/message', {
          bearer: token,
          body: {
            ContentType: 'text/plain',
            Content: text,
            ClientToken: `agent-${sequence}-${text}`,
          },
        });
      },
    },
  };
};

/** The oracle: every Item the emulator holds for the contact, in order. */
export const oracleTranscript = async (url, contactId) =>
  (await call(url, `/admin/contacts/${encodeURIComponent(contactId)}/transcript`)).Transcript;

/** Injects one fault (design.md §3). */
export const fault = (url, body) => call(url, '/admin/faults', { body });
