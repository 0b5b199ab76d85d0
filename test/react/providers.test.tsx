import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { act, render, renderHook, waitFor, cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatError, silentLogger } from 'contact-kit/core';
import {
  ChatProvider,
  ContactKitProvider,
  useAttachmentUpload,
  useChat,
  useChatConnection,
  useChatSession,
  useComposer,
  useContactKit,
  useInteractiveMessage,
  useParticipants,
  useSendMessage,
  useTranscript,
  useTyping,
  useUnreadCount,
} from 'contact-kit';
import type {
  ChatProviderProps,
  ChatSessionFactoryOptions,
  ContactKitProviderProps,
} from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import {
  connectionAnswer,
  createFakeParticipantFetch,
  errorAnswer,
} from '../fakes/react/fakeParticipantFetch';
import { createMemoryStorage } from '../fakes/react/memoryStorage';

afterEach(cleanup);

const contact = {
  ContactId: 'contact-1',
  ParticipantId: 'customer-1',
  ParticipantToken: 'token-1',
};

function setup(
  overrides: Partial<ContactKitProviderProps> = {},
  chatProps: ChatProviderProps = {},
  fetchAnswers = [connectionAnswer()],
) {
  const sessions: FakeChatSession[] = [];
  const fake = createFakeParticipantFetch(...fetchAnswers);
  const startChat = vi.fn(async () => contact);
  const storage = createMemoryStorage();
  const props: ContactKitProviderProps = {
    endpoint: 'http://participant.test',
    startChat,
    storage,
    fetch: fake.fetch,
    logger: silentLogger,
    createSession: (options: ChatSessionFactoryOptions) => {
      const session = new FakeChatSession({ options });
      sessions.push(session);
      return session;
    },
    ...overrides,
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <ContactKitProvider {...props}>
        <ChatProvider {...chatProps}>{children}</ChatProvider>
      </ContactKitProvider>
    </StrictMode>
  );
  const live = () => sessions.filter((session) => !session.destroyed);
  return { sessions, live, fake, startChat, storage, props, wrapper };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ContactKitProvider + ChatProvider', () => {
  it('starts once, connects one session with one CreateParticipantConnection, under StrictMode', async () => {
    const { live, sessions, fake, startChat, storage, wrapper } = setup();
    const { result, unmount } = renderHook(() => useChat(), { wrapper });
    expect(result.current.status).toBe('idle');
    expect(sessions).toHaveLength(0);

    await act(async () => {
      await Promise.all([result.current.start(), result.current.start()]);
    });
    await waitFor(() => expect(live()[0]?.callsOf('connect')).toHaveLength(1));

    expect(startChat).toHaveBeenCalledTimes(1);
    expect(live()).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    const session = live()[0]!;
    expect(session.options).toMatchObject({
      participantToken: 'token-1',
      endpoint: 'http://participant.test',
    });
    // The session's own CreateParticipantConnection was answered by the prefetched query data.
    await waitFor(() =>
      expect(session.connectedWith).toMatchObject({
        Websocket: { Url: 'wss://example.test/ws/1' },
      }),
    );
    expect(fake.requests).toHaveLength(1);
    // A session StrictMode threw away never connected.
    for (const discarded of sessions.filter((s) => s.destroyed)) {
      expect(discarded.callsOf('connect')).toHaveLength(0);
    }
    expect(result.current.status).toBe('connecting');
    expect(result.current.contactId).toBe('contact-1');
    expect(JSON.parse(storage.getItem('contact-kit.chat')!)).toEqual({
      participantToken: 'token-1',
      contactId: 'contact-1',
      participantId: 'customer-1',
    });

    act(() => session.setConnection({ status: 'open' }));
    expect(result.current.status).toBe('open');

    unmount();
    // Destroyed a microtask later (StrictMode's unmount-and-mount keeps the contact).
    await Promise.resolve();
    expect(session.destroyed).toBe(true);
  });

  it('resumes the stored contact after a reload without starting a new chat', async () => {
    const { live, startChat, wrapper } = setup();
    const first = renderHook(() => useChat(), { wrapper });
    await act(() => first.result.current.start());
    await waitFor(() => expect(live()[0]?.callsOf('connect')).toHaveLength(1));
    first.unmount();
    await Promise.resolve();
    expect(live()).toHaveLength(0);

    const second = renderHook(() => useChat(), { wrapper });
    await waitFor(() => expect(live()[0]?.callsOf('connect')).toHaveLength(1));
    expect(startChat).toHaveBeenCalledTimes(1);
    expect(second.result.current.contactId).toBe('contact-1');
    expect(live()[0]?.options).toMatchObject({ participantToken: 'token-1' });
  });

  it('connects at once with a ready participantToken', async () => {
    const { live, wrapper } = setup({ startChat: undefined, participantToken: 'given-token' });
    const { result } = renderHook(() => useChat(), { wrapper });
    await waitFor(() => expect(live()[0]?.callsOf('connect')).toHaveLength(1));
    expect(live()[0]?.options).toMatchObject({ participantToken: 'given-token' });
    expect(result.current.status).toBe('connecting');
  });

  it("uses the app's QueryClient when there is one, its own otherwise", () => {
    const app = new QueryClient();
    const seen: QueryClient[] = [];
    function Probe() {
      seen.push(useQueryClient());
      return null;
    }
    render(
      <QueryClientProvider client={app}>
        <ContactKitProvider endpoint="http://participant.test">
          <Probe />
        </ContactKitProvider>
      </QueryClientProvider>,
    );
    render(
      <ContactKitProvider endpoint="http://participant.test">
        <Probe />
      </ContactKitProvider>,
    );
    expect(seen[0]).toBe(app);
    expect(seen.at(-1)).toBeInstanceOf(QueryClient);
    expect(seen.at(-1)).not.toBe(app);
  });

  it('reports a failed start as state and can start again', async () => {
    const startChat = vi
      .fn<() => Promise<typeof contact>>()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValue(contact);
    const { live, wrapper } = setup({ startChat });
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(() => expect(result.current.start()).rejects.toThrow('backend down'));
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.message).toBe('backend down');

    await act(() => result.current.start());
    await waitFor(() => expect(live()).toHaveLength(1));
    expect(result.current.status).toBe('connecting');
  });

  it('rejects a startChat answer that is not a StartChatContact result', async () => {
    const { wrapper } = setup({ startChat: async () => ({ ContactId: 'x' }) as never });
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(() => expect(result.current.start()).rejects.toThrow(TypeError));
    expect(result.current.status).toBe('failed');
  });

  it('end() leaves the chat and forgets it; start() afterwards begins a new contact', async () => {
    const { live, startChat, storage, wrapper } = setup();
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(() => result.current.start());
    await waitFor(() => expect(live()).toHaveLength(1));
    const session = live()[0]!;

    await act(() => result.current.end());
    expect(session.callsOf('endChat')).toHaveLength(1);
    expect(result.current.status).toBe('ended');
    // The tokens are gone; the ended contact stays, for "continue the conversation".
    expect(JSON.parse(storage.getItem('contact-kit.chat')!)).toEqual({
      previousContactId: 'contact-1',
    });
    expect(result.current.previousContactId).toBe('contact-1');

    await act(() => result.current.start());
    expect(startChat).toHaveBeenCalledTimes(2);
  });

  it('lets the session handle a refused first connection (403)', async () => {
    const { live, fake, wrapper } = setup({}, {}, [errorAnswer(403, 'AccessDeniedException')]);
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(() => result.current.start());
    await waitFor(() => expect(live()[0]?.connectError).toBeDefined());
    // The session asked again itself (a second request) and got the 403 it turns into state.
    expect(live()[0]?.callsOf('connect')).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('calls onConnectionChange, onError, onMessage (new incoming only) and onChatEnded', async () => {
    const callbacks = {
      onConnectionChange: vi.fn(),
      onError: vi.fn(),
      onMessage: vi.fn(),
      onChatEnded: vi.fn(),
    };
    const { live, storage, wrapper } = setup({}, callbacks);
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(() => result.current.start());
    await waitFor(() => expect(live()).toHaveLength(1));
    const session = live()[0]!;

    const history = makeChatItem({ id: 'old', fromHistory: true });
    const own = makeChatItem({ id: 'own', isOwn: true });
    // Live, though its service time is far behind the client's clock (a skewed laptop clock).
    const incoming = makeChatItem({ id: 'new', time: '2020-01-01T00:00:00.000Z' });
    const event = makeChatItem({ id: 'joined', type: 'event', event: 'participant.joined' });
    const error = new ChatError('CONNECTION_LOST', 'lost', { retryable: true });
    act(() => {
      session.setConnection({ status: 'open' });
      session.update({ items: [history, own, incoming, event] });
      session.setConnection({ status: 'reconnecting', attempt: 1, error });
    });
    expect(callbacks.onConnectionChange.mock.calls.map(([status]) => status)).toEqual([
      'connecting',
      'open',
      'reconnecting',
    ]);
    expect(callbacks.onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(callbacks.onMessage).toHaveBeenCalledExactlyOnceWith(incoming);

    act(() => session.update({ items: [history, own, incoming, event] }));
    expect(callbacks.onMessage).toHaveBeenCalledTimes(1);

    act(() => session.update({ chat: { status: 'ended', error: undefined } }));
    expect(callbacks.onChatEnded).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.getItem('contact-kit.chat')!)).toEqual({
      previousContactId: 'contact-1',
    });
  });
});

