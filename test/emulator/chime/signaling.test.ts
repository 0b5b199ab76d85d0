import { describe, expect, it } from 'vitest';
import type { RTCPeerConnection } from 'werift';
import { parseSdp } from '../../../src/emulator/chime/sdp';
import { type FakeClock, addAgent, call, createFakeClock, request } from '../support';
import {
  SignalingClient,
  type WebCall,
  browserPeer,
  createOffer,
  startWebCall,
  subscribeFrame,
  setUpChimeSuite,
} from './support';

const suite = setUpChimeSuite();
const { clients, peers, start } = suite;

async function open(data: WebCall['ConnectionData']): Promise<SignalingClient> {
  const client = await SignalingClient.open(
    data.Meeting.MediaPlacement.SignalingUrl!,
    data.Attendee.JoinToken,
  );
  clients.push(client);
  return client;
}

/** Opens and joins; consumes JOIN_ACK, the first INDEX and the roster. */
async function joined(data: WebCall['ConnectionData']): Promise<SignalingClient> {
  const client = await open(data);
  client.join();
  await client.next(client.types.JOIN_ACK);
  await client.next(client.types.INDEX);
  await client.next(client.types.AUDIO_STREAM_ID_INFO);
  return client;
}

function newPeer(): RTCPeerConnection {
  const peer = browserPeer();
  peers.push(peer);
  return peer;
}

/** Subscribes with the microphone and the camera on; resolves with the SUBSCRIBE_ACK. */
async function cameraOn(client: SignalingClient, peer: RTCPeerConnection) {
  peer.addTransceiver('audio', { direction: 'sendrecv' });
  peer.addTransceiver('video', { direction: 'sendonly' });
  client.send(subscribeFrame(client, await createOffer(peer), { camera: true }));
  const ack = await client.next(client.types.SUBSCRIBE_ACK);
  await peer.setRemoteDescription({ type: 'answer', sdp: ack.suback!.sdpAnswer! });
  return ack;
}

async function agentConnection(
  base: string,
  contactId: string,
): Promise<WebCall['ConnectionData']> {
  const agent = await addAgent(base, contactId, 'AGENT', 'Sam');
  const answer = await call<{ WebRTCConnection: WebCall['ConnectionData'] }>(
    base,
    'connection',
    agent.ParticipantToken,
    { Type: ['WEBRTC_CONNECTION'] },
  );
  return answer.body.WebRTCConnection;
}

const fault = (base: string, body: unknown) => request(`${base}/admin/faults`, { body });

