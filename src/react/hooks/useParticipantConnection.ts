import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { participantEndpoint } from '../../core/protocol/participantEndpoint';
import {
  ContactKitError,
  InvalidResponseError,
  ParticipantServiceError,
} from '../../core/protocol/errors';
import type { AbortError, NetworkError, RequestValidationError } from '../../core/protocol/errors';
import type {
  ConnectionCredentials,
  ConnectionType,
  CreateParticipantConnectionResponse,
  WebRTCConnection,
  Websocket,
} from '../../core/protocol/types';
import type { Logger } from '../../core/logger';
import { useMaybeContactKit } from '../context/ContactKitContext';
import { contactKitKeys } from '../queryKeys';

/** The longest a websocket URL is usable: it must be opened within 100 s of being issued. */
const WEBSOCKET_URL_WINDOW_MS = 100_000;
const DEFAULT_MAX_RETRIES = 3;

/**
 * The CreateParticipantConnection answer, with the blocks asked for in `types` guaranteed present:
 * `WEBSOCKET` → `Websocket.Url` and `ConnectionExpiry`; `CONNECTION_CREDENTIALS` →
 * `ConnectionCredentials.ConnectionToken` and `Expiry`; `WEBRTC_CONNECTION` → `WebRTCConnection`.
 *
 * @example
 * ```ts
 * const { data } = useParticipantConnection({ participantToken, types: ['WEBSOCKET'] });
 * if (data) new WebSocket(data.Websocket.Url); // present: WEBSOCKET was asked for
 * ```
 */
export type ParticipantConnectionData<TType extends ConnectionType = ConnectionType> =
  CreateParticipantConnectionResponse &
    ('WEBSOCKET' extends TType ? { Websocket: Required<Websocket> } : unknown) &
    ('CONNECTION_CREDENTIALS' extends TType
      ? { ConnectionCredentials: Required<ConnectionCredentials> }
      : unknown) &
    ('WEBRTC_CONNECTION' extends TType ? { WebRTCConnection: WebRTCConnection } : unknown);

/**
 * Every error {@link useParticipantConnection} can report. A 403 (`AccessDeniedException`: the
 * token is wrong or the chat ended) is a {@link ParticipantServiceError} with `status: 403`.
 *
 * @example
 * ```ts
 * if (error instanceof ParticipantServiceError && error.status === 403) showChatEnded();
 * ```
 */
export type ParticipantConnectionError =
  | ParticipantServiceError
  | NetworkError
  | AbortError
  | RequestValidationError
  | InvalidResponseError;

/**
 * Options of {@link useParticipantConnection} and {@link participantConnectionQueryOptions}.
 *
 * @example
 * ```ts
 * const { data } = useParticipantConnection({
 *   participantToken,
 *   types: ['WEBRTC_CONNECTION'],
 *   region: 'us-east-1',
 * });
 * ```
 */
export interface UseParticipantConnectionOptions<TType extends ConnectionType = ConnectionType> {
  /** The participant token from StartChatContact / StartWebRTCContact; no request without one. */
  participantToken: string | undefined;
  /** What to ask for, e.g. `['WEBSOCKET', 'CONNECTION_CREDENTIALS']` or `['WEBRTC_CONNECTION']`. */
  types: readonly TType[];
  /** Sends `ConnectParticipant: true` (agents, message streaming). Defaults to `false`. */
  connectParticipant?: boolean;
  /** Base URL of the Participant Service (e.g. the emulator's). Defaults to the provider's. */
  endpoint?: string;
  /** AWS region, used when no `endpoint` is given. Defaults to the provider's. */
  region?: string;
  /** `false` holds the request back. Defaults to `true`. */
  enabled?: boolean;
  /** The fetch to use. Defaults to the provider's, then `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** How many times a retryable failure (429, 500, 503, network) is retried. Defaults to 3. */
  retry?: number | false;
  /** Delay before retry number `attempt` (0-based), in ms. Defaults to 250 ms doubling, ≤ 5 s. */
  retryDelay?: number | ((attempt: number, error: ParticipantConnectionError) => number);
  /** Where failures are logged. Defaults to the provider's logger. */
  logger?: Logger;
}

