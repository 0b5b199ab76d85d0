import { cleanup, configure, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactWidgetElement } from '../../src/widget/contact-widget';
import '../../src/widget/contact-widget';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** A page with its own "Help" button and a `<contact-widget>` with the given attributes. */
function page(attributes: Record<string, string>) {
  const help = document.createElement('button');
  help.textContent = 'Help';
  const widget = document.createElement('contact-widget') as ContactWidgetElement;
  for (const [name, value] of Object.entries(attributes)) {
    widget.setAttribute(name, value);
  }
  // No chat starts in these tests: the pre-chat form waits for a name.
  widget.startChatRequest = () => new Promise(() => undefined);
  document.body.append(help, widget);
  help.addEventListener('click', () => void widget.open());
  return { help, widget, shadow: widget.shadowRoot! };
}

describe('<contact-widget launcher="none">', { timeout: 30_000 }, () => {
  it('shows no launcher; open() opens the panel and closing returns focus to the page button', async () => {
    const { help, widget, shadow } = page({ launcher: 'none', endpoint: 'http://127.0.0.1:9' });
    expect(shadow.querySelector('button')).toBeNull();

    help.focus();
    help.click();
    await waitFor(() => expect(shadow.querySelector('[role="dialog"]')).not.toBeNull());
    expect(widget.isOpen).toBe(true);
    expect(shadow.querySelector('button[aria-haspopup="dialog"]')).toBeNull();

    widget.close();
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(widget.isOpen).toBe(false);
    expect(shadow.querySelector('button[aria-haspopup="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(help);

    await widget.open();
    expect(shadow.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('keeps its launcher without the attribute', async () => {
    const { widget, shadow } = page({ endpoint: 'http://127.0.0.1:9' });
    expect(shadow.querySelector('button[aria-label="Open chat"]')).not.toBeNull();
    await widget.open();
    expect(shadow.querySelector('[role="dialog"]')).not.toBeNull();
    widget.close();
    await waitFor(() =>
      expect(shadow.querySelector('button[aria-haspopup="dialog"]')).not.toBeNull(),
    );
  });
});
