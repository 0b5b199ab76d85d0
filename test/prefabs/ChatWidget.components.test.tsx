import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatWidget, MessageBubble, WithComponents } from 'contact-kit';
import type { ContactKitComponents, MessageBubbleProps } from 'contact-kit';
import type { ChatItem } from 'contact-kit/core';
import {
  createCarousel,
  createListPicker,
  createPanel,
  createQuickReply,
  createTimePicker,
} from '../../src/emulator/agents/templates';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { connectionAnswer, createFakeParticipantFetch } from '../fakes/react/fakeParticipantFetch';
import { interactiveItem } from '../components/Interactive/interactiveFixtures';

configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const agent = { participantId: 'agent-1', displayName: 'Sam', role: 'AGENT' as const };

/** A replacement that renders a marker naming its slot, and what it was given. */
function marker(slot: string) {
  return function Replacement(props: object): ReactNode {
    const item = (props as { item?: ChatItem }).item;
    return (
      <div data-slot={slot} data-item={item?.id}>
        {slot}
      </div>
    );
  };
}

const panel = createPanel({ title: 'How can we help?', elements: [{ title: 'Orders' }] });
const listPicker = createListPicker({ title: 'Pick a kettle', elements: [{ title: 'Aurora' }] });
const templates = {
  ListPicker: listPicker,
  Panel: panel,
  QuickReply: createQuickReply({ title: 'Was this helpful?', elements: [{ title: 'Yes' }] }),
  TimePicker: createTimePicker({
    title: 'Book a call',
    timeslots: [{ date: '2026-12-07T10:00:00Z', duration: 30 }],
  }),
  Carousel: createCarousel('Our plans', [
    ['basic', panel],
    ['pro', listPicker],
  ]),
  ViewMessage: {
    templateType: 'ViewResource',
    version: '1.0',
    data: { content: { viewId: 'view-1', viewToken: 'token-1', viewData: {} } },
  },
} as const;

function session(items: ChatItem[]) {
  const fake = new FakeChatSession();
  fake.update({
    connection: { status: 'open', attempt: 0, error: undefined },
    items,
    participants: [{ ...agent, status: 'joined' }],
  });
  return fake;
}

const slotsShown = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-slot]')].map((node) => node.getAttribute('data-slot'));

