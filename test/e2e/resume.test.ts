import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { openChatPair } from './support/chatPair';
import {
  adminClient,
  expectEnabled,
  messageWithText,
  renderedMessageIds,
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

describe('reloading the storefront mid-chat', () => {
  it('resumes the same contact with the same messages, each once', async () => {
    const admin = adminClient(emulator.url);
    const { customer, agent, contactId, errors } = await openChatPair(
      browser,
      inject('demoUrl'),
      emulator.url,
      'Ana',
    );
    const lines = [
      ['customer', 'Hi, my kettle whistles too early.'],
      ['agent', 'Sorry to hear that. Which model is it?'],
      ['customer', 'The Aurora, bought last month.'],
      ['agent', 'Thanks, let me check the warranty.'],
    ] as const;
    for (const [who, text] of lines) {
      await send(who === 'customer' ? customer : agent, text);
      await messageWithText(who === 'customer' ? agent : customer, text).waitFor();
    }
    const before = await renderedMessageIds(customer);

    await customer.reload();
    // The widget starts closed; opening it resumes the stored contact (no pre-chat form).
    await customer.getByRole('button', { name: 'Open chat' }).click();
    await messageWithText(customer, lines[3][1]).waitFor();
    expect(await widget(customer).getByLabel('Your name').count()).toBe(0);
    await expectEnabled(customer.getByRole('textbox', { name: 'Message' }));

    // Same contact: the emulator still has exactly one, and it is the one we chatted on.
    const contacts = await admin.contacts();
    expect(contacts.map((contact) => contact.ContactId)).toEqual([contactId]);

    const after = await renderedMessageIds(customer);
    expect(new Set(after).size).toBe(after.length);
    const transcript = await admin.transcript(contactId);
    const messageIds = transcript.filter((item) => item.Type === 'MESSAGE').map((item) => item.Id);
    expect(messageIds).toHaveLength(lines.length);
    for (const id of messageIds) {
      expect(before).toContain(id);
      expect(after).toContain(id);
    }

    // The resumed chat goes on both ways, each message once.
    await send(customer, 'It is the 0.9 litre one.');
    await messageWithText(agent, 'It is the 0.9 litre one.').waitFor();
    await send(agent, 'Covered: we will send a replacement lid.');
    await messageWithText(customer, 'Covered: we will send a replacement lid.').waitFor();
    const final = await waitFor(async () => {
      const items = (await admin.transcript(contactId)).filter((item) => item.Type === 'MESSAGE');
      return items.length === lines.length + 2 && items;
    }, 'six messages in the transcript');
    const rendered = await renderedMessageIds(customer);
    expect(new Set(rendered).size).toBe(rendered.length);
    for (const item of final) {
      expect(rendered.filter((id) => id === item.Id)).toHaveLength(1);
    }
    expect(errors()).toEqual([]);
  });
});
