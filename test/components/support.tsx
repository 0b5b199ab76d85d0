import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement, ReactNode } from 'react';
import { ChatProvider, ContactKitThemeProvider } from 'contact-kit';
import type { ContactKitThemeProviderProps } from 'contact-kit';
import { expect } from 'vitest';
import { FakeChatSession } from 'contact-kit/testing';

/** Renders `ui` in a theme root inside a ChatProvider over a fake session the test drives. */
export function renderChat(
  ui: ReactElement,
  options: {
    session?: FakeChatSession;
    theme?: Omit<ContactKitThemeProviderProps, 'children'>;
  } = {},
) {
  const session = options.session ?? new FakeChatSession();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ChatProvider session={session}>
        <ContactKitThemeProvider {...options.theme}>{children}</ContactKitThemeProvider>
      </ChatProvider>
    </QueryClientProvider>
  );
  return { session, ...render(ui, { wrapper }) };
}

/**
 * Runs axe on `container` and expects no violations. Colour contrast needs layout and computed
 * colours jsdom lacks: the theme test checks every token pair instead. `region` is a page-level
 * rule (content outside landmarks) that does not apply to a component rendered alone.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
  expect(summary).toEqual([]);
}
