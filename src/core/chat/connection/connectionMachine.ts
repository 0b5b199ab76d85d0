import { ChatError } from '../../protocol/errors';
import { backoffDelay, heartbeatTimeout, smoothRtt } from './connectionPolicy';
import type { ConnectionPolicy } from './connectionPolicy';

/**
 * The credentials CreateParticipantConnection handed out, with expiry instants as epoch
 * milliseconds. `websocketUrl` is dropped once a socket failed to open with it (it may have been
 * revoked), so the next attempt fetches a fresh one.
 *
 * @example
 * ```ts
 * // Resuming a stored chat starts from its credentials instead of fetching new ones.
 * const state = initialConnectionState({ connectionToken, tokenExpiresAt, websocketUrl, urlExpiresAt });
 * ```
 */
export interface SessionCredentials {
  readonly connectionToken: string;
  readonly tokenExpiresAt: number;
  readonly websocketUrl?: string | undefined;
  readonly urlExpiresAt?: number | undefined;
}

/**
 * What a connecting or reconnecting session is doing right now.
 *
 * @example
 * ```ts
 * if (state.status === 'reconnecting' && state.step === 'waiting') showCountdown();
 * ```
 */
export type ConnectStep = 'waiting' | 'fetching' | 'opening' | 'subscribing';

/** Fields every state carries. */
interface StateBase {
  /** The latest credentials, kept across reconnects (the token outlives sockets). */
  readonly credentials: SessionCredentials | undefined;
  /** The id the next socket gets; ids let the machine ignore events of sockets it let go. */
  readonly nextSocketId: number;
  /**
   * Smoothed round trip of the socket's answers (subscribe, heartbeat), kept across reconnects;
   * it sizes the heartbeat timeout (see `heartbeatTimeout`). `undefined` until measured.
   */
  readonly rttMs?: number | undefined;
}

/**
 * A replacement socket being prepared while the current one keeps delivering.
 *
 * @example
 * ```ts
 * if (state.status === 'open' && state.rotation) console.debug('rotating', state.rotation.step);
 * ```
 */
export interface Rotation {
  readonly step: 'fetching' | 'opening' | 'subscribing';
  /** The new socket once it is being opened. */
  readonly socketId: number | undefined;
  readonly subscribeTries: number;
}

/**
 * The connection lifecycle state: a union on `status`.
 *
 * - `idle`: never connected.
 * - `connecting` / `reconnecting`: getting a socket subscribed to `aws/chat` (first time / after
 *   one was lost); `attempt` counts attempts, `error` is why the last one failed.
 * - `open`: a subscribed socket is live.
 * - `closed`: the chat ended or the session was destroyed; nothing runs any more.
 * - `failed`: the first connection was refused (or the request is malformed); `CONNECT` tries again.
 *
 * @example
 * ```ts
 * const state = initialConnectionState();
 * state.status; // 'idle'
 * ```
 */
export type ConnectionState =
  | ({ readonly status: 'idle' } & StateBase)
  | ({
      readonly status: 'connecting' | 'reconnecting';
      readonly attempt: number;
      readonly error: ChatError | undefined;
      readonly step: ConnectStep;
      /** The socket being opened or subscribed (steps `opening` and `subscribing`). */
      readonly socketId: number | undefined;
      readonly subscribeTries: number;
      /** A 403 from CreateParticipantConnection means the chat ended (not a bad token). */
      readonly hadSession: boolean;
      /** The last CreateParticipantConnection got a 403 not yet confirmed (see `FetchFailure`). */
      readonly deniedOnce?: boolean | undefined;
      /** This reconnect skipped the backoff (`reconnectJitterMs`); a failure falls back to it. */
      readonly fast?: boolean | undefined;
    } & StateBase)
  | ({
      readonly status: 'open';
      readonly socketId: number;
      readonly heartbeatPending: boolean;
      /** A CreateParticipantConnection call (token refresh or rotation) is in flight. */
      readonly fetching: boolean;
      /** Failed token refreshes in a row (spaces the next try). */
      readonly refreshFailures: number;
      readonly rotation: Rotation | undefined;
      /** The last CreateParticipantConnection got a 403 not yet confirmed (see `FetchFailure`). */
      readonly deniedOnce?: boolean | undefined;
      /**
       * This socket came from a fast reconnect and has not answered a heartbeat yet: losing it
       * waits the backoff instead of reconnecting at once again.
       */
      readonly unproven?: boolean | undefined;
    } & StateBase)
  | ({ readonly status: 'closed'; readonly reason: 'ended' | 'destroyed' } & StateBase)
  | ({ readonly status: 'failed'; readonly error: ChatError } & StateBase);

