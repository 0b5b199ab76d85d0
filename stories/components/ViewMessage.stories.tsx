import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageList, ViewMessage } from 'contact-kit';
import type { ChatItem, View } from 'contact-kit/core';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { MANAGED_VIEWS, SAMPLE_VIEW_DATA } from '../../src/emulator/managedViews';
import { PEOPLE, storyInteractive, storyItem } from '../fixtures/storyItems';

const meta = {
  title: 'Interactive/ViewMessage',
  component: ViewMessage,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ViewMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ViewResource message as a Show view block sends it (protocol §7.6). */
function viewItem(viewId: string, viewToken: string, viewData: unknown, minutes = 1): ChatItem {
  return storyInteractive(
    {
      templateType: 'ViewResource',
      version: '1.0',
      data: { content: { viewId, viewToken, viewData } },
    },
    minutes,
  );
}

/** One managed view, open, with the emulator's sample data. */
function managed(viewId: string): Story {
  const item = viewItem(viewId, `${viewId}-token`, SAMPLE_VIEW_DATA[viewId]);
  return {
    args: { item },
    parameters: {
      chat: { items: [item], views: { [`${viewId}-token`]: MANAGED_VIEWS.get(viewId)! } },
    },
  };
}

/** The managed Form view: labelled fields (required ones marked), Request label and Cancel. */
export const Form: Story = managed('form');
/** The managed Cards view: each card sends ActionSelected with its Id and Heading. */
export const Cards: Story = managed('cards');
/** The managed List view: each item sends ActionSelected with its Id and Heading. */
export const List: Story = managed('list');
/** The managed Detail view: attributes and action buttons. */
export const Detail: Story = managed('detail');
/** The managed Confirmation view: a summary and Done. */
export const Confirmation: Story = managed('confirmation');

const custom: View = {
  Id: 'delivery-options',
  Name: 'Delivery options',
  Content: {
    Actions: ['Choose', 'Help'],
    Template: JSON.stringify({
      Head: { Title: '$.Title' },
      Body: [
        {
          _id: 'Intro',
          Type: 'Container',
          Props: { Heading: '$.Title' },
          Content: [
            { _id: 'Lead', Type: 'Text', Props: { Content: '$.Lead' } },
            {
              _id: 'Policy',
              Type: 'Link',
              Props: { Label: 'Delivery policy', Href: '$.PolicyUrl' },
            },
            {
              _id: 'Express',
              Type: 'Card',
              Props: {
                Id: 'express',
                Heading: 'Express',
                Description: '$.Express',
                Action: 'Choose',
              },
            },
            { _id: 'Chart', Type: 'BarChart', Props: { Values: [1, 2, 3] } },
          ],
        },
        {
          _id: 'Prefs',
          Type: 'Form',
          Props: { Heading: 'Preferences' },
          Content: [
            {
              _id: 'Slot',
              Type: 'FormRadioGroup',
              Props: {
                Name: 'Slot',
                Label: 'Time of day',
                Required: true,
                Options: ['Morning', 'Evening'],
              },
            },
            {
              _id: 'Sms',
              Type: 'FormCheckbox',
              Props: { Name: 'Sms', Label: 'Text me when it ships' },
            },
            {
              _id: 'Save',
              Type: 'Button',
              Props: { Action: 'Choose', Label: 'Save', Type: 'Submit' },
            },
          ],
        },
      ],
    }),
  },
};

const customItem = viewItem('delivery-options', 'custom-token', {
  Title: 'How should we deliver?',
  Lead: 'Pick a speed, then a time of day.',
  PolicyUrl: 'https://example.com/delivery',
  Express: 'Tomorrow before noon',
});

/**
 * A custom view built from components, with `$.` bindings to its data. The `BarChart` component is
 * unknown to the renderer: it shows a neutral note instead.
 */
export const CustomWithUnknownComponent: Story = {
  args: { item: customItem },
  parameters: { chat: { items: [customItem], views: { 'custom-token': custom } } },
};

const loadingItem = viewItem('form', 'slow-token', SAMPLE_VIEW_DATA.form);

/** DescribeView has not answered yet. */
export const Loading: Story = {
  args: { item: loadingItem },
  parameters: { chat: { items: [loadingItem], views: { 'slow-token': 'pending' } } },
};

const failingItem = viewItem('form', 'broken-token', SAMPLE_VIEW_DATA.form);

/** DescribeView failed: an alert and Try again. */
export const LoadFailed: Story = {
  args: { item: failingItem },
  parameters: { chat: { items: [failingItem], views: { 'broken-token': 'failing' } } },
};

const answeredView = viewItem('confirmation', 'done-token', SAMPLE_VIEW_DATA.confirmation, 1);
const answeredBy = storyItem(PEOPLE.customer, 2, { content: 'Thanks, all good' });

/** The customer answered (here by a later message): the controls are disabled. */
export const Answered: Story = {
  args: { item: answeredView },
  parameters: {
    chat: {
      items: [answeredView, answeredBy],
      views: { 'done-token': MANAGED_VIEWS.get('confirmation')! },
    },
  },
};

const expiredView = viewItem('list', 'late-token', SAMPLE_VIEW_DATA.list, 1);
const movedOn = storyItem(PEOPLE.bot, 3, { content: 'No answer, so I have closed that step.' });

/** The Show view block timed out (the bot went on): the view is locked. */
export const Expired: Story = {
  args: { item: expiredView },
  parameters: {
    chat: {
      items: [expiredView, movedOn],
      views: { 'late-token': MANAGED_VIEWS.get('list')! },
    },
  },
};

const inTranscript = [
  storyItem(PEOPLE.bot, 0, { content: 'Let’s get your return started.' }),
  viewItem('form', 'live-token', SAMPLE_VIEW_DATA.form, 1),
];

/** A guide in a live transcript: answer it, or type in the composer to answer it with text. */
export const InTranscript: Story = {
  args: { item: inTranscript[1]! },
  parameters: {
    chat: { items: inTranscript, views: { 'live-token': MANAGED_VIEWS.get('form')! } },
    layout: 'fullscreen',
  },
  render: () => <MessageList style={{ height: '90vh' }} />,
};

/** In Arabic, right to left: the kit's own strings (the select's prompt) are translated. */
export const RightToLeft: Story = { ...managed('form'), globals: { locale: 'ar' } };

/** The dark theme. */
export const Dark: Story = { ...managed('cards'), globals: { theme: 'dark' } };
