import type { Meta, StoryObj } from '@storybook/react-vite';
import { QuickReply } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { templateItems } from '../fixtures/storyTemplates';

const open = templateItems('QuickReply');
const answered = templateItems('QuickReply', 'Okay');

const meta = {
  title: 'Interactive/QuickReply',
  component: QuickReply,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof QuickReply>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting for the customer's choice; keyboard: Tab in, arrows move, Enter or Space choose. */
export const Open: Story = {
  args: { item: open[0]! },
  parameters: { chat: { items: open } },
};

/** Answered: the choice is marked and the options do nothing. */
export const Answered: Story = {
  args: { item: answered[0]! },
  parameters: { chat: { items: answered } },
};
