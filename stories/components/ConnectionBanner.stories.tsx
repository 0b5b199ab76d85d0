import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChatProvider, ConnectionBanner } from 'contact-kit';
import { withFakeChatSession } from '../../.storybook/decorators/withFakeChatSession';
import { Offline as OfflineScope, WithStorySession } from '../fixtures/StoryScope';

const meta = {
  title: 'Components/ConnectionBanner',
  component: ConnectionBanner,
  decorators: [withFakeChatSession],
  parameters: { layout: 'padded', chat: { agent: 'silent' } },
} satisfies Meta<typeof ConnectionBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** First connection. */
export const Connecting: Story = {
  parameters: { chat: { connection: { status: 'connecting', attempt: 1 } } },
};

/** The socket dropped; retrying. */
export const Reconnecting: Story = {
  parameters: { chat: { connection: { status: 'reconnecting', attempt: 2 } } },
};

/** The browser is offline. */
export const Offline: Story = {
  parameters: { chat: { connection: { status: 'reconnecting', attempt: 3 } } },
  render: (args) => (
    <OfflineScope>
      <ConnectionBanner {...args} />
    </OfflineScope>
  ),
};

/** Retries exhausted: Retry reconnects. */
export const Failed: Story = {
  parameters: { chat: { connection: { status: 'failed', attempt: 0 } } },
};

/** Connected: nothing shows. */
export const Connected: Story = {};

const states = [
  { label: 'connecting', connection: { status: 'connecting', attempt: 1 } },
  { label: 'reconnecting', connection: { status: 'reconnecting', attempt: 2 } },
  { label: 'failed', connection: { status: 'failed', attempt: 0 } },
] as const;

/**
 * The online states side by side (the visual-regression target). Offline has its own story: it
 * fakes `navigator.onLine` for the whole page.
 */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      {states.map((state) => (
        <WithStorySession
          key={state.label}
          scenario={{ connection: state.connection, agent: 'silent' }}
        >
          {(session) => (
            <ChatProvider session={session}>
              <ConnectionBanner {...args} />
            </ChatProvider>
          )}
        </WithStorySession>
      ))}
    </div>
  ),
};
