import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget } from 'contact-kit';
import type { ChatSessionFactoryOptions, ChatWidgetProps } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { connectionAnswer, createFakeParticipantFetch } from '../fakes/react/fakeParticipantFetch';
import { axeViolations } from '../components/Interactive/interactiveFixtures';

// Under a loaded machine the async steps (start, connect, lazy catalogs) can take seconds.
configure({ asyncUtilTimeout: 10_000 });

afterEach(cleanup);

const agentMessage = (content: string) =>
  makeChatItem({ content, participantId: 'agent-1', displayName: 'Sam', role: 'AGENT' });

function openSession(items = [agentMessage('Hello!'), agentMessage('How can I help?')]) {
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

/** The widget with its own providers: startChat and sessions are fakes, nothing leaves the test. */
function ownProviders(props: Partial<ChatWidgetProps> = {}) {
  const sessions: FakeChatSession[] = [];
  let contacts = 0;
  const startChat = vi.fn(async () => {
    contacts += 1;
    return {
      ContactId: `contact-${contacts}`,
      ParticipantId: 'customer-1',
      ParticipantToken: `token-${contacts}`,
    };
  });
  const createSession = (options: ChatSessionFactoryOptions) => {
    const session = new FakeChatSession({ options });
    sessions.push(session);
    return session;
  };
  const { fetch } = createFakeParticipantFetch(connectionAnswer());
  const ui = render(
    <ChatWidget
      endpoint="https://participant.test"
      storage={null}
      fetch={fetch}
      startChat={startChat}
      createSession={createSession}
      position="inline"
      {...props}
    />,
  );
  return { ...ui, startChat, sessions };
}

describe('ChatWidget', { timeout: 30_000 }, () => {
  it('shows the launcher "Open chat" with the unread count, and opens into the composer', async () => {
    const user = userEvent.setup();
    const session = openSession();
    const { container } = render(<ChatWidget session={session} position="inline" />);
    const launcher = screen.getByRole('button', { name: /^Open chat/ });
    // The badge's number is in the name too (axe: label-content-name-mismatch).
    expect(launcher).toHaveAccessibleName('Open chat 2 unread messages');
    expect(within(launcher).getByText('2')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);

    act(() => session.addItem(agentMessage('Are you still there?')));
    expect(launcher).toHaveAccessibleName('Open chat 3 unread messages');

    await user.click(launcher);
    const dialog = screen.getByRole('dialog', { name: 'Chat with us' });
    expect(within(dialog).getByText('Chatting with Sam')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: /^Open chat/ })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('minimises with Escape and with Minimize, returning focus to the launcher', async () => {
    const user = userEvent.setup();
    const session = openSession();
    render(<ChatWidget session={session} position="inline" />);
    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /^Open chat/ })).toHaveFocus();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Minimize' }));
    expect(screen.getByRole('button', { name: /^Open chat/ })).toHaveFocus();
    // Minimising does not end the chat.
    expect(session.callsOf('endChat')).toEqual([]);
  });

  it('with `open`, shows the panel only as the page says and asks through onOpenChange', async () => {
    const user = userEvent.setup();
    const session = openSession();
    const onOpenChange = vi.fn();
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Help with my order
          </button>
          <ChatWidget
            session={session}
            position="inline"
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next);
              // The page keeps the panel open while an order form is unsaved, say.
              if (next) {
                setOpen(true);
              }
            }}
          />
        </>
      );
    }
    render(<Page />);
    expect(screen.queryByRole('dialog')).toBeNull();

    // Opened by the page: focus moves into the panel as with the launcher.
    await user.click(screen.getByRole('button', { name: 'Help with my order' }));
    expect(screen.getByRole('dialog', { name: 'Chat with us' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    expect(onOpenChange).not.toHaveBeenCalled();

    // Minimise only asks; the page said no, so the panel stays.
    await user.click(screen.getByRole('button', { name: 'Minimize' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('dialog', { name: 'Chat with us' })).toBeInTheDocument();
  });

  it('with `open`, the launcher asks to open and the page decides', async () => {
    const user = userEvent.setup();
    const session = openSession();
    const onOpenChange = vi.fn();
    const { rerender } = render(
      <ChatWidget session={session} position="inline" open={false} onOpenChange={onOpenChange} />,
    );
    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(<ChatWidget session={session} position="inline" open onOpenChange={onOpenChange} />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    // Closed by the page while focus was in the panel: focus returns to the launcher.
    rerender(
      <ChatWidget session={session} position="inline" open={false} onOpenChange={onOpenChange} />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Open chat/ })).toHaveFocus());
  });

  it('asks before ending the chat; Cancel keeps it, End chat ends it', async () => {
    const user = userEvent.setup();
    const session = openSession();
    const { container } = render(<ChatWidget session={session} position="inline" defaultOpen />);
    await user.click(screen.getByRole('button', { name: 'End chat' }));
    const confirm = screen.getByRole('alertdialog', { name: 'End this chat?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(await axeViolations(container)).toEqual([]);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'End chat' })).toHaveFocus();
    expect(session.callsOf('endChat')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'End chat' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'End chat' }),
    );
    expect(session.callsOf('endChat')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Download transcript' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End chat' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Close on an active chat asks to end it, then closes to the launcher', async () => {
    const user = userEvent.setup();
    const session = openSession();
    render(<ChatWidget session={session} position="inline" defaultOpen />);
    await user.click(screen.getByRole('button', { name: 'Close chat' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'End chat' }),
    );
    expect(session.callsOf('endChat')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Open chat/ })).toHaveFocus();
  });

  it('downloads the transcript as text in the customer locale', async () => {
    const user = userEvent.setup();
    const session = openSession([
      makeChatItem({
        type: 'event',
        event: 'participant.joined',
        displayName: 'Sam',
        time: '2026-03-02T09:00:00.000Z',
      }),
      agentMessage('Hallo! Wie kann ich helfen?'),
      makeChatItem({
        content: 'Meine Bestellung',
        isOwn: true,
        role: 'CUSTOMER',
        displayName: 'Alex',
        status: 'sent',
        time: '2026-03-02T09:01:00.000Z',
      }),
    ]);
    session.update({ chat: { status: 'ended', error: undefined } });
    let saved: Blob | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:transcript';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });

    render(
      <ChatWidget
        session={session}
        position="inline"
        defaultOpen
        locale="de"
        timeZone="Europe/Berlin"
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Verlauf herunterladen' }));
    expect(clicked).toEqual([
      {
        href: 'blob:transcript',
        download: expect.stringMatching(/^chat-transcript-\d{4}-\d{2}-\d{2}\.txt$/),
      },
    ]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved!);
    });
    expect(saved!.type).toBe('text/plain;charset=utf-8');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[02\.03\.2026, 10:00\] Sam ist dem Chat beigetreten$/),
        expect.stringMatching(/\] Sam: Hallo! Wie kann ich helfen\?$/),
        expect.stringMatching(/^\[02\.03\.2026, 10:01\] Sie: Meine Bestellung$/),
      ]),
    );
  });

  it('validates the pre-chat form, then starts the chat with its values', async () => {
    const user = userEvent.setup();
    const { startChat, sessions, container } = ownProviders({
      preChatForm: {
        fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
      },
    });
    await user.click(screen.getByRole('button', { name: /^Open chat/ }));
    const name = screen.getByRole('textbox', { name: /Your name/ });
    await waitFor(() => expect(name).toHaveFocus());
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(startChat).not.toHaveBeenCalled();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Please fill in this field.');
    expect(name).toHaveFocus();
    const email = screen.getByRole('textbox', { name: /Email/ });
    expect(email).toHaveAccessibleDescription('Please fill in this field.');
    expect(await axeViolations(container)).toEqual([]);

    await user.type(name, '  Alex ');
    await user.type(email, 'alex@');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription('Please enter a valid email address.');
    expect(name).not.toHaveAttribute('aria-invalid');

    await user.type(email, 'example.com');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    await waitFor(() =>
      expect(startChat).toHaveBeenCalledWith(
        { name: 'Alex', fields: { email: 'alex@example.com' } },
        {},
      ),
    );
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    expect(sessions).toHaveLength(1);
  });

  it('starts a new chat from the ended view', async () => {
    const user = userEvent.setup();
    const { startChat, sessions } = ownProviders({ defaultOpen: true });
    await waitFor(() => expect(sessions).toHaveLength(1));
    expect(startChat).toHaveBeenCalledTimes(1);
    act(() => sessions[0]!.update({ chat: { status: 'ended', error: undefined } }));
    const again = await screen.findByRole('button', { name: 'Start a new chat' });
    await user.click(again);
    await waitFor(() => expect(sessions).toHaveLength(2));
    expect(startChat).toHaveBeenCalledTimes(2);
    expect(sessions[0]!.destroyed).toBe(true);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Start a new chat' })).toBeNull();
  });

  it('continues the ended conversation: startChat gets the ended contact, focus goes to the composer', async () => {
    const user = userEvent.setup();
    const { startChat, sessions } = ownProviders({ defaultOpen: true });
    await waitFor(() => expect(sessions).toHaveLength(1));
    act(() => sessions[0]!.update({ chat: { status: 'ended', error: undefined } }));
    const continueButton = await screen.findByRole('button', { name: 'Continue the conversation' });
    await user.click(continueButton);
    await waitFor(() => expect(sessions).toHaveLength(2));
    expect(startChat).toHaveBeenLastCalledWith(undefined, { previousContactId: 'contact-1' });
    expect(sessions[1]!.options).toMatchObject({ participantToken: 'token-2' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus());
  });

  it('calls onMessage, onUnreadChange and onChatEnded without a provider of the app', async () => {
    const session = openSession([]);
    const onMessage = vi.fn();
    const onUnreadChange = vi.fn();
    const onChatEnded = vi.fn();
    render(
      <ChatWidget
        session={session}
        position="inline"
        onMessage={onMessage}
        onUnreadChange={onUnreadChange}
        onChatEnded={onChatEnded}
      />,
    );
    const reply = agentMessage('Your parcel left the warehouse.');
    act(() => session.update({ items: [reply] }));
    act(() => session.update({ items: [reply] }));
    expect(onMessage).toHaveBeenCalledExactlyOnceWith(reply);
    await waitFor(() => expect(onUnreadChange).toHaveBeenLastCalledWith(1));
    act(() => session.update({ chat: { status: 'ended', error: undefined } }));
    expect(onChatEnded).toHaveBeenCalledOnce();
  });
});
