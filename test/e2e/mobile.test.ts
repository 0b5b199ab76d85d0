import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import {
  demoPage,
  expectEnabled,
  messageWithText,
  send,
  waitFor,
  widget,
} from './support/demoPages';

/** An iPhone-sized touch screen: 390×844 CSS px at 3x, touch events, the mobile viewport. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
} as const;

/** How much of the screen an on-screen keyboard takes in these tests. */
const KEYBOARD = 300;

let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'echo' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function phonePage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  await page.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
  return { context, page, errors };
}

/** Opens the widget with a tap and starts a chat through the pre-chat form. */
async function startChat(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open chat' }).tap();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start chat' }).tap();
  await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const boxOf = async (locator: ReturnType<Page['locator']>): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) {
    throw new Error('not rendered');
  }
  return { top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width };
};

/** Whether `inner` lies within the visible band [0, height) of the screen. */
const onScreen = (inner: Box, height: number) => inner.top >= -0.5 && inner.bottom <= height + 0.5;

describe('the storefront and the widget on a phone (390×844, touch)', () => {
  it('the storefront fits the width: the header wraps, the product stacks, pinch zoom stays on', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      // Stacked: the kettle's picture sits above the product's details, not beside them.
      const art = await boxOf(page.locator('.product-art'));
      const details = await boxOf(page.locator('.product-details'));
      expect(details.top).toBeGreaterThanOrEqual(art.bottom);
      const viewportMeta = await page.evaluate(
        () => document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
      );
      expect(viewportMeta).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
      // The launcher is on screen, clear of the edges.
      const launcher = await boxOf(page.getByRole('button', { name: 'Open chat' }));
      expect(launcher.right).toBeLessThanOrEqual(390 - 8);
      expect(launcher.bottom).toBeLessThanOrEqual(844 - 8);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens as a full-screen sheet that keeps the composer and the newest message above the keyboard', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await startChat(page, 'Ana');
      for (const text of ['Hello from the bus', 'Does the kettle fit a small hob?']) {
        await send(page, text);
        await messageWithText(page, `Echo: ${text}`).waitFor();
      }
      const sheet = widget(page);
      const panel = await boxOf(sheet);
      const covered =
        ((Math.min(panel.right, 390) - Math.max(panel.left, 0)) *
          (Math.min(panel.bottom, 844) - Math.max(panel.top, 0))) /
        (390 * 844);
      expect(covered).toBeGreaterThanOrEqual(0.98);
      expect(await sheet.getAttribute('aria-modal')).toBe('true');

      // Touch targets: every button in the sheet is at least 44×44 CSS px.
      const small = await sheet.locator('button').evaluateAll((buttons) =>
        buttons
          .map((button) => ({
            name: button.getAttribute('aria-label') ?? button.textContent,
            rect: button.getBoundingClientRect(),
          }))
          .filter(({ rect }) => rect.width > 0 && (rect.width < 44 || rect.height < 44))
          .map(({ name, rect }) => `${name} ${rect.width}x${rect.height}`),
      );
      expect(small).toEqual([]);

      const composer = page.getByRole('textbox', { name: 'Message' });
      const newest = messageWithText(page, 'Echo: Does the kettle fit a small hob?');
      await composer.tap();

      // An on-screen keyboard, two ways, since headless Chromium cannot open a real one.
      // 1. iOS Safari (and Chrome's default "resizes-visual"): the layout viewport stays 844 px
      //    tall and only window.visualViewport shrinks under the keyboard. Stub its height and
      //    fire its resize event, as the browser does when the keyboard slides up.
      await page.evaluate((keyboard) => {
        const viewport = window.visualViewport!;
        const height = window.innerHeight - keyboard;
        Object.defineProperty(viewport, 'height', { configurable: true, get: () => height });
        viewport.dispatchEvent(new Event('resize'));
      }, KEYBOARD);
      const visible = 844 - KEYBOARD;
      await waitFor(
        async () => Math.abs((await boxOf(sheet)).bottom - visible) < 1,
        'the sheet to fit above the keyboard',
      );
      expect(onScreen(await boxOf(composer), visible)).toBe(true);
      expect(onScreen(await boxOf(page.getByRole('button', { name: 'Send' })), visible)).toBe(true);
      expect(onScreen(await boxOf(newest), visible)).toBe(true);
      expect(onScreen(await boxOf(sheet.getByRole('heading', { name: 'Support' })), visible)).toBe(
        true,
      );

      // The keyboard goes away: the stub is removed and resize fires again; the sheet is full
      // height and the newest message still shows, right above the composer.
      await page.evaluate(() => {
        const viewport = window.visualViewport!;
        delete (viewport as unknown as { height?: number }).height;
        viewport.dispatchEvent(new Event('resize'));
      });
      await waitFor(
        async () => Math.abs((await boxOf(sheet)).bottom - 844) < 1,
        'the sheet back at full height',
      );
      expect(onScreen(await boxOf(newest), 844)).toBe(true);

      // 2. A browser that resizes the layout viewport itself (Android's "resizes-content"):
      //    the window is 300 px shorter, and 100dvh follows.
      await page.setViewportSize({ width: 390, height: visible });
      await waitFor(
        async () => Math.abs((await boxOf(sheet)).bottom - visible) < 1,
        'the sheet to fit the shorter window',
      );
      expect(onScreen(await boxOf(composer), visible)).toBe(true);
      expect(onScreen(await boxOf(newest), visible)).toBe(true);
      await page.setViewportSize(PHONE.viewport);
      await waitFor(
        async () => Math.abs((await boxOf(sheet)).bottom - 844) < 1,
        'the sheet back at full height',
      );
      expect(onScreen(await boxOf(newest), 844)).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('locks the page behind the sheet against wheel and touch scrolling, and gives it back where it was', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await page.evaluate(() => window.scrollTo(0, 200));
      await waitFor(async () => (await page.evaluate(() => window.scrollY)) === 200, 'scrolled');
      await startChat(page, 'Ben');
      expect(await page.evaluate(() => window.scrollY)).toBe(200);

      // Two defences hold the page: the sheet contains its overscroll, and the document is
      // locked (overflow hidden, which also covers iOS scrolling the page for the keyboard;
      // test/prefabs/ChatWidget.mobile.test.tsx checks the lock itself). With neither, these
      // attempts scroll the page to the top and the test fails.
      // Over the header (outside the transcript, which contains its own overscroll) and over
      // the transcript: the mouse wheel, then a finger dragging up and down (Chromium's synthetic
      // touch scroll gesture).
      const header = await boxOf(widget(page).getByRole('heading', { name: 'Support' }));
      const cdp = await context.newCDPSession(page);
      for (const y of [header.top + 4, 400]) {
        await page.mouse.move(120, y);
        await page.mouse.wheel(0, 600);
        await page.mouse.wheel(0, -900);
        for (const yDistance of [-500, 500]) {
          await cdp.send('Input.synthesizeScrollGesture', {
            x: 120,
            y: Math.round(y),
            yDistance,
            gestureSourceType: 'touch',
            speed: 2000,
          });
        }
        expect(await page.evaluate(() => window.scrollY)).toBe(200);
      }

      // Closing gives the page back its scrolling, at the same place: nothing jumps.
      await page.getByRole('button', { name: 'Minimize' }).tap();
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(200);
      expect(
        await page.evaluate(() => [
          document.documentElement.style.overflow,
          document.body.style.overflow,
        ]),
      ).toEqual(['', '']);
      await page.mouse.wheel(0, 300);
      await waitFor(
        async () => (await page.evaluate(() => window.scrollY)) > 200,
        'the page to scroll again',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('<contact-widget launcher="none">: the page\'s own button opens the sheet and gets focus back', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      // The demo's widget page, with launcher="none" set as the element is parsed (before the
      // module that defines <contact-widget> runs).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const element = document.querySelector('contact-widget');
          if (element) {
            element.setAttribute('launcher', 'none');
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(
        `${inject('demoUrl')}/widget.html?emulator=${encodeURIComponent(emulator.url)}`,
      );
      const ask = page.getByRole('button', { name: 'Ask about order 42' });
      await ask.waitFor();
      await page.waitForFunction(() => customElements.get('contact-widget') !== undefined);
      expect(await page.getByRole('button', { name: /Open chat/ }).count()).toBe(0);

      await ask.tap();
      const sheet = page.getByRole('dialog', { name: 'Chat with us' });
      await page.getByLabel('Your name').fill('Dee');
      await page.getByRole('button', { name: 'Start chat' }).tap();
      await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
      const panel = await boxOf(sheet);
      expect((panel.right - panel.left) * (panel.bottom - panel.top)).toBeGreaterThanOrEqual(
        0.98 * 390 * 844,
      );
      await page.getByRole('button', { name: 'Minimize' }).tap();
      await sheet.waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: /Open chat/ }).count()).toBe(0);
      expect(await ask.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads a new agent message once, and nothing while scrolling back', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await startChat(page, 'Eve');
      for (let n = 1; n <= 12; n += 1) {
        await send(page, `Question ${n}`);
        await messageWithText(page, `Question ${n}`).first().waitFor();
      }
      // Everything the live region says from now on, in order.
      await page.evaluate(() => {
        const region = document.querySelector('[data-announcer]')!;
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        new MutationObserver((records) => {
          for (const record of records) {
            record.addedNodes.forEach((node) => said.push(node.textContent ?? ''));
          }
        }).observe(region, { childList: true, subtree: true });
      });
      const said = () => page.evaluate(() => [...(window as unknown as { said: string[] }).said]);
      const log = widget(page).getByRole('log');
      await log.evaluate((element) => element.scrollTo({ top: 0 }));
      await page.waitForTimeout(300);
      await log.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForTimeout(300);
      expect(await said()).toEqual([]);

      await send(page, 'Last one');
      await waitFor(async () => (await said()).length > 0, 'an announcement');
      await page.waitForTimeout(500);
      const lines = await said();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('Last one');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a half-typed message across minimise and reload', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await startChat(page, 'Dee');
      const composer = page.getByRole('textbox', { name: 'Message' });
      await composer.fill('The lid of my kettle');
      await page.getByRole('button', { name: 'Minimize' }).tap();
      await page.getByRole('button', { name: /^Open chat/ }).tap();
      await expectEnabled(composer);
      expect(await composer.inputValue()).toBe('The lid of my kettle');

      await page.reload();
      await page.getByRole('button', { name: /^Open chat/ }).tap();
      await expectEnabled(composer);
      expect(await composer.inputValue()).toBe('The lid of my kettle');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the unread count in the title while the tab is hidden, and the original once back', async () => {
    const { context, page, errors } = await phonePage();
    try {
      await startChat(page, 'Caro');
      const original = await page.title();
      // Another tab in front: headless Chromium keeps every page "visible", so the test says
      // what a browser says when the tab goes to the back (visibilityState and its event).
      const setVisibility = (state: 'visible' | 'hidden') =>
        page.evaluate((next) => {
          Object.defineProperty(document, 'visibilityState', {
            configurable: true,
            get: () => next,
          });
          document.dispatchEvent(new Event('visibilitychange'));
        }, state);
      await setVisibility('hidden');
      await send(page, 'Back in a minute');
      await messageWithText(page, 'Echo: Back in a minute').waitFor();
      await waitFor(
        async () => (await page.title()) === `(1) ${original}`,
        'the count in the title',
      );

      // Minimised while away: the launcher's badge shows the count, and its name says it too
      // (axe's label-content-name-mismatch is experimental, so it runs on its own here).
      await page.getByRole('button', { name: 'Minimize' }).tap();
      await page.getByRole('button', { name: 'Open chat 1 unread message' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const mismatches = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'rule', values: ['label-content-name-mismatch'] },
        });
        return result.violations;
      });
      expect(mismatches).toEqual([]);

      await setVisibility('visible');
      await waitFor(async () => (await page.title()) === original, 'the title restored');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
