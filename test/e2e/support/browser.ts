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
 * Options of {@link launchChromium}.
 *
 * @example
 * ```ts
 * const options: LaunchChromiumOptions = { media: true };
 * ```
 */
export interface LaunchChromiumOptions {
  /** Fake camera and microphone, auto-granted, autoplay allowed, WebRTC over loopback. */
  media?: boolean;
}

const MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

/**
 * Launches headless Chromium for the tests. Playwright gives every launch a fresh temporary
 * profile (`--user-data-dir`) and removes it on close.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * const videoBrowser = await launchChromium({ media: true });
 * ```
 */
export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
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
      ...(options.media ? MEDIA_FLAGS : []),
    ],
  });
}
