import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { ChatProvider, Composer, MessageList } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

afterEach(cleanup);

// The README's "Testing your UI" example, as written there.
it('sends what the customer types and shows the answer', async () => {
  const session = new FakeChatSession({ connection: { status: 'open' } });
  render(
    <ChatProvider session={session}>
      <MessageList />
      <Composer />
    </ChatProvider>,
  );
  await userEvent.type(
    screen.getByRole('textbox', { name: 'Message' }),
    'Where is my order?{Enter}',
  );
  expect(session.callsOf('sendMessage')[0]?.content).toBe('Where is my order?');

  act(() => session.addItem(makeChatItem({ content: 'It ships today.' })));
  expect(await screen.findByText('It ships today.')).toBeInTheDocument();
});

it('plays a live chat with service: simulated and an agent', async () => {
  const session = new FakeChatSession({
    service: 'simulated',
    connectDelayMs: 0,
    agent: { received: ({ content }, fake) => fake.respond(`Echo: ${content}`, { delayMs: 0 }) },
  });
  render(
    <ChatProvider session={session}>
      <MessageList />
      <Composer />
    </ChatProvider>,
  );
  await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
  expect(await screen.findByText('Echo: Hello')).toBeInTheDocument();
  session.destroy();
});