/**
 * How a failed CreateParticipantConnection should be treated.
 *
 * @example
 * ```ts
 * const failure = error.status === 403 ? 'denied' : 'retryable';
 * transition(state, { type: 'CONNECTION_FETCH_FAILED', failure, error, jitter: Math.random() }, policy);
 * ```
 */
export type FetchFailure =
  /** 429, 5xx, network: keep trying with backoff, forever. */
  | 'retryable'
  /**
   * 403: token refused (first connect) or chat ended (later). Later, one 403 alone is not taken
   * as the end: a proxy or WAF can answer one 403 at a rotation. The machine asks again once
   * after a short backoff (the first reconnect backoff) and ends the chat only if that call is
   * refused too, so a single hiccup neither ends the chat nor clears its resume data.
   */
  | 'denied'
  /** Anything else (400, malformed response): retrying cannot help. */
  | 'fatal';

/**
 * Everything that can happen to a connection. Socket events carry the socket's id; events that
 * may lead to a backoff carry `jitter`, a uniform draw in `[0, 1)` supplied by the shell, so the
 * machine stays pure.
 *
 * @example
 * ```ts
 * const step = transition(state, { type: 'SOCKET_CLOSED', socketId: 1, jitter: Math.random() }, policy);
 * ```
 */
export type ConnectionEvent =
  | { readonly type: 'CONNECT'; readonly now: number; readonly resumed?: boolean }
  | {
      readonly type: 'CONNECTION_FETCHED';
      readonly now: number;
      readonly credentials: SessionCredentials;
    }
  | {
      readonly type: 'CONNECTION_FETCH_FAILED';
      readonly failure: FetchFailure;
      readonly error: ChatError;
      readonly jitter: number;
    }
  | { readonly type: 'SOCKET_OPENED'; readonly socketId: number }
  | { readonly type: 'SOCKET_CLOSED'; readonly socketId: number; readonly jitter: number }
  | { readonly type: 'SUBSCRIBED'; readonly socketId: number; readonly rttMs?: number }
  | { readonly type: 'SUBSCRIBE_FAILED'; readonly socketId: number }
  | { readonly type: 'HEARTBEAT_ACK'; readonly socketId: number; readonly rttMs?: number }
  | { readonly type: 'RETRY_DUE'; readonly now: number }
  | { readonly type: 'OPEN_TIMEOUT'; readonly jitter: number }
  | { readonly type: 'SUBSCRIBE_TIMEOUT'; readonly jitter: number }
  | { readonly type: 'HEARTBEAT_DUE' }
  | { readonly type: 'HEARTBEAT_TIMEOUT'; readonly jitter: number }
  | { readonly type: 'ROTATE_DUE' }
  | { readonly type: 'TOKEN_REFRESH_DUE' }
  | { readonly type: 'TOKEN_REJECTED' }
  | { readonly type: 'WAKE'; readonly now: number }
  /** Something suggests the live socket may be dead (a sent message did not come back): ping now. */
  | { readonly type: 'PROBE' }
  | { readonly type: 'CHAT_ENDED' }
  | { readonly type: 'DESTROY' };

/**
 * The shell's timers; each fires the matching event (`retry` → `RETRY_DUE`, …).
 *
 * @example
 * ```ts
 * const event = timer === 'retry' ? { type: 'RETRY_DUE', now: clock.now() } : undefined;
 * ```
 */
export type ConnectionTimer =
  'retry' | 'open' | 'subscribe' | 'heartbeat' | 'heartbeatTimeout' | 'rotate' | 'tokenRefresh';

/**
 * Every timer, for cancelling them all.
 *
 * @example
 * ```ts
 * for (const timer of CONNECTION_TIMERS) clock.clearTimeout(handles.get(timer));
 * ```
 */
export const CONNECTION_TIMERS: readonly ConnectionTimer[] = [
  'retry',
  'open',
  'subscribe',
  'heartbeat',
  'heartbeatTimeout',
  'rotate',
  'tokenRefresh',
];

/**
 * Commands for the shell, the only place that does I/O.
 *
 * @example
 * ```ts
 * for (const effect of step.effects) {
 *   if (effect.type === 'openSocket') sockets.open(effect.socketId, effect.url);
 * }
 * ```
 */
