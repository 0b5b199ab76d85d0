import { version as reactVersion } from 'react';
import { version as domVersion } from 'react-dom';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, inject, it } from 'vitest';
import { ChatWidget } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major the DOM tier runs on: 19 in `dom`, 18 in `dom-react18`. */
    reactMajor: number;
  }
}

describe('the React the DOM tier runs on', () => {
  it('is the declared major, with react-dom of the same version', () => {
    expect(reactVersion.split('.')[0]).toBe(String(inject('reactMajor')));
    expect(domVersion).toBe(reactVersion);
  });

  it('renders the widget (styled-components, context, effects) on that React', async () => {
    const session = new FakeChatSession();
    session.addItem(makeChatItem({ content: 'Hello from the agent' }));
    render(<ChatWidget session={session} position="inline" defaultOpen />);
    expect(await screen.findByText('Hello from the agent')).toBeVisible();
    // The store subscription (useSyncExternalStore) follows updates.
    act(() => session.addItem(makeChatItem({ content: 'Anything else?' })));
    expect(await screen.findByText('Anything else?')).toBeVisible();
  });
});
