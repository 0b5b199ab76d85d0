import type { Meta, StoryObj } from '@storybook/react-vite';
import { TypingIndicator } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { PEOPLE } from '../fixtures/storyItems';

const meta = {
  title: 'Components/TypingIndicator',
  component: TypingIndicator,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent' } },
} satisfies Meta<typeof TypingIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The agent is typing. */
export const AgentTyping: Story = { parameters: { chat: { typing: [PEOPLE.agent] } } };

/** Two people typing. */
export const TwoTyping: Story = {
  parameters: {
    chat: {
      typing: [PEOPLE.agent, { participantId: 'agent-kim', displayName: 'Kim', role: 'AGENT' }],
    },
  },
};

/** Nobody typing: nothing shows. */
export const Nobody: Story = {};
