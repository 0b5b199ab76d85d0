import { describe, expect, it } from 'vitest';
import { ChatError } from 'contact-kit/core';
import {
  backoffDelay,
  resolveConnectionPolicy,
} from '../../../../src/core/chat/connection/connectionPolicy';
import {
  initialConnectionState,
  transition,
} from '../../../../src/core/chat/connection/connectionMachine';
import type {
  ConnectionEffect,
  ConnectionEvent,
  ConnectionState,
  SessionCredentials,
} from '../../../../src/core/chat/connection/connectionMachine';

const policy = resolveConnectionPolicy();
const URL_EXPIRY = 100_000;
const creds: SessionCredentials = {
  connectionToken: 'token-1',
  tokenExpiresAt: 86_400_000,
  websocketUrl: 'ws://127.0.0.1/old',
  urlExpiresAt: URL_EXPIRY,
};
const fresh: SessionCredentials = {
  connectionToken: 'token-2',
  tokenExpiresAt: 86_400_000,
  websocketUrl: 'ws://127.0.0.1/fresh',
  urlExpiresAt: URL_EXPIRY,
};
const lostErr = new ChatError('CONNECTION_LOST', 'lost', { retryable: true });
const denied = new ChatError('ACCESS_DENIED', 'denied');

const pending = (
  status: 'connecting' | 'reconnecting',
  step: 'waiting' | 'fetching' | 'opening' | 'subscribing',
): ConnectionState => ({
  status,
  attempt: 2,
  error: lostErr,
  step,
  socketId: step === 'opening' || step === 'subscribing' ? 1 : undefined,
  subscribeTries: step === 'subscribing' ? 1 : 0,
  hadSession: status === 'reconnecting',
  credentials: step === 'fetching' ? undefined : creds,
  nextSocketId: 3,
});

const open = (
  extra: Partial<Extract<ConnectionState, { status: 'open' }>> = {},
): ConnectionState => ({
  status: 'open',
  socketId: 1,
  heartbeatPending: false,
  fetching: false,
  refreshFailures: 0,
  rotation: undefined,
  credentials: creds,
  nextSocketId: 3,
  ...extra,
});

const STATES: Record<string, ConnectionState> = {
  idle: initialConnectionState(),
  failed: { status: 'failed', error: denied, credentials: undefined, nextSocketId: 1 },
  'closed(ended)': { status: 'closed', reason: 'ended', credentials: creds, nextSocketId: 3 },
  'closed(destroyed)': {
    status: 'closed',
    reason: 'destroyed',
    credentials: creds,
    nextSocketId: 3,
  },
  'connecting/waiting': pending('connecting', 'waiting'),
  'connecting/fetching': pending('connecting', 'fetching'),
  'connecting/opening': pending('connecting', 'opening'),
  'connecting/subscribing': pending('connecting', 'subscribing'),
  'reconnecting/waiting': pending('reconnecting', 'waiting'),
  'reconnecting/fetching': pending('reconnecting', 'fetching'),
  'reconnecting/opening': pending('reconnecting', 'opening'),
  'reconnecting/subscribing': pending('reconnecting', 'subscribing'),
  open: open(),
  'open/heartbeatPending': open({ heartbeatPending: true }),
  'open/refreshing': open({ fetching: true }),
  'open/rotation-fetching': open({
    fetching: true,
    rotation: { step: 'fetching', socketId: undefined, subscribeTries: 0 },
  }),
  'open/rotation-opening': open({ rotation: { step: 'opening', socketId: 2, subscribeTries: 0 } }),
  'open/rotation-subscribing': open({
    rotation: { step: 'subscribing', socketId: 2, subscribeTries: 1 },
  }),
};