export type ConnectionEffect =
  /** Call CreateParticipantConnection (`WEBSOCKET` + `CONNECTION_CREDENTIALS`). */
  | { readonly type: 'fetchConnection' }
  /** Abort an in-flight CreateParticipantConnection. */
  | { readonly type: 'abortFetch' }
  | { readonly type: 'openSocket'; readonly socketId: number; readonly url: string }
  | { readonly type: 'closeSocket'; readonly socketId: number }
  | { readonly type: 'sendSubscribe'; readonly socketId: number }
  /** Send `aws/heartbeat` and `aws/ping`. */
  | { readonly type: 'sendHeartbeat'; readonly socketId: number }
  /** (Re)start a timer; restarting replaces the pending one. */
  | { readonly type: 'startTimer'; readonly timer: ConnectionTimer; readonly delayMs: number }
  | { readonly type: 'cancelTimer'; readonly timer: ConnectionTimer }
  /** A socket was (re)subscribed: fetch what was missed. */
  | { readonly type: 'fillGap' }
  /** The chat is over (403 on reconnect): mark it ended. */
  | { readonly type: 'chatEnded' };

/**
 * One step of the machine.
 *
 * @example
 * ```ts
 * const { state, effects } = transition(initialConnectionState(), { type: 'CONNECT', now: 0 }, policy);
 * ```
 */
export interface ConnectionStep {
  readonly state: ConnectionState;
  readonly effects: readonly ConnectionEffect[];
}

/**
 * The state before `CONNECT`, optionally seeded with credentials from a previous page load.
 *
 * @example
 * ```ts
 * let state = initialConnectionState(stored?.credentials);
 * ```
 */
export function initialConnectionState(credentials?: SessionCredentials): ConnectionState {
  return { status: 'idle', credentials, nextSocketId: 1 };
}

const stay = (state: ConnectionState): ConnectionStep => ({ state, effects: [] });

function unreachable(value: never): never {
  throw new Error(`Unhandled connection state: ${JSON.stringify(value)}`);
}

function urlUsable(
  credentials: SessionCredentials | undefined,
  now: number,
  policy: ConnectionPolicy,
) {
  return (
    credentials?.websocketUrl !== undefined &&
    credentials.urlExpiresAt !== undefined &&
    credentials.urlExpiresAt - now > policy.urlExpiryMarginMs
  );
}

function withoutUrl(credentials: SessionCredentials | undefined): SessionCredentials | undefined {
  return credentials === undefined
    ? undefined
    : { connectionToken: credentials.connectionToken, tokenExpiresAt: credentials.tokenExpiresAt };
}

type Pending = Extract<ConnectionState, { status: 'connecting' | 'reconnecting' }>;
type Open = Extract<ConnectionState, { status: 'open' }>;
type Closed = Extract<ConnectionState, { status: 'closed' }>;

function closedState(s: ConnectionState, reason: Closed['reason']): Closed {
  return { status: 'closed', reason, credentials: s.credentials, nextSocketId: s.nextSocketId };
}

/** `CHAT_ENDED` or `DESTROY` while something runs: stop it all. */
function close(s: ConnectionState, e: { readonly type: 'CHAT_ENDED' | 'DESTROY' }): ConnectionStep {
  return terminal(s, closedState(s, e.type === 'CHAT_ENDED' ? 'ended' : 'destroyed'));
}

/** Open a socket with `url` and give it `openTimeoutMs`. */
function openSocketEffects(
  socketId: number,
  url: string,
  policy: ConnectionPolicy,
): ConnectionEffect[] {
  return [
    { type: 'openSocket', socketId, url },
    { type: 'startTimer', timer: 'open', delayMs: policy.openTimeoutMs },
  ];
}

/** A socket is subscribed and live: start the heartbeat and the rotation clock, fetch what was missed. */
function liveEffects(policy: ConnectionPolicy): ConnectionEffect[] {
  return [
    { type: 'startTimer', timer: 'heartbeat', delayMs: policy.heartbeatIntervalMs },
    { type: 'startTimer', timer: 'rotate', delayMs: policy.rotateAfterMs },
    { type: 'fillGap' },
  ];
}

/**
 * A socket on its way to `aws/chat`: the socket of a (re)connect attempt, or the new socket of a
 * rotation. Both go opening → subscribing the same way.
 */
interface SocketSetup {
  readonly step: ConnectStep;
  readonly socketId: number | undefined;
  readonly subscribeTries: number;
}

