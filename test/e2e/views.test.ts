import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import {
  adminClient,
  demoPage,
  messageWithText,
  newPage,
  send,
  startCustomerChat,
  waitFor,
  widget,
} from './support/demoPages';
import type { AdminClient, TranscriptItem } from './support/demoPages';

const RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

let emulator: RunningEmulator;
let admin: AdminClient;
let browser: Browser;
let customer: Page;
let errors: string[];
let contactId: string;

beforeAll(async () => {
  // The scripted agent offers the guides by keyword, as in the demo.
  emulator = await startEmulator({ port: 0, agent: 'scripted' });
  admin = adminClient(emulator.url);
  browser = await launchChromium();
  ({ page: customer, errors } = await newPage(browser));
  await startCustomerChat(customer, demoPage(inject('demoUrl'), emulator.url, 'storefront'), 'Ana');
  const [contact] = await waitFor(async () => {
    const contacts = await admin.contacts();
    return contacts.length > 0 && contacts;
  }, 'the contact');
  contactId = contact!.ContactId;
  await messageWithText(customer, 'How can I help you today?').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/** The customer's view responses in the service's transcript, parsed. */
async function viewResponses(): Promise<{ action: string; data: unknown }[]> {
  const transcript: TranscriptItem[] = await admin.transcript(contactId);
  return transcript
    .filter((item) => item.ParticipantRole === 'CUSTOMER' && item.ContentType === RESPONSE)
    .map((item) => JSON.parse(item.Content ?? '{}') as { action: string; data: unknown });
}

async function nextResponse(count: number): Promise<{ action: string; data: unknown } & object> {
  const responses = await waitFor(
    async () => {
      const all = await viewResponses();
      return all.length > count && all;
    },
    `view response #${count + 1}`,
  );
  return responses[count]!;
}

async function guide(keyword: string, title: string): Promise<Locator> {
  // The agent has answered the previous message first: a later message from the other side
  // would expire the new view (the flow went on), as it should.
  await waitFor(async () => {
    const messages = (await admin.transcript(contactId)).filter((item) => item.Type === 'MESSAGE');
    return messages.at(-1)?.ParticipantRole === 'AGENT';
  }, 'the agent to answer the last message');
  const views = widget(customer).getByRole('group', { name: title, exact: true });
  const before = await views.count();
  await send(customer, keyword);
  await waitFor(async () => (await views.count()) > before, `a new "${title}" view`);
  const view = views.nth(before);
  await view.waitFor();
  // Each guide, as shown, passes axe in real Chromium (colour contrast included).
  expect(await axeViolations(customer)).toEqual([]);
  return view;
}

describe('step-by-step guides in the widget', () => {
  it('Form: validates, then sends Next with the fields by Name', async () => {
    const view = await guide('form', 'Return an item');
    await view.getByLabel('Email').fill('ana@');
    await view.getByRole('button', { name: 'Request label' }).click();
    // The invalid field gets the focus and a message; the required select is flagged too.
    await view.getByText('Enter a valid email address.').waitFor();
    await view.getByText('Enter Reason.').waitFor();
    expect(await view.getByLabel('Email').evaluate((node) => node === document.activeElement)).toBe(
      true,
    );
    expect(await axeViolations(customer)).toEqual([]);

    await view.getByLabel('Email').fill('ana@example.com');
    await view.getByLabel('Reason').selectOption('damaged');
    await view.getByLabel('Comments').fill('The lid is cracked');
    await view.getByRole('button', { name: 'Request label' }).click();

    const response = await nextResponse(0);
    expect(response).toEqual({
      action: 'Next',
      data: { Email: 'ana@example.com', Reason: 'damaged', Comments: 'The lid is cracked' },
      templateType: 'ViewResource',
      version: '1.0',
    });
    // Answered: the view locks and says what was chosen; the agent got the answer.
    await view.getByText('You chose: Request label').waitFor();
    expect(await view.getByRole('button', { name: 'Request label' }).isDisabled()).toBe(true);
    await messageWithText(customer, 'Guide answer: Next').waitFor();
  });

  it('Cards: choosing a card sends ActionSelected with its Id and Heading', async () => {
    const view = await guide('cards', 'Choose a plan');
    await view.getByRole('button', { name: /Plus/ }).click();
    expect(await nextResponse(1)).toMatchObject({
      action: 'ActionSelected',
      data: { Id: 'plus', Heading: 'Plus' },
    });
    await view.getByText('You chose: Plus').waitFor();
  });

  it('List: choosing an item sends ActionSelected with its Id', async () => {
    const view = await guide('list view', 'Which order is it about?');
    await view.getByRole('button', { name: /Order #1037/ }).click();
    expect(await nextResponse(2)).toMatchObject({
      action: 'ActionSelected',
      data: { Id: 'order-1037', Heading: 'Order #1037' },
    });
  });

  it('Detail: an action button sends ActionSelected with its label', async () => {
    const view = await guide('detail', 'Order #1042');
    await view.getByText('Parcelway').waitFor();
    await view.getByRole('button', { name: 'Track package' }).click();
    expect(await nextResponse(3)).toMatchObject({
      action: 'ActionSelected',
      data: { Label: 'Track package' },
    });
  });

  it('Confirmation: Done sends Next with an empty output', async () => {
    const view = await guide('confirm', 'Your return is booked');
    // Keyboard: the button is reachable and Enter activates it.
    await view.getByRole('button', { name: 'Done' }).focus();
    await customer.keyboard.press('Enter');
    expect(await nextResponse(4)).toEqual({
      action: 'Next',
      data: {},
      templateType: 'ViewResource',
      version: '1.0',
    });
  });

  it('text typed while a view is shown goes as the view response and locks it', async () => {
    const view = await guide('detail', 'Order #1042');
    await view.getByRole('button', { name: 'Track package' }).waitFor();
    await send(customer, 'I would rather talk to someone');
    expect(await nextResponse(5)).toEqual({
      action: ' ',
      data: { content: 'I would rather talk to someone' },
      templateType: 'ViewResource',
      version: '1.0',
    });
    await view.getByText('You replied: I would rather talk to someone').waitFor();
    expect(await view.getByRole('button', { name: 'Track package' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
