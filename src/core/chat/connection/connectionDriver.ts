import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { CreateParticipantConnectionResponse, Item } from '../../protocol/types';
import type { ChatEnvironment } from './chatEnvironment';
import { CONNECTION_TIMERS, initialConnectionState, transition } from './connectionMachine';
import type {
  ConnectionEffect,
  ConnectionEvent,
  ConnectionState,
  ConnectionTimer,
  SessionCredentials,
} from './connectionMachine';
import type { ConnectionPolicy } from './connectionPolicy';
import { classifyFailure, failureError } from './serviceFailure';
import { openChatSocket } from './chatSocket';
import type { ChatSocket, WebSocketConstructor } from './chatSocket';
import { CLIENT_FRAMES } from './socketFrames';
import type { ServerFrameInfo } from './socketFrames';

/** The documented connect window of a websocket URL; a longer one from a skewed clock is cut. */
const MAX_URL_WINDOW_MS = 100_000;
/** Token lifetime assumed when the service sends no usable `Expiry` (documented: one day). */
const DEFAULT_TOKEN_LIFETIME_MS = 23 * 60 * 60_000;

/**
 * What the connection driver needs: the participant token, a client for
 * CreateParticipantConnection, how to build sockets, time, and where to report.
 *
 * @example
 * ```ts
 * const driver = createConnectionDriver({ participantToken, client, getWebSocket: () => WebSocket, … });
 * ```
 */
export interface ConnectionDriverOptions {
  readonly participantToken: string;
  readonly client: Pick<ParticipantClient, 'createParticipantConnection'>;
  /** Called when a socket is about to be opened (so the global is looked up late). */
  readonly getWebSocket: () => WebSocketConstructor;
  readonly clock: Clock;
  /** Uniform draws in `[0, 1)` for backoff jitter. */
  readonly random: () => number;
  readonly logger: Logger;
  readonly policy: ConnectionPolicy;
  /** Wake-up signals (online / visible); `undefined` for none. Subscribed on `connect()`. */
  readonly getEnvironment: () => ChatEnvironment | undefined;
  /** Credentials from a previous page load (the token is reused until it is refreshed). */
  readonly initialCredentials?: SessionCredentials | undefined;
  /** Every new machine state. */
  onChange(state: ConnectionState): void;
  /** An `aws/chat` item from the live socket. */
  onItem(item: Item): void;
  /** A socket was (re)subscribed: fetch what was missed. */
  onFillGap(): void;
  /** The chat is over (403 on reconnect). */
  onChatEnded(): void;
}

/**
 * The imperative shell around {@link transition}: it runs the machine's effects (calls, sockets,
 * timers) and turns what happens back into machine events.
 *
 * @example
 * ```ts
 * driver.connect();
 * driver.state.status; // 'connecting'
 * driver.destroy();
 * ```
 */
export interface ConnectionDriver {
  readonly state: ConnectionState;
  /** Starts connecting (a no-op unless idle or failed). */
  connect(options?: DriverConnectOptions): void;
  /** The connection token was refused by an operation: fetch a new one. */
  tokenRejected(): void;
  /** A `chat.ended` event arrived: stop everything. */
  chatEnded(): void;
  /** The live socket may be dead (a sent message did not come back on it): ping it now. */
  probe(): void;
  /** Closes sockets, aborts calls, clears timers; nothing runs afterwards. */
  destroy(): void;
}

/**
 * Turns a CreateParticipantConnection answer into {@link SessionCredentials}, measuring expiries
 * against our own clock (the URL window is capped at 100 s in case the clocks disagree).
 * Returns `undefined` when the answer has no connection token.
 *
 * @example
 * ```ts
 * const credentials = readCredentials(response, clock.now());
 * ```
 */
