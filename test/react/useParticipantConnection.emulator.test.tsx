import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ParticipantServiceError } from 'contact-kit/core';
import { useParticipantConnection } from 'contact-kit';
import { startEmulator } from 'contact-kit/emulator';

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(cleanup);

async function admin<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

function countingFetch() {
  const calls: string[] = [];
  const impl: typeof fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
  return { fetch: impl, calls };
}

function wrapper({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    </StrictMode>
  );
}

describe('useParticipantConnection against the emulator', () => {
  it('gets a websocket URL and a connection token', async () => {
    const chat = await admin<{ ParticipantToken: string }>('/admin/chat', {
      ParticipantDetails: { DisplayName: 'Customer' },
    });
    const counter = countingFetch();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: chat.ParticipantToken,
          types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
          endpoint: emulator.url,
          fetch: counter.fetch,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.Websocket.Url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    expect(Date.parse(result.current.data!.Websocket.ConnectionExpiry)).toBeGreaterThan(Date.now());
    expect(result.current.data?.ConnectionCredentials.ConnectionToken).toBeTruthy();
    expect(counter.calls).toHaveLength(1);
  });

  it('reports a 403 for an ended chat and does not retry it', async () => {
    const chat = await admin<{ ContactId: string; ParticipantToken: string }>('/admin/chat', {
      ParticipantDetails: { DisplayName: 'Customer' },
    });
    await admin(`/admin/contacts/${chat.ContactId}/stop`, {});
    const counter = countingFetch();
    const { result } = renderHook(
      () =>
        useParticipantConnection({
          participantToken: chat.ParticipantToken,
          types: ['WEBSOCKET'],
          endpoint: emulator.url,
          fetch: counter.fetch,
          retryDelay: 0,
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(ParticipantServiceError);
    expect(error instanceof ParticipantServiceError && error.status).toBe(403);
    expect(counter.calls).toHaveLength(1);
  });
});