const EVENTS: Record<string, ConnectionEvent> = {
  CONNECT: { type: 'CONNECT', now: 0 },
  CONNECTION_FETCHED: { type: 'CONNECTION_FETCHED', now: 0, credentials: fresh },
  'FETCH_FAILED(retryable)': {
    type: 'CONNECTION_FETCH_FAILED',
    failure: 'retryable',
    error: lostErr,
    jitter: 0.5,
  },
  'FETCH_FAILED(denied)': {
    type: 'CONNECTION_FETCH_FAILED',
    failure: 'denied',
    error: denied,
    jitter: 0.5,
  },
  'FETCH_FAILED(fatal)': {
    type: 'CONNECTION_FETCH_FAILED',
    failure: 'fatal',
    error: denied,
    jitter: 0.5,
  },
  'SOCKET_OPENED(1)': { type: 'SOCKET_OPENED', socketId: 1 },
  'SOCKET_OPENED(2)': { type: 'SOCKET_OPENED', socketId: 2 },
  'SOCKET_CLOSED(1)': { type: 'SOCKET_CLOSED', socketId: 1, jitter: 0.5 },
  'SOCKET_CLOSED(2)': { type: 'SOCKET_CLOSED', socketId: 2, jitter: 0.5 },
  'SUBSCRIBED(1)': { type: 'SUBSCRIBED', socketId: 1 },
  'SUBSCRIBED(2)': { type: 'SUBSCRIBED', socketId: 2 },
  'SUBSCRIBE_FAILED(1)': { type: 'SUBSCRIBE_FAILED', socketId: 1 },
  'SUBSCRIBE_FAILED(2)': { type: 'SUBSCRIBE_FAILED', socketId: 2 },
  'HEARTBEAT_ACK(1)': { type: 'HEARTBEAT_ACK', socketId: 1 },
  'HEARTBEAT_ACK(2)': { type: 'HEARTBEAT_ACK', socketId: 2 },
  RETRY_DUE: { type: 'RETRY_DUE', now: 0 },
  OPEN_TIMEOUT: { type: 'OPEN_TIMEOUT', jitter: 0.5 },
  SUBSCRIBE_TIMEOUT: { type: 'SUBSCRIBE_TIMEOUT', jitter: 0.5 },
  HEARTBEAT_DUE: { type: 'HEARTBEAT_DUE' },
  HEARTBEAT_TIMEOUT: { type: 'HEARTBEAT_TIMEOUT', jitter: 0.5 },
  ROTATE_DUE: { type: 'ROTATE_DUE' },
  TOKEN_REFRESH_DUE: { type: 'TOKEN_REFRESH_DUE' },
  TOKEN_REJECTED: { type: 'TOKEN_REJECTED' },
  WAKE: { type: 'WAKE', now: 0 },
  CHAT_ENDED: { type: 'CHAT_ENDED' },
  DESTROY: { type: 'DESTROY' },
};

/** `type`, plus `:timer` or `:socketId`, so a row of effects fits on a line. */
function summary(effect: ConnectionEffect): string {
  if (effect.type === 'startTimer' || effect.type === 'cancelTimer') {
    return `${effect.type}:${effect.timer}`;
  }
  if ('socketId' in effect) {
    return `${effect.type}:${effect.socketId}`;
  }
  return effect.type;
}

const ALL_TIMERS = [
  'retry',
  'open',
  'subscribe',
  'heartbeat',
  'heartbeatTimeout',
  'rotate',
  'tokenRefresh',
];
const CANCEL_ALL = ALL_TIMERS.map((timer) => `cancelTimer:${timer}`);
const CANCEL_BUT_REFRESH = CANCEL_ALL.filter((effect) => effect !== 'cancelTimer:tokenRefresh');

type Expected = readonly [status: ConnectionState['status'], effects: readonly string[]];

const RETRY_WAIT = ['cancelTimer:open', 'cancelTimer:subscribe', 'startTimer:retry'];
const HEARTBEAT = ['sendHeartbeat:1', 'startTimer:heartbeatTimeout', 'startTimer:heartbeat'];
const PROBE = ['sendHeartbeat:1', 'startTimer:heartbeatTimeout'];
const ROTATION_FAILED = [
  'closeSocket:2',
  'cancelTimer:open',
  'cancelTimer:subscribe',
  'startTimer:rotate',
];

const idleLike: Record<string, Expected> = {
  CONNECT: ['connecting', ['fetchConnection']],
  CHAT_ENDED: ['closed', []],
  DESTROY: ['closed', []],
};

