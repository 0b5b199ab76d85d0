import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { openChatPair } from './support/chatPair';
import {
  adminClient,
  expectEnabled,
  messageWithText,
  send,
  waitFor,
  widget,
} from './support/demoPages';

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/** The texts of the messages the customer's transcript shows, in order. */
async function shownTexts(page: Page): Promise<string[]> {
  return widget(page)
    .getByRole('log')
    .locator('[data-message-id]')
    .evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').trim()));
}

describe('continuing an ended conversation (persistent chat)', () => {
  it('starts a new contact chained to the old one, with the old messages above the new', async () => {
    const admin = adminClient(emulator.url);
    const { customer, agent, contactId, errors } = await openChatPair(
      browser,
      inject('demoUrl'),
      emulator.url,
      'Ana',
    );
    await send(customer, 'My grinder is too coarse.');
    await messageWithText(agent, 'My grinder is too coarse.').waitFor();
    await send(agent, 'Turn the ring two clicks left.');
    await messageWithText(customer, 'Turn the ring two clicks left.').waitFor();

    // The agent ends the contact.
    const stopped = await fetch(`${emulator.url}/admin/contacts/${contactId}/stop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(stopped.ok).toBe(true);
    const panel = widget(customer);
    const continueButton = panel.getByRole('button', { name: 'Continue the conversation' });
    await continueButton.waitFor();
    // The ended chat offers both ways on; continuing is the first.
    await panel.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await continueButton.click();

    // A second contact, chained to the first (StartChatContact's PersistentChat).
    const next = await waitFor(async () => {
      const contacts = await admin.contacts();
      return contacts.length === 2 && contacts.find((contact) => contact.ContactId !== contactId);
    }, 'the continued contact');
    const detail = (await (
      await fetch(`${emulator.url}/admin/contacts/${next.ContactId}`)
    ).json()) as { RelatedContactIds: string[] };
    expect(detail.RelatedContactIds).toEqual([contactId]);

    await expectEnabled(customer.getByRole('textbox', { name: 'Message' }));
    await send(customer, 'Better now, but it squeaks.');
    await waitFor(async () => {
      const items = await admin.transcript(next.ContactId);
      return items.some((item) => item.Content === 'Better now, but it squeaks.');
    }, 'the new message at the service');

    // Old above new, each once, in the order they were written.
    const texts = await waitFor(async () => {
      const shown = await shownTexts(customer);
      return shown.some((text) => text.includes('Better now')) && shown;
    }, 'the new message in the widget');
    const order = [
      'My grinder is too coarse.',
      'Turn the ring two clicks left.',
      'Better now, but it squeaks.',
    ].map((line) => texts.filter((text) => text.includes(line)));
    expect(order.map((found) => found.length)).toEqual([1, 1, 1]);
    const positions = ['My grinder', 'Turn the ring', 'Better now'].map((line) =>
      texts.findIndex((text) => text.includes(line)),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(errors()).toEqual([]);
  });
});
