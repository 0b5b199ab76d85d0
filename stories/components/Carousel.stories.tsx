import type { Meta, StoryObj } from '@storybook/react-vite';
import { Carousel } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { templateItems } from '../fixtures/storyTemplates';

const open = templateItems('Carousel');
const answered = templateItems(
  'Carousel',
  JSON.stringify({
    templateIdentifier: 'plan-plus',
    listTitle: 'Plus',
    selectionText: 'Choose Plus',
  }),
);

const meta = {
  title: 'Interactive/Carousel',
  component: Carousel,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Carousel>;

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
