import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ChatProvider } from 'contact-kit';
import type { ChatProviderProps } from 'contact-kit';
import { FakeChatSession } from 'contact-kit/testing';

/** Renders `ui` inside a ChatProvider over a fake session the test drives. */
export function renderWithChat(
  ui: ReactElement,
  options: { session?: FakeChatSession; providerProps?: Omit<ChatProviderProps, 'session'> } = {},
) {
  const session = options.session ?? new FakeChatSession();
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ChatProvider session={session} {...options.providerProps}>
        {children}
      </ChatProvider>
    </QueryClientProvider>
  );
  return { session, ...render(ui, { wrapper }) };
}

/** A render counter: `count.x` grows each time component `x` renders. */
export function createRenderCounter() {
  const counts: Record<string, number> = {};
  return {
    counts,
    hit(name: string) {
      counts[name] = (counts[name] ?? 0) + 1;
    },
  };
}
