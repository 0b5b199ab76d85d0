import type { Browser, Locator, Page } from 'playwright-core';
import { answerAsAgent, demoPage, newPage, startCustomerChat, widget } from './demoPages';

/**
 * A customer on the storefront and the agent console answering them, each in a browser context
 * of its own.
 *
 * @example
 * ```ts
 * const { customer, agent, contactId } = await openChatPair(browser, demoUrl, emulator.url, 'Ana');
 * ```
 */
export interface ChatPair {
  customer: Page;
  agentPage: Page;
  /** The agent console's chat region of this contact. */
  agent: Locator;
  contactId: string;
  /** Uncaught errors of both pages so far. */
  errors: () => string[];
}

/**
 * Starts a chat from the storefront as `name` and answers it in the agent console as "Sam".
 * With `customerEndpoint` (a fault proxy in front of the emulator), every request and socket of
 * the customer's page goes there; the agent console still talks to the emulator directly.
 *
 * @example
 * ```ts
 * const pair = await openChatPair(browser, inject('demoUrl'), emulator.url, 'Ana');
 * ```
 */
export async function openChatPair(
  browser: Browser,
  demoUrl: string,
  emulatorUrl: string,
  name: string,
  options: { customerEndpoint?: string } = {},
): Promise<ChatPair> {
  const customerTab = await newPage(browser);
  const agentTab = await newPage(browser);
  const storefront = demoPage(demoUrl, options.customerEndpoint ?? emulatorUrl, 'storefront');
  await startCustomerChat(customerTab.page, storefront, name);
  const agent = await answerAsAgent(agentTab.page, demoPage(demoUrl, emulatorUrl, 'agent'), name);
  const contactId = await agent.getAttribute('data-contact-id');
  if (!contactId) {
    throw new Error('the agent chat carries no data-contact-id');
  }
  // The customer's widget names the agent once it joined.
  await widget(customerTab.page).getByText('Chatting with Sam').waitFor();
  return {
    customer: customerTab.page,
    agentPage: agentTab.page,
    agent,
    contactId,
    errors: () => [...customerTab.errors, ...agentTab.errors],
  };
}