function pendingRows(
  status: 'connecting' | 'reconnecting',
): Record<string, Record<string, Expected>> {
  // After a session, one 403 is confirmed by one more try before the chat counts as ended.
  const deniedRow: Expected =
    status === 'connecting' ? ['failed', CANCEL_ALL] : [status, RETRY_WAIT];
  return {
    [`${status}/waiting`]: {
      RETRY_DUE: [status, ['cancelTimer:retry', 'openSocket:3', 'startTimer:open']],
      WAKE: [status, ['cancelTimer:retry', 'openSocket:3', 'startTimer:open']],
      CHAT_ENDED: ['closed', CANCEL_ALL],
      DESTROY: ['closed', CANCEL_ALL],
    },
    [`${status}/fetching`]: {
      CONNECTION_FETCHED: [status, ['startTimer:tokenRefresh', 'openSocket:3', 'startTimer:open']],
      'FETCH_FAILED(retryable)': [status, RETRY_WAIT],
      'FETCH_FAILED(denied)': deniedRow,
      'FETCH_FAILED(fatal)': ['failed', CANCEL_ALL],
      CHAT_ENDED: ['closed', ['abortFetch', ...CANCEL_ALL]],
      DESTROY: ['closed', ['abortFetch', ...CANCEL_ALL]],
    },
    [`${status}/opening`]: {
      'SOCKET_OPENED(1)': [status, ['cancelTimer:open', 'sendSubscribe:1', 'startTimer:subscribe']],
      'SOCKET_CLOSED(1)': [status, RETRY_WAIT],
      OPEN_TIMEOUT: [status, ['closeSocket:1', ...RETRY_WAIT]],
      CHAT_ENDED: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
      DESTROY: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
    },
    [`${status}/subscribing`]: {
      'SOCKET_CLOSED(1)': [status, RETRY_WAIT],
      'SUBSCRIBED(1)': [
        'open',
        ['cancelTimer:subscribe', 'startTimer:heartbeat', 'startTimer:rotate', 'fillGap'],
      ],
      'SUBSCRIBE_FAILED(1)': [status, ['startTimer:subscribe']],
      SUBSCRIBE_TIMEOUT: [status, ['sendSubscribe:1', 'startTimer:subscribe']],
      CHAT_ENDED: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
      DESTROY: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
    },
  };
}