export function readCredentials(
  response: CreateParticipantConnectionResponse,
  now: number,
): SessionCredentials | undefined {
  const token = response.ConnectionCredentials?.ConnectionToken;
  if (typeof token !== 'string' || token === '') {
    return undefined;
  }
  const expiry = Date.parse(response.ConnectionCredentials?.Expiry ?? '');
  const tokenExpiresAt = Number.isFinite(expiry) ? expiry : now + DEFAULT_TOKEN_LIFETIME_MS;
  const url = response.Websocket?.Url;
  if (typeof url !== 'string' || url === '') {
    return { connectionToken: token, tokenExpiresAt };
  }
  const urlExpiry = Date.parse(response.Websocket?.ConnectionExpiry ?? '');
  const window = Number.isFinite(urlExpiry) ? urlExpiry - now : MAX_URL_WINDOW_MS;
  return {
    connectionToken: token,
    tokenExpiresAt,
    websocketUrl: url,
    urlExpiresAt: now + Math.min(Math.max(window, 0), MAX_URL_WINDOW_MS),
  };
}

/**
 * Options of the driver's `connect`: whether the chat was resumed (a gap fill is due), and a
 * CreateParticipantConnection answer fetched elsewhere (e.g. with React Query) that the first
 * connect uses instead of asking the service again, if it still has a websocket URL well inside
 * its expiry.
 *
 * @example
 * ```ts
 * driver.connect({ resumed: false, connection: { response, fetchedAt: Date.now() } });
 * ```
 */
export interface DriverConnectOptions {
  resumed?: boolean | undefined;
  connection?: OfferedConnection | undefined;
}

/**
 * A CreateParticipantConnection answer and when it was fetched (epoch ms).
 *
 * @example
 * ```ts
 * const { data, dataUpdatedAt } = useParticipantConnection({ participantToken, types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
 * if (data) session.connect({ connection: { response: data, fetchedAt: dataUpdatedAt } });
 * ```
 */
export interface OfferedConnection {
  readonly response: CreateParticipantConnectionResponse;
  readonly fetchedAt: number;
}

/**
 * Creates the connection shell. Nothing happens until `connect()`.
 *
 * @example
 * ```ts
 * const driver = createConnectionDriver({
 *   participantToken,
 *   client: createParticipantClient({ endpoint }),
 *   getWebSocket: () => globalThis.WebSocket,
 *   clock: systemClock,
 *   random: Math.random,
 *   logger: console,
 *   policy: resolveConnectionPolicy(),
 *   getEnvironment: browserEnvironment,
 *   onChange: (state) => console.log(state.status),
 *   onItem: (item) => console.log(item.Id),
 *   onFillGap: () => undefined,
 *   onChatEnded: () => undefined,
 * });
 * driver.connect();
 * ```
 */
