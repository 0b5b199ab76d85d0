import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { ChatWidget } from 'contact-kit';
import type { ChatWidgetProps } from 'contact-kit';
import {
  PEOPLE,
  storyConversation,
  storyInteractive,
  storyLongTranscript,
  storyMessage,
} from '../fixtures/storyItems';
import type { StoryChatScenario } from '../fixtures/storyChatSession';
import { WithStorySession } from '../fixtures/StoryScope';
import { storyTemplates } from '../fixtures/storyTemplates';
import { storyWidgetProps } from '../fixtures/storyWidgetProps';

const meta = {
  title: 'Prefabs/ChatWidget',
  component: ChatWidget,
  args: { position: 'inline' },
  parameters: { layout: 'padded' },
  render: (args, { globals }) => (
    <ChatWidget
      {...args}
      theme={globals.theme === 'dark' ? 'dark' : 'light'}
      locale={typeof globals.locale === 'string' ? globals.locale : 'en'}
    />
  ),
} satisfies Meta<typeof ChatWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A story over one story session in a given state (the widget does not own it). */
function inState(scenario: StoryChatScenario, props: Partial<ChatWidgetProps> = {}): Story {
  return {
    args: { defaultOpen: true, ...props },
    render: (args, { globals }) => (
      <WithStorySession scenario={scenario}>
        {(session) => (
          <ChatWidget
            {...args}
            session={session}
            theme={globals.theme === 'dark' ? 'dark' : 'light'}
            locale={typeof globals.locale === 'string' ? globals.locale : 'en'}
          />
        )}
      </WithStorySession>
    ),
  };
}

/** The launcher, before anything happened. Open it: the chat starts and Sam greets you. */
export const Launcher: Story = { args: { ...storyWidgetProps() } };

/** Closed with unread messages: the badge counts them. */
export const UnreadBadge: Story = inState({ items: storyConversation() }, { defaultOpen: false });

/** The pre-chat form (name and email, validated) before the chat starts. */
export const PreChatForm: Story = {
  args: {
    ...storyWidgetProps(),
    defaultOpen: true,
    preChatForm: {
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'email' },
        { name: 'topic', label: 'Topic', type: 'select', options: ['Orders', 'Returns', 'Other'] },
      ],
    },
  },
};

/** Open on a conversation with Sam. */
export const Conversation: Story = inState({ items: storyConversation() });

/** Connecting for the first time. */
export const Connecting: Story = inState({
  items: [],
  greet: false,
  connection: { status: 'connecting', attempt: 1 },
});

/** The socket dropped and is retrying. */
export const Reconnecting: Story = inState({
  items: storyConversation(),
  connection: { status: 'reconnecting', attempt: 2 },
});

/**
 * With `sound` and `notifications`: a reply chimes and notifies while the tab is hidden; the panel
 * offers to turn notifications on (in browsers that have not been asked yet).
 */
export const WithNotifications: Story = inState(
  { items: storyConversation() },
  { sound: true, notifications: true },
);

/** The chat ended: transcript download and a new chat. */
export const Ended: Story = inState({ items: storyConversation(), chatStatus: 'ended' });

/**
 * A chat the widget started has ended: it offers to continue the conversation (a new contact
 * that shows these messages above its own) or to start afresh.
 */
export const EndedContinue: Story = {
  args: {
    ...storyWidgetProps({ items: storyConversation(), chatStatus: 'ended' }),
    defaultOpen: true,
  },
};

/** A bot conversation with interactive messages. */
export const Interactive: Story = inState({
  items: [
    storyMessage(PEOPLE.bot, 'Hi! What can I help you with?', 0),
    storyInteractive(storyTemplates.Panel, 1),
    storyMessage(PEOPLE.customer, 'Track my order', 2),
    storyInteractive(storyTemplates.ListPicker, 3),
  ],
});

/** A long-running chat: 10,000 items in the virtualized list. */
export const LongTranscript: Story = inState({
  items: storyLongTranscript(10_000),
  agent: 'silent',
});

/** Dark theme. */
export const Dark: Story = {
  ...inState({ items: storyConversation() }),
  globals: { theme: 'dark' },
};

/** Arabic, right to left. */
export const RightToLeft: Story = {
  ...inState({ items: storyConversation() }),
  globals: { locale: 'ar' },
};

/** Fixed in the corner of the page, as on a storefront. */
export const Corner: Story = {
  args: { ...storyWidgetProps(), position: 'bottom-right' },
  parameters: { layout: 'fullscreen' },
};

/**
 * The phone layout, forced: a full-screen sheet (on a phone or a narrow window `layout="auto"`
 * picks it). The page behind stops scrolling and Tab stays inside until it closes.
 */
export const PhoneSheet: Story = {
  ...inState({ items: storyConversation() }, { layout: 'sheet', position: 'bottom-right' }),
  parameters: { layout: 'fullscreen' },
};

/** The page's own button opens the panel (`launcher={false}`); closing gives it focus back. */
export const WithoutLauncher: Story = {
  args: { launcher: false },
  render: (args, { globals }) => <OwnButton args={args} globals={globals} />,
};

function OwnButton(props: { args: Partial<ChatWidgetProps>; globals: Record<string, unknown> }) {
  const [open, setOpen] = useState(false);
  const { globals } = props;
  return (
    <WithStorySession scenario={{ items: storyConversation() }}>
      {(session) => (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Questions? Chat with us
          </button>
          <ChatWidget
            {...props.args}
            session={session}
            open={open}
            onOpenChange={setOpen}
            theme={globals.theme === 'dark' ? 'dark' : 'light'}
            locale={typeof globals.locale === 'string' ? globals.locale : 'en'}
          />
        </>
      )}
    </WithStorySession>
  );
}
