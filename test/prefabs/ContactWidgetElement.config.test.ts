import { cleanup, configure, fireEvent, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactWidgetElement } from '../../src/widget/contact-widget';
import type { StartChatRequestBody } from '../../src/widget/postStartChat';
import { ContactWidgetConfigError } from '../../src/widget/widgetConfig';
import '../../src/widget/contact-widget';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

function widget(attributes: Record<string, string> = {}) {
  const element = document.createElement('contact-widget') as ContactWidgetElement;
  element.setAttribute('endpoint', 'http://127.0.0.1:9');
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  const requests: StartChatRequestBody[] = [];
  // The request never answers: these tests look at the panel and what it would send.
  element.startChatRequest = (body) => {
    requests.push(body);
    return new Promise(() => undefined);
  };
  document.body.append(element);
  return { element, shadow: element.shadowRoot!, requests };
}

const styles = (shadow: ShadowRoot) =>
  [...shadow.querySelectorAll('style')].map((style) => style.textContent).join('\n');

describe('<contact-widget> configuration, applied live', { timeout: 30_000 }, () => {
  it('shows, hides and moves its launcher as attributes change before the panel loads', () => {
    const { element, shadow } = widget({ launcher: 'none' });
    expect(shadow.querySelector('[data-ck-loader]')).toBeNull();
    element.removeAttribute('launcher');
    expect(shadow.querySelector('[data-ck-loader]')).not.toBeNull();
    expect(element.getAttribute('data-ck-position')).toBe('bottom-right');
    element.setAttribute('position', 'bottom-left');
    expect(element.getAttribute('data-ck-position')).toBe('bottom-left');
    element.config = { position: 'inline', launcher: false };
    expect(element.getAttribute('data-ck-position')).toBe('inline');
    expect(shadow.querySelector('[data-ck-loader]')).toBeNull();
  });

  it('applies title, strings and accent colour to the open panel without restarting it', async () => {
    const { element, shadow } = widget();
    await element.open();
    const dialog = () => shadow.querySelector<HTMLElement>('[role="dialog"]')!;
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(dialog().textContent).toContain('Chat with us');

    element.setAttribute('panel-title', 'Acme help');
    expect(dialog().textContent).toContain('Acme help');
    element.setAttribute('messages', JSON.stringify({ minimize: 'Hide for now' }));
    expect(shadow.querySelector('button[aria-label="Hide for now"]')).not.toBeNull();
    element.setAttribute('accent-color', '#7c3aed');
    expect(styles(shadow)).toContain('--ck-default-color-accent:#7c3aed;');
    // White reads on violet; a pale accent gets dark text.
    expect(styles(shadow)).toContain('--ck-default-color-on-accent:#ffffff;');
    element.config = { accentColor: '#fde68a' };
    expect(styles(shadow)).toContain('--ck-default-color-on-accent:#0f172a;');
    // The property wins over the attribute; the panel stayed open throughout.
    expect(element.config.accentColor).toBe('#fde68a');
    expect(element.isOpen).toBe(true);
  });

  it('asks the pre-chat fields and sends their values as contact attributes', async () => {
    const { element, shadow, requests } = widget({
      'pre-chat-fields': JSON.stringify([
        { name: 'orderId', label: 'Order number', required: true },
      ]),
    });
    await element.open();
    await waitFor(() => expect(shadow.querySelector('form')).not.toBeNull());
    const input = (label: string) =>
      [...shadow.querySelectorAll('label')].find((node) => node.textContent?.startsWith(label))!
        .control as HTMLInputElement;
    fireEvent.change(input('Your name'), { target: { value: 'Ana' } });
    fireEvent.change(input('Order number'), { target: { value: 'A-42' } });
    fireEvent.submit(shadow.querySelector('form')!);
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({ DisplayName: 'Ana', Attributes: { orderId: 'A-42' } });
  });

  it('refuses a bad attribute with a contact-kit:error event and keeps the last good value', () => {
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { element } = widget({ position: 'bottom-left' });
    element.addEventListener('contact-kit:error', (event) =>
      errors.push((event as CustomEvent<{ error: unknown }>).detail.error),
    );
    element.setAttribute('position', 'top-middle');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ContactWidgetConfigError);
    expect(errors[0]).toMatchObject({ code: 'WIDGET_CONFIG_INVALID', attribute: 'position' });
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(element.config.position).toBe('bottom-left');
    expect(() => {
      element.config = { accentColor: 'violet' };
    }).toThrow(ContactWidgetConfigError);
  });
});
