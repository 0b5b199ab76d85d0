// Opens one customer client (ours or chatjs) on its own page against its own emulator.
import { newPage } from './benchBrowser.mjs';
import { startChatWithAgent, startSeededEmulator } from './benchEmulator.mjs';

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} pagesUrl - base URL of the bench pages
 * @param {'ours' | 'chatjs'} client
 * @param {{ seed: number, widget?: boolean }} options
 */
export const openClient = async (browser, pagesUrl, client, { seed, widget = false }) => {
  const emulator = await startSeededEmulator(seed);
  const chat = await startChatWithAgent(emulator.url);
  const page = await newPage(browser, `${pagesUrl}/client.html`);
  await page.page.evaluate(
    ([method, start]) => window.clientBench[method](start),
    [client === 'ours' ? 'startOurs' : 'startChatjs', { ...chat.customer, widget }],
  );
  return {
    client,
    emulator,
    chat,
    page: page.page,
    errors: page.errors,
    report: () => page.page.evaluate(() => window.clientBench.report()),
    close: async () => {
      await page.close();
      await emulator.close();
    },
  };
};