describe('Chime signaling over the emulator websocket', () => {
  it('joins, subscribes with a werift answer, maps the bot stream, pongs and leaves', async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    const client = await open(webCall.ConnectionData);
    expect(client.ws.protocol).toBe('_aws_wt_session');
    const T = client.types;

    client.join();
    const ack = await client.next(T.JOIN_ACK);
    expect(ack.joinack?.wantsCompressedSdp).toBe(false);
    expect(ack.joinack?.turnCredentials?.uris).toEqual([]);
    expect((await client.next(T.INDEX)).index?.sources ?? []).toEqual([]);
    const roster = (await client.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
    expect(roster.map((stream) => stream.externalUserId)).toEqual(['Ana', 'Agent (emulated)']);
    expect(roster[0]!.attendeeId).toBe(webCall.ConnectionData.Attendee.AttendeeId);
    const bot = roster[1]!;
    // The admin view counts the JOIN (the e2e tier uses it to prove StrictMode joins once).
    const view = await request<{ Meeting: { Attendees: { Joined: boolean; Joins: number }[] } }>(
      `${url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(view.body.Meeting.Attendees.map(({ Joined, Joins }) => [Joined, Joins])).toEqual([
      [true, 1],
      [true, 0],
    ]);

    const peer = newPeer();
    const subAck = await cameraOn(client, peer);
    const answer = subAck.suback!.sdpAnswer!;
    expect(parseSdp(answer).sections.map((section) => section.direction)).toEqual([
      'sendrecv',
      'recvonly',
    ]);
    for (const line of answer.split('\r\n').filter((entry) => entry.startsWith('a=candidate:'))) {
      expect(line.split(' ')[4]).toBe('127.0.0.1');
    }
    const allocation = subAck.suback!.allocations![0]!;
    expect(allocation.streamId).toBeGreaterThan(0);

    // The camera went on: the bot agent shows it as its own stream, announced in INDEX.
    const botSource = (await client.next(T.INDEX)).index!.sources![0]!;
    expect(botSource).toEqual(
      expect.objectContaining({ attendeeId: bot.attendeeId, externalUserId: 'Agent (emulated)' }),
    );
    expect(botSource.streamId).not.toBe(allocation.streamId);

    // A receive line for the bot's stream: the ACK maps a per-line msid label to the stream.
    peer.addTransceiver('video', { direction: 'recvonly' });
    const second = await createOffer(peer);
    const mid = parseSdp(second).sections[2]!.mid!;
    client.send(
      subscribeFrame(client, second, { camera: true, receiveStreamIds: [0, botSource.streamId!] }),
    );
    const secondAck = (await client.next(T.SUBSCRIBE_ACK)).suback!;
    expect(secondAck.tracks).toEqual([
      expect.objectContaining({ streamId: botSource.streamId, trackLabel: `v_${mid}` }),
    ]);
    const receiveLine = parseSdp(secondAck.sdpAnswer!).sections[2]!;
    expect(receiveLine.direction).toBe('sendonly');
    expect(receiveLine.lines).toContain(`a=msid:v_${mid} v_${mid}`);
    await peer.setRemoteDescription({ type: 'answer', sdp: secondAck.sdpAnswer! });

    // Camera off: the bot's mirrored stream goes away too.
    client.send(
      subscribeFrame(client, await createOffer(peer), {
        camera: false,
        receiveStreamIds: [0, botSource.streamId!],
      }),
    );
    expect((await client.next(T.SUBSCRIBE_ACK)).suback!.allocations).toEqual([]);
    expect((await client.next(T.INDEX)).index!.sources ?? []).toEqual([]);

    client.send({ type: T.PING_PONG, pingPong: { type: 1, pingId: 7 } });
    expect((await client.next(T.PING_PONG)).pingPong).toEqual(
      expect.objectContaining({ type: 2, pingId: 7 }),
    );
    client.send({ type: T.LEAVE, leave: {} });
    await client.next(T.LEAVE_ACK);
  });

  it('refuses a join token it did not issue, and one for another meeting', async () => {
    const { url } = await start();
    const first = await startWebCall(url);
    const second = await startWebCall(url);
    const signalingUrl = first.ConnectionData.Meeting.MediaPlacement.SignalingUrl!;
    await expect(SignalingClient.open(signalingUrl, 'forged')).rejects.toThrow(/403/);
    await expect(
      SignalingClient.open(signalingUrl, second.ConnectionData.Attendee.JoinToken),
    ).rejects.toThrow(/403/);
  });

  it("shows each attendee the other's camera and roster entry, and relays mute", async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const customer = await joined(webCall.ConnectionData);
    const agentData = await agentConnection(url, webCall.ContactId);
    const agent = await open(agentData);
    const T = agent.types;
    agent.join();
    await agent.next(T.JOIN_ACK);
    const agentRoster = (await agent.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
    expect(agentRoster.map((stream) => stream.externalUserId)).toEqual(['Ana', 'Sam']);
    const arrived = (await customer.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
    expect(arrived).toEqual([
      expect.objectContaining({ attendeeId: agentData.Attendee.AttendeeId, externalUserId: 'Sam' }),
    ]);

    await cameraOn(customer, newPeer());
    const index = await agent.next(T.INDEX, 5000);
    const seen = await (async () => {
      // The agent's first INDEX (at JOIN) was empty; the next one carries the customer's camera.
      const sources = index.index?.sources ?? [];
      return sources.length > 0 ? sources : ((await agent.next(T.INDEX)).index?.sources ?? []);
    })();
    expect(seen).toEqual([
      expect.objectContaining({
        attendeeId: webCall.ConnectionData.Attendee.AttendeeId,
        externalUserId: 'Ana',
      }),
    ]);

    customer.send({ type: T.AUDIO_CONTROL, audioControl: { muted: true } });
    for (const attendee of [agent, customer]) {
      const muted = (await attendee.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams![0]!;
      expect(muted.muted).toBe(true);
      expect(muted.audioStreamId).toBe(agentRoster[0]!.audioStreamId);
    }

    agent.send({ type: T.LEAVE, leave: {} });
    await agent.next(T.LEAVE_ACK);
    agent.close();
    const left = (await customer.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams![0]!;
    expect(left.attendeeId ?? '').toBe('');
    expect(left.audioStreamId).toBe(arrived[0]!.audioStreamId);
  });
});

describe('web-call faults', () => {
  let clock: FakeClock;

  it('withholdPongsMs drops PONGs until it expires', async () => {
    clock = createFakeClock();
    const { url } = await start({ clock });
    const client = await joined((await startWebCall(url)).ConnectionData);
    const T = client.types;
    expect((await fault(url, { withholdPongsMs: 30_000 })).status).toBe(200);
    client.send({ type: T.PING_PONG, pingPong: { type: 1, pingId: 1 } });
    // Frames are handled in order: once the mute comes back, the first ping was handled too.
    client.send({ type: T.AUDIO_CONTROL, audioControl: { muted: true } });
    await client.next(T.AUDIO_STREAM_ID_INFO);
    clock.advance(30_000);
    client.send({ type: T.PING_PONG, pingPong: { type: 1, pingId: 2 } });
    // The only PONG is the one for the ping after the window.
    expect((await client.next(T.PING_PONG)).pingPong?.pingId).toBe(2);
    expect(client.frames.filter((frame) => frame.type === T.PING_PONG)).toEqual([]);
    expect((await fault(url, { withholdPongsMs: 0 })).status).toBe(400);
    expect((await fault(url, { withholdPongsMs: 600_001 })).status).toBe(400);
  });

  it('endMeeting sends AUDIO_STATUS 410, closes with 4410 and ends the contact', async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const other = await startWebCall(url, 'Bea');
    const client = await joined(webCall.ConnectionData);
    const bystander = await joined(other.ConnectionData);
    expect((await fault(url, { endMeeting: { ContactId: webCall.ContactId } })).status).toBe(200);
    expect((await client.next(client.types.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(410);
    expect(await client.closed()).toBe(4410);
    const contact = await request<{ Status: string }>(`${url}/admin/contacts/${webCall.ContactId}`);
    expect(contact.body.Status).toBe('ENDED');
    await expect(open(webCall.ConnectionData)).rejects.toThrow(/403/);
    // Another meeting is untouched until the fault targets every meeting.
    expect(bystander.closeCode).toBeUndefined();
    expect((await fault(url, { endMeeting: true })).status).toBe(200);
    expect(await bystander.closed()).toBe(4410);
    expect((await fault(url, { endMeeting: { ContactId: 'nope' } })).status).toBe(400);
  });

  it('StopContact on a web-call contact ends its meeting', async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const client = await joined(webCall.ConnectionData);
    await request(`${url}/admin/contacts/${webCall.ContactId}/stop`, { body: {} });
    expect((await client.next(client.types.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(410);
    expect(await client.closed()).toBe(4410);
  });

  it('removeAttendee sends AUDIO_STATUS 411 and the others see the attendee leave', async () => {
    const { url } = await start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(url);
    const customer = await joined(webCall.ConnectionData);
    const agentData = await agentConnection(url, webCall.ContactId);
    const agent = await joined(agentData);
    await customer.next(customer.types.AUDIO_STREAM_ID_INFO); // the agent arrived
    const removed = await fault(url, {
      removeAttendee: { AttendeeId: agentData.Attendee.AttendeeId },
    });
    expect(removed.status).toBe(200);
    expect((await agent.next(agent.types.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(411);
    expect(await agent.closed()).toBe(1000);
    const left = (await customer.next(customer.types.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!;
    expect(left.streams![0]!.attendeeId ?? '').toBe('');
    await expect(open(agentData)).rejects.toThrow(/403/);
    expect(
      (await fault(url, { removeAttendee: { ParticipantId: webCall.ParticipantId } })).status,
    ).toBe(200);
    expect((await customer.next(customer.types.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(411);
    expect((await fault(url, { removeAttendee: { AttendeeId: 'nope' } })).status).toBe(400);
    expect((await fault(url, { removeAttendee: 'x' })).status).toBe(400);
  });
});

describe('participants leaving a web call', () => {
  it("DisconnectParticipant of an agent removes its attendee; the customer's ends the meeting", async () => {
    const { url } = await start();
    const webCall = await startWebCall(url);
    const customer = await joined(webCall.ConnectionData);
    const sam = await addAgent(url, webCall.ContactId, 'AGENT', 'Sam');
    const connection = await call<{
      WebRTCConnection: WebCall['ConnectionData'];
      ConnectionCredentials: { ConnectionToken: string };
    }>(url, 'connection', sam.ParticipantToken, {
      Type: ['WEBRTC_CONNECTION', 'CONNECTION_CREDENTIALS'],
    });
    const agent = await joined(connection.body.WebRTCConnection);
    const T = agent.types;
    await customer.next(T.AUDIO_STREAM_ID_INFO); // Sam arrived
    const token = connection.body.ConnectionCredentials.ConnectionToken;
    expect((await call(url, 'disconnect', token, {})).status).toBe(200);
    expect((await agent.next(T.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(411);
    const left = (await customer.next(T.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams![0]!;
    expect(left.attendeeId ?? '').toBe('');

    const customerToken = (
      await call<{ ConnectionCredentials: { ConnectionToken: string } }>(
        url,
        'connection',
        webCall.ParticipantToken,
        { Type: ['CONNECTION_CREDENTIALS'] },
      )
    ).body.ConnectionCredentials.ConnectionToken;
    expect((await call(url, 'disconnect', customerToken, {})).status).toBe(200);
    expect((await customer.next(T.AUDIO_STATUS)).audioStatus?.audioStatus).toBe(410);
    expect(await customer.closed()).toBe(4410);
  });
});

describe('closing the emulator', () => {
  it('releases every socket and peer connection', async () => {
    const udpSockets = (): number =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'UDPWrap').length;
    const baseline = udpSockets();
    const { url } = await start({ webCallAgent: 'echo' });
    const client = await joined((await startWebCall(url)).ConnectionData);
    const peer = browserPeer();
    await cameraOn(client, peer);
    expect(udpSockets()).toBeGreaterThan(baseline);
    await suite.closeEmulator();
    expect(await client.closed()).toBe(1006);
    // The emulator's sockets are gone once close() resolves; the stand-in browser's follow.
    expect(udpSockets()).toBe(baseline + 2);
    await peer.close();
    await expect.poll(udpSockets).toBe(baseline);
  });
});