/**
 * What {@link useParticipantConnection} returns: a React Query result with typed data and error.
 *
 * @example
 * ```tsx
 * const { data, error, status } = useParticipantConnection({
 *   participantToken,
 *   types: ['WEBSOCKET'],
 * });
 * if (status === 'error') return <p role="alert">{error.message}</p>;
 * return data ? <Chat url={data.Websocket.Url} /> : <Spinner />;
 * ```
 */
export type UseParticipantConnectionResult<TType extends ConnectionType = ConnectionType> =
  UseQueryResult<ParticipantConnectionData<TType>, ParticipantConnectionError>;

/**
 * When the data of a CreateParticipantConnection answer stops being usable, in ms since the epoch:
 * the websocket URL's `ConnectionExpiry` (at most 100 s after `fetchedAt`), else the connection
 * token's `Expiry`; `undefined` when neither block is present (WebRTC data lasts the call).
 *
 * @example
 * ```ts
 * const expiresAt = participantConnectionExpiresAt(data, Date.now());
 * if (expiresAt !== undefined && expiresAt <= Date.now()) refetch();
 * ```
 */
export function participantConnectionExpiresAt(
  data: CreateParticipantConnectionResponse,
  fetchedAt: number,
): number | undefined {
  if (data.Websocket) {
    const expiry = Date.parse(data.Websocket.ConnectionExpiry ?? '');
    const windowEnd = fetchedAt + WEBSOCKET_URL_WINDOW_MS;
    return Number.isNaN(expiry) ? windowEnd : Math.min(expiry, windowEnd);
  }
  if (data.ConnectionCredentials) {
    const expiry = Date.parse(data.ConnectionCredentials.Expiry ?? '');
    return Number.isNaN(expiry) ? undefined : expiry;
  }
  return undefined;
}

function resolveEndpoint(endpoint: string | undefined, region: string | undefined): string {
  if (endpoint !== undefined) {
    return endpoint.replace(/\/+$/, '');
  }
  if (region !== undefined) {
    return participantEndpoint(region);
  }
  throw new TypeError(
    'useParticipantConnection needs an endpoint or a region: pass one, or render inside <ContactKitProvider>',
  );
}

/** A 403 means the token is refused or the chat ended: asking again cannot help. */
function isRetryable(error: unknown): boolean {
  if (error instanceof ParticipantServiceError && error.status === 403) {
    return false;
  }
  return error instanceof ContactKitError && error.retryable;
}

function checkResponse<TType extends ConnectionType>(
  data: CreateParticipantConnectionResponse,
  types: readonly TType[],
): ParticipantConnectionData<TType> {
  const missing: string[] = [];
  const wanted = new Set<ConnectionType>(types);
  if (wanted.has('WEBSOCKET') && (!data.Websocket?.Url || !data.Websocket.ConnectionExpiry)) {
    missing.push('Websocket');
  }
  if (
    wanted.has('CONNECTION_CREDENTIALS') &&
    (!data.ConnectionCredentials?.ConnectionToken || !data.ConnectionCredentials.Expiry)
  ) {
    missing.push('ConnectionCredentials');
  }
  if (wanted.has('WEBRTC_CONNECTION') && !data.WebRTCConnection) {
    missing.push('WebRTCConnection');
  }
  if (missing.length > 0) {
    throw new InvalidResponseError(
      'CreateParticipantConnection',
      `CreateParticipantConnection answered without ${missing.join(' and ')}`,
    );
  }
  return data as ParticipantConnectionData<TType>;
}

/**
 * The React Query options behind {@link useParticipantConnection}, for `queryClient.fetchQuery`,
 * `prefetchQuery` or `useQuery` with extra options. The endpoint (or region) must be given here.
 *
 * @example
 * ```ts
 * const data = await queryClient.fetchQuery(
 *   participantConnectionQueryOptions({
 *     participantToken,
 *     types: ['WEBRTC_CONNECTION'],
 *     endpoint: 'http://127.0.0.1:4010',
 *   }),
 * );
 * ```
 */
