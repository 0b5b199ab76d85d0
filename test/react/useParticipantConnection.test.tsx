import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, waitFor, cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contactKitKeys,
  InvalidResponseError,
  ParticipantServiceError,
  participantConnectionExpiresAt,
  useParticipantConnection,
} from 'contact-kit';
import {
  connectionAnswer,
  createFakeParticipantFetch,
  errorAnswer,
} from '../fakes/react/fakeParticipantFetch';

afterEach(cleanup);

const endpoint = 'http://participant.test';

function setup() {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </StrictMode>
  );
  return { queryClient, wrapper };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useParticipantConnection', () => {
  it('sends one CreateParticipantConnection for every component asking, under StrictMode', async () => {
    const fake = createFakeParticipantFetch(connectionAnswer());
    const { wrapper } = setup();
    const seen: (string | undefined)[] = [];
    function Consumer() {
      const { data } = useParticipantConnection({
        participantToken: 'participant-token',
        types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
        endpoint,
        fetch: fake.fetch,
      });
      seen.push(data?.Websocket.Url);
      return null;
    }
    render(
      <>
        <Consumer />
        <Consumer />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(seen.at(-1)).toBe('wss://example.test/ws/1'));
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.url).toBe(`${endpoint}/participant/connection`);
    expect(request?.method).toBe('POST');
    expect(request?.headers['x-amz-bearer']).toBe('participant-token');
    expect(request?.body).toEqual({ Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
  });

  it('sends ConnectParticipant only when asked to', async () => {
    const fake = createFakeParticipantFetch(connectionAnswer());
    const { wrapper } = setup();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: 'participant-token',
          types: ['CONNECTION_CREDENTIALS'],
          connectParticipant: true,
          endpoint,
          fetch: fake.fetch,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(fake.requests[0]?.body).toEqual({
      Type: ['CONNECTION_CREDENTIALS'],
      ConnectParticipant: true,
    });
  });

  it('never retries a 403 and reports it as a typed error', async () => {
    const fake = createFakeParticipantFetch(
      errorAnswer(403, 'AccessDeniedException', 'Access denied'),
    );
    const { wrapper } = setup();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: 'participant-token',
          types: ['WEBSOCKET'],
          endpoint,
          fetch: fake.fetch,
          retry: 3,
          retryDelay: 0,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(ParticipantServiceError);
    expect(error instanceof ParticipantServiceError && error.status).toBe(403);
    expect(error?.name).toBe('AccessDeniedException');
    expect(result.current.failureCount).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 500 and 429 answers, then succeeds', async () => {
    const fake = createFakeParticipantFetch(
      errorAnswer(500, 'InternalServerException'),
      errorAnswer(429, 'ThrottlingException'),
      connectionAnswer(),
    );
    const { wrapper } = setup();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: 'participant-token',
          types: ['WEBSOCKET'],
          endpoint,
          fetch: fake.fetch,
          retryDelay: 0,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after `retry` retries of a retryable failure', async () => {
    const fake = createFakeParticipantFetch(errorAnswer(503, 'ServiceUnavailable'));
    const { wrapper } = setup();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: 'participant-token',
          types: ['WEBSOCKET'],
          endpoint,
          fetch: fake.fetch,
          retry: 2,
          retryDelay: 0,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(fake.requests).toHaveLength(3);
  });

  it('rejects an answer without the blocks it asked for', async () => {
    const fake = createFakeParticipantFetch({ status: 200, body: { ConnectionCredentials: {} } });
    const { wrapper } = setup();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: 'participant-token',
          types: ['WEBSOCKET'],
          endpoint,
          fetch: fake.fetch,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(InvalidResponseError);
  });

  it('waits while disabled or without a token', async () => {
    const fake = createFakeParticipantFetch(connectionAnswer());
    const { wrapper } = setup();
    const { result, rerender } = renderHook(
      ({ token, enabled }: { token: string | undefined; enabled: boolean }) =>
        useParticipantConnection({
          participantToken: token,
          types: ['WEBSOCKET'],
          endpoint,
          fetch: fake.fetch,
          enabled,
        }),
      { wrapper, initialProps: { token: undefined as string | undefined, enabled: true } },
    );
    rerender({ token: 'participant-token', enabled: false });
    expect(result.current.fetchStatus).toBe('idle');
    expect(fake.requests).toHaveLength(0);
    rerender({ token: 'participant-token', enabled: true });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(fake.requests).toHaveLength(1);
  });

  it('treats the data as stale once the websocket URL has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = createFakeParticipantFetch(
      () => connectionAnswer(100_000, 'wss://example.test/first'),
      () => connectionAnswer(100_000, 'wss://example.test/second'),
    );
    const { wrapper } = setup();
    const options = {
      participantToken: 'participant-token',
      types: ['WEBSOCKET'] as const,
      endpoint,
      fetch: fake.fetch,
    };
    const first = renderHook(() => useParticipantConnection(options), { wrapper });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();

    // Within the window a new observer gets the cached URL without asking again.
    vi.setSystemTime(Date.now() + 99_000);
    const second = renderHook(() => useParticipantConnection(options), { wrapper });
    expect(second.result.current.data?.Websocket.Url).toBe('wss://example.test/first');
    second.unmount();
    expect(fake.requests).toHaveLength(1);

    vi.setSystemTime(Date.now() + 2_000);
    const third = renderHook(() => useParticipantConnection(options), { wrapper });
    await waitFor(() =>
      expect(third.result.current.data?.Websocket.Url).toBe('wss://example.test/second'),
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('uses the earlier of ConnectionExpiry and the 100 s window', () => {
    const fetchedAt = Date.parse('2026-01-01T00:00:00Z');
    expect(
      participantConnectionExpiresAt(
        { Websocket: { Url: 'wss://x', ConnectionExpiry: '2026-01-01T00:01:00Z' } },
        fetchedAt,
      ),
    ).toBe(fetchedAt + 60_000);
    expect(
      participantConnectionExpiresAt(
        { Websocket: { Url: 'wss://x', ConnectionExpiry: '2026-01-02T00:00:00Z' } },
        fetchedAt,
      ),
    ).toBe(fetchedAt + 100_000);
    expect(participantConnectionExpiresAt({ WebRTCConnection: {} }, fetchedAt)).toBeUndefined();
  });

  it('keys queries under the library prefix, whatever the order of types', () => {
    const a = contactKitKeys.participantConnection({
      endpoint,
      participantToken: 't',
      types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    });
    const b = contactKitKeys.participantConnection({
      endpoint,
      participantToken: 't',
      types: ['CONNECTION_CREDENTIALS', 'WEBSOCKET'],
    });
    expect(a).toEqual(b);
    expect(a.slice(0, 2)).toEqual([...contactKitKeys.participantConnections()]);
    expect(a[0]).toBe(contactKitKeys.all[0]);
  });
});
