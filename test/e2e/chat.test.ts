import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { openChatPair } from './support/chatPair';
import type { ChatPair } from './support/chatPair';
import { adminClient, messageWithText, send, waitFor, widget } from './support/demoPages';
import type { AdminClient } from './support/demoPages';

let emulator: RunningEmulator;
let admin: AdminClient;
let browser: Browser;

beforeAll(async () => {
  // No simulated agent: the agent console is the only agent.
  emulator = await startEmulator({ port: 0, agent: 'none' });
  admin = adminClient(emulator.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

const pairs: ChatPair[] = [];
async function customerAndAgent(name: string): Promise<ChatPair> {
  const pair = await openChatPair(browser, inject('demoUrl'), emulator.url, name);
  pairs.push(pair);
  return pair;
}

async function downloadedText(page: Page, scope: Locator, name: string): Promise<string> {
  // The kit opens the download URL in a new tab; the emulator answers with
  // Content-Disposition: attachment, so Chromium turns it into a download of that tab.
  const download = new Promise<Download>((resolve) => {
    page.on('download', resolve);
    page.context().on('page', (popup) => popup.on('download', resolve));
  });
  await scope.getByRole('button', { name: `Download ${name}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(name);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('storefront widget and agent console', () => {
  it('chat both ways with the typing indicator and read receipts', async () => {
    const { customer, agent, contactId } = await customerAndAgent('Ana');

    await send(customer, 'Is the kettle induction-ready?');
    await messageWithText(agent, 'Is the kettle induction-ready?').waitFor();

    // The agent types without sending: the customer sees "Sam is typing…".
    await agent.getByRole('textbox', { name: 'Message' }).fill('Yes');
    await widget(customer).getByText('Sam is typing…').waitFor();
    await agent.getByRole('textbox', { name: 'Message' }).fill('Yes, it works on induction hobs.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await messageWithText(customer, 'Yes, it works on induction hobs.').waitFor();

    // The agent's console shows the customer's message at the bottom: it sends a read receipt.
    const own = messageWithText(customer, 'Is the kettle induction-ready?');
    await own.locator('[data-state="read"]').first().waitFor();
    expect(await own.textContent()).toContain('Read');

    const transcript = await admin.transcript(contactId);
    const texts = transcript.filter((item) => item.Type === 'MESSAGE').map((item) => item.Content);
    expect(texts).toEqual(['Is the kettle induction-ready?', 'Yes, it works on induction hobs.']);
  });

  it('the customer answers a ListPicker and the agent receives the title', async () => {
    const { customer, agent, contactId } = await customerAndAgent('Bea');

    await agent.getByRole('button', { name: 'List picker' }).click();
    const picker = widget(customer).getByRole('group', { name: /Which product/ });
    await picker.getByRole('button', { name: /Day pack/ }).click();

    // The agent's transcript shows the customer's choice, and the service holds the reply.
    await messageWithText(agent, 'Day pack').filter({ hasNotText: 'Which product' }).waitFor();
    // Protocol §7.7: a ListPicker choice goes back as text/plain with the element's title.
    const reply = await waitFor(
      async () =>
        (await admin.transcript(contactId)).find(
          (item) => item.ParticipantRole === 'CUSTOMER' && item.Type === 'MESSAGE',
        ),
      'the customer reply in the transcript',
    );
    expect(reply).toMatchObject({ ContentType: 'text/plain', Content: 'Day pack' });
  });

  it('attachments go both ways and download with their content', async () => {
    const { customer, agentPage, agent } = await customerAndAgent('Cai');

    await widget(customer)
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'order-1234.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Order 1234: one Aurora kettle'),
      });
    await messageWithText(agent, 'order-1234.txt')
      .getByRole('button', { name: 'Download order-1234.txt' })
      .waitFor();
    expect(await downloadedText(agentPage, agent, 'order-1234.txt')).toBe(
      'Order 1234: one Aurora kettle',
    );

    await agent.locator('input[type="file"]').setInputFiles({
      name: 'brew-guide.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('93 °C, 15 g per 250 ml'),
    });
    await messageWithText(customer, 'brew-guide.txt')
      .getByRole('button', { name: 'Download brew-guide.txt' })
      .waitFor();
    expect(await downloadedText(customer, widget(customer), 'brew-guide.txt')).toBe(
      '93 °C, 15 g per 250 ml',
    );
  });

  it('the customer ends the chat: both sides show it ended', async () => {
    const { customer, agent, contactId } = await customerAndAgent('Dev');

    await widget(customer).getByRole('button', { name: 'End chat' }).click();
    await customer.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();

    await widget(customer).getByRole('button', { name: 'Start a new chat' }).waitFor();
    await agent.locator('[data-chat-status="ended"]').waitFor();
    expect(await agent.getByRole('textbox', { name: 'Message' }).isDisabled()).toBe(true);
    const contact = (await admin.contacts()).find((c) => c.ContactId === contactId);
    expect(contact?.Status).toBe('ENDED');
  });

  it('the agent ends the chat: the customer sees the ended view', async () => {
    const { customer, agent } = await customerAndAgent('Eli');

    await agent.getByRole('button', { name: 'End chat' }).click();

    await widget(customer).getByRole('button', { name: 'Start a new chat' }).waitFor();
    expect(await widget(customer).getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await agent.locator('[data-chat-status="ended"]').waitFor();
  });

  it('no page threw', () => {
    expect(pairs.flatMap((pair) => pair.errors())).toEqual([]);
  });
});
