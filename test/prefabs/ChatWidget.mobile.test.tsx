import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setVisibility('visible');
  document.title = '';
});

const agentMessage = (content: string) =>
  makeChatItem({ content, participantId: 'agent-1', displayName: 'Sam', role: 'AGENT' });

function openSession(items = [agentMessage('Hello!')]) {
  const session = new FakeChatSession();
  session.update({
    connection: { status: 'open', attempt: 0, error: undefined },
    items,
    participants: [
      { participantId: 'agent-1', displayName: 'Sam', role: 'AGENT', status: 'joined' },
    ],
  });
  return session;
}

/** jsdom has no tabs: set what `document.visibilityState` says and tell the page. */
function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A `matchMedia` that answers `matches` for every query (jsdom has none). */
function stubMatchMedia(matches: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe('ChatWidget on a phone', { timeout: 30_000 }, () => {
  it('under auto, is a modal sheet where the phone query matches and floats where not', async () => {
    stubMatchMedia(true);
    const { unmount } = render(<ChatWidget session={openSession()} defaultOpen />);
    const sheet = screen.getByRole('dialog', { name: 'Chat with us' });
    expect(sheet).toHaveAttribute('data-layout', 'sheet');
    expect(sheet).toHaveAttribute('aria-modal', 'true');
    unmount();

    stubMatchMedia(false);
    render(<ChatWidget session={openSession()} defaultOpen />);
    const card = screen.getByRole('dialog', { name: 'Chat with us' });
    expect(card).toHaveAttribute('data-layout', 'floating');
    expect(card).not.toHaveAttribute('aria-modal');
  });

  it('layout="floating" keeps the card on a phone, layout="sheet" forces the sheet', () => {
    stubMatchMedia(true);
    const { unmount } = render(
      <ChatWidget session={openSession()} defaultOpen layout="floating" />,
    );
    expect(screen.getByRole('dialog')).toHaveAttribute('data-layout', 'floating');
    unmount();
    stubMatchMedia(false);
    render(<ChatWidget session={openSession()} defaultOpen layout="sheet" />);
    expect(screen.getByRole('dialog')).toHaveAttribute('data-layout', 'sheet');
  });

  it('locks the page scroll while the sheet is open and gives back the page styles on close', async () => {
    const user = userEvent.setup();
    document.documentElement.style.overflow = 'scroll';
    render(<ChatWidget session={openSession()} layout="sheet" />);
    expect(document.body.style.overflow).toBe('');

    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    expect(document.documentElement.style.overflow).toBe('hidden');
    expect(document.body.style.overflow).toBe('hidden');

    await user.click(screen.getByRole('button', { name: 'Minimize' }));
    expect(document.documentElement.style.overflow).toBe('scroll');
    expect(document.body.style.overflow).toBe('');
    expect(screen.getByRole('button', { name: /^Open chat/ })).toHaveFocus();
    document.documentElement.style.overflow = '';
  });

  it('does not lock the page under the floating card', async () => {
    const user = userEvent.setup();
    render(<ChatWidget session={openSession()} layout="floating" />);
    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('keeps Tab inside the sheet, both ways', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Page button</button>
        <ChatWidget session={openSession()} layout="sheet" />
      </>,
    );
    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    const composer = screen.getByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(composer).toHaveFocus());
    const endChat = screen.getByRole('button', { name: 'End chat' });
    // Forward from the composer: through the rest of the panel and round to its first control.
    for (let step = 0; step < 12 && !endChat.matches(':focus'); step += 1) {
      await user.tab();
      expect(screen.getByRole('button', { name: 'Page button' })).not.toHaveFocus();
    }
    expect(endChat).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    expect(screen.getByRole('button', { name: 'Page button' })).not.toHaveFocus();
  });

  it('with launcher={false}, renders no launcher and returns focus to the page button on close', async () => {
    const user = userEvent.setup();
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Help
          </button>
          <ChatWidget session={openSession()} launcher={false} open={open} onOpenChange={setOpen} />
        </>
      );
    }
    render(<Page />);
    expect(screen.queryByRole('button', { name: /Open chat/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Help' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: /Open chat/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Help' })).toHaveFocus();
  });

  it('shows the unread count in the title while the tab is hidden, and restores it', () => {
    document.title = 'Northwind Coffee';
    const session = openSession([]);
    render(<ChatWidget session={session} />);
    act(() => session.addItem(agentMessage('Hi there')));
    expect(document.title).toBe('Northwind Coffee');

    act(() => setVisibility('hidden'));
    expect(document.title).toBe('(1) Northwind Coffee');
    act(() => session.addItem(agentMessage('Still there?')));
    expect(document.title).toBe('(2) Northwind Coffee');

    act(() => setVisibility('visible'));
    expect(document.title).toBe('Northwind Coffee');
  });

  it('counts in the title even with the panel open, since a hidden tab reads nothing', () => {
    document.title = 'Shop';
    const session = openSession([]);
    render(<ChatWidget session={session} defaultOpen />);
    act(() => setVisibility('hidden'));
    act(() => session.addItem(agentMessage('Your order shipped')));
    expect(document.title).toBe('(1) Shop');
    act(() => setVisibility('visible'));
    expect(document.title).toBe('Shop');
  });

  it('leaves the title alone with unreadInTitle={false}', () => {
    document.title = 'Shop';
    const session = openSession([]);
    render(<ChatWidget session={session} unreadInTitle={false} />);
    act(() => setVisibility('hidden'));
    act(() => session.addItem(agentMessage('Hi')));
    expect(document.title).toBe('Shop');
  });
});
