import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import {
  adminClient,
  answerAsAgent,
  demoPage,
  expectEnabled,
  messageWithText,
  send,
  startCustomerChat,
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

/** A new tab of the shopper's browser, recording uncaught errors. */
async function openTab(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  return page;
}

/** How many times a text shows in a page's chat transcript. */
const countShown = (page: Page, text: string): Promise<number> =>
  messageWithText(page, text).count();

describe('one contact across the tabs of one browser', () => {
  it('joins, shares one socket, hands it over when the leader closes, and keeps read state', async () => {
    const admin = adminClient(emulator.url);
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const storefront = demoPage(inject('demoUrl'), emulator.url, 'storefront');
    const customerSockets = async (contactId: string): Promise<number> => {
      const contact = (await admin.contacts()).find((c) => c.ContactId === contactId);
      return (
        contact?.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.OpenWebsockets ?? -1
      );
    };

    // Tab A starts the chat; the agent answers it.
    const tabA = await openTab(context, errors);
    await startCustomerChat(tabA, storefront, 'Ana');
    const agentContext = await browser.newContext();
    const agentPage = await agentContext.newPage();
    const agent = await answerAsAgent(
      agentPage,
      demoPage(inject('demoUrl'), emulator.url, 'agent'),
      'Ana',
    );
    const contactId = (await agent.getAttribute('data-contact-id'))!;
    await send(tabA, 'Hello from the first tab.');
    await messageWithText(agent, 'Hello from the first tab.').waitFor();

    // Tab B joins the running chat: same conversation, no new contact, still one socket.
    const tabB = await openTab(context, errors);
    const socketsOfB: number[] = [];
    tabB.on('websocket', () => socketsOfB.push(Date.now()));
    await tabB.goto(storefront);
    await tabB.getByRole('button', { name: 'Open chat' }).click();
    await messageWithText(tabB, 'Hello from the first tab.').waitFor();
    expect(await widget(tabB).getByLabel('Your name').count()).toBe(0);
    expect((await admin.contacts()).map((c) => c.ContactId)).toEqual([contactId]);
    expect(await customerSockets(contactId)).toBe(1);

    // A send from B shows once in A, in B and at the agent.
    await expectEnabled(tabB.getByRole('textbox', { name: 'Message' }));
    await send(tabB, 'And hello from the second tab.');
    await messageWithText(agent, 'And hello from the second tab.').waitFor();
    await messageWithText(tabA, 'And hello from the second tab.').waitFor();
    await waitFor(
      async () =>
        (await countShown(tabB, 'And hello from the second tab.')) === 1 &&
        (await countShown(tabA, 'And hello from the second tab.')) === 1,
      'the message once in each tab',
    );
    const atService = (await admin.transcript(contactId)).filter(
      (item) => item.Content === 'And hello from the second tab.',
    );
    expect(atService).toHaveLength(1);

    // A goes away: B takes the socket over within 2 s, and an agent message sent right after
    // shows in B.
    // B, a follower, opened no socket of its own.
    expect(socketsOfB).toEqual([]);
    await tabA.close();
    const closedAt = Date.now();
    await waitFor(() => socketsOfB.length > 0, 'a socket in tab B', 10_000);
    const takeoverMs = socketsOfB[0]! - closedAt;
    console.info(`tabs e2e: tab B opened the socket ${takeoverMs} ms after tab A closed`);
    expect(takeoverMs).toBeLessThan(2_000);
    await waitFor(async () => (await customerSockets(contactId)) === 1, 'one socket again');
    await send(agent, 'Still there?');
    await messageWithText(tabB, 'Still there?').waitFor({ timeout: 10_000 });
    expect(await countShown(tabB, 'Still there?')).toBe(1);

    // A duplicated tab (it starts with a copy of B's sessionStorage): still one socket.
    const stored = await tabB.evaluate(() => JSON.stringify({ ...sessionStorage }));
    const tabC = await openTab(context, errors);
    const socketsOfC: number[] = [];
    tabC.on('websocket', () => socketsOfC.push(Date.now()));
    await tabC.addInitScript((items: string) => {
      if (sessionStorage.length === 0) {
        for (const [key, value] of Object.entries(JSON.parse(items) as Record<string, string>)) {
          sessionStorage.setItem(key, value);
        }
      }
    }, stored);
    await tabC.goto(storefront);
    await tabC.getByRole('button', { name: 'Open chat' }).click();
    await messageWithText(tabC, 'Still there?').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await customerSockets(contactId)).toBe(1);
    expect(socketsOfC).toEqual([]);
    expect((await admin.contacts()).map((c) => c.ContactId)).toEqual([contactId]);

    // B has seen everything: after a reload its launcher shows no unread count.
    await tabB.reload();
    const launcher = tabB.getByRole('button', { name: /^Open chat/ });
    await launcher.waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      (await launcher.getAttribute('aria-label')) ?? (await launcher.textContent()),
    ).not.toMatch(/unread/);
    expect(await tabB.title()).not.toMatch(/^\(\d+\)/);

    expect(errors).toEqual([]);
    await context.close();
    await agentContext.close();
  });
});
