import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/chromium.mjs';
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

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none' });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // The page's own files come from the test's cache below (it stands in for the HTTP cache or
    // a service worker); Chromium gives such responses no address space, and its Local Network
    // Access checks would then refuse the page's calls to the emulator on 127.0.0.1.
    args: [...CHROMIUM_FLAGS, '--disable-features=LocalNetworkAccessChecks'],
  });
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/**
 * Keeps a copy of every response of the demo's own origin while online and serves it from
 * there while the context is offline, the way a service worker or the HTTP cache would, so the
 * page can reload with the network down. The Participant Service (the emulator, another origin)
 * is not served this way: offline, it is unreachable.
 */
async function cachePageAssets(context: BrowserContext, origin: string): Promise<void> {
  const cache = new Map<string, { status: number; contentType: string; body: Buffer }>();
  await context.route(
    (url) => url.origin === origin,
    async (route) => {
      const request = route.request();
      if (request.method() !== 'GET') {
        await route.continue();
        return;
      }
      const url = request.url();
      let response;
      try {
        response = await route.fetch();
      } catch {
        const cached = cache.get(url);
        await (cached === undefined ? route.abort('internetdisconnected') : route.fulfill(cached));
        return;
      }
      cache.set(url, {
        status: response.status(),
        contentType: response.headers()['content-type'] ?? 'application/octet-stream',
        body: await response.body(),
      });
      await route.fulfill({ response });
    },
  );
}

describe('sending offline, then reloading (issue #12 §2)', () => {
  it('delivers each message sent offline exactly once, in order, after a reload while offline', async () => {
    const admin = adminClient(emulator.url);
    const demoUrl = inject('demoUrl');
    const { page, errors } = await newPage(browser);
    const context = page.context();
    await cachePageAssets(context, new URL(demoUrl).origin);
    await startCustomerChat(page, demoPage(demoUrl, emulator.url, 'storefront'), 'Ana');
    const contactId = await waitFor(
      async () => (await admin.contacts())[0]?.ContactId,
      'a contact',
    );

    // Resuming after a reload needs a connection the service accepted (the session stores only
    // such a one): go offline once the first connection is stored, not merely once the contact
    // exists. Without this wait the test raced the first CreateParticipantConnection.
    await page.waitForFunction(() =>
      (sessionStorage.getItem('contact-kit.chat') ?? '').includes('connectionToken'),
    );
    await context.setOffline(true);
    const texts = ['First, offline.', 'Second, still offline.', 'Third, about to reload.'];
    for (const text of texts) {
      await send(widget(page), text);
      await messageWithText(widget(page), text).waitFor();
    }
    // Nothing reached the service.
    const customerMessages = async () =>
      (await admin.transcript(contactId)).filter(
        (item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER',
      );
    expect(await customerMessages()).toEqual([]);

    await page.reload();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByRole('button', { name: 'Open chat' }).click();
    // Back from storage before any network: each shown once, still waiting to be sent.
    for (const text of texts) {
      await messageWithText(widget(page), text).waitFor();
      expect(await messageWithText(widget(page), text).count()).toBe(1);
    }
    expect(await customerMessages()).toEqual([]);

    await context.setOffline(false);
    const delivered = await waitFor(async () => {
      const items = await customerMessages();
      return items.length >= texts.length && items;
    }, 'the three messages in the transcript');
    // The oracle: each exactly once, in the order they were sent.
    expect(delivered.map((item) => item.Content)).toEqual(texts);

    // The page shows each once, under the service's Id once confirmed.
    for (const item of delivered) {
      const row = widget(page).getByRole('log').locator(`[data-message-id="${item.Id}"]`);
      await row.waitFor();
      expect(await row.count()).toBe(1);
      expect(await messageWithText(widget(page), item.Content!).count()).toBe(1);
    }
    expect((await customerMessages()).map((item) => item.Content)).toEqual(texts);
    expect(errors).toEqual([]);
  });
});