const openCommon: Record<string, Expected> = {
  'SOCKET_CLOSED(1)': [
    'reconnecting',
    ['closeSocket:1', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
  ],
  HEARTBEAT_DUE: ['open', HEARTBEAT],
  WAKE: ['open', PROBE],
  CHAT_ENDED: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
  DESTROY: ['closed', ['closeSocket:1', ...CANCEL_ALL]],
};

/** Every cell not listed here must leave the state untouched (same object, no effects). */
const TABLE: Record<string, Record<string, Expected>> = {
  idle: idleLike,
  failed: idleLike,
  'closed(ended)': {},
  'closed(destroyed)': {},
  ...pendingRows('connecting'),
  ...pendingRows('reconnecting'),
  open: {
    ...openCommon,
    ROTATE_DUE: ['open', ['fetchConnection']],
    TOKEN_REFRESH_DUE: ['open', ['fetchConnection']],
    TOKEN_REJECTED: ['open', ['fetchConnection']],
  },
  'open/heartbeatPending': {
    ...openCommon,
    HEARTBEAT_DUE: ['open', ['startTimer:heartbeat']],
    WAKE: undefined as never,
    'HEARTBEAT_ACK(1)': ['open', ['cancelTimer:heartbeatTimeout']],
    HEARTBEAT_TIMEOUT: [
      'reconnecting',
      ['closeSocket:1', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
    ],
    ROTATE_DUE: ['open', ['fetchConnection']],
    TOKEN_REFRESH_DUE: ['open', ['fetchConnection']],
    TOKEN_REJECTED: ['open', ['fetchConnection']],
  },
  'open/refreshing': {
    ...openCommon,
    'SOCKET_CLOSED(1)': [
      'reconnecting',
      ['closeSocket:1', 'abortFetch', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
    ],
    CONNECTION_FETCHED: ['open', ['startTimer:tokenRefresh']],
    'FETCH_FAILED(retryable)': ['open', ['startTimer:tokenRefresh']],
    'FETCH_FAILED(fatal)': ['open', ['startTimer:tokenRefresh']],
    'FETCH_FAILED(denied)': ['open', ['startTimer:tokenRefresh']],
    // Joins the refresh already in flight: a state change, but no second call.
    ROTATE_DUE: ['open', []],
    CHAT_ENDED: ['closed', ['closeSocket:1', 'abortFetch', ...CANCEL_ALL]],
    DESTROY: ['closed', ['closeSocket:1', 'abortFetch', ...CANCEL_ALL]],
  },
  'open/rotation-fetching': {
    ...openCommon,
    'SOCKET_CLOSED(1)': [
      'reconnecting',
      ['closeSocket:1', 'abortFetch', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
    ],
    CONNECTION_FETCHED: ['open', ['startTimer:tokenRefresh', 'openSocket:3', 'startTimer:open']],
    'FETCH_FAILED(retryable)': [
      'open',
      ['startTimer:tokenRefresh', 'cancelTimer:open', 'cancelTimer:subscribe', 'startTimer:rotate'],
    ],
    'FETCH_FAILED(fatal)': [
      'open',
      ['startTimer:tokenRefresh', 'cancelTimer:open', 'cancelTimer:subscribe', 'startTimer:rotate'],
    ],
    'FETCH_FAILED(denied)': [
      'open',
      ['startTimer:tokenRefresh', 'cancelTimer:open', 'cancelTimer:subscribe', 'startTimer:rotate'],
    ],
    CHAT_ENDED: ['closed', ['closeSocket:1', 'abortFetch', ...CANCEL_ALL]],
    DESTROY: ['closed', ['closeSocket:1', 'abortFetch', ...CANCEL_ALL]],
  },
  'open/rotation-opening': {
    ...openCommon,
    'SOCKET_CLOSED(1)': [
      'reconnecting',
      ['closeSocket:1', 'closeSocket:2', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
    ],
    'SOCKET_OPENED(2)': ['open', ['cancelTimer:open', 'sendSubscribe:2', 'startTimer:subscribe']],
    'SOCKET_CLOSED(2)': ['open', ROTATION_FAILED],
    OPEN_TIMEOUT: ['open', ROTATION_FAILED],
    TOKEN_REFRESH_DUE: ['open', ['fetchConnection']],
    TOKEN_REJECTED: ['open', ['fetchConnection']],
    CHAT_ENDED: ['closed', ['closeSocket:1', 'closeSocket:2', ...CANCEL_ALL]],
    DESTROY: ['closed', ['closeSocket:1', 'closeSocket:2', ...CANCEL_ALL]],
  },
  'open/rotation-subscribing': {
    ...openCommon,
    'SOCKET_CLOSED(1)': [
      'reconnecting',
      ['closeSocket:1', 'closeSocket:2', ...CANCEL_BUT_REFRESH, 'startTimer:retry'],
    ],
    'SUBSCRIBED(2)': [
      'open',
      [
        'cancelTimer:subscribe',
        'closeSocket:1',
        'cancelTimer:heartbeatTimeout',
        'startTimer:heartbeat',
        'startTimer:rotate',
        'fillGap',
      ],
    ],
    'SUBSCRIBE_FAILED(2)': ['open', ['startTimer:subscribe']],
    SUBSCRIBE_TIMEOUT: ['open', ['sendSubscribe:2', 'startTimer:subscribe']],
    'SOCKET_CLOSED(2)': ['open', ROTATION_FAILED],
    TOKEN_REFRESH_DUE: ['open', ['fetchConnection']],
    TOKEN_REJECTED: ['open', ['fetchConnection']],
    CHAT_ENDED: ['closed', ['closeSocket:1', 'closeSocket:2', ...CANCEL_ALL]],
    DESTROY: ['closed', ['closeSocket:1', 'closeSocket:2', ...CANCEL_ALL]],
  },
};

const cells = Object.entries(STATES).flatMap(([stateName, state]) =>
  Object.entries(EVENTS).map(([eventName, event]) => ({
    stateName,
    state,
    eventName,
    event,
    expected: TABLE[stateName]?.[eventName],
  })),
);

describe('transition: every state × every event', () => {
  it('has a row for every state fixture', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(STATES).sort());
  });

  it.each(cells)('$stateName + $eventName', ({ state, event, expected }) => {
    const step = transition(state, event, policy);
    if (expected === undefined) {
      expect(step.state).toBe(state);
      expect(step.effects).toEqual([]);
      return;
    }
    expect(step.state.status).toBe(expected[0]);
    expect(step.effects.map(summary)).toEqual(expected[1]);
  });
});

describe('transition: details', () => {
  it('connects with a fresh URL, then opens, subscribes and fills the gap', () => {
    let state = initialConnectionState();
    let step = transition(state, { type: 'CONNECT', now: 0 }, policy);
    state = step.state;
    step = transition(state, { type: 'CONNECTION_FETCHED', now: 0, credentials: fresh }, policy);
    expect(step.effects).toContainEqual({
      type: 'openSocket',
      socketId: 1,
      url: fresh.websocketUrl,
    });
    state = transition(step.state, { type: 'SOCKET_OPENED', socketId: 1 }, policy).state;
    step = transition(state, { type: 'SUBSCRIBED', socketId: 1 }, policy);
    expect(step.state).toMatchObject({ status: 'open', socketId: 1, credentials: fresh });
    expect(step.effects).toContainEqual({ type: 'fillGap' });
  });

  it('backs off with full jitter from 250 ms, doubling per failure and capped at 30 s', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) =>
      backoffDelay(failures, policy, 0.999999),
    );
    expect(ceilings).toEqual([249, 499, 999, 1999, 3999, 7999, 15999, 29999]);
    expect(backoffDelay(3, policy, 0)).toBe(0);
    expect(backoffDelay(3, policy, 0.25)).toBe(250);
  });

  it('keeps retrying retryable failures forever, with growing waits', () => {
    let state: ConnectionState = pending('reconnecting', 'fetching');
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const step = transition(
        state,
        { type: 'CONNECTION_FETCH_FAILED', failure: 'retryable', error: lostErr, jitter: 0.5 },
        policy,
      );
      const timer = step.effects.find((effect) => effect.type === 'startTimer');
      waits.push(timer?.type === 'startTimer' ? timer.delayMs : -1);
      state = transition(step.state, { type: 'RETRY_DUE', now: 200_000 }, policy).state;
      expect(state).toMatchObject({ status: 'reconnecting', step: 'fetching' });
    }
    expect(waits.slice(0, 8)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(state).toMatchObject({ attempt: 14 });
  });

  it('reuses an unexpired websocket URL and fetches a fresh one once its window has passed', () => {
    const waiting = pending('reconnecting', 'waiting');
    const reuse = transition(waiting, { type: 'RETRY_DUE', now: URL_EXPIRY - 10_000 }, policy);
    expect(reuse.effects).toContainEqual({
      type: 'openSocket',
      socketId: 3,
      url: creds.websocketUrl,
    });
    const late = transition(waiting, { type: 'RETRY_DUE', now: URL_EXPIRY - 1000 }, policy);
    expect(late.effects.map(summary)).toEqual(['cancelTimer:retry', 'fetchConnection']);
  });

  it('forgets a URL whose socket never opened, so the next attempt fetches a fresh one', () => {
    const step = transition(
      pending('reconnecting', 'opening'),
      { type: 'SOCKET_CLOSED', socketId: 1, jitter: 0 },
      policy,
    );
    expect(step.state.credentials?.websocketUrl).toBeUndefined();
    expect(step.state.credentials?.connectionToken).toBe(creds.connectionToken);
    const retry = transition(step.state, { type: 'RETRY_DUE', now: 0 }, policy);
    expect(retry.effects.map(summary)).toContain('fetchConnection');
  });

  it('treats 403 on the first connect as access denied, and on a reconnect or resume as the chat ending', () => {
    const denial: ConnectionEvent = {
      type: 'CONNECTION_FETCH_FAILED',
      failure: 'denied',
      error: denied,
      jitter: 0,
    };
    const first = transition(
      transition(initialConnectionState(), { type: 'CONNECT', now: 0 }, policy).state,
      denial,
      policy,
    );
    expect(first.state).toMatchObject({ status: 'failed', error: denied });
    expect(first.effects.map(summary)).not.toContain('chatEnded');

    // A resume: the first 403 is asked again after a backoff; the second one ends the chat.
    const state = transition(
      initialConnectionState(),
      { type: 'CONNECT', now: 0, resumed: true },
      policy,
    ).state;
    const once = transition(state, denial, policy);
    expect(once.state).toMatchObject({ status: 'connecting', step: 'waiting', deniedOnce: true });
    expect(once.effects.map(summary)).toEqual(RETRY_WAIT);
    const again = transition(once.state, { type: 'RETRY_DUE', now: 0 }, policy);
    expect(again.effects.map(summary)).toContain('fetchConnection');
    const twice = transition(again.state, denial, policy);
    expect(twice.state).toMatchObject({ status: 'closed', reason: 'ended' });
    expect(twice.effects.map(summary)).toContain('chatEnded');
  });

  it('takes one 403 at a token refresh or rotation as a hiccup: asks again soon, ends only on a second one', () => {
    const denial: ConnectionEvent = {
      type: 'CONNECTION_FETCH_FAILED',
      failure: 'denied',
      error: denied,
      jitter: 0.5,
    };
    const rotating = transition(open(), { type: 'ROTATE_DUE' }, policy).state;
    const once = transition(rotating, denial, policy);
    expect(once.state).toMatchObject({ status: 'open', deniedOnce: true, rotation: undefined });
    const retry = once.effects.find(
      (effect) => effect.type === 'startTimer' && effect.timer === 'tokenRefresh',
    );
    expect(retry).toMatchObject({ delayMs: Math.floor(0.5 * policy.backoffBaseMs) });

    // The retry succeeds: it was a hiccup, and a later single 403 is again only a hiccup.
    const refreshing = transition(once.state, { type: 'TOKEN_REFRESH_DUE' }, policy);
    expect(refreshing.effects.map(summary)).toEqual(['fetchConnection']);
    const fetched = transition(
      refreshing.state,
      { type: 'CONNECTION_FETCHED', now: 0, credentials: fresh },
      policy,
    );
    expect(fetched.state).toMatchObject({ status: 'open', deniedOnce: false });

    // Refused twice in a row: the chat is over.
    let state = transition(fetched.state, { type: 'TOKEN_REFRESH_DUE' }, policy).state;
    state = transition(state, denial, policy).state;
    expect(state.status).toBe('open');
    state = transition(state, { type: 'TOKEN_REFRESH_DUE' }, policy).state;
    const twice = transition(state, denial, policy);
    expect(twice.state).toMatchObject({ status: 'closed', reason: 'ended' });
    expect(twice.effects.map(summary)).toContain('chatEnded');
  });

  it('gives up on a socket after subscribeMaxTries unanswered subscribes and reconnects', () => {
    let state: ConnectionState = pending('connecting', 'subscribing');
    const sent: string[] = [];
    for (let i = 0; i < policy.subscribeMaxTries; i += 1) {
      const step = transition(state, { type: 'SUBSCRIBE_TIMEOUT', jitter: 0 }, policy);
      sent.push(...step.effects.map(summary));
      state = step.state;
    }
    expect(sent.filter((effect) => effect === 'sendSubscribe:1')).toHaveLength(
      policy.subscribeMaxTries - 1,
    );
    expect(sent).toContain('closeSocket:1');
    expect(state).toMatchObject({ status: 'connecting', step: 'waiting' });
  });

  it('schedules the token refresh a lead before expiry, never sooner than the minimum interval', () => {
    const refresh = (tokenExpiresAt: number, now: number) => {
      const step = transition(
        open({ fetching: true }),
        { type: 'CONNECTION_FETCHED', now, credentials: { ...fresh, tokenExpiresAt } },
        policy,
      );
      const timer = step.effects[0];
      return timer?.type === 'startTimer' ? timer.delayMs : -1;
    };
    expect(refresh(10 * 60_000, 0)).toBe(9 * 60_000);
    // The service returned the same expiry again, now 30 s away: no tight loop.
    expect(refresh(30_000, 0)).toBe(policy.tokenRefreshMinIntervalMs);
    expect(refresh(0, 5_000)).toBe(policy.tokenRefreshMinIntervalMs);
  });

  it('rotates with overlap: the new socket is live before the old one is closed', () => {
    let state = open();
    state = transition(state, { type: 'ROTATE_DUE' }, policy).state;
    state = transition(
      state,
      { type: 'CONNECTION_FETCHED', now: 0, credentials: fresh },
      policy,
    ).state;
    state = transition(state, { type: 'SOCKET_OPENED', socketId: 3 }, policy).state;
    expect(state).toMatchObject({ status: 'open', socketId: 1 });
    const step = transition(state, { type: 'SUBSCRIBED', socketId: 3 }, policy);
    expect(step.state).toMatchObject({ status: 'open', socketId: 3, rotation: undefined });
    expect(step.effects.map(summary)).toContain('closeSocket:1');
    // The old socket's close is now stale and changes nothing.
    const stale = transition(step.state, { type: 'SOCKET_CLOSED', socketId: 1, jitter: 0 }, policy);
    expect(stale.state).toBe(step.state);
  });

  it('ignores a second CONNECT while connecting (StrictMode double mount)', () => {
    const connecting = transition(
      initialConnectionState(),
      { type: 'CONNECT', now: 0 },
      policy,
    ).state;
    const again = transition(connecting, { type: 'CONNECT', now: 0 }, policy);
    expect(again.state).toBe(connecting);
    expect(again.effects).toEqual([]);
  });

  it('rejects nonsensical timings', () => {
    expect(() => resolveConnectionPolicy({ heartbeatIntervalMs: -1 })).toThrow(TypeError);
    expect(() => resolveConnectionPolicy({ subscribeMaxTries: 0 })).toThrow(TypeError);
    expect(resolveConnectionPolicy({ backoffMaxMs: 5 }).backoffMaxMs).toBe(5);
  });
});
