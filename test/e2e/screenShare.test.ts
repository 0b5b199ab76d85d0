import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { adminClient, newPage, waitFor } from './support/demoPages';
import {
  agentJoins,
  contentTile,
  customerJoins,
  expectPlaying,
  meetingOf,
  remoteTile,
  setUpVideoSuite,
  withoutSdkEncodingRace,
} from './support/videoCalls';

/**
 * Screen sharing end to end: the demo storefront's web call and the agent console, both the kit's
 * VideoCall over the real Chime SDK, sharing through Chime content share (a second connection as
 * `<AttendeeId>#content`) relayed by the emulator. Chromium's fake display capture stands in for
 * the screen picker; each page records the streams it captured, so a test can end one the way the
 * browser's own "Stop sharing" bar does (the track ends and fires `ended`).
 */

const { browser: chromium, emulatorWith } = setUpVideoSuite();

declare global {
  interface Window {
    __displayStreams?: MediaStream[];
  }
}

/** Records every stream `getDisplayMedia` returns (before the page's own scripts run). */
async function recordDisplayCapture(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const real = devices.getDisplayMedia.bind(devices);
    window.__displayStreams = [];
    devices.getDisplayMedia = async (constraints) => {
      const stream = await real(constraints);
      window.__displayStreams!.push(stream);
      return stream;
    };
  });
}

/** What the browser's "Stop sharing" bar does: the capture ends and its tracks fire `ended`. */
async function stopFromBrowserBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const stream of window.__displayStreams ?? []) {
      for (const track of stream.getTracks()) {
        if (track.readyState === 'live') {
          track.stop();
          track.dispatchEvent(new Event('ended'));
        }
      }
    }
  });
}

/** The attendee ids of the contact's customer and agent. */
async function attendees(emulatorUrl: string) {
  const admin = adminClient(emulatorUrl);
  const [contact] = await admin.contacts();
  const meeting = await meetingOf(emulatorUrl, contact!.ContactId);
  const idOf = (role: string) =>
    meeting.Attendees.find((attendee) =>
      contact!.Participants.some(
        (p) => p.ParticipantId === attendee.ParticipantId && p.ParticipantRole === role,
      ),
    )?.AttendeeId;
  return { contactId: contact!.ContactId, customer: idOf('CUSTOMER')!, agent: idOf('AGENT') };
}

const waitGone = (tile: Locator, what: string) =>
  waitFor(async () => (await tile.count()) === 0, what);

describe('screen sharing in web calls', () => {
  it('agent and customer share both ways; Stop, and the browser’s own stop, remove the tile on the other side', async () => {
    const emulator = await emulatorWith('none');
    const customerTab = await newPage(chromium());
    const agentTab = await newPage(chromium());
    await recordDisplayCapture(customerTab.page);
    await recordDisplayCapture(agentTab.page);
    const customerCall = await customerJoins(customerTab.page, emulator.url, inject('demoUrl'));
    const agentCall = await agentJoins(agentTab.page, emulator.url, inject('demoUrl'));
    await expectPlaying(remoteTile(customerCall));
    await expectPlaying(remoteTile(agentCall));
    const ids = await attendees(emulator.url);

    // The agent shares: the customer's stage shows the agent's screen, the cameras move aside.
    await agentCall.getByRole('button', { name: 'Share screen' }).click();
    await agentCall.getByText('You are sharing your screen').waitFor();
    const agentScreen = contentTile(customerCall, ids.agent!);
    await expectPlaying(agentScreen);
    expect(await agentScreen.getAttribute('aria-label')).toMatch(/shared screen$/);
    expect(await remoteTile(customerCall).getAttribute('data-size')).toBe('strip');
    expect(await axeViolations(customerTab.page)).toEqual([]);

    // The agent stops with the Stop button: the customer's screen tile goes, the camera returns.
    await agentCall
      .getByTestId('sharing-banner')
      .getByRole('button', { name: 'Stop sharing' })
      .click();
    await waitGone(agentScreen, "the agent's screen to leave the customer's stage");
    expect(await remoteTile(customerCall).getAttribute('data-size')).toBe('large');

    // The customer shares: the agent console plays the customer's screen.
    await customerCall.getByRole('button', { name: 'Share screen' }).click();
    await customerCall.getByText('You are sharing your screen').waitFor();
    const customerScreen = contentTile(agentCall, ids.customer);
    await expectPlaying(customerScreen);
    expect(await axeViolations(agentTab.page)).toEqual([]);

    // The customer ends it from the browser's own bar: the kit notices, the agent's tile goes.
    await stopFromBrowserBar(customerTab.page);
    await customerCall.getByText('You are sharing your screen').waitFor({ state: 'detached' });
    await waitGone(customerScreen, "the customer's screen to leave the agent console");
    await customerCall.getByRole('button', { name: 'Share screen' }).waitFor();

    // And the agent can share again after the customer did.
    await agentCall.getByRole('button', { name: 'Share screen' }).click();
    await expectPlaying(contentTile(customerCall, ids.agent!));
    await stopFromBrowserBar(agentTab.page);
    await waitGone(contentTile(customerCall, ids.agent!), "the agent's second share to end");

    const meeting = await meetingOf(emulator.url, ids.contactId);
    expect(meeting.Attendees.filter((a) => a.AttendeeId.endsWith('#content') && a.Joined)).toEqual(
      [],
    );
    expect(withoutSdkEncodingRace([...customerTab.errors, ...agentTab.errors])).toEqual([]);
    await customerTab.page.context().close();
    await agentTab.page.context().close();
  });

  it('the emulated agent shares a test pattern on request, and stops', async () => {
    const emulator = await emulatorWith('echo');
    const { page, errors } = await newPage(chromium());
    const call = await customerJoins(page, emulator.url, inject('demoUrl'));
    await expectPlaying(remoteTile(call));
    const [contact] = await adminClient(emulator.url).contacts();
    const screenshare = (on: boolean) =>
      fetch(`${emulator.url}/admin/contacts/${contact!.ContactId}/screenshare`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ on }),
      });

    expect((await screenshare(true)).status).toBe(200);
    const screen = call.locator('[data-attendee-id$="#content"]');
    await expectPlaying(screen);
    expect(await screen.getAttribute('aria-label')).toBe("Agent (emulated)'s shared screen");

    expect((await screenshare(false)).status).toBe(200);
    await waitGone(screen, 'the test pattern to stop');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
