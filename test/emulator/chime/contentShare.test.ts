import { describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { addAgent, call, request, startChat } from '../support';
import {
  SignalingClient,
  type WebCall,
  browserPeer,
  createOffer,
  startWebCall,
  subscribeFrame,
  countingClock,
  setUpChimeSuite,
} from './support';

/**
 * Content share (#19): a second signaling socket per sharer, `<AttendeeId>#content`, as the Chime
 * SDK opens it; AllowedCapabilities.ScreenShare; and the bot agent's test-pattern share.
 */

const suite = setUpChimeSuite();
const { clients, peers, start } = suite;

type Connection = WebCall['ConnectionData'];

async function open(data: Connection, content = false): Promise<SignalingClient> {
  const client = await SignalingClient.open(
    data.Meeting.MediaPlacement.SignalingUrl!,
    `${data.Attendee.JoinToken}${content ? '#content' : ''}`,
  );
  clients.push(client);
  return client;
}

/** Opens and joins; consumes JOIN_ACK and the first INDEX; resolves with the roster too. */
async function joined(data: Connection, content = false) {
  const client = await open(data, content);
  client.join();
  await client.next(client.types.JOIN_ACK);
  await client.next(client.types.INDEX);
  const roster = (await client.next(client.types.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
  return { client, roster };
}

async function agentConnection(base: string, contactId: string): Promise<Connection> {
  const agent = await addAgent(base, contactId, 'AGENT', 'Sam');
  const answer = await call<{ WebRTCConnection: Connection }>(
    base,
    'connection',
    agent.ParticipantToken,
    { Type: ['WEBRTC_CONNECTION'] },
  );
  return answer.body.WebRTCConnection;
}

/** The next INDEX's sources (skipping INDEX frames that do not satisfy `until`). */
async function nextSources(
  client: SignalingClient,
  until: (sources: { attendeeId?: string | null; streamId?: number | null }[]) => boolean,
) {
  for (;;) {
    const sources = (await client.next(client.types.INDEX)).index?.sources ?? [];
    if (until(sources)) {
      return sources;
    }
  }
}

/** The next presence change of `attendeeId` (AUDIO_STREAM_ID_INFO). */
async function nextPresence(client: SignalingClient) {
  return (await client.next(client.types.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
}

const screenshare = (base: string, contactId: string, body: unknown) =>
  request<Record<string, unknown>>(`${base}/admin/contacts/${contactId}/screenshare`, { body });

describe("an attendee's content share (<AttendeeId>#content)", () => {
  it('joins as a content attendee, shows its video to the others, and leaves with its socket', async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    const customerId = webCall.ConnectionData.Attendee.AttendeeId;
    const contentId = `${customerId}#content`;
    const { client: customer } = await joined(webCall.ConnectionData);
    const agentData = await agentConnection(url, webCall.ContactId);
    const { client: agent } = await joined(agentData);
    await nextPresence(customer); // Sam arrived

    const { client: content, roster } = await joined(webCall.ConnectionData, true);
    expect(roster.map((stream) => stream.attendeeId)).toEqual(
      expect.arrayContaining([customerId, agentData.Attendee.AttendeeId, contentId]),
    );
    // The sharer's own main session sees its #content attendee arrive (contentShareDidStart).
    for (const other of [customer, agent]) {
      const [arrived] = await nextPresence(other);
      expect(arrived).toEqual(
        expect.objectContaining({ attendeeId: contentId, externalUserId: 'Ana' }),
      );
      expect(arrived!.audioStreamId).not.toBe(
        roster.find((s) => s.attendeeId === customerId)!.audioStreamId,
      );
    }

    // The share sends video like a camera; the others get it as an INDEX source of #content.
    const peer = browserPeer();
    peers.push(peer);
    peer.addTransceiver('audio', { direction: 'sendrecv' });
    peer.addTransceiver('video', { direction: 'sendonly' });
    content.send(subscribeFrame(content, await createOffer(peer), { camera: true }));
    const ack = (await content.next(content.types.SUBSCRIBE_ACK)).suback!;
    expect(ack.allocations).toHaveLength(1);
    const sources = await nextSources(agent, (list) => list.length > 0);
    // The echo bot mirrors the customer's camera only, never a content share.
    expect(sources).toEqual([
      expect.objectContaining({
        attendeeId: contentId,
        externalUserId: 'Ana',
        streamId: ack.allocations![0]!.streamId,
      }),
    ]);
    const summary = await request<{ Meeting: { Attendees: Record<string, unknown>[] } }>(
      `${url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(summary.body.Meeting.Attendees).toContainEqual(
      expect.objectContaining({
        AttendeeId: contentId,
        ParticipantId: webCall.ParticipantId,
        Joined: true,
        Joins: 1,
      }),
    );

    // Stop sharing (the SDK closes the content socket): source gone, content attendee leaves.
    content.close();
    expect(await nextSources(agent, (list) => list.length === 0)).toEqual([]);
    for (const other of [customer, agent]) {
      const [left] = await nextPresence(other);
      expect(left!.attendeeId ?? '').toBe('');
      expect(left!.audioStreamId).toBe(
        roster.find((s) => s.attendeeId === contentId)!.audioStreamId,
      );
    }
    const after = await request<{ Meeting: { Attendees: Record<string, unknown>[] } }>(
      `${url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(after.body.Meeting.Attendees.map((attendee) => attendee.AttendeeId)).toEqual([
      customerId,
      expect.any(String), // the bot agent
      agentData.Attendee.AttendeeId,
      contentId,
    ]);
    expect(after.body.Meeting.Attendees[3]).toMatchObject({ Joined: false });
  });

  it('removeAttendee of a sharer ends its content share too (AUDIO_STATUS 411)', async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const agentData = await agentConnection(url, webCall.ContactId);
    const { client: agent } = await joined(agentData);
    const { client: content } = await joined(webCall.ConnectionData, true);
    const contentId = `${webCall.ConnectionData.Attendee.AttendeeId}#content`;
    expect((await nextPresence(agent))[0]!.attendeeId).toBe(contentId);
    const removed = await request(`${url}/admin/faults`, {
      body: { removeAttendee: { ParticipantId: webCall.ParticipantId } },
    });
    expect(removed.status).toBe(200);
    expect((await content.next(content.types.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(411);
    expect(await content.closed()).toBe(1000);
    const [left] = await nextPresence(agent);
    expect(left!.attendeeId ?? '').toBe('');
  });

  it('refuses #content of an unknown token, of the bot, and of a removed attendee', async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const signalingUrl = webCall.ConnectionData.Meeting.MediaPlacement.SignalingUrl!;
    await expect(SignalingClient.open(signalingUrl, 'forged#content')).rejects.toThrow(/403/);
    await expect(SignalingClient.open(signalingUrl, '#content')).rejects.toThrow(/403/);
    const removed = await request(`${url}/admin/faults`, {
      body: { removeAttendee: { AttendeeId: webCall.ConnectionData.Attendee.AttendeeId } },
    });
    expect(removed.status).toBe(200);
    await expect(open(webCall.ConnectionData, true)).rejects.toThrow(/403/);
  });
});

describe('AllowedCapabilities.ScreenShare', () => {
  it('says MaxResolution None and refuses the #content socket for a side without it', async () => {
    const { url } = await start();
    const answer = await request<WebCall>(`${url}/admin/webrtc`, {
      body: {
        ParticipantDetails: { DisplayName: 'Ana' },
        AllowedCapabilities: {
          Customer: { Video: 'SEND' },
          Agent: { Video: 'SEND', ScreenShare: 'SEND' },
        },
      },
    });
    expect(answer.status).toBe(200);
    const customerData = answer.body.ConnectionData;
    expect(customerData.Meeting.MeetingFeatures).toEqual({
      Audio: { EchoReduction: 'UNAVAILABLE' },
      Content: { MaxResolution: 'None' },
    });
    await expect(open(customerData, true)).rejects.toThrow(/403/);
    // The customer's own socket is fine; only the share is refused.
    await joined(customerData);

    const agentData = await agentConnection(url, answer.body.ContactId);
    expect(agentData.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'FHD' } }),
    );
    await joined(agentData, true);
  });

  it('allows every side to share without AllowedCapabilities, and refuses agents lacking it', async () => {
    const { url } = await start();
    const open = await startWebCall(url);
    expect(open.ConnectionData.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'FHD' } }),
    );
    const agentData = await agentConnection(url, open.ContactId);
    expect(agentData.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'FHD' } }),
    );
    const strict = await request<WebCall>(`${url}/admin/webrtc`, {
      body: {
        ParticipantDetails: { DisplayName: 'Bea' },
        AllowedCapabilities: { Customer: { ScreenShare: 'SEND' } },
      },
    });
    expect(strict.body.ConnectionData.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'FHD' } }),
    );
    const strictAgent = await agentConnection(url, strict.body.ContactId);
    expect(strictAgent.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'None' } }),
    );
    await expect(
      SignalingClient.open(
        strictAgent.Meeting.MediaPlacement.SignalingUrl!,
        `${strictAgent.Attendee.JoinToken}#content`,
      ),
    ).rejects.toThrow(/403/);
  });
});