type SetupEvent = Extract<
  ConnectionEvent,
  { type: 'SOCKET_OPENED' | 'SUBSCRIBE_FAILED' | 'SUBSCRIBE_TIMEOUT' }
>;

/** What a {@link SetupEvent} does to a socket setup: `ignored`, `exhausted` (out of subscribe tries), or a next step. */
type SetupStep<T extends SocketSetup> =
  'ignored' | 'exhausted' | { readonly setup: T; readonly effects: readonly ConnectionEffect[] };

/** Opening and subscribing a socket, shared by (re)connect attempts and rotations. */
function setupTransition<T extends SocketSetup>(
  setup: T,
  e: SetupEvent,
  p: ConnectionPolicy,
): SetupStep<T> {
  switch (e.type) {
    case 'SOCKET_OPENED':
      return setup.step === 'opening' && e.socketId === setup.socketId
        ? {
            setup: { ...setup, step: 'subscribing', subscribeTries: 1 },
            effects: [
              { type: 'cancelTimer', timer: 'open' },
              { type: 'sendSubscribe', socketId: e.socketId },
              { type: 'startTimer', timer: 'subscribe', delayMs: p.subscribeTimeoutMs },
            ],
          }
        : 'ignored';
    case 'SUBSCRIBE_FAILED':
      return setup.step === 'subscribing' && e.socketId === setup.socketId
        ? {
            setup,
            effects: [{ type: 'startTimer', timer: 'subscribe', delayMs: p.subscribeRetryMs }],
          }
        : 'ignored';
    case 'SUBSCRIBE_TIMEOUT':
      if (setup.step !== 'subscribing' || setup.socketId === undefined) {
        return 'ignored';
      }
      if (setup.subscribeTries >= p.subscribeMaxTries) {
        return 'exhausted';
      }
      return {
        setup: { ...setup, subscribeTries: setup.subscribeTries + 1 },
        effects: [
          { type: 'sendSubscribe', socketId: setup.socketId },
          { type: 'startTimer', timer: 'subscribe', delayMs: p.subscribeTimeoutMs },
        ],
      };
    default:
      return unreachable(e);
  }
}

/** Starts an attempt: open a socket with a still-valid URL, or fetch a fresh one. */
function beginAttempt(s: Pending, now: number, policy: ConnectionPolicy): ConnectionStep {
  const credentials = s.credentials;
  if (urlUsable(credentials, now, policy) && credentials?.websocketUrl !== undefined) {
    const socketId = s.nextSocketId;
    return {
      state: { ...s, step: 'opening', socketId, subscribeTries: 0, nextSocketId: socketId + 1 },
      effects: openSocketEffects(socketId, credentials.websocketUrl, policy),
    };
  }
  return {
    state: { ...s, step: 'fetching', socketId: undefined, subscribeTries: 0 },
    effects: [{ type: 'fetchConnection' }],
  };
}

/** The current attempt failed for a retryable reason: wait, then try again. */
function attemptFailed(
  s: Pending,
  error: ChatError,
  jitter: number,
  policy: ConnectionPolicy,
  dropUrl: boolean,
  closeSocket: boolean,
): ConnectionStep {
  const effects: ConnectionEffect[] = [
    { type: 'cancelTimer', timer: 'open' },
    { type: 'cancelTimer', timer: 'subscribe' },
  ];
  if (closeSocket && s.socketId !== undefined) {
    effects.unshift({ type: 'closeSocket', socketId: s.socketId });
  }
  // A reconnect already waited the backoff once before its first attempt, unless it was a fast
  // one; a first connect did not.
  const waits = s.status === 'reconnecting' && s.fast !== true ? s.attempt + 1 : s.attempt;
  effects.push({
    type: 'startTimer',
    timer: 'retry',
    delayMs: backoffDelay(waits, policy, jitter),
  });
  return {
    state: {
      ...s,
      attempt: s.attempt + 1,
      error,
      step: 'waiting',
      socketId: undefined,
      subscribeTries: 0,
      credentials: dropUrl ? withoutUrl(s.credentials) : s.credentials,
    },
    effects,
  };
}

function tokenRefreshDelay(
  credentials: SessionCredentials,
  now: number,
  policy: ConnectionPolicy,
): number {
  const untilLead = credentials.tokenExpiresAt - now - policy.tokenRefreshLeadMs;
  return Math.max(untilLead, policy.tokenRefreshMinIntervalMs);
}

