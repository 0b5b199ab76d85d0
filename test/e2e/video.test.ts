import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe';
import { adminClient, newPage, waitFor } from './support/demoPages';
import {
  agentJoins,
  customerJoins,
  expectPlaying,
  localTile,
  meetingOf,
  remoteTile,
  setUpVideoSuite,
} from './support/videoCalls';

/**
 * The kit's video half end to end: the demo storefront's "Start video call" (VideoProvider +
 * VideoCall over the real amazon-chime-sdk-js, in React StrictMode) against the emulator's Chime
 * signaling and loopback media, with Chromium's fake camera and microphone.
 */

const { browser: chromium, emulatorWith } = setUpVideoSuite();

describe('web calls through the demo storefront', () => {
  it('the customer sees its self view and the agent playing, joins once under StrictMode, and sees the end', async () => {
    const emulator = await emulatorWith('echo');
    const admin = adminClient(emulator.url);
    const { page, errors } = await newPage(chromium());
    const call = await customerJoins(page, emulator.url, inject('demoUrl'));

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
    const customerTab = await newPage(chromium());
    const agentTab = await newPage(chromium());
    const customerCall = await customerJoins(customerTab.page, emulator.url, inject('demoUrl'));

    const agentCall = await agentJoins(agentTab.page, emulator.url, inject('demoUrl'));

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
