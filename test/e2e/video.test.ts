import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { MeetingSummary, RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { adminClient, demoPage, newPage, waitFor } from './support/demoPages';

/**
 * The kit's video half end to end: the demo storefront's "Start video call" (VideoProvider +
 * VideoCall over the real amazon-chime-sdk-js, in React StrictMode) against the emulator's Chime
 * signaling and loopback media, with Chromium's fake camera and microphone.
 */

let browser: Browser;
const emulators: RunningEmulator[] = [];

beforeAll(async () => {
  browser = await launchChromium({ media: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(emulators.map((emulator) => emulator.close()));
});

async function emulatorWith(webCallAgent: 'echo' | 'none'): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, agent: 'none', webCallAgent });
  emulators.push(emulator);
  return emulator;
}

async function meetingOf(emulatorUrl: string, contactId: string): Promise<MeetingSummary> {
  const response = await fetch(`${emulatorUrl}/admin/contacts/${contactId}`);
  return ((await response.json()) as { Meeting: MeetingSummary }).Meeting;
}

/** Waits until a tile's `<video>` shows frames and its playback clock moves on. */
async function expectPlaying(tile: Locator): Promise<void> {
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

const remoteTile = (scope: Page | Locator): Locator =>
  scope.locator('[data-attendee-id]:not([data-local])');
const localTile = (scope: Page | Locator): Locator =>
  scope.locator('[data-attendee-id][data-local="true"]');

/** The customer on the storefront starts a web call and joins it from the pre-join screen. */
async function customerJoins(page: Page, emulatorUrl: string): Promise<Locator> {
  await page.goto(demoPage(inject('demoUrl'), emulatorUrl, 'storefront'));
  await page.getByRole('button', { name: 'Start video call' }).click();
  const call = page.getByRole('dialog', { name: 'Video support' });
  await call.getByRole('button', { name: 'Join call' }).click();
  return call;
}

describe('web calls through the demo storefront', () => {
  it('the customer sees its self view and the agent playing, joins once under StrictMode, and sees the end', async () => {
    const emulator = await emulatorWith('echo');
    const admin = adminClient(emulator.url);
    const { page, errors } = await newPage(browser);
    const call = await customerJoins(page, emulator.url);

    await expectPlaying(localTile(call));
    // The emulated agent's camera plays the customer's own uplink back.
    await expectPlaying(remoteTile(call));
    expect(await remoteTile(call).getAttribute('aria-label')).toContain('Agent (emulated)');

    const [contact] = await admin.contacts();
    const meeting = await meetingOf(emulator.url, contact!.ContactId);
    const customer = meeting.Attendees.find((attendee) =>
      contact!.Participants.some(
        (p) => p.ParticipantId === attendee.ParticipantId && p.ParticipantRole === 'CUSTOMER',
      ),
    );
    // The storefront renders in <StrictMode>: effects ran twice, the meeting was joined once.
    expect(customer).toMatchObject({ Joined: true, Joins: 1 });

    expect(await axeViolations(page)).toEqual([]);

    await admin.fault({ endMeeting: { ContactId: contact!.ContactId } });
    await call.getByText('Call ended').waitFor();
    expect(await call.locator('[data-attendee-id]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('customer and agent console see each other; mute and camera off show on the other side', async () => {
    const emulator = await emulatorWith('none');
    const customerTab = await newPage(browser);
    const agentTab = await newPage(browser);
    const customerCall = await customerJoins(customerTab.page, emulator.url);

    await agentTab.page.goto(demoPage(inject('demoUrl'), emulator.url, 'agent'));
    await agentTab.page.getByRole('button', { name: 'Answer video call from Customer' }).click();
    const agentCall = agentTab.page.getByRole('region', { name: 'Video call with Customer' });
    await agentCall.getByRole('button', { name: 'Join call' }).click();

    await expectPlaying(localTile(agentCall));
    await expectPlaying(remoteTile(customerCall));
    await expectPlaying(remoteTile(agentCall));

    // The customer mutes: the agent's tile of the customer says so.
    await customerCall.getByRole('button', { name: 'Mute' }).click();
    await remoteTile(agentCall).getByText('Muted').waitFor({ state: 'attached' });
    // The agent turns the camera off: the customer's tile of the agent shows the avatar.
    await agentCall.getByRole('button', { name: 'Turn camera off' }).click();
    await waitFor(
      async () => (await remoteTile(customerCall).getAttribute('data-video')) === 'off',
      "the agent's tile to show the camera off",
    );
    // And on again.
    await agentCall.getByRole('button', { name: 'Turn camera on' }).click();
    await expectPlaying(remoteTile(customerCall));

    // The agent ends the contact for everyone: the customer sees the end screen.
    await agentTab.page.getByRole('button', { name: 'End call for everyone' }).click();
    await customerCall.getByText('Call ended').waitFor();
    expect([...customerTab.errors, ...agentTab.errors]).toEqual([]);
    await customerTab.page.context().close();
    await agentTab.page.context().close();
  });
});
