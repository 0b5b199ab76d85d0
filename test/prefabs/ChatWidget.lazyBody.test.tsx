import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

// The widget's body (conversation, composer, form) is a lazy module: each test imports the kit
// afresh so the body is not loaded yet when the panel first opens.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.doUnmock('../../src/prefabs/ChatWidget/ChatWidgetBody');
  vi.resetModules();
});

function openSession() {
  const session = new FakeChatSession();
  session.update({
    connection: { status: 'open', attempt: 0, error: undefined },
    items: [makeChatItem({ content: 'Hello!', participantId: 'agent-1', role: 'AGENT' })],
    participants: [
      { participantId: 'agent-1', displayName: 'Sam', role: 'AGENT', status: 'joined' },
    ],
  });
  return session;
}

describe('ChatWidget loads its body on demand', { timeout: 30_000 }, () => {
  it('opens at once; the panel holds focus while the body loads, then the composer takes it', async () => {
    vi.resetModules();
    const { ChatWidget } = await import('contact-kit');
    render(<ChatWidget session={openSession()} position="inline" />);

    fireEvent.click(screen.getByRole('button', { name: /^Open chat/ }));
    const dialog = screen.getByRole('dialog', { name: 'Chat with us' });
    // The frame is there at once (title, agent, controls); the body is still on its way.
    expect(screen.getByText('Chatting with Sam')).toBeInTheDocument();
    expect(dialog.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    await waitFor(() => expect(dialog).toHaveFocus());

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    expect(dialog.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByRole('log')).toHaveTextContent('Hello!');
  });

  it('leaves focus where the customer moved it while the body loaded', async () => {
    vi.resetModules();
    const { ChatWidget } = await import('contact-kit');
    render(
      <>
        <button type="button">Elsewhere</button>
        <ChatWidget session={openSession()} position="inline" />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Open chat/ }));
    const dialog = screen.getByRole('dialog', { name: 'Chat with us' });
    await waitFor(() => expect(dialog).toHaveFocus());
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());

    await screen.findByRole('textbox', { name: 'Message' });
    expect(elsewhere).toHaveFocus();
  });

  it('renders the body at once when it was preloaded', async () => {
    vi.resetModules();
    const { ChatWidget, preloadChatWidget } = await import('contact-kit');
    await preloadChatWidget();
    render(<ChatWidget session={openSession()} position="inline" defaultOpen />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
  });

  it('says when the body cannot be loaded, and "Try again" loads it', async () => {
    vi.resetModules();
    let failing = true;
    vi.doMock('../../src/prefabs/ChatWidget/ChatWidgetBody', async (importOriginal) => {
      if (failing) {
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return importOriginal();
    });
    const { ChatWidget, preloadChatWidget } = await import('contact-kit');
    // Preloading swallows the failure: it must never reject.
    await expect(preloadChatWidget()).resolves.toBeUndefined();

    render(<ChatWidget session={openSession()} position="inline" defaultOpen />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The chat could not be loaded. Check your connection.');

    failing = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByRole('textbox', { name: 'Message' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders only the frame on the server, and hydrates without a mismatch once loaded', async () => {
    vi.resetModules();
    const { ChatWidget, preloadChatWidget } = await import('contact-kit');
    await preloadChatWidget();
    const session = openSession();
    const element = <ChatWidget session={session} position="inline" defaultOpen />;
    const html = renderToString(element);
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('<textarea');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error');
    const root = await act(async () =>
      hydrateRoot(container, element, { onRecoverableError: (error) => recoverable.push(error) }),
    );
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument(),
    );
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });
});
