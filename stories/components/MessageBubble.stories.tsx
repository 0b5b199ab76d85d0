import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageBubble } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import {
  PEOPLE,
  storyConversation,
  storyEvent,
  storyItem,
  storyMessage,
} from '../fixtures/storyItems';

const conversation = storyConversation();

const meta = {
  title: 'Components/MessageBubble',
  component: MessageBubble,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent' } },
} satisfies Meta<typeof MessageBubble>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An agent's plain-text message; links become links. */
export const FromAgent: Story = {
  args: {
    item: storyMessage(PEOPLE.agent, 'Track it at https://example.com/track/123 any time.', 1),
  },
};

/** Markdown rendered safely. */
export const Markdown: Story = { args: { item: conversation[3]! } };

/** The customer's message, read by the agent. */
export const OwnRead: Story = { args: { item: conversation[2]! } };

/** The customer's message, delivered. */
export const OwnDelivered: Story = { args: { item: conversation[4]! } };

/** Still sending. */
export const Sending: Story = {
  args: { item: storyMessage(PEOPLE.customer, 'On its way…', 1, { status: 'sending' }) },
};

/** Failed to send, with Retry. */
export const Failed: Story = {
  args: {
    item: storyMessage(PEOPLE.customer, 'This did not go through.', 1, {
      status: 'failed',
      localId: 'story-failed',
    }),
  },
};

/** A content type the kit cannot show. */
export const Unsupported: Story = {
  args: {
    item: storyItem(PEOPLE.agent, 1, { type: 'unsupported', contentType: 'application/x-unknown' }),
  },
};

/** An event as a centred note. */
export const Event: Story = { args: { item: storyEvent(PEOPLE.agent, 'participant.joined', 1) } };

/** Held by the service's message processing (e.g. redaction) before delivery. */
export const Processing: Story = {
  args: {
    item: storyMessage(PEOPLE.customer, 'My card number is 4111 1111 1111 1111', 1, {
      processing: 'processing',
    }),
  },
};

/** Message processing rejected it: "Not delivered" with the reason instead of "sent". */
export const NotDeliveredRejected: Story = {
  args: {
    item: storyMessage(PEOPLE.customer, 'Here is my secret password', 1, {
      processing: 'rejected',
    }),
  },
};

/** Message processing failed, so the message was not delivered. */
export const NotDeliveredFailed: Story = {
  args: {
    item: storyMessage(PEOPLE.customer, 'Can you translate this for me?', 1, {
      processing: 'failed',
    }),
  },
};
