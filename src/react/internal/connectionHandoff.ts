import type { ParticipantClient } from '../../core/protocol/participantClient';
import type {
  ConnectionType,
  CreateParticipantConnectionRequest,
  CreateParticipantConnectionResponse,
} from '../../core/protocol/types';
import type { Clock } from '../../core/clock';
import { participantConnectionExpiresAt } from '../hooks/useParticipantConnection';

/**
 * Hands a CreateParticipantConnection answer fetched through React Query to the session's first
 * connect, once: the session asks its client as usual, and the wrapped client answers from the
 * offer instead of the network when the offer fits the request and has not expired.
 *
 * @example
 * ```ts
 * handoff.offer(data, dataUpdatedAt);
 * session.connect(); // its CreateParticipantConnection is answered from `data`
 * ```
 */
export interface ConnectionHandoff {
  offer(data: CreateParticipantConnectionResponse, fetchedAt: number): void;
  /** The client to give the session. */
  wrap(client: ParticipantClient): ParticipantClient;
}

const has = (data: CreateParticipantConnectionResponse, type: ConnectionType): boolean =>
  type === 'WEBSOCKET'
    ? Boolean(data.Websocket?.Url)
    : type === 'CONNECTION_CREDENTIALS'
      ? Boolean(data.ConnectionCredentials?.ConnectionToken)
      : Boolean(data.WebRTCConnection);

/**
 * Creates a handoff for the session of `participantToken`.
 *
 * @example
 * ```ts
 * const handoff = createConnectionHandoff(participantToken, clock);
 * const session = createChatSession({ participantToken, client: handoff.wrap(client) });
 * ```
 */
export function createConnectionHandoff(participantToken: string, clock: Clock): ConnectionHandoff {
  let offered: { data: CreateParticipantConnectionResponse; fetchedAt: number } | undefined;

  const take = (
    token: string,
    request: CreateParticipantConnectionRequest,
  ): CreateParticipantConnectionResponse | undefined => {
    const current = offered;
    offered = undefined;
    if (!current || token !== participantToken || request.ConnectParticipant) {
      return undefined;
    }
    const types = request.Type ?? [];
    if (types.length === 0 || !types.every((type) => has(current.data, type))) {
      return undefined;
    }
    const expiresAt = participantConnectionExpiresAt(current.data, current.fetchedAt);
    return expiresAt === undefined || expiresAt > clock.now() ? current.data : undefined;
  };

  return {
    offer(data, fetchedAt) {
      offered = { data, fetchedAt };
    },
    wrap(client) {
      const wrapped: ParticipantClient = Object.create(client) as ParticipantClient;
      return Object.assign(wrapped, {
        createParticipantConnection: (
          token: string,
          request: CreateParticipantConnectionRequest,
          options?: Parameters<ParticipantClient['createParticipantConnection']>[2],
        ) => {
          const ready = take(token, request);
          return ready
            ? Promise.resolve(ready)
            : client.createParticipantConnection(token, request, options);
        },
      });
    },
  };
}
