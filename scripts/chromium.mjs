// The one place that says how this project runs Chromium: which binary, and with which flags.
// Used by the e2e harness (test/e2e/support/browser.ts), the benchmarks and the story screenshots.
import { existsSync } from 'node:fs';

/** Headless, sandbox-free (root in containers), and quiet: no network of its own. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Fake camera and microphone, auto-granted, autoplay allowed, WebRTC over loopback. */
export const MEDIA_FLAGS = Object.freeze([
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
]);

/** The Chromium binary: `CHROMIUM_PATH`, else `/usr/bin/chromium`; throws with a fix if missing. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}