/** Stops everything that runs while a socket is live or being prepared. */
function teardown(s: ConnectionState): ConnectionEffect[] {
  const effects: ConnectionEffect[] = [];
  if (s.status === 'open') {
    effects.push({ type: 'closeSocket', socketId: s.socketId });
    if (s.rotation?.socketId !== undefined) {
      effects.push({ type: 'closeSocket', socketId: s.rotation.socketId });
    }
    if (s.fetching) {
      effects.push({ type: 'abortFetch' });
    }
  } else if (s.status === 'connecting' || s.status === 'reconnecting') {
    if (s.socketId !== undefined) {
      effects.push({ type: 'closeSocket', socketId: s.socketId });
    }
    if (s.step === 'fetching') {
      effects.push({ type: 'abortFetch' });
    }
  }
  for (const timer of CONNECTION_TIMERS) {
    effects.push({ type: 'cancelTimer', timer });
  }
  return effects;
}

function terminal(
  s: ConnectionState,
  next: Extract<ConnectionState, { status: 'closed' | 'failed' }>,
  extra: readonly ConnectionEffect[] = [],
): ConnectionStep {
  return { state: next, effects: [...teardown(s), ...extra] };
}

/**
 * The live socket died (closed, silent, unsubscribable): reconnect at once (a jitter of
 * `reconnectJitterMs`), or after the backoff when the socket itself came from a fast reconnect
 * and never answered a heartbeat.
 */
function lost(s: Open, error: ChatError, jitter: number, policy: ConnectionPolicy): ConnectionStep {
  const effects = teardown(s).filter(
    (effect) => !(effect.type === 'cancelTimer' && effect.timer === 'tokenRefresh'),
  );
  const fast = s.unproven !== true;
  const draw = Math.min(Math.max(jitter, 0), 1);
  effects.push({
    type: 'startTimer',
    timer: 'retry',
    delayMs: fast ? Math.floor(draw * policy.reconnectJitterMs) : backoffDelay(1, policy, jitter),
  });
  return {
    state: {
      status: 'reconnecting',
      attempt: 1,
      error,
      step: 'waiting',
      socketId: undefined,
      subscribeTries: 0,
      hadSession: true,
      credentials: s.credentials,
      nextSocketId: s.nextSocketId,
      rttMs: s.rttMs,
      fast,
    },
    effects,
  };
}

/** Sends a heartbeat now and waits for its answer (nothing if one is already awaited). */
function probe(s: Open, p: ConnectionPolicy): ConnectionStep {
  return s.heartbeatPending
    ? stay(s)
    : {
        state: { ...s, heartbeatPending: true },
        effects: [
          { type: 'sendHeartbeat', socketId: s.socketId },
          { type: 'startTimer', timer: 'heartbeatTimeout', delayMs: heartbeatTimeout(s.rttMs, p) },
        ],
      };
}

/** Gives up on a rotation; the old socket keeps serving and a new rotation is tried later. */
function rotationFailed(s: Open, policy: ConnectionPolicy): ConnectionStep {
  const effects: ConnectionEffect[] = [];
  if (s.rotation?.socketId !== undefined) {
    effects.push({ type: 'closeSocket', socketId: s.rotation.socketId });
  }
  effects.push(
    { type: 'cancelTimer', timer: 'open' },
    { type: 'cancelTimer', timer: 'subscribe' },
    { type: 'startTimer', timer: 'rotate', delayMs: policy.rotationRetryMs },
  );
  return {
    state: { ...s, rotation: undefined, credentials: withoutUrl(s.credentials) },
    effects,
  };
}

/** Why a live or prospective socket was given up. */
type LostReason = 'closed' | 'openTimeout' | 'subscribeTimeout' | 'heartbeatTimeout' | 'noUrl';

const LOST_MESSAGES: Readonly<Record<LostReason, string>> = {
  closed: 'The websocket closed',
  openTimeout: 'The websocket did not open in time',
  subscribeTimeout: 'The websocket did not confirm the aws/chat subscription',
  heartbeatTimeout: 'The websocket stopped answering heartbeats',
  noUrl: 'CreateParticipantConnection returned no websocket URL',
};

function lostError(reason: LostReason): ChatError {
  return new ChatError('CONNECTION_LOST', LOST_MESSAGES[reason], { retryable: true });
}

function pendingSetup(s: Pending, next: SetupStep<Pending>): ConnectionStep {
  return next === 'ignored' || next === 'exhausted'
    ? stay(s)
    : { state: next.setup, effects: next.effects };
}