export function participantConnectionQueryOptions<TType extends ConnectionType>(
  options: UseParticipantConnectionOptions<TType>,
) {
  const enabled = (options.enabled ?? true) && Boolean(options.participantToken);
  // A disabled query never runs, so it may lack an endpoint (a provider without config yet).
  const endpoint =
    enabled || options.endpoint !== undefined || options.region !== undefined
      ? resolveEndpoint(options.endpoint, options.region)
      : '';
  const { participantToken, types, connectParticipant, logger } = options;
  const maxRetries = options.retry === false ? 0 : (options.retry ?? DEFAULT_MAX_RETRIES);
  const retryDelay =
    options.retryDelay ?? ((attempt: number) => Math.min(250 * 2 ** attempt, 5000));
  const fetchImpl = options.fetch;
  return queryOptions<
    ParticipantConnectionData<TType>,
    ParticipantConnectionError,
    ParticipantConnectionData<TType>,
    ReturnType<typeof contactKitKeys.participantConnection>
  >({
    queryKey: contactKitKeys.participantConnection({
      endpoint,
      participantToken: participantToken ?? '',
      types,
      connectParticipant,
    }),
    // The abort signal is deliberately not read: React Query cancels a fetch whose signal was read
    // when its last observer unsubscribes, which StrictMode's unmount/remount does, and that would
    // send a second CreateParticipantConnection. A finished request just fills the cache.
    queryFn: async () => {
      if (!participantToken) {
        throw new TypeError('useParticipantConnection: no participantToken');
      }
      // Retries are React Query's (below) so that a 403 is never retried and the query state
      // shows every attempt; the client makes exactly one attempt per call.
      // The client loads with the first connection, not with the page: a widget nobody opens
      // never needs it.
      const { createParticipantClient } = await import('../../core/protocol/participantClient');
      const client = createParticipantClient({
        endpoint,
        retry: false,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
        ...(logger ? { logger } : {}),
      });
      const response = await client.createParticipantConnection(participantToken, {
        Type: [...types],
        ...(connectParticipant ? { ConnectParticipant: true } : {}),
      });
      return checkResponse(response, types);
    },
    enabled,
    retry: (failureCount, error) => failureCount < maxRetries && isRetryable(error),
    retryDelay: (attempt, error) =>
      typeof retryDelay === 'number' ? retryDelay : retryDelay(attempt, error),
    // A websocket URL must be opened within its window: past `ConnectionExpiry` the data is stale
    // and the next observer to mount asks again.
    staleTime: (query) => {
      const { data, dataUpdatedAt } = query.state;
      if (!data) {
        return 0;
      }
      const expiresAt = participantConnectionExpiresAt(data, dataUpdatedAt);
      return expiresAt === undefined ? Infinity : Math.max(0, expiresAt - dataUpdatedAt);
    },
    // A new URL is only needed to open a new socket; focus or a network change do not need one.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * Calls CreateParticipantConnection through React Query: one request per token and `types`
 * however many components ask (and under `<React.StrictMode>`), typed data and errors, retries of
 * 429/500/503 and network failures but never of a 403, and data that turns stale once the
 * websocket URL's `ConnectionExpiry` has passed. The chat provider uses it for the first
 * connection; the video provider for `WEBRTC_CONNECTION`.
 *
 * @example
 * ```tsx
 * function WebCall({ participantToken }: { participantToken: string }) {
 *   const { data, error, isPending } = useParticipantConnection({
 *     participantToken,
 *     types: ['WEBRTC_CONNECTION'],
 *   });
 *   if (isPending) return <p>Connecting…</p>;
 *   if (error) {
 *     const ended = error instanceof ParticipantServiceError && error.status === 403;
 *     return <p role="status">{ended ? 'The call has ended' : 'Cannot connect'}</p>;
 *   }
 *   return <Meeting connection={data.WebRTCConnection} />;
 * }
 * ```
 */
export function useParticipantConnection<TType extends ConnectionType>(
  options: UseParticipantConnectionOptions<TType>,
): UseParticipantConnectionResult<TType> {
  const kit = useMaybeContactKit();
  const endpoint = options.endpoint ?? (options.region ? undefined : kit?.endpoint);
  const region = options.region ?? kit?.region;
  const fetchImpl = options.fetch ?? kit?.fetch;
  const logger = options.logger ?? kit?.logger;
  return useQuery(
    participantConnectionQueryOptions({
      ...options,
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(logger ? { logger } : {}),
    }),
  );
}
