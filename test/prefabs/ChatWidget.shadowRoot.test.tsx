import { act, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatWidget } from 'contact-kit';
import { FakeChatSession } from 'contact-kit/testing';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
  cleanup();
});

describe('ChatWidget in a shadow root', { timeout: 30_000 }, () => {
  it('puts its styles in the shadow root and moves focus inside it', async () => {
    const user = userEvent.setup();
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    shadow.append(mount);
    const session = new FakeChatSession();
    session.update({ connection: { status: 'open', attempt: 0, error: undefined } });

    root = createRoot(mount);
    act(() =>
      root!.render(<ChatWidget session={session} position="inline" styleTarget={shadow} />),
    );
    expect(shadow.querySelector('style')).not.toBeNull();
    expect(document.head.querySelector('style[data-styled]')).toBeNull();

    const launcher = shadow.querySelector<HTMLButtonElement>('button[aria-label="Open chat"]')!;
    await user.click(launcher);
    // The panel's body loads on first use: wait for it rather than for a fixed time.
    await waitFor(() =>
      expect(shadow.querySelector('textarea[aria-label="Message"]')).not.toBeNull(),
    );
    const composer = shadow.querySelector('textarea[aria-label="Message"]');
    await waitFor(() => expect(shadow.activeElement).toBe(composer));

    await user.keyboard('{Escape}');
    expect(shadow.activeElement?.getAttribute('aria-label')).toBe('Open chat');
  });
});
