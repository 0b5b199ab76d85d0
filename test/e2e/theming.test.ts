import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { demoPage, expectEnabled, messageWithText, send } from './support/demoPages';

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

/** A brand's own stylesheet: only `--ck-*` variables, set from outside the kit. */
const brandCss = (selector: string, accent: string) => `
  ${selector} {
    --ck-color-accent: ${accent};
    --ck-color-own-bubble: ${accent};
    --ck-font-family: Georgia, "DejaVu Serif", serif;
    --ck-radius: 4px;
    --ck-radius-pill: 8px;
  }`;

/**
 * The colour of the screenshot's pixel at the centre of `target`: what the customer sees, read
 * back from a real screenshot (decoded by the page's own canvas).
 */
async function pixelAt(page: Page, target: Locator): Promise<[number, number, number]> {
  const box = await target.boundingBox();
  if (!box) {
    throw new Error('not rendered');
  }
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ([data, x, y]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const scale = image.width / window.innerWidth;
      const [r, g, b] = context.getImageData(
        Math.round(x * scale),
        Math.round(y * scale),
        1,
        1,
      ).data;
      return [r!, g!, b!] as [number, number, number];
    },
    [png, box.x + box.width / 2, box.y + box.height * 0.75] as const,
  );
}

const hex = (rgb: readonly number[]) =>
  `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

/**
 * Refreshes the README's screenshot only when asked (`UPDATE_SCREENSHOTS=1`): on every run it
 * rewrote tracked files with pixels that differ by a few bytes, leaving every clone dirty.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const image = await page.screenshot();
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir('docs/screenshots', { recursive: true });
    await writeFile(`docs/screenshots/${name}`, image);
  }
}

describe('host CSS themes the kit through --ck-* variables', () => {
  it('ChatWidget: variables on :root restyle the launcher, the panel and own bubbles', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    try {
      await page.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
      await page.addStyleTag({ content: brandCss(':root', '#be185d') });
      const launcher = page.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      expect(hex(await pixelAt(page, launcher))).toBe('#be185d');
      await launcher.click();
      await page.getByLabel('Your name').fill('Rosa');
      await page.getByRole('button', { name: 'Start chat' }).click();
      await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
      await send(page, 'Does this kettle come in pink?');
      await messageWithText(page, 'Does this kettle come in pink?').first().waitFor();
      const panel = page.locator('[role="dialog"]');
      const style = await panel.evaluate((node) => {
        const computed = getComputedStyle(node);
        return { font: computed.fontFamily, radius: computed.borderTopLeftRadius };
      });
      expect(style.font).toContain('Georgia');
      expect(style.radius).toBe('4px');
      const sendButton = page.getByRole('button', { name: 'Send' });
      expect(await sendButton.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(
        'rgb(190, 24, 93)',
      );
      await shoot(page, 'host-theme-chatwidget.png');
    } finally {
      await page.close();
    }
  });

  it('<contact-widget>: variables on the element reach into its shadow root, before and after the panel loads', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    try {
      await page.goto(
        `${inject('demoUrl')}/widget.html?emulator=${encodeURIComponent(emulator.url)}`,
      );
      await page.addStyleTag({ content: brandCss('contact-widget', '#0f766e') });
      await page.waitForFunction(() => customElements.get('contact-widget') !== undefined);
      const launcher = page.getByRole('button', { name: /Open chat/ });
      await launcher.waitFor();
      expect(hex(await pixelAt(page, launcher))).toBe('#0f766e');
      await launcher.click();
      await page.getByLabel('Your name').fill('Teo');
      const start = page.getByRole('button', { name: 'Start chat' });
      expect(await start.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(
        'rgb(15, 118, 110)',
      );
      await start.click();
      await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
      await send(page, 'Where is my order?');
      await messageWithText(page, 'Where is my order?').first().waitFor();
      const panel = page.getByRole('dialog', { name: /Chat with us|Chatting with/ });
      expect(await panel.evaluate((node) => getComputedStyle(node).fontFamily)).toContain(
        'Georgia',
      );
      // The page's own theme attribute still applies; the variables win only where set.
      await page.evaluate(() =>
        document.querySelector('contact-widget')!.setAttribute('panel-title', 'Teal Kettles help'),
      );
      await page.getByRole('dialog', { name: /Teal Kettles help|Chatting with/ }).waitFor();
      await shoot(page, 'host-theme-contact-widget.png');
    } finally {
      await page.close();
    }
  });
});