describe('an asynchronous session factory (the default loads the core on first use)', () => {
  /** A factory whose sessions arrive when the test says so. */
  function deferredFactory() {
    const made: FakeChatSession[] = [];
    const waiting: Array<() => void> = [];
    const createSession = (options: ChatSessionFactoryOptions) =>
      new Promise<FakeChatSession>((resolve) => {
        waiting.push(() => {
          const session = new FakeChatSession({ options });
          made.push(session);
          resolve(session);
        });
      });
    const deliverAll = async () => {
      await act(async () => {
        for (const deliver of waiting.splice(0)) {
          deliver();
        }
        await Promise.resolve();
      });
    };
    return { made, waiting, createSession, deliverAll };
  }

  it('connects the session once it arrives, and only the one StrictMode kept', async () => {
    const factory = deferredFactory();
    const { wrapper, fake } = setup({ createSession: factory.createSession });
    const { result, unmount } = renderHook(() => useChat(), { wrapper });
    await act(() => result.current.start());
    expect(factory.made).toHaveLength(0);
    expect(result.current.status).not.toBe('open');

    await waitFor(() => expect(factory.waiting.length).toBeGreaterThan(0));
    await factory.deliverAll();
    // One contact, one session, even under StrictMode.
    const live = factory.made.filter((session) => !session.destroyed);
    expect(live).toHaveLength(1);
    await waitFor(() => expect(live[0]!.callsOf('connect')).toHaveLength(1));
    for (const discarded of factory.made.filter((session) => session.destroyed)) {
      expect(discarded.callsOf('connect')).toHaveLength(0);
    }
    expect(fake.requests).toHaveLength(1);
    act(() => live[0]!.setConnection({ status: 'open' }));
    expect(result.current.status).toBe('open');

    unmount();
    await Promise.resolve();
    expect(live[0]!.destroyed).toBe(true);
  });

  it('destroys a session that arrives after the provider unmounted', async () => {
    const factory = deferredFactory();
    const { wrapper } = setup({ createSession: factory.createSession });
    const { result, unmount } = renderHook(() => useChat(), { wrapper });
    await act(() => result.current.start());
    await waitFor(() => expect(factory.waiting.length).toBeGreaterThan(0));
    unmount();
    await factory.deliverAll();
    expect(factory.made.length).toBeGreaterThan(0);
    for (const session of factory.made) {
      expect(session.destroyed).toBe(true);
      expect(session.callsOf('connect')).toHaveLength(0);
    }
  });

  it('a factory that rejects turns the chat failed, with the error; start() tries the same contact again', async () => {
    const failure = new Error('the chat code could not be loaded');
    const createSession = vi
      .fn<(options: ChatSessionFactoryOptions) => Promise<FakeChatSession>>()
      .mockRejectedValueOnce(failure)
      .mockImplementation(async (options) => new FakeChatSession({ options }));
    const { wrapper, startChat } = setup({ createSession });
    const { result } = renderHook(() => useChat(), { wrapper });
    await act(async () => {
      await result.current.start().catch(() => undefined);
    });
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.error).toBe(failure);

    await act(() => result.current.start());
    await waitFor(() => expect(createSession).toHaveBeenCalledTimes(2));
    expect(startChat).toHaveBeenCalledTimes(1);
  });

  it('the default factory loads the core and creates a real session', async () => {
    const { wrapper } = setup({ createSession: undefined });
    const { result, unmount } = renderHook(() => ({ chat: useChat(), session: useChatSession() }), {
      wrapper,
    });
    await act(() => result.current.chat.start());
    await waitFor(() => expect(result.current.session).toBeDefined());
    expect(result.current.session).not.toBeInstanceOf(FakeChatSession);
    expect(typeof result.current.session?.sendMessage).toBe('function');
    unmount();
  });
});

