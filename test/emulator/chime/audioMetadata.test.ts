import { afterEach, describe, expect, it } from 'vitest';
import * as werift from 'werift';
import {
  AUDIO_LEVEL_URI,
  audioLevelExtensionId,
} from '../../../src/emulator/chime/parseAudioLevel';
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
 * AUDIO_METADATA volumes (#19): the emulator reads each attendee's microphone level from the
 * RTP audio level extension (or the Opus packet size without it) and sends the meeting's
 * volumes about every 200 ms, only when they changed.
 */

const suite = setUpChimeSuite();
const { clients, peers } = suite;
const timers: ReturnType<typeof setInterval>[] = [];

afterEach(() => {
  timers.splice(0).forEach(clearInterval);
});

type State = { audioStreamId?: number | null; volume?: number | null; muted?: boolean | null };

async function joined(data: WebCall['ConnectionData']) {
  const client = await SignalingClient.open(
    data.Meeting.MediaPlacement.SignalingUrl!,
    data.Attendee.JoinToken,
  );
  clients.push(client);
  client.join();
  await client.next(client.types.JOIN_ACK);
  await client.next(client.types.INDEX);
  const roster = (await client.next(client.types.AUDIO_STREAM_ID_INFO)).audioStreamIdInfo!.streams!;
  const first = (await client.next(client.types.AUDIO_METADATA)).audioMetadata!.attendeeStates!;
  return { client, roster, first: first as State[] };
}

/** The next AUDIO_METADATA in which `audioStreamId` has this volume. */
async function volumeBecomes(client: SignalingClient, audioStreamId: number, volume: number) {
  for (;;) {
    const states = (await client.next(client.types.AUDIO_METADATA, 5000)).audioMetadata!
      .attendeeStates as State[];
    if (states.find((state) => state.audioStreamId === audioStreamId)?.volume === volume) {
      return states;
    }
  }
}

/**
 * Connects a microphone (werift, offering the audio level extension when `withLevel`) and
 * returns a function that sends 20 ms Opus-sized packets at a level (-dBov) and payload size.
 */
async function microphone(client: SignalingClient, withLevel: boolean) {
  const peer = withLevel
    ? new werift.RTCPeerConnection({
        bundlePolicy: 'max-bundle',
        codecs: { audio: [werift.useOPUS()], video: [werift.useVP8()] },
        headerExtensions: { audio: [werift.useAudioLevelIndication()] },
        iceInterfaceAddresses: { udp4: '127.0.0.1' },
        iceAdditionalHostAddresses: ['127.0.0.1'],
        iceUseIpv6: false,
      })
    : browserPeer();
  peers.push(peer);
  const audio = peer.addTransceiver('audio', { direction: 'sendrecv' });
  peer.addTransceiver('video', { direction: 'inactive' });
  const offer = await createOffer(peer);
  expect(offer.includes(AUDIO_LEVEL_URI)).toBe(withLevel);
  client.send(subscribeFrame(client, offer, { camera: false }));
  const answer = (await client.next(client.types.SUBSCRIBE_ACK)).suback!.sdpAnswer!;
  const id = audioLevelExtensionId(answer);
  expect(id !== undefined).toBe(withLevel);
  await peer.setRemoteDescription({ type: 'answer', sdp: answer });
  await peer.connectionStateChange.watch((state) => state === 'connected', 10_000);
  let sequenceNumber = 0;
  let sending: { level: number; bytes: number } | undefined;
  timers.push(
    setInterval(() => {
      if (!sending) {
        return;
      }
      sequenceNumber += 1;
      const header = new werift.RtpHeader({
        sequenceNumber,
        timestamp: sequenceNumber * 960,
        extensions: id === undefined ? [] : [{ id, payload: Buffer.from([0x80 | sending.level]) }],
      });
      void audio.sender.sendRtp(new werift.RtpPacket(header, Buffer.alloc(sending.bytes, 1)));
    }, 20),
  );
  return (next: { level: number; bytes: number } | undefined) => {
    sending = next;
  };
}

describe('AUDIO_METADATA volumes', () => {
  it("sends the talker's level from the audio level extension, then silence, then stops its timer", async () => {
    const clock = countingClock();
    const emulator = await suite.start({ webCallAgent: 'echo', clock });
    const webCall = await startWebCall(emulator.url);
    const { client, roster, first } = await joined(webCall.ConnectionData);
    const ana = roster.find(
      (stream) => stream.attendeeId === webCall.ConnectionData.Attendee.AttendeeId,
    )!;
    const bot = roster.find((stream) => stream.externalUserId === 'Agent (emulated)')!;
    // At JOIN: everyone present, silent, unmuted, full signal strength.
    expect(first).toEqual(
      expect.arrayContaining([
        { audioStreamId: ana.audioStreamId, volume: 42, muted: false, signalStrength: 2 },
        { audioStreamId: bot.audioStreamId, volume: 42, muted: false, signalStrength: 2 },
      ]),
    );

    const send = await microphone(client, true);
    send({ level: 20, bytes: 3 });
    // The level comes from the extension (a 3-byte packet would be estimated silent).
    const loud = await volumeBecomes(client, ana.audioStreamId!, 20);
    // The bot agent has no microphone: it stays silent, and stays in the frame.
    expect(loud).toContainEqual(
      expect.objectContaining({ audioStreamId: bot.audioStreamId, volume: 42 }),
    );
    // An unchanged level sends nothing more.
    await new Promise((resolve) => setTimeout(resolve, 250));
    client.frames.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(client.frames.filter((frame) => frame.type === client.types.AUDIO_METADATA)).toEqual([]);

    send({ level: 127, bytes: 80 });
    await volumeBecomes(client, ana.audioStreamId!, 42);
    send({ level: 0, bytes: 80 });
    await volumeBecomes(client, ana.audioStreamId!, 14);
    // No packets at all: silent once a second has passed.
    send(undefined);
    const stoppedAt = Date.now();
    await volumeBecomes(client, ana.audioStreamId!, 42);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(900);

    // Muted: silent and muted, whatever the microphone sends.
    send({ level: 0, bytes: 80 });
    await volumeBecomes(client, ana.audioStreamId!, 14);
    client.send({ type: client.types.AUDIO_CONTROL, audioControl: { muted: true } });
    const muted = await volumeBecomes(client, ana.audioStreamId!, 42);
    expect(muted).toContainEqual(
      expect.objectContaining({ audioStreamId: ana.audioStreamId, muted: true }),
    );

    // The last session leaves: no volume (or keyframe) timer is left.
    client.close();
    await expect.poll(() => clock.pending(), { timeout: 5000 }).toBe(0);
  });

  it('estimates the level from Opus packet sizes when the offer lacks the extension', async () => {
    const emulator = await suite.start({ webCallAgent: 'echo' });
    const webCall = await startWebCall(emulator.url);
    const { client, roster } = await joined(webCall.ConnectionData);
    const ana = roster.find(
      (stream) => stream.attendeeId === webCall.ConnectionData.Attendee.AttendeeId,
    )!;
    const send = await microphone(client, false);
    send({ level: 127, bytes: 120 });
    await volumeBecomes(client, ana.audioStreamId!, 24);
    send({ level: 0, bytes: 3 });
    await volumeBecomes(client, ana.audioStreamId!, 42);
  });

  it('leaves no volume timer after close() with a session still open', async () => {
    const clock = countingClock();
    const emulator = await suite.start({ webCallAgent: 'echo', clock });
    await joined((await startWebCall(emulator.url)).ConnectionData);
    expect(clock.pending()).toBeGreaterThan(0);
    await suite.closeEmulator();
    expect(clock.pending()).toBe(0);
  });
});
