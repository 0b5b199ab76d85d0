// Opens one customer client (ours or chatjs) on its own page against its own emulator.
import { newPage } from './benchBrowser.mjs';
import { startChatWithAgent, startSeededEmulator, startSeededProxy } from './benchEmulator.mjs';

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} pagesUrl - base URL of the bench pages
 * @param {'ours' | 'chatjs'} client
 * @param {{ seed: number, widget?: boolean, proxy?: boolean }} options - with `proxy`, the
 *   customer reaches the emulator (REST and websocket) through the fault proxy; the agent does not.
 */
export const openClient = async (browser, pagesUrl, client, { seed, widget = false, proxy }) => {
  const emulator = await startSeededEmulator(seed);
  const faultProxy = proxy ? await startSeededProxy(emulator.url, seed) : undefined;
  const chat = await startChatWithAgent(emulator.url);
  const page = await newPage(browser, `${pagesUrl}/client.html`);
  const endpoint = faultProxy?.url ?? chat.customer.endpoint;
  await page.page.evaluate(
    ([method, start]) => window.clientBench[method](start),
    [client === 'ours' ? 'startOurs' : 'startChatjs', { ...chat.customer, endpoint, widget }],
  );
  return {
    client,
    emulator,
    proxy: faultProxy,
    chat,
    page: page.page,
    errors: page.errors,
    report: () => page.page.evaluate(() => window.clientBench.report()),
    close: async () => {
      await page.close();
      await faultProxy?.close();
      await emulator.close();
    },
  };
};