describe('POST /admin/contacts/{ContactId}/screenshare', () => {
  it("shares the bot agent's test pattern as <BotAttendeeId>#content, then stops", async () => {
    const clock = countingClock();
    const { url } = await start({ webCallAgent: 'echo', clock });
    const webCall = await startWebCall(url);
    const { client: customer, roster } = await joined(webCall.ConnectionData);
    const bot = roster.find((stream) => stream.externalUserId === 'Agent (emulated)')!;
    const contentId = `${bot.attendeeId}#content`;

    const on = await screenshare(url, webCall.ContactId, { on: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({
      ContactId: webCall.ContactId,
      ContentAttendeeId: contentId,
      Sharing: true,
    });
    expect((await nextPresence(customer))[0]).toEqual(
      expect.objectContaining({ attendeeId: contentId, externalUserId: 'Agent (emulated)' }),
    );
    const [source] = await nextSources(customer, (list) => list.length > 0);
    expect(source).toEqual(expect.objectContaining({ attendeeId: contentId }));
    // Idempotent: a second "on" changes nothing.
    expect((await screenshare(url, webCall.ContactId, { on: true })).body.Sharing).toBe(true);

    // Subscribing to it brings VP8 RTP: the pattern plays.
    const peer = browserPeer();
    peers.push(peer);
    const received: RtpPacket[] = [];
    peer.ontrack = ({ track }) => {
      track.onReceiveRtp.subscribe((packet) => received.push(packet));
    };
    peer.addTransceiver('audio', { direction: 'sendrecv' });
    peer.addTransceiver('video', { direction: 'inactive' });
    peer.addTransceiver('video', { direction: 'recvonly' });
    customer.send(
      subscribeFrame(customer, await createOffer(peer), {
        camera: false,
        receiveStreamIds: [0, source!.streamId!],
      }),
    );
    const ack = (await customer.next(customer.types.SUBSCRIBE_ACK)).suback!;
    expect(ack.tracks).toEqual([expect.objectContaining({ streamId: source!.streamId })]);
    await peer.setRemoteDescription({ type: 'answer', sdp: ack.sdpAnswer! });
    await expect
      .poll(() => received.filter((packet) => packet.header.marker).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    // Each frame starts with an S bit (PID 0) and is a VP8 keyframe.
    const starts = received.filter((packet) => (packet.payload[0]! & 0x17) === 0x10);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((packet) => (packet.payload[1]! & 1) === 0)).toBe(true);

    const off = await screenshare(url, webCall.ContactId, { on: false });
    expect(off.body).toEqual({
      ContactId: webCall.ContactId,
      ContentAttendeeId: contentId,
      Sharing: false,
    });
    expect(await nextSources(customer, (list) => list.length === 0)).toEqual([]);
    const [left] = await nextPresence(customer);
    expect(left!.attendeeId ?? '').toBe('');
    expect(left!.audioStreamId).toBeGreaterThan(0);
    const count = received.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(received.length).toBe(count);

    // On again, then the emulator closes: no pattern timer is left behind.
    expect((await screenshare(url, webCall.ContactId, { on: true })).status).toBe(200);
    await suite.closeEmulator();
    expect(clock.pending()).toBe(0);
  });

  it('stops the share when the meeting ends', async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    const agentData = await agentConnection(url, webCall.ContactId);
    const { client: agent } = await joined(agentData);
    expect((await screenshare(url, webCall.ContactId, { on: true })).status).toBe(200);
    await nextSources(agent, (list) => list.length > 0);
    await request(`${url}/admin/contacts/${webCall.ContactId}/stop`, { body: {} });
    expect(await agent.closed()).toBe(4410);
    const contact = await request<{ Meeting: { Attendees: Record<string, unknown>[] } }>(
      `${url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(
      contact.body.Meeting.Attendees.find((attendee) =>
        String(attendee.AttendeeId).endsWith('#content'),
      ),
    ).toMatchObject({ Joined: false });
    const again = await screenshare(url, webCall.ContactId, { on: true });
    expect(again.status).toBe(409);
    expect(again.headers.get('x-amzn-errortype')).toBe('ConflictException');
  });

  it('answers 404, 400 and 409 like the other admin routes', async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    // Stopping a share that never started is fine and leaves no content attendee behind.
    const idle = await screenshare(url, webCall.ContactId, { on: false });
    expect(idle.status).toBe(200);
    expect(idle.body).toEqual(expect.objectContaining({ Sharing: false }));
    expect(String(idle.body.ContentAttendeeId)).toMatch(/#content$/);
    const summary = await request<{ Meeting: { Attendees: unknown[] } }>(
      `${url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(summary.body.Meeting.Attendees).toHaveLength(2);
    const missing = await screenshare(url, 'nope', { on: true });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    for (const body of [{}, { on: 'yes' }, { on: 1 }, { on: true, extra: 1 }, { On: true }]) {
      const answer = await screenshare(url, webCall.ContactId, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    }
    const chat = await startChat(url);
    const notWebCall = await screenshare(url, chat.ContactId, { on: true });
    expect(notWebCall.status).toBe(400);
    expect(String(notWebCall.body.message)).toMatch(/not a web call/);

    const strict = await request<WebCall>(`${url}/admin/webrtc`, {
      body: {
        ParticipantDetails: { DisplayName: 'Bea' },
        AllowedCapabilities: { Agent: { Video: 'SEND' } },
      },
    });
    const refused = await screenshare(url, strict.body.ContactId, { on: true });
    expect(refused.status).toBe(409);
    expect(String(refused.body.message)).toMatch(/Agent\.ScreenShare/);

    await request(`${url}/admin/contacts/${webCall.ContactId}/stop`, { body: {} });
    const ended = await screenshare(url, webCall.ContactId, { on: false });
    expect(ended.status).toBe(409);
    expect(String(ended.body.message)).toMatch(/ended/);
  });

  it("removeAttendee of the bot's content attendee stops the share for good", async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    const { client: customer } = await joined(webCall.ConnectionData);
    const on = await screenshare(url, webCall.ContactId, { on: true });
    await nextSources(customer, (list) => list.length > 0);
    const removed = await request(`${url}/admin/faults`, {
      body: { removeAttendee: { AttendeeId: on.body.ContentAttendeeId } },
    });
    expect(removed.status).toBe(200);
    expect(await nextSources(customer, (list) => list.length === 0)).toEqual([]);
    const again = await screenshare(url, webCall.ContactId, { on: true });
    expect(again.status).toBe(409);
    expect(String(again.body.message)).toMatch(/removed/);
  });

  it('answers 409 when the emulator runs no bot agent', async () => {
    const { url } = await start({ webCallAgent: 'none' });
    const webCall = await startWebCall(url);
    const answer = await screenshare(url, webCall.ContactId, { on: true });
    expect(answer.status).toBe(409);
    expect(String(answer.body.message)).toMatch(/no bot agent/);
  });
});