export function createConnectionDriver(options: ConnectionDriverOptions): ConnectionDriver {
  const { clock, logger, policy } = options;
  let state = initialConnectionState(options.initialCredentials);
  const sockets = new Map<number, ChatSocket>();
  const timers = new Map<ConnectionTimer, TimerHandle>();
  let fetchSeq = 0;
  let fetchController: AbortController | undefined;
  let stopEnvironment: (() => void) | undefined;
  const queue: ConnectionEvent[] = [];
  let dispatching = false;

  /** The socket whose chat frames count: the subscribed one, or the one being set up. */
  function liveSocketId(): number | undefined {
    if (state.status === 'open') {
      return state.socketId;
    }
    if (state.status === 'connecting' || state.status === 'reconnecting') {
      return state.socketId;
    }
    return undefined;
  }

  function timerEvent(timer: ConnectionTimer): ConnectionEvent {
    switch (timer) {
      case 'retry':
        return { type: 'RETRY_DUE', now: clock.now() };
      case 'open':
        return { type: 'OPEN_TIMEOUT', jitter: options.random() };
      case 'subscribe':
        return { type: 'SUBSCRIBE_TIMEOUT', jitter: options.random() };
      case 'heartbeat':
        return { type: 'HEARTBEAT_DUE' };
      case 'heartbeatTimeout':
        return { type: 'HEARTBEAT_TIMEOUT', jitter: options.random() };
      case 'rotate':
        return { type: 'ROTATE_DUE' };
      case 'tokenRefresh':
        return { type: 'TOKEN_REFRESH_DUE' };
      default:
        return timer satisfies never;
    }
  }

  function cancelTimer(timer: ConnectionTimer): void {
    const handle = timers.get(timer);
    if (handle !== undefined) {
      clock.clearTimeout(handle);
      timers.delete(timer);
    }
  }

  // When the last subscribe and heartbeat left, per socket, to measure round trips (answers carry
  // no id: a resent request's answer is timed from the latest send, which can only shorten it).
  const subscribeSentAt = new Map<number, number>();
  const heartbeatSentAt = new Map<number, number>();

  function sentAt(times: Map<number, number>, socketId: number): void {
    if (sockets.has(socketId)) {
      times.set(socketId, clock.now());
    }
  }

  function roundTrip(times: Map<number, number>, socketId: number): { rttMs?: number } {
    const sent = times.get(socketId);
    times.delete(socketId);
    return sent === undefined ? {} : { rttMs: clock.now() - sent };
  }

  function onFrame(socketId: number, frame: ServerFrameInfo): void {
    switch (frame.kind) {
      case 'subscribe':
        dispatch(
          frame.ok
            ? { type: 'SUBSCRIBED', socketId, ...roundTrip(subscribeSentAt, socketId) }
            : { type: 'SUBSCRIBE_FAILED', socketId },
        );
        return;
      case 'heartbeat':
        dispatch({ type: 'HEARTBEAT_ACK', socketId, ...roundTrip(heartbeatSentAt, socketId) });
        return;
      case 'ping':
        if (!frame.ok) {
          logger.debug(
            `websocket ${socketId}: deep heartbeat failed (${String(frame.statusCode)})`,
          );
        }
        return;
      case 'chat':
        if (socketId === liveSocketId()) {
          options.onItem(frame.item);
        }
        return;
      case 'error':
        logger.warn(`websocket ${socketId}: error frame: ${frame.message}`);
        return;
      case 'malformed':
        logger.warn(`websocket ${socketId}: skipping a malformed frame (${frame.reason})`);
        return;
      case 'other':
        logger.debug(`websocket ${socketId}: ignoring topic ${frame.topic}`);
        return;
      default:
        frame satisfies never;
    }
  }

  let offered: OfferedConnection | undefined;

  /** The offered answer, once, when it can still open a socket. */
  function takeOffered(): SessionCredentials | undefined {
    const handed = offered;
    offered = undefined;
    if (handed === undefined) {
      return undefined;
    }
    const credentials = readCredentials(handed.response, handed.fetchedAt);
    return credentials?.websocketUrl !== undefined &&
      credentials.urlExpiresAt !== undefined &&
      credentials.urlExpiresAt - clock.now() > policy.urlExpiryMarginMs &&
      credentials.tokenExpiresAt > clock.now()
      ? credentials
      : undefined;
  }

  function fetchConnection(): void {
    const handed = takeOffered();
    if (handed !== undefined) {
      dispatch({ type: 'CONNECTION_FETCHED', now: clock.now(), credentials: handed });
      return;
    }
    fetchController?.abort();
    const seq = ++fetchSeq;
    const controller = new AbortController();
    fetchController = controller;
    options.client
      .createParticipantConnection(
        options.participantToken,
        { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
        { signal: controller.signal },
      )
      .then(
        (response) => {
          if (seq !== fetchSeq) {
            return;
          }
          fetchController = undefined;
          const now = clock.now();
          const credentials = readCredentials(response, now);
          if (credentials === undefined) {
            const failure = classifyFailure(
              new Error('CreateParticipantConnection returned no token'),
            );
            dispatch({
              type: 'CONNECTION_FETCH_FAILED',
              failure: 'retryable',
              error: failureError(failure, 'CONNECTION_LOST', 'Could not connect to the chat'),
              jitter: options.random(),
            });
            return;
          }
          dispatch({ type: 'CONNECTION_FETCHED', now, credentials });
        },
        (error: unknown) => {
          if (seq !== fetchSeq) {
            return;
          }
          fetchController = undefined;
          const failure = classifyFailure(error);
          if (failure.kind === 'aborted') {
            return;
          }
          logger.debug('CreateParticipantConnection failed', error);
          dispatch({
            type: 'CONNECTION_FETCH_FAILED',
            failure: failure.kind,
            error:
              failure.kind === 'denied' || failure.kind === 'fatal'
                ? failureError(
                    failure,
                    'ACCESS_DENIED',
                    'The chat service refused the participant token',
                  )
                : failureError(failure, 'CONNECTION_LOST', 'Could not connect to the chat'),
            jitter: options.random(),
          });
        },
      );
  }

  function openSocket(socketId: number, url: string): void {
    let WebSocketImpl: WebSocketConstructor;
    try {
      WebSocketImpl = options.getWebSocket();
    } catch (error) {
      logger.error('No WebSocket implementation: pass options.WebSocket', error);
      queueMicrotask(() => dispatch({ type: 'SOCKET_CLOSED', socketId, jitter: options.random() }));
      return;
    }
    const socket = openChatSocket({
      id: socketId,
      url,
      WebSocket: WebSocketImpl,
      logger,
      onOpen: (id) => dispatch({ type: 'SOCKET_OPENED', socketId: id }),
      onClose: (id, code) => {
        logger.debug(`websocket ${id} closed (${String(code)})`);
        sockets.delete(id);
        dispatch({ type: 'SOCKET_CLOSED', socketId: id, jitter: options.random() });
      },
      onFrame,
    });
    sockets.set(socketId, socket);
  }

  function run(effect: ConnectionEffect): void {
    switch (effect.type) {
      case 'fetchConnection':
        fetchConnection();
        return;
      case 'abortFetch':
        fetchSeq += 1;
        fetchController?.abort();
        fetchController = undefined;
        return;
      case 'openSocket':
        openSocket(effect.socketId, effect.url);
        return;
      case 'closeSocket':
        sockets.get(effect.socketId)?.close();
        sockets.delete(effect.socketId);
        subscribeSentAt.delete(effect.socketId);
        heartbeatSentAt.delete(effect.socketId);
        return;
      case 'sendSubscribe':
        sentAt(subscribeSentAt, effect.socketId);
        sockets.get(effect.socketId)?.send(CLIENT_FRAMES.subscribe);
        return;
      case 'sendHeartbeat': {
        const socket = sockets.get(effect.socketId);
        sentAt(heartbeatSentAt, effect.socketId);
        socket?.send(CLIENT_FRAMES.heartbeat);
        socket?.send(CLIENT_FRAMES.ping);
        return;
      }
      case 'startTimer': {
        cancelTimer(effect.timer);
        const timer = effect.timer;
        timers.set(
          timer,
          clock.setTimeout(() => {
            timers.delete(timer);
            dispatch(timerEvent(timer));
          }, effect.delayMs),
        );
        return;
      }
      case 'cancelTimer':
        cancelTimer(effect.timer);
        return;
      case 'fillGap':
        options.onFillGap();
        return;
      case 'chatEnded':
        options.onChatEnded();
        return;
      default:
        effect satisfies never;
    }
  }

  function dispatch(event: ConnectionEvent): void {
    queue.push(event);
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const previous = state;
        const step = transition(previous, next, policy);
        state = step.state;
        for (const effect of step.effects) {
          run(effect);
        }
        if (state !== previous) {
          if (state.status === 'closed' || state.status === 'failed') {
            stopEnvironment?.();
            stopEnvironment = undefined;
          }
          options.onChange(state);
        }
      }
    } finally {
      dispatching = false;
    }
  }

  return {
    get state() {
      return state;
    },
    connect(connectOptions) {
      if (state.status !== 'idle' && state.status !== 'failed') {
        return;
      }
      if (stopEnvironment === undefined) {
        stopEnvironment = options
          .getEnvironment()
          ?.subscribe(() => dispatch({ type: 'WAKE', now: clock.now() }));
      }
      offered = connectOptions?.connection;
      dispatch({ type: 'CONNECT', now: clock.now(), resumed: connectOptions?.resumed === true });
      offered = undefined;
    },
    tokenRejected() {
      dispatch({ type: 'TOKEN_REJECTED' });
    },
    chatEnded() {
      dispatch({ type: 'CHAT_ENDED' });
    },
    probe() {
      dispatch({ type: 'PROBE' });
    },
    destroy() {
      dispatch({ type: 'DESTROY' });
      // Belt and braces: whatever the state was, nothing may outlive destroy().
      for (const socket of sockets.values()) {
        socket.close();
      }
      sockets.clear();
      for (const timer of CONNECTION_TIMERS) {
        cancelTimer(timer);
      }
      fetchSeq += 1;
      fetchController?.abort();
      fetchController = undefined;
      stopEnvironment?.();
      stopEnvironment = undefined;
    },
  };
}