describe('replacing the parts of the UI', { timeout: 30_000 }, () => {
  it('renders a replacement for each slot of the widget, the list and the bubbles', async () => {
    const user = userEvent.setup();
    // The row, bubble and note slots are checked in the next test (they live inside the list).
    const outer: ContactKitComponents = {
      Launcher: ({ onOpen, buttonRef }) => (
        <button ref={buttonRef} type="button" data-slot="Launcher" onClick={onOpen}>
          Questions?
        </button>
      ),
      Header: ({ titleId, title, onEndChat }) => (
        <div data-slot="Header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onEndChat}>
            Leave
          </button>
        </div>
      ),
      EndChatConfirm: ({ onConfirm }) => (
        <div data-slot="EndChatConfirm">
          <button type="button" onClick={onConfirm}>
            Yes, leave
          </button>
        </div>
      ),
      ConnectionBanner: marker('ConnectionBanner'),
      TypingIndicator: marker('TypingIndicator'),
      Composer: marker('Composer'),
      EndedFooter: marker('EndedFooter'),
    };
    const chat = session([makeChatItem({ ...agent, id: 'm1', content: 'Hello!' })]);
    const { container } = render(
      <ChatWidget session={chat} position="inline" components={outer} />,
    );
    await user.click(screen.getByRole('button', { name: 'Questions?' }));
    expect(screen.getByRole('dialog', { name: 'Chat with us' })).toBeInTheDocument();
    await waitFor(() =>
      expect(slotsShown(container)).toEqual([
        'Header',
        'ConnectionBanner',
        'TypingIndicator',
        'Composer',
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(slotsShown(container)).toContain('EndChatConfirm');
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    act(() => chat.update({ chat: { status: 'ended', error: undefined } }));
    await waitFor(() => expect(slotsShown(container)).toContain('EndedFooter'));
    expect(slotsShown(container)).not.toContain('Composer');
  });

  it('the pre-chat form and the whole list can be replaced', async () => {
    const user = userEvent.setup();
    const { container, unmount } = render(
      <ChatWidget
        session={session([])}
        position="inline"
        defaultOpen
        components={{ MessageList: marker('MessageList') }}
      />,
    );
    await waitFor(() => expect(slotsShown(container)).toContain('MessageList'));
    unmount();
    // Before a chat starts (the widget owns its providers): the pre-chat form.
    const { fetch } = createFakeParticipantFetch(connectionAnswer());
    const form = render(
      <ChatWidget
        endpoint="https://participant.test"
        storage={null}
        fetch={fetch}
        startChat={() => Promise.reject(new Error('not in this test'))}
        position="inline"
        preChatForm
        components={{ PreChatForm: marker('PreChatForm') }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Open chat' }));
    await waitFor(() => expect(slotsShown(form.container)).toEqual(['PreChatForm']));
  });

  it('rows, day separators, bubbles, avatars, attachments and notes come from WithComponents', async () => {
    const items = [
      makeChatItem({ id: 'e1', type: 'event', event: 'participant.joined', ...agent }),
      makeChatItem({ id: 'm1', content: 'Hello!', ...agent }),
      makeChatItem({
        id: 'a1',
        type: 'attachment',
        ...agent,
        attachments: [
          { id: 'att-1', name: 'label.pdf', contentType: 'application/pdf', status: 'approved' },
        ],
      }),
    ];
    const { container, rerender } = render(
      <WithComponents
        overrides={{
          DaySeparator: ({ label }) => <div data-slot="DaySeparator">{label}</div>,
          Avatar: ({ name }) => <span data-slot="Avatar">{name.slice(0, 1)}</span>,
          AttachmentView: ({ attachment }) => (
            <div data-slot="AttachmentView">{attachment.name}</div>
          ),
          SystemNote: ({ children }) => <p data-slot="SystemNote">{children}</p>,
        }}
      >
        <ChatWidget session={session(items)} position="inline" defaultOpen />
      </WithComponents>,
    );
    await screen.findByText('Hello!');
    expect(new Set(slotsShown(container))).toEqual(
      new Set(['DaySeparator', 'SystemNote', 'Avatar', 'AttachmentView']),
    );
    expect(screen.getByText('Sam joined the chat')).toHaveAttribute('data-slot', 'SystemNote');
    expect(screen.getByText('label.pdf')).toHaveAttribute('data-slot', 'AttachmentView');

    // A bubble replacement that wraps the kit's own, and a row replacement.
    function BrandBubble(props: MessageBubbleProps) {
      return (
        <div data-slot="MessageBubble">
          <MessageBubble {...props} />
        </div>
      );
    }
    rerender(
      <WithComponents overrides={{ MessageBubble: BrandBubble }}>
        <ChatWidget session={session(items)} position="inline" defaultOpen />
      </WithComponents>,
    );
    await waitFor(() => expect(slotsShown(container)).toContain('MessageBubble'));
    expect(screen.getByText('Hello!').closest('[data-slot]')).toHaveAttribute(
      'data-slot',
      'MessageBubble',
    );
    rerender(
      <ChatWidget
        session={session(items)}
        position="inline"
        defaultOpen
        components={{ MessageRow: marker('MessageRow') }}
      />,
    );
    await waitFor(() =>
      expect(slotsShown(container).filter((slot) => slot === 'MessageRow')).toHaveLength(3),
    );
  });

  it('interactive messages: the whole slot, then one slot per template type', async () => {
    const items = Object.entries(templates).map(([type, template]) =>
      interactiveItem(template, { id: type }),
    );
    const { container, rerender } = render(
      <ChatWidget
        session={session(items)}
        position="inline"
        defaultOpen
        components={{ InteractiveMessage: marker('InteractiveMessage') }}
      />,
    );
    await waitFor(() =>
      expect(slotsShown(container).filter((slot) => slot === 'InteractiveMessage')).toHaveLength(
        items.length,
      ),
    );
    const perType = Object.fromEntries(
      Object.keys(templates).map((type) => [type, marker(type)]),
    ) as ContactKitComponents;
    rerender(
      <ChatWidget session={session(items)} position="inline" defaultOpen components={perType} />,
    );
    await waitFor(() =>
      expect(
        [...container.querySelectorAll('[data-slot]')].map((node) => [
          node.getAttribute('data-slot'),
          node.getAttribute('data-item'),
        ]),
      ).toEqual(Object.keys(templates).map((type) => [type, type])),
    );
  });

  it('nested WithComponents merge slot by slot, the inner one winning', () => {
    render(
      <WithComponents
        overrides={{ SystemNote: marker('outer-note'), DaySeparator: marker('outer-day') }}
      >
        <WithComponents overrides={{ SystemNote: marker('inner-note'), DaySeparator: undefined }}>
          <ChatWidget
            session={session([
              makeChatItem({ id: 'e1', type: 'event', event: 'chat.ended', ...agent }),
            ])}
            position="inline"
            defaultOpen
          />
        </WithComponents>
      </WithComponents>,
    );
    return waitFor(() => {
      expect(document.querySelector('[data-slot="inner-note"]')).not.toBeNull();
      expect(document.querySelector('[data-slot="outer-day"]')).not.toBeNull();
      expect(document.querySelector('[data-slot="outer-note"]')).toBeNull();
    });
  });
});
