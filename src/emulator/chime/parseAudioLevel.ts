import { parseSdp } from './sdp';

/**
 * The client-to-mixer audio level RTP header extension (RFC 6464) that Chromium offers on its
 * microphone line.
 *
 * @example
 * ```ts
 * offer.includes(`a=extmap:1 ${AUDIO_LEVEL_URI}`);
 * ```
 */
export const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';

/**
 * The RFC 6464 level of silence: 127 means -127 dBov (0 is the loudest possible).
 *
 * @example
 * ```ts
 * parseAudioLevel(0x7f).level === SILENT_DBOV; // true
 * ```
 */
export const SILENT_DBOV = 127;

/**
 * One audio level extension element: `voice` is the V bit (the sender's voice activity guess,
 * optional in RFC 6464, Chromium sets it), `level` the loudness in -dBov (0 loudest, 127 silence).
 *
 * @example
 * ```ts
 * const { voice, level } = parseAudioLevel(0x9e); // { voice: true, level: 30 }
 * if (voice) meter.heard(attendeeId, level, clock.now());
 * ```
 */
export interface AudioLevel {
  voice: boolean;
  level: number;
}

/**
 * Parses the one-byte payload of the audio level extension: the V bit, then 7 bits of -dBov.
 *
 * @example
 * ```ts
 * parseAudioLevel(0x9e); // { voice: true, level: 30 }
 * parseAudioLevel(0x7f); // { voice: false, level: 127 }: silence
 * ```
 */
export function parseAudioLevel(byte: number): AudioLevel {
  return { voice: (byte & 0x80) !== 0, level: byte & 0x7f };
}

/**
 * The extension id the answer negotiated for the audio level on its audio line, if any (both
 * ends must list the URI: an answer only echoes ids the offer had).
 *
 * @example
 * ```ts
 * audioLevelExtensionId(answer); // 1 for 'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level'
 * ```
 */
export function audioLevelExtensionId(sdp: string): number | undefined {
  const audio = parseSdp(sdp).sections.find((section) => section.kind === 'audio');
  for (const line of audio?.lines ?? []) {
    // `a=extmap:<id>[/<direction>] <uri> [<attributes>]`
    const match = /^a=extmap:(\d+)(?:\/\w+)? (\S+)/.exec(line);
    if (match?.[2] === AUDIO_LEVEL_URI) {
      return Number(match[1]);
    }
  }
  return undefined;
}

/** Opus packets of at most this many bytes are DTX / comfort noise: the talker is silent. */
const OPUS_DTX_MAX_BYTES = 10;

/**
 * A guess at a microphone's level from the size of one Opus packet, for when the audio level
 * extension was not negotiated: a DTX packet (a few bytes) is silence, and at a fixed bitrate a
 * louder, busier signal tends to take more bytes. It only tells silence from sound reliably; the
 * emulator uses it only as a fallback.
 *
 * @example
 * ```ts
 * estimateOpusLevel(3); // 127: silence
 * estimateOpusLevel(120); // 24: speech
 * ```
 */
export function estimateOpusLevel(payloadBytes: number): number {
  if (payloadBytes <= OPUS_DTX_MAX_BYTES) {
    return SILENT_DBOV;
  }
  // 20 ms at Chromium's 32 kbit/s is about 80 bytes: map 40..160 bytes onto -44..-14 dBov.
  return Math.round(Math.min(Math.max(54 - payloadBytes / 4, 14), 44));
}

/**
 * The level of one received microphone packet: from its audio level extension when `extensionId`
 * was negotiated and the packet carries it, else estimated from the Opus payload size.
 *
 * @example
 * ```ts
 * peer.onAudio = (packet) => meter.heard(attendeeId, packetAudioLevel(packet, 1), clock.now());
 * ```
 */
export function packetAudioLevel(
  packet: {
    header: { extensions: readonly { id: number; payload: Uint8Array }[] };
    payload: Uint8Array;
  },
  extensionId: number | undefined,
): number {
  if (extensionId !== undefined) {
    const extension = packet.header.extensions.find((each) => each.id === extensionId);
    const byte = extension?.payload[0];
    if (byte !== undefined) {
      return parseAudioLevel(byte).level;
    }
  }
  return estimateOpusLevel(packet.payload.length);
}
