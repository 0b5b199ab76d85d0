import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { openChatPair } from './support/chatPair';
import { messageWithText, send, widget } from './support/demoPages';

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

describe('accessibility in a real browser (axe, with layout and colour contrast)', () => {
  it('the open widget and the agent console have no violations mid-conversation', async () => {
    const { customer, agentPage, agent } = await openChatPair(
      browser,
      inject('demoUrl'),
      emulator.url,
      'Ana',
    );
    await send(customer, 'Do you ship to Lisbon?');
    await messageWithText(agent, 'Do you ship to Lisbon?').waitFor();
    await send(agent, 'We do, **in two days**. See [shipping](https://example.com/shipping).');
    await messageWithText(customer, 'in two days').waitFor();
    await agent.getByRole('button', { name: 'List picker' }).click();
    await widget(customer)
      .getByRole('group', { name: /Which product/ })
      .waitFor();
    // The agent starts typing: the indicator is part of what is checked.
    await agent.getByRole('textbox', { name: 'Message' }).fill('One more thing');
    await widget(customer).getByText('Sam is typing…').waitFor();

    expect(await axeViolations(customer)).toEqual([]);
    expect(await axeViolations(agentPage)).toEqual([]);
  });
});
