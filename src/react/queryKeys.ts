import type { ConnectionType } from '../core/protocol/types';

/**
 * What identifies one CreateParticipantConnection request in the query cache.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({
 *   queryKey: contactKitKeys.participantConnection({
 *     endpoint: 'http://127.0.0.1:4010',
 *     participantToken,
 *     types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
 *   }),
 * });
 * ```
 */
export interface ParticipantConnectionKeyParams {
  /** The base URL the request goes to (resolved from `endpoint` or `region`). */
  endpoint: string;
  participantToken: string;
  types: readonly ConnectionType[];
  connectParticipant?: boolean | undefined;
}

const all = ['contact-kit'] as const;

/**
 * The query-key factory of contact-kit. Every query the kit puts in the app's QueryClient lives
 * under `['contact-kit', ...]`, so it cannot collide with the app's own keys and can be
 * invalidated or removed as a group.
 *
 * @example
 * ```ts
 * import { contactKitKeys } from 'contact-kit';
 *
 * queryClient.removeQueries({ queryKey: contactKitKeys.all }); // forget every kit query
 * queryClient.invalidateQueries({ queryKey: contactKitKeys.participantConnections() });
 * ```
 */
export const contactKitKeys = {
  /** The prefix of every contact-kit query. */
  all,
  /** Every CreateParticipantConnection query. */
  participantConnections: () => [...all, 'participantConnection'] as const,
  /** One CreateParticipantConnection query; the order of `types` does not matter. */
  participantConnection: ({
    endpoint,
    participantToken,
    types,
    connectParticipant,
  }: ParticipantConnectionKeyParams) =>
    [
      ...all,
      'participantConnection',
      {
        endpoint,
        participantToken,
        types: [...new Set(types)].sort(),
        connectParticipant: connectParticipant ?? false,
      },
    ] as const,
};