function rotationSetup(s: Open, rotation: Rotation, next: SetupStep<Rotation>): ConnectionStep {
  if (next === 'ignored' || next === 'exhausted') {
    return stay(s);
  }
  return {
    state: next.setup === rotation ? s : { ...s, rotation: next.setup },
    effects: next.effects,
  };
}

function pendingTransition(s: Pending, e: ConnectionEvent, p: ConnectionPolicy): ConnectionStep {
  switch (e.type) {
    case 'RETRY_DUE':
    case 'WAKE':
      return s.step === 'waiting'
        ? (() => {
            const step = beginAttempt(s, e.now, p);
            return {
              state: step.state,
              effects: [{ type: 'cancelTimer', timer: 'retry' }, ...step.effects],
            };
          })()
        : stay(s);
    case 'CONNECTION_FETCHED': {
      if (s.step !== 'fetching') {
        return stay(s);
      }
      const credentials = e.credentials;
      const refresh: ConnectionEffect = {
        type: 'startTimer',
        timer: 'tokenRefresh',
        delayMs: tokenRefreshDelay(credentials, e.now, p),
      };
      if (credentials.websocketUrl === undefined) {
        const failed = attemptFailed({ ...s, credentials }, lostError('noUrl'), 0, p, false, false);
        return { state: failed.state, effects: [refresh, ...failed.effects] };
      }
      const socketId = s.nextSocketId;
      return {
        state: {
          ...s,
          deniedOnce: false,
          credentials,
          step: 'opening',
          socketId,
          subscribeTries: 0,
          nextSocketId: socketId + 1,
        },
        effects: [refresh, ...openSocketEffects(socketId, credentials.websocketUrl, p)],
      };
    }
    case 'CONNECTION_FETCH_FAILED':
      if (s.step !== 'fetching') {
        return stay(s);
      }
      if (e.failure === 'retryable') {
        return attemptFailed(s, e.error, e.jitter, p, true, false);
      }
      // The call has settled: nothing left to abort.
      if (e.failure === 'denied' && s.hadSession && s.deniedOnce !== true) {
        // One 403 is not proof: ask once more after a backoff before ending the chat.
        return attemptFailed({ ...s, deniedOnce: true }, e.error, e.jitter, p, true, false);
      }
      if (e.failure === 'denied' && s.hadSession) {
        return terminal({ ...s, step: 'waiting' }, closedState(s, 'ended'), [
          { type: 'chatEnded' },
        ]);
      }
      return terminal(
        { ...s, step: 'waiting' },
        {
          status: 'failed',
          error: e.error,
          credentials: s.credentials,
          nextSocketId: s.nextSocketId,
        },
      );
    case 'SOCKET_OPENED':
    case 'SUBSCRIBE_FAILED':
      return pendingSetup(s, setupTransition(s, e, p));
    case 'SOCKET_CLOSED':
      if (e.socketId !== s.socketId || (s.step !== 'opening' && s.step !== 'subscribing')) {
        return stay(s);
      }
      // A socket that never opened may have been refused for its URL: fetch a fresh one next.
      return attemptFailed(s, lostError('closed'), e.jitter, p, s.step === 'opening', false);
    case 'OPEN_TIMEOUT':
      return s.step === 'opening'
        ? attemptFailed(s, lostError('openTimeout'), e.jitter, p, true, true)
        : stay(s);
    case 'SUBSCRIBED':
      if (s.step !== 'subscribing' || e.socketId !== s.socketId) {
        return stay(s);
      }
      return {
        state: {
          status: 'open',
          socketId: e.socketId,
          heartbeatPending: false,
          fetching: false,
          refreshFailures: 0,
          rotation: undefined,
          credentials: s.credentials,
          nextSocketId: s.nextSocketId,
          rttMs: smoothRtt(s.rttMs, e.rttMs),
          unproven: s.status === 'reconnecting' && s.fast === true,
        },
        effects: [{ type: 'cancelTimer', timer: 'subscribe' }, ...liveEffects(p)],
      };
    case 'SUBSCRIBE_TIMEOUT': {
      const next = setupTransition(s, e, p);
      return next === 'exhausted'
        ? attemptFailed(s, lostError('subscribeTimeout'), e.jitter, p, false, true)
        : pendingSetup(s, next);
    }
    case 'CHAT_ENDED':
    case 'DESTROY':
      return close(s, e);
    case 'CONNECT':
    case 'HEARTBEAT_ACK':
    case 'HEARTBEAT_DUE':
    case 'HEARTBEAT_TIMEOUT':
    case 'PROBE':
    case 'ROTATE_DUE':
    case 'TOKEN_REFRESH_DUE':
    case 'TOKEN_REJECTED':
      // A reconnect fetches fresh credentials anyway; heartbeats and rotation need an open socket.
      return stay(s);
    default:
      return unreachable(e);
  }
}

