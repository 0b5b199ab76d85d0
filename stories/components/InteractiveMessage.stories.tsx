import type { Meta, StoryObj } from '@storybook/react-vite';
import { InteractiveMessage, MessageList } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { storyInteractive, storyItem, PEOPLE } from '../fixtures/storyItems';
import { storyTemplates, templateItems } from '../fixtures/storyTemplates';

const meta = {
  title: 'Interactive/InteractiveMessage',
  component: InteractiveMessage,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof InteractiveMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = templateItems('Panel');

/** Picks the component for the template type (here a Panel). */
export const Dispatch: Story = {
  args: { item: panel[0]! },
  parameters: { chat: { items: panel } },
};

const unknownTemplate = storyInteractive(
  { templateType: 'Survey', version: '1.0', data: { content: { title: 'Rate us' } } },
  1,
);

/** A template the kit cannot read (an unknown templateType) becomes a neutral note. */
export const Unsupported: Story = {
  args: { item: unknownTemplate },
  parameters: { chat: { items: [unknownTemplate] } },
};

const everyTemplate = [
  storyItem(PEOPLE.bot, 0, { content: 'Hi! I can help with orders, returns and appointments.' }),
  storyInteractive(storyTemplates.QuickReply, 1),
  storyInteractive(storyTemplates.ListPicker, 2),
  storyInteractive(storyTemplates.PagedListPicker, 3),
  storyInteractive(storyTemplates.Panel, 4),
  storyInteractive(storyTemplates.TimePicker, 5),
  storyInteractive(storyTemplates.Carousel, 6),
];

/**
 * Every template in a transcript, live: choices are sent to the story agent, which answers;
 * "Show more" brings the next page of the list, which replaces the previous one.
 */
export const EveryTemplateInTranscript: Story = {
  args: { item: everyTemplate[1]! },
  parameters: { chat: { items: everyTemplate }, layout: 'fullscreen' },
  render: () => <MessageList style={{ height: '90vh' }} />,
};
