import { afterAll, beforeAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { MeetingSummary, RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './browser';
import { demoPage, waitFor } from './demoPages';

/** The emulator's view of a web-call contact's meeting (`GET /admin/contacts/{ContactId}`). */
export async function meetingOf(emulatorUrl: string, contactId: string): Promise<MeetingSummary> {
  const response = await fetch(`${emulatorUrl}/admin/contacts/${contactId}`);
  return ((await response.json()) as { Meeting: MeetingSummary }).Meeting;
}

/** Waits until a tile's `<video>` shows frames and its playback clock moves on. */
export async function expectPlaying(tile: Locator): Promise<void> {
  const video = tile.locator('video');
  await waitFor(
    () => video.evaluate((element: HTMLVideoElement) => element.videoWidth > 0),
    'video frames in the tile',
  );
  const before = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await waitFor(
    async () =>
      (await video.evaluate((element: HTMLVideoElement) => element.currentTime)) > before + 0.3,
    'the video to keep playing',
  );
}

/** Camera tiles of other participants (shared screens excluded). */
export const remoteTile = (scope: Page | Locator): Locator =>
  scope.locator('[data-attendee-id]:not([data-local]):not([data-content])');
/** This participant's own camera tile. */
export const localTile = (scope: Page | Locator): Locator =>
  scope.locator('[data-attendee-id][data-local="true"]');
/** A shared screen's tile: its `data-attendee-id` is the content attendee. */
export const contentTile = (scope: Page | Locator, attendeeId: string): Locator =>
  scope.locator(`[data-attendee-id="${attendeeId}#content"]`);

/** The customer on the storefront starts a web call and joins it from the pre-join screen. */
export async function customerJoins(
  page: Page,
  emulatorUrl: string,
  demoUrl: string,
): Promise<Locator> {
  await page.goto(demoPage(demoUrl, emulatorUrl, 'storefront'));
  await page.getByRole('button', { name: 'Start video call' }).click();
  const call = page.getByRole('dialog', { name: 'Video support' });
  await call.getByRole('button', { name: 'Join call' }).click();
  return call;
}

/** The agent console answers the customer's web call and joins it. */
export async function agentJoins(
  page: Page,
  emulatorUrl: string,
  demoUrl: string,
): Promise<Locator> {
  await page.goto(demoPage(demoUrl, emulatorUrl, 'agent'));
  await page.getByRole('button', { name: 'Answer video call from Customer' }).click();
  const call = page.getByRole('region', { name: 'Video call with Customer' });
  await call.getByRole('button', { name: 'Join call' }).click();
  return call;
}

/**
 * A web-call suite's fixtures: one Chromium with fake media for the file, and emulators started
 * on demand (closed after the file).
 */
export function setUpVideoSuite(): {
  browser: () => Browser;
  emulatorWith: (webCallAgent: 'echo' | 'none') => Promise<RunningEmulator>;
} {
  let browser: Browser | undefined;
  const emulators: RunningEmulator[] = [];
  beforeAll(async () => {
    browser = await launchChromium({ media: true });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(emulators.map((emulator) => emulator.close()));
  });
  return {
    browser: () => {
      if (!browser) {
        throw new Error('the browser starts in beforeAll');
      }
      return browser;
    },
    async emulatorWith(webCallAgent) {
      const emulator = await startEmulator({ port: 0, agent: 'none', webCallAgent });
      emulators.push(emulator);
      return emulator;
    },
  };
}

/**
 * Page errors, less one race inside amazon-chime-sdk-js 3.32 that the kit cannot reach:
 * `NScaleVideoUplinkBandwidthPolicy.updateTransceiverController` calls
 * `setEncodingParameters` without awaiting it whenever the meeting's sources change (a screen
 * share joining or leaving), and two overlapping calls make Chromium reject `setParameters`
 * ("getParameters() has never been called on this sender") as an unhandled rejection. The
 * sender's next update succeeds; everything else still fails the test.
 */
export function withoutSdkEncodingRace(errors: readonly string[]): string[] {
  return errors.filter(
    (error) =>
      !(
        error.startsWith('InvalidStateError') &&
        error.includes("Failed to execute 'setParameters' on 'RTCRtpSender'")
      ),
  );
}
