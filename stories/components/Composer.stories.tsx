import type { Meta, StoryObj } from '@storybook/react-vite';
import { Composer } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';

const meta = {
  title: 'Components/Composer',
  component: Composer,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent' } },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Empty: Send is disabled. Enter sends, Shift+Enter breaks the line. */
export const Empty: Story = {};

/** A draft ready to send. */
export const Ready: Story = { args: { defaultValue: 'Where is my order?' } };

/** Close to the 1,024-character limit: the counter shows. */
export const NearLimit: Story = { args: { defaultValue: 'a'.repeat(980) } };

/** Over the limit: cannot be sent. */
export const TooLong: Story = { args: { defaultValue: 'a'.repeat(1030) } };

/** The chat ended: disabled, with the reason. */
export const Ended: Story = { parameters: { chat: { chatStatus: 'ended' } } };

/** Without the attachment picker. */
export const TextOnly: Story = { args: { allowAttachments: false } };
