import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignInPrompt, SignInPromptView } from 'contact-kit';
import type { ChatItem } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { PEOPLE, storyEvent } from '../fixtures/storyItems';

const SESSION_ID = '5f0c3d8e-2b7a-4c1e-9a64-0d3f1b2c7e91';

function authEvent(event: NonNullable<ChatItem['event']>, minutes: number, id: string): ChatItem {
  return {
    ...storyEvent(PEOPLE.bot, event, minutes),
    id,
    content: JSON.stringify({ SessionId: SESSION_ID }),
  };
}

const initiated = authEvent('authentication.initiated', 1, 'story-auth-initiated');

const meta = {
  title: 'Components/SignInPrompt',
  component: SignInPrompt,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent', items: [initiated] } },
  args: { item: initiated },
} satisfies Meta<typeof SignInPrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The flow asks the customer to sign in: both buttons act. */
export const Pending: Story = {};

/** Signed in: the buttons no longer act and the card says how it ended. */
export const Succeeded: Story = {
  parameters: {
    chat: {
      agent: 'silent',
      items: [initiated, authEvent('authentication.succeeded', 2, 'story-auth-succeeded')],
    },
  },
};

/** The identity provider refused the sign-in. */
export const Failed: Story = {
  parameters: {
    chat: {
      agent: 'silent',
      items: [initiated, authEvent('authentication.failed', 2, 'story-auth-failed')],
    },
  },
};

/** Nobody acted before the block's timeout. */
export const TimedOut: Story = {
  parameters: {
    chat: {
      agent: 'silent',
      items: [initiated, authEvent('authentication.timeout', 2, 'story-auth-timeout')],
    },
  },
};

/** The sign-in session expired. */
export const Expired: Story = {
  parameters: {
    chat: {
      agent: 'silent',
      items: [initiated, authEvent('authentication.expired', 2, 'story-auth-expired')],
    },
  },
};

/** The customer chose to continue without signing in. */
export const Cancelled: Story = {
  parameters: {
    chat: {
      agent: 'silent',
      items: [initiated, authEvent('authentication.cancelled', 2, 'story-auth-cancelled')],
    },
  },
};

/** Getting the sign-in URL (the popup is already open, still blank). */
export const Opening: Story = {
  render: () => (
    <SignInPromptView status="pending" phase="opening" canSignIn={false} canContinue={false} />
  ),
};

/** The sign-in popup is open; the customer can still continue without. */
export const Waiting: Story = {
  render: () => <SignInPromptView status="pending" phase="waiting" canSignIn={false} canContinue />,
};

/** Continuing without signing in, until the flow confirms. */
export const Cancelling: Story = {
  render: () => (
    <SignInPromptView status="pending" phase="cancelling" canSignIn={false} canContinue={false} />
  ),
};

/** GetAuthenticationUrl failed: the customer can try again. */
export const StartFailed: Story = {
  render: () => <SignInPromptView status="pending" phase="idle" canSignIn canContinue failed />,
};
