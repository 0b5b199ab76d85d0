import {
  DefaultAudioVideoController,
  DefaultVolumeIndicatorAdapter,
  NoOpLogger,
  type RealtimeController,
} from 'amazon-chime-sdk-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type SignalingProtocol,
  loadSignalingProtocol,
} from '../../../src/emulator/chime/signalingCodec';
import {
  SILENCE_AFTER_MS,
  SILENT_VOLUME,
  VolumeMeter,
  chimeVolume,
} from '../../../src/emulator/chime/volumeMeter';

/** The SDK's dB range for volumes (private statics of DefaultAudioVideoController). */
const { MIN_VOLUME_DECIBELS, MAX_VOLUME_DECIBELS } = DefaultAudioVideoController as unknown as {
  MIN_VOLUME_DECIBELS: number;
  MAX_VOLUME_DECIBELS: number;
};
let proto: SignalingProtocol;
beforeAll(async () => {
  proto = await loadSignalingProtocol();
});

/**
 * What the real SDK makes of an AUDIO_METADATA `volume`: the adapter DefaultAudioVideoController
 * builds, with its dB range, fed one frame through the wire encoding (the adapter tells a field
 * sent from one left out); returns the normalized volume it reports (0..1).
 */
function sdkShows(volume: number): number | null {
  let shown: number | null = null;
  const controller = {
    realtimeSetAttendeeIdPresence: () => {},
    realtimeUpdateVolumeIndicator: (_id: string, value: number | null) => {
      shown = value;
    },
  } as unknown as RealtimeController;
  const adapter = new DefaultVolumeIndicatorAdapter(
    new NoOpLogger(),
    controller,
    MIN_VOLUME_DECIBELS,
    MAX_VOLUME_DECIBELS,
    'self',
  );
  const { SdkAudioStreamIdInfoFrame: Info, SdkAudioMetadataFrame: Metadata } = proto;
  const info = Info.decode(
    Info.encode({ streams: [{ audioStreamId: 1, attendeeId: 'ana' }] }).finish(),
  );
  const metadata = Metadata.decode(
    Metadata.encode({ attendeeStates: [{ audioStreamId: 1, volume }] }).finish(),
  );
  adapter.sendRealtimeUpdatesForAudioStreamIdInfo(info);
  adapter.sendRealtimeUpdatesForAudioMetadata(metadata);
  return shown;
}

describe('chimeVolume', () => {
  it('shows a loud talker as 1, silence as 0 and levels between in proportion', () => {
    expect(sdkShows(chimeVolume(0))).toBe(1);
    expect(sdkShows(chimeVolume(13))).toBe(1);
    expect(sdkShows(chimeVolume(28))).toBeCloseTo(0.5);
    expect(sdkShows(chimeVolume(42))).toBe(0);
    expect(sdkShows(chimeVolume(127))).toBe(0);
  });

  it('clamps to the range the SDK shows, so invisible changes compare equal', () => {
    expect(chimeVolume(3)).toBe(chimeVolume(10));
    expect(chimeVolume(60)).toBe(chimeVolume(127));
    expect(chimeVolume(127)).toBe(SILENT_VOLUME);
  });
});

describe('VolumeMeter', () => {
  it("reports each window's loudest packet once it settles", () => {
    const meter = new VolumeMeter();
    expect(meter.volumeOf('ana', false, 0)).toBe(SILENT_VOLUME);
    meter.heard('ana', 127, 0);
    meter.heard('ana', 20, 20);
    meter.heard('ana', 90, 40);
    // Not settled yet: the window is still open.
    expect(meter.volumeOf('ana', false, 40)).toBe(SILENT_VOLUME);
    meter.settle();
    expect(meter.volumeOf('ana', false, 200)).toBe(20);
    meter.heard('ana', 127, 220);
    meter.settle();
    expect(meter.volumeOf('ana', false, 400)).toBe(SILENT_VOLUME);
  });

  it('holds the volume through a gap in packets, then goes silent after the timeout', () => {
    const meter = new VolumeMeter();
    meter.heard('ana', 20, 1000);
    meter.settle();
    meter.settle();
    expect(meter.volumeOf('ana', false, 1000 + SILENCE_AFTER_MS)).toBe(20);
    expect(meter.volumeOf('ana', false, 1000 + SILENCE_AFTER_MS + 1)).toBe(SILENT_VOLUME);
  });

  it('keeps a muted attendee silent and forgets one that left', () => {
    const meter = new VolumeMeter();
    meter.heard('ana', 20, 0);
    meter.heard('sam', 25, 0);
    meter.settle();
    expect(meter.volumeOf('ana', true, 0)).toBe(SILENT_VOLUME);
    expect(meter.volumeOf('sam', false, 0)).toBe(25);
    meter.forget('sam');
    expect(meter.volumeOf('sam', false, 0)).toBe(SILENT_VOLUME);
  });
});
