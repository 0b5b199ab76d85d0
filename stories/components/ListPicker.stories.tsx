import type { Meta, StoryObj } from '@storybook/react-vite';
import { ListPicker } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { templateItems } from '../fixtures/storyTemplates';

const open = templateItems('ListPicker');
const answered = templateItems('ListPicker', 'Rain jacket');

const meta = {
  title: 'Interactive/ListPicker',
  component: ListPicker,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ListPicker>;

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

const paged = templateItems('PagedListPicker');

/** A page of a longer list: "Show more" asks the bot for the next page (same referenceId). */
export const Paged: Story = {
  args: { item: paged[0]! },
  parameters: { chat: { items: paged } },
};
