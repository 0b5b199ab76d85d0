import type { Meta, StoryObj } from '@storybook/react-vite';
import { TimePicker } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { templateItems } from '../fixtures/storyTemplates';

const open = templateItems('TimePicker');
const answered = templateItems('TimePicker', '2026-03-03T10:00+01:00');

const meta = {
  title: 'Interactive/TimePicker',
  component: TimePicker,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof TimePicker>;

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

/** Slots shown in another time zone (the customer's, here Tokyo). */
export const InTokyo: Story = {
  args: { item: open[0]!, timeZone: 'Asia/Tokyo' },
  parameters: { chat: { items: open } },
};
