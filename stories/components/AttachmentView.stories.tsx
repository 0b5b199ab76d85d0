import type { Meta, StoryObj } from '@storybook/react-vite';
import { AttachmentView } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { storyAttachmentStates } from '../fixtures/storyItems';

const [uploading, scanning, approved, rejected, failed] = storyAttachmentStates().map(
  (item) => item.attachments![0]!,
);

const meta = {
  title: 'Components/AttachmentView',
  component: AttachmentView,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent' } },
} satisfies Meta<typeof AttachmentView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Uploading, with progress. */
export const Uploading: Story = { args: { attachment: uploading! } };
/** Uploaded, the service's scan is in progress. */
export const Scanning: Story = { args: { attachment: scanning! } };
/** Approved: size and download. */
export const Approved: Story = { args: { attachment: approved! } };
/** Rejected by the scan. */
export const Rejected: Story = { args: { attachment: rejected! } };
/** The upload failed. */
export const Failed: Story = { args: { attachment: failed! } };
