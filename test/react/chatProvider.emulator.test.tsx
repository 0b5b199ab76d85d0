import { act, cleanup, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from 'contact-kit/core';
import { ChatProvider, ContactKitProvider, useChat, useTranscript } from 'contact-kit';
import type { ContactKitStorage, UseChatResult, WebSocketConstructorLike } from 'contact-kit';
import { startEmulator } from 'contact-kit/emulator';
import { createMemoryStorage } from '../fakes/react/memoryStorage';

let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'echo' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(cleanup);

interface ContactView {
  ContactId: string;
  Participants: { ParticipantId: string; ParticipantRole: string; OpenWebsockets: number }[];
}

async function contactView(contactId: string): Promise<ContactView> {
  const response = await fetch(`${emulator.url}/admin/contacts/${contactId}`);
  return (await response.json()) as ContactView;
}

async function customerSockets(contactId: string): Promise<number | undefined> {
  const view = await contactView(contactId);
  return view.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.OpenWebsockets;
}

function harness() {
  const connectionCalls: string[] = [];
  const startChatCalls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input).endsWith('/participant/connection')) {
      connectionCalls.push(String(input));
    }
    return fetch(input, init);
  };
  const startChat = async () => {
    startChatCalls.push('start');
    const response = await fetch(`${emulator.url}/admin/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Customer' } }),
    });
    return (await response.json()) as {
      ContactId: string;
      ParticipantId: string;
      ParticipantToken: string;
    };
  };
  const view: { chat?: UseChatResult; ids: string[]; contents: string[] } = {
    ids: [],
    contents: [],
  };
  function Probe() {
    view.chat = useChat();
    const { items } = useTranscript();
    view.ids = items.map((item) => item.id);
    view.contents = items.filter((item) => item.type === 'message').map((i) => i.content ?? '');
    return null;
  }
  const mount = (storage: ContactKitStorage) =>
    render(
      <StrictMode>
        <ContactKitProvider
          endpoint={emulator.url}
          startChat={startChat}
          storage={storage}
          fetch={countingFetch}
          WebSocket={WebSocket as unknown as WebSocketConstructorLike}
          logger={silentLogger}
        >
          <ChatProvider>
            <Probe />
          </ChatProvider>
        </ContactKitProvider>
      </StrictMode>,
    );
  return { mount, view, connectionCalls, startChatCalls };
}

describe('ChatProvider against the emulator', () => {
  it('opens exactly one websocket and makes one CreateParticipantConnection under StrictMode', async () => {
    const { mount, view, connectionCalls } = harness();
    const { unmount } = mount(createMemoryStorage());
    await act(async () => {
      await view.chat!.start();
    });
    await waitFor(() => expect(view.chat?.status).toBe('open'), { timeout: 10_000 });
    const contactId = view.chat!.contactId!;

    expect(await customerSockets(contactId)).toBe(1);
    expect(connectionCalls).toHaveLength(1);

    act(() => {
      view.chat!.send('hello');
    });
    await waitFor(() => expect(view.contents).toContain('Echo: hello'), { timeout: 10_000 });
    expect(await customerSockets(contactId)).toBe(1);
    expect(connectionCalls).toHaveLength(1);

    unmount();
    await waitFor(async () => expect(await customerSockets(contactId)).toBe(0));
  });

  it('resumes the same contact with the same items after a reload, without duplicates', async () => {
    const { mount, view, startChatCalls } = harness();
    const storage = createMemoryStorage();
    const first = mount(storage);
    await act(async () => {
      await view.chat!.start();
    });
    await waitFor(() => expect(view.chat?.status).toBe('open'), { timeout: 10_000 });
    const contactId = view.chat!.contactId!;
    act(() => {
      view.chat!.send('before reload');
    });
    await waitFor(() => expect(view.contents).toContain('Echo: before reload'), {
      timeout: 10_000,
    });
    const idsBefore = [...view.ids];
    expect(idsBefore.every((id) => !id.startsWith('local'))).toBe(true);

    first.unmount();
    view.ids = [];
    view.contents = [];

    mount(storage);
    await waitFor(() => expect(view.chat?.status).toBe('open'), { timeout: 10_000 });
    await waitFor(() => expect(view.ids).toEqual(expect.arrayContaining(idsBefore)), {
      timeout: 10_000,
    });
    expect(view.chat?.contactId).toBe(contactId);
    expect(startChatCalls).toHaveLength(1);
    expect(new Set(view.ids).size).toBe(view.ids.length);
    expect(view.ids.slice(0, idsBefore.length)).toEqual(idsBefore);
    await waitFor(async () => expect(await customerSockets(contactId)).toBe(1));

    act(() => {
      view.chat!.send('after reload');
    });
    await waitFor(() => expect(view.contents).toContain('Echo: after reload'), {
      timeout: 10_000,
    });
    expect(view.contents.filter((c) => c === 'before reload')).toHaveLength(1);
    expect(new Set(view.ids).size).toBe(view.ids.length);
  });
});
