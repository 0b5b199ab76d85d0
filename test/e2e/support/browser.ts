import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, MEDIA_FLAGS, chromiumPath } from '../../../scripts/chromium.mjs';

export { chromiumPath };

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
    args: [...CHROMIUM_FLAGS, ...(options.media ? MEDIA_FLAGS : [])],
  });
}