function openTransition(s: Open, e: ConnectionEvent, p: ConnectionPolicy): ConnectionStep {
  const rotation = s.rotation;
  switch (e.type) {
    case 'HEARTBEAT_DUE':
      if (s.heartbeatPending) {
        // Still waiting for the last answer (heartbeatTimeoutMs decides); keep the beat going.
        return {
          state: s,
          effects: [{ type: 'startTimer', timer: 'heartbeat', delayMs: p.heartbeatIntervalMs }],
        };
      }
      return {
        state: { ...s, heartbeatPending: true },
        effects: [
          { type: 'sendHeartbeat', socketId: s.socketId },
          { type: 'startTimer', timer: 'heartbeatTimeout', delayMs: heartbeatTimeout(s.rttMs, p) },
          { type: 'startTimer', timer: 'heartbeat', delayMs: p.heartbeatIntervalMs },
        ],
      };
    case 'WAKE':
    case 'PROBE':
      // After sleep or a network change, or when a sent message did not come back, the socket
      // may be half-open: probe it now.
      return probe(s, p);
    case 'HEARTBEAT_ACK':
      return e.socketId === s.socketId && s.heartbeatPending
        ? {
            state: {
              ...s,
              heartbeatPending: false,
              rttMs: smoothRtt(s.rttMs, e.rttMs),
              unproven: false,
            },
            effects: [{ type: 'cancelTimer', timer: 'heartbeatTimeout' }],
          }
        : stay(s);
    case 'HEARTBEAT_TIMEOUT':
      return s.heartbeatPending ? lost(s, lostError('heartbeatTimeout'), e.jitter, p) : stay(s);
    case 'SOCKET_CLOSED':
      if (e.socketId === s.socketId) {
        return lost(s, lostError('closed'), e.jitter, p);
      }
      return rotation?.socketId === e.socketId ? rotationFailed(s, p) : stay(s);
    case 'ROTATE_DUE':
      if (rotation !== undefined) {
        return stay(s);
      }
      return {
        state: {
          ...s,
          fetching: true,
          rotation: { step: 'fetching', socketId: undefined, subscribeTries: 0 },
        },
        effects: s.fetching ? [] : [{ type: 'fetchConnection' }],
      };
    case 'TOKEN_REFRESH_DUE':
    case 'TOKEN_REJECTED':
      return s.fetching
        ? stay(s)
        : { state: { ...s, fetching: true }, effects: [{ type: 'fetchConnection' }] };
    case 'CONNECTION_FETCHED': {
      if (!s.fetching) {
        return stay(s);
      }
      const effects: ConnectionEffect[] = [
        {
          type: 'startTimer',
          timer: 'tokenRefresh',
          delayMs: tokenRefreshDelay(e.credentials, e.now, p),
        },
      ];
      const next: Open = {
        ...s,
        fetching: false,
        refreshFailures: 0,
        deniedOnce: false,
        credentials: e.credentials,
      };
      if (rotation?.step === 'fetching') {
        if (e.credentials.websocketUrl === undefined) {
          const failed = rotationFailed(next, p);
          return { state: failed.state, effects: [...effects, ...failed.effects] };
        }
        const socketId = s.nextSocketId;
        effects.push(...openSocketEffects(socketId, e.credentials.websocketUrl, p));
        return {
          state: {
            ...next,
            nextSocketId: socketId + 1,
            rotation: { step: 'opening', socketId, subscribeTries: 0 },
          },
          effects,
        };
      }
      return { state: next, effects };
    }
    case 'CONNECTION_FETCH_FAILED': {
      if (!s.fetching) {
        return stay(s);
      }
      if (e.failure === 'denied' && s.deniedOnce !== true) {
        // One 403 is not proof (a proxy or WAF hiccup at rotation): ask again soon, and end the
        // chat only if that is refused too.
        const next: Open = { ...s, fetching: false, deniedOnce: true };
        const retry: ConnectionEffect = {
          type: 'startTimer',
          timer: 'tokenRefresh',
          delayMs: backoffDelay(1, p, e.jitter),
        };
        if (rotation?.step === 'fetching') {
          const failed = rotationFailed(next, p);
          return { state: failed.state, effects: [retry, ...failed.effects] };
        }
        return { state: next, effects: [retry] };
      }
      if (e.failure === 'denied') {
        // Refused twice in a row while we are connected: the contact is over.
        return terminal({ ...s, fetching: false }, closedState(s, 'ended'), [
          { type: 'chatEnded' },
        ]);
      }
      const failures = s.refreshFailures + 1;
      const effects: ConnectionEffect[] = [
        {
          type: 'startTimer',
          timer: 'tokenRefresh',
          delayMs: Math.max(
            backoffDelay(failures, p, e.jitter),
            Math.min(p.tokenRefreshMinIntervalMs, p.backoffMaxMs),
          ),
        },
      ];
      const next: Open = { ...s, fetching: false, refreshFailures: failures };
      if (rotation?.step === 'fetching') {
        const failed = rotationFailed(next, p);
        return { state: failed.state, effects: [...effects, ...failed.effects] };
      }
      return { state: next, effects };
    }
    case 'SOCKET_OPENED':
    case 'SUBSCRIBE_FAILED':
      return rotation === undefined
        ? stay(s)
        : rotationSetup(s, rotation, setupTransition(rotation, e, p));
    case 'OPEN_TIMEOUT':
      return rotation?.step === 'opening' ? rotationFailed(s, p) : stay(s);
    case 'SUBSCRIBED':
      if (rotation?.step !== 'subscribing' || rotation.socketId !== e.socketId) {
        return stay(s);
      }
      // The new socket is live: from now on only its frames count, so closing the old one
      // cannot lose anything, and whatever the old one still delivers is ignored.
      return {
        state: {
          ...s,
          socketId: e.socketId,
          rotation: undefined,
          heartbeatPending: false,
          rttMs: smoothRtt(s.rttMs, e.rttMs),
        },
        effects: [
          { type: 'cancelTimer', timer: 'subscribe' },
          { type: 'closeSocket', socketId: s.socketId },
          { type: 'cancelTimer', timer: 'heartbeatTimeout' },
          ...liveEffects(p),
        ],
      };
    case 'SUBSCRIBE_TIMEOUT': {
      if (rotation === undefined) {
        return stay(s);
      }
      const next = setupTransition(rotation, e, p);
      return next === 'exhausted' ? rotationFailed(s, p) : rotationSetup(s, rotation, next);
    }
    case 'CHAT_ENDED':
    case 'DESTROY':
      return close(s, e);
    case 'CONNECT':
    case 'RETRY_DUE':
      return stay(s);
    default:
      return unreachable(e);
  }
}