describe('the unsent draft', () => {
  it('survives the composer going away and a reload, per contact, and is gone once sent', async () => {
    const { wrapper, storage, live } = setup();
    const first = renderHook(() => ({ chat: useChat(), composer: useComposer() }), { wrapper });
    await act(() => first.result.current.chat.start());
    await waitFor(() => expect(live()).toHaveLength(1));
    act(() => first.result.current.composer.setValue('My order number is 4'));
    // Minimise (the composer unmounts) and reload (a new provider over the same storage).
    first.unmount();
    await Promise.resolve();
    expect(JSON.parse(storage.getItem('contact-kit.chat')!)).toMatchObject({
      participantToken: 'token-1',
      draft: 'My order number is 4',
    });
    const second = renderHook(() => useComposer(), { wrapper });
    await waitFor(() => expect(second.result.current.value).toBe('My order number is 4'));

    act(() => second.result.current.setValue('My order number is 42'));
    act(() => live().at(-1)!.setConnection({ status: 'open' }));
    act(() => {
      second.result.current.submit();
    });
    expect(second.result.current.value).toBe('');
    expect(JSON.parse(storage.getItem('contact-kit.chat')!).draft).toBeUndefined();
    second.unmount();
  });
});

describe('misuse', () => {
  const hooks: [string, () => unknown][] = [
    ['useChat', () => useChat()],
    ['useChatConnection', () => useChatConnection()],
    ['useTranscript', () => useTranscript()],
    ['useTyping', () => useTyping()],
    ['useParticipants', () => useParticipants()],
    ['useSendMessage', () => useSendMessage()],
    ['useAttachmentUpload', () => useAttachmentUpload()],
    ['useInteractiveMessage', () => useInteractiveMessage(makeChatItem())],
    ['useUnreadCount', () => useUnreadCount()],
    ['useComposer', () => useComposer()],
    ['useChatSession', () => useChatSession()],
  ];

  it.each(hooks)('%s throws a clear error outside <ChatProvider>', (_name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(hook)).toThrow(/<ChatProvider>/);
  });

  it('useContactKit throws outside <ContactKitProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useContactKit())).toThrow(/<ContactKitProvider>/);
  });

  it('ChatProvider needs a ContactKitProvider or a session', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ChatProvider />)).toThrow(/<ContactKitProvider>/);
  });
});
