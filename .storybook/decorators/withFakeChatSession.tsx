import { useEffect, useState } from 'react';
import type { Decorator } from '@storybook/react-vite';
import { ChatProvider, InteractiveMessage, InteractiveRendererContext } from 'contact-kit';
import type { ChatItem } from 'contact-kit';
import { storyChatSession } from '../../stories/fixtures/storyChatSession';
import type { StoryChatScenario } from '../../stories/fixtures/storyChatSession';

const renderInteractive = (item: ChatItem) => <InteractiveMessage item={item} />;

/**
 * Wraps a story in a `ChatProvider` over an in-browser fake session ({@link storyChatSession}) built from the
 * story's `parameters.chat` (a `StoryChatScenario`): connection state, items, typing, how the fake
 * agent answers. A new session per story; its timers stop when the story unmounts.
 *
 * @example
 * ```tsx
 * export const Reconnecting: Story = {
 *   parameters: { chat: { connection: { status: 'reconnecting', attempt: 2 } } },
 * };
 * ```
 */
export const withFakeChatSession: Decorator = (Story, context) => {
  const scenario = (context.parameters.chat ?? {}) as StoryChatScenario;
  return (
    <FakeChat scenario={scenario}>
      <Story />
    </FakeChat>
  );
};

function FakeChat({
  scenario,
  children,
}: {
  scenario: StoryChatScenario;
  children: React.ReactNode;
}) {
  const [session] = useState(() => storyChatSession(scenario));
  useEffect(() => () => session.destroy(), [session]);
  return (
    <ChatProvider session={session}>
      <InteractiveRendererContext.Provider value={renderInteractive}>
        {children}
      </InteractiveRendererContext.Provider>
    </ChatProvider>
  );
}
