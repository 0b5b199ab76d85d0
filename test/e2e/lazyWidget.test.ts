import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { demoPage, expectEnabled, newPage, widget } from './support/demoPages';

// The storefront's ChatWidget loads its body (form, conversation, composer) and the chat session
// as chunks of their own. These tests hold or fail those requests in a real browser.

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'scripted' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

const BODY_CHUNK = /\/ChatWidgetBody-[\w-]+\.js$/;
const SESSION_CHUNK = /\/chatSession-[\w-]+\.js$/;

/** Holds every request for a chunk until `release()`; records what was asked for. */
async function holdChunk(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  let released = false;
  await page.route(pattern, (route) => {
    if (released) {
      return route.continue();
    }
    held.push(route);
    return undefined;
  });
  return {
    requested: () => held.length,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

describe('the storefront widget loads its body and session on demand', () => {
  it('renders the launcher without either chunk, then fetches both while the page is idle', async () => {
    const { page, errors } = await newPage(browser);
    const body = await holdChunk(page, BODY_CHUNK);
    const session = await holdChunk(page, SESSION_CHUNK);
    await page.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
    // Both chunks are held, yet the launcher is there.
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    // Nobody touched the launcher: the idle preload asks for both.
    await expect.poll(() => body.requested(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => session.requested(), { timeout: 15_000 }).toBeGreaterThan(0);
    await body.release();
    await session.release();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens at once on a slow network: the panel holds focus and a spinner shows until the body arrives', async () => {
    const { page, errors } = await newPage(browser);
    const body = await holdChunk(page, BODY_CHUNK);
    await page.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
    await page.getByRole('button', { name: 'Open chat' }).click();

    const panel = widget(page);
    await panel.waitFor();
    await expect.poll(() => body.requested()).toBeGreaterThan(0);
    const busy = panel.locator('[aria-busy="true"]');
    await busy.waitFor();
    await expect.poll(() => panel.evaluate((node) => node === document.activeElement)).toBe(true);
    // The spinner only shows once the wait is noticeable (after 400 ms).
    await expect
      .poll(() => busy.evaluate((node) => Number(getComputedStyle(node, '::after').opacity)))
      .toBe(1);

    await body.release();
    const name = page.getByLabel('Your name');
    await expect.poll(() => name.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await busy.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when the body cannot be loaded, and Try again loads it', async () => {
    const { page } = await newPage(browser);
    let failing = true;
    await page.route(BODY_CHUNK, (route) =>
      failing ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
    );
    await page.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    const alert = widget(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The chat could not be loaded.');

    failing = false;
    await widget(page).getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('Your name').fill('Lena');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
    await page.context().close();
  });
});
