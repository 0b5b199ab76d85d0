import type { StartChatResult } from 'contact-kit';
import type { WebRTCConnectionData } from 'contact-kit/video';

/**
 * One participant of a contact, as the emulator's admin API lists it.
 *
 * @example
 * ```ts
 * const agent = contact.Participants.find((p: AdminParticipant) => p.ParticipantRole === 'AGENT');
 * ```
 */
export interface AdminParticipant {
  ParticipantId: string;
  DisplayName: string;
  ParticipantRole: string;
  Status: 'JOINED' | 'LEFT';
  OpenWebsockets: number;
}

/**
 * One contact of `GET /admin/contacts`.
 *
 * @example
 * ```ts
 * const active = contacts.filter((contact: AdminContact) => contact.Status === 'ACTIVE');
 * ```
 */
export interface AdminContact {
  ContactId: string;
  Status: 'ACTIVE' | 'ENDED';
  /** `CHAT` for chats, `VOICE` for web calls (as Connect's DescribeContact says). */
  Channel?: 'CHAT' | 'VOICE';
  CreatedTimestamp: string;
  Attributes?: Record<string, string>;
  Participants: AdminParticipant[];
}

/**
 * The answer of `POST /admin/contacts/{ContactId}/participants` (CreateParticipant).
 *
 * @example
 * ```ts
 * const { ParticipantCredentials }: JoinedParticipant = await api.join(contactId, 'Sam');
 * ```
 */
/**
 * What `POST /admin/webrtc` (StartWebRTCContact) answers: the customer's participant and the Chime
 * meeting data to join with.
 *
 * @example
 * ```ts
 * const call: StartedWebCall = await api.startWebCall('Ana');
 * ```
 */
export interface StartedWebCall {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  ConnectionData: WebRTCConnectionData;
}

export interface JoinedParticipant {
  ParticipantId: string;
  ParticipantCredentials: { ParticipantToken: string; Expiry: string };
}

/**
 * The admin calls the demo makes: the stand-in for the storefront's backend (StartChatContact) and
 * for the contact-centre side (CreateParticipant, StopContact, items sent by a flow).
 *
 * @example
 * ```ts
 * const api = createAdminApi('http://127.0.0.1:4010');
 * const { Contacts } = await api.listContacts();
 * ```
 */
export interface AdminApi {
  readonly url: string;
  /** With `previousContactId`, continues that ended contact (PersistentChat, entire past session). */
  startChat(
    displayName: string,
    attributes?: Record<string, string>,
    previousContactId?: string,
  ): Promise<StartChatResult>;
  /** Stands in for the shop backend's StartWebRTCContact call. */
  startWebCall(displayName: string, attributes?: Record<string, string>): Promise<StartedWebCall>;
  listContacts(): Promise<{ Contacts: AdminContact[] }>;
  join(contactId: string, displayName: string): Promise<JoinedParticipant>;
  sendItem(
    contactId: string,
    item: {
      ContentType: string;
      Content: string;
      ParticipantRole?: string;
      DisplayName?: string;
      ParticipantId?: string;
    },
  ): Promise<{ Id: string }>;
  stop(contactId: string): Promise<void>;
}

/**
 * Creates the admin client for an emulator base URL. Failed calls reject with the status and the
 * emulator's message.
 *
 * @example
 * ```ts
 * await createAdminApi(url).stop(contactId);
 * ```
 */
export function createAdminApi(url: string): AdminApi {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} failed with ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  };
  const contact = (contactId: string) => `/admin/contacts/${encodeURIComponent(contactId)}`;
  return {
    url,
    startChat: (displayName, attributes, previousContactId) =>
      call('POST', '/admin/chat', {
        ParticipantDetails: { DisplayName: displayName },
        ...(attributes ? { Attributes: attributes } : {}),
        ...(previousContactId !== undefined
          ? {
              PersistentChat: {
                SourceContactId: previousContactId,
                RehydrationType: 'ENTIRE_PAST_SESSION',
              },
            }
          : {}),
      }),
    startWebCall: (displayName, attributes) =>
      call('POST', '/admin/webrtc', {
        ParticipantDetails: { DisplayName: displayName },
        // Both sides may send video and share a screen (the emulator enforces what is listed).
        AllowedCapabilities: {
          Customer: { Video: 'SEND', ScreenShare: 'SEND' },
          Agent: { Video: 'SEND', ScreenShare: 'SEND' },
        },
        ...(attributes ? { Attributes: attributes } : {}),
      }),
    listContacts: () => call('GET', '/admin/contacts'),
    join: (contactId, displayName) =>
      call('POST', `${contact(contactId)}/participants`, {
        ParticipantDetails: { DisplayName: displayName, ParticipantRole: 'AGENT' },
      }),
    sendItem: (contactId, item) => call('POST', `${contact(contactId)}/items`, item),
    stop: async (contactId) => {
      await call('POST', `${contact(contactId)}/stop`, {});
    },
  };
}
