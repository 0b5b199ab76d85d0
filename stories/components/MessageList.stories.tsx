import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageList } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import {
  PEOPLE,
  storyAttachmentStates,
  storyConversation,
  storyEvent,
  storyLongTranscript,
  storyMessage,
} from '../fixtures/storyItems';
import { templateItems } from '../fixtures/storyTemplates';

const meta = {
  title: 'Components/MessageList',
  component: MessageList,
  decorators: [withFakeChatSession],
  args: { style: { height: '80vh' } },
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A conversation with an agent: groups, receipts, Markdown with a link. */
export const Conversation: Story = { parameters: { chat: { items: storyConversation() } } };

/** Nothing yet. */
export const Empty: Story = { parameters: { chat: { items: [] } } };

/** 10,000 items: only the visible rows are in the DOM. */
export const TenThousandItems: Story = {
  parameters: { chat: { items: storyLongTranscript(10_000), agent: 'silent' } },
};

/** Older history loads at the top (two pages of 20). */
export const LoadOlder: Story = {
  parameters: { chat: { items: storyConversation(), olderPages: 2 } },
};

/** One attachment in each state: uploading with progress, scanning, approved, rejected, failed. */
export const AttachmentStates: Story = {
  parameters: { chat: { items: storyAttachmentStates(), agent: 'silent' } },
};

/** A message that could not be sent, with Retry. */
export const FailedSend: Story = {
  parameters: {
    chat: {
      items: [
        ...storyConversation(),
        storyMessage(PEOPLE.customer, 'Can I also change the colour?', 4, {
          status: 'failed',
          localId: 'story-failed',
        }),
      ],
    },
  },
};

/** System events as centred notes: joined, idle, transfer, left, ended. */
export const Events: Story = {
  parameters: {
    chat: {
      chatStatus: 'ended',
      items: [
        storyEvent(PEOPLE.agent, 'participant.joined', 0),
        storyMessage(PEOPLE.agent, 'Let me transfer you to billing.', 1),
        storyEvent(PEOPLE.agent, 'transfer.succeeded', 2),
        storyEvent(PEOPLE.customer, 'participant.idle', 3),
        storyEvent(PEOPLE.agent, 'participant.left', 4),
        storyEvent(PEOPLE.agent, 'chat.ended', 5),
      ],
    },
  },
};

/** The transcript of a bot conversation with a Panel. */
export const WithInteractive: Story = {
  parameters: { chat: { items: [...storyConversation(), ...templateItems('Panel')] } },
};

/**
 * A row that fails to render (here an interactive renderer that throws) shows a neutral note in
 * its place; the rows around it and the chat carry on.
 */
export const RowThatFailsToRender: Story = {
  args: {
    renderInteractive: () => {
      throw new Error('this renderer fails on purpose');
    },
  },
  parameters: { chat: { items: [...storyConversation(), ...templateItems('Panel')] } },
};

/** Arabic: right-to-left layout, Arabic strings and dates. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  parameters: { chat: { items: storyConversation() } },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { chat: { items: [...storyConversation(), ...storyAttachmentStates()] } },
};
