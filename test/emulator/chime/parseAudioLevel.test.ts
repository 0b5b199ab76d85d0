import { describe, expect, it } from 'vitest';
import {
  AUDIO_LEVEL_URI,
  audioLevelExtensionId,
  estimateOpusLevel,
  packetAudioLevel,
  parseAudioLevel,
} from '../../../src/emulator/chime/parseAudioLevel';

const sdp = (...lines: string[]): string =>
  `${['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', ...lines].join('\r\n')}\r\n`;

const packet = (payloadBytes: number, extensions: { id: number; payload: number[] }[] = []) => ({
  header: {
    extensions: extensions.map(({ id, payload }) => ({ id, payload: Uint8Array.from(payload) })),
  },
  payload: new Uint8Array(payloadBytes),
});

describe('parseAudioLevel', () => {
  it('reads the V bit and the 7-bit level in -dBov (RFC 6464)', () => {
    expect(parseAudioLevel(0x80 | 30)).toEqual({ voice: true, level: 30 });
    expect(parseAudioLevel(30)).toEqual({ voice: false, level: 30 });
    expect(parseAudioLevel(0x00)).toEqual({ voice: false, level: 0 });
    // Chromium marks its silence with the V bit set: 0xff is still -127 dBov.
    expect(parseAudioLevel(0xff)).toEqual({ voice: true, level: 127 });
  });
});

describe('audioLevelExtensionId', () => {
  it('finds the id on the audio line only, with or without a direction', () => {
    const answer = sdp(
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=mid:0',
      'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
      `a=extmap:1/sendrecv ${AUDIO_LEVEL_URI}`,
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      `a=extmap:7 ${AUDIO_LEVEL_URI}`,
    );
    expect(audioLevelExtensionId(answer)).toBe(1);
  });

  it('is undefined when the answer does not carry it', () => {
    const answer = sdp(
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      `a=extmap:7 ${AUDIO_LEVEL_URI}`,
    );
    expect(audioLevelExtensionId(answer)).toBeUndefined();
  });
});

describe('packetAudioLevel', () => {
  it('reads the level from the negotiated extension id', () => {
    const withLevel = packet(80, [
      { id: 4, payload: [0x30] },
      { id: 1, payload: [0x80 | 13] },
    ]);
    expect(packetAudioLevel(withLevel, 1)).toBe(13);
    expect(packetAudioLevel(packet(80, [{ id: 1, payload: [0xff] }]), 1)).toBe(127);
  });

  it('falls back to the Opus size when the extension is not negotiated or missing', () => {
    const loudButUnlabelled = packet(3, [{ id: 1, payload: [0x80 | 13] }]);
    expect(packetAudioLevel(loudButUnlabelled, undefined)).toBe(127);
    expect(packetAudioLevel(packet(120), 1)).toBe(estimateOpusLevel(120));
  });
});

describe('estimateOpusLevel', () => {
  it('takes DTX packets for silence and larger packets for louder sound', () => {
    expect(estimateOpusLevel(1)).toBe(127);
    expect(estimateOpusLevel(10)).toBe(127);
    expect(estimateOpusLevel(40)).toBe(44);
    expect(estimateOpusLevel(120)).toBe(24);
    expect(estimateOpusLevel(400)).toBe(14);
    expect(estimateOpusLevel(160)).toBeLessThan(estimateOpusLevel(80));
  });
});