/**
 * The connection lifecycle as a pure, total function: given a state and an event, the next state
 * and the effects the shell must run. Events that do not apply return the very same state object
 * and no effects (so subscribers see no change).
 *
 * @param s - the current state
 * @param e - what happened
 * @param p - timings (see {@link resolveConnectionPolicy})
 *
 * @example
 * ```ts
 * const policy = resolveConnectionPolicy();
 * let state = initialConnectionState();
 * const step = transition(state, { type: 'CONNECT', now: Date.now() }, policy);
 * state = step.state; // { status: 'connecting', step: 'fetching', … }
 * step.effects; // [{ type: 'fetchConnection' }]
 * ```
 */
export function transition(
  s: ConnectionState,
  e: ConnectionEvent,
  p: ConnectionPolicy,
): ConnectionStep {
  switch (s.status) {
    case 'idle':
    case 'failed':
      if (e.type === 'CONNECT') {
        const pending: Pending = {
          status: 'connecting',
          attempt: 1,
          error: undefined,
          step: 'waiting',
          socketId: undefined,
          subscribeTries: 0,
          hadSession: e.resumed === true,
          credentials: s.credentials,
          nextSocketId: s.nextSocketId,
          rttMs: s.rttMs,
        };
        return beginAttempt(pending, e.now, p);
      }
      if (e.type === 'DESTROY' || e.type === 'CHAT_ENDED') {
        // Nothing runs yet, so there is nothing to stop.
        return { state: closedState(s, e.type === 'DESTROY' ? 'destroyed' : 'ended'), effects: [] };
      }
      return stay(s);
    case 'connecting':
    case 'reconnecting':
      return pendingTransition(s, e, p);
    case 'open':
      return openTransition(s, e, p);
    case 'closed':
      return stay(s);
    default:
      return unreachable(s);
  }
}
