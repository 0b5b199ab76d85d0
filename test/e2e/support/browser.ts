import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * The Chromium binary of the end-to-end tier: `CHROMIUM_PATH`, else `/usr/bin/chromium`.
 *
 * @example
 * ```ts
 * const path = chromiumPath();
 * ```
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/**
 * Launches headless Chromium for the tests. Playwright gives every launch a fresh temporary
 * profile (`--user-data-dir`) and removes it on close.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * ```
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
