import { useCallback } from 'react';
import type {
  MediaDeviceKindName,
  MediaDeviceOption,
  MeetingMediaState,
} from '../adapter/MeetingAdapter';
import { useVideoSession } from '../provider/VideoSessionContext';
import { useMeetingMedia } from './useMeetingMedia';

/**
 * What {@link useMediaDevices} returns.
 *
 * @example
 * ```ts
 * const { videoInputs, selected, select } = useMediaDevices();
 * const next = videoInputs.find((camera) => camera.deviceId !== selected.videoinput);
 * if (next) await select('videoinput', next.deviceId);
 * ```
 */
export interface UseMediaDevicesResult {
  audioInputs: readonly MediaDeviceOption[];
  videoInputs: readonly MediaDeviceOption[];
  audioOutputs: readonly MediaDeviceOption[];
  selected: MeetingMediaState['selected'];
  /** Uses a device (live in a call) and remembers the choice in `localStorage`. */
  select: (kind: MediaDeviceKindName, deviceId: string) => Promise<void>;
  /** Lists the devices again (they also refresh on `devicechange`). */
  refresh: () => Promise<void>;
}

const selectDevices = (media: MeetingMediaState) => media.devices;
const selectSelected = (media: MeetingMediaState) => media.selected;

/**
 * The cameras, microphones and speakers, the ones in use, and a way to switch. Lists follow
 * hot-plugging; when the device in use disappears, the provider falls back to the remembered
 * choice or the first one.
 *
 * @example
 * ```tsx
 * const { videoInputs, selected, select } = useMediaDevices();
 * <select value={selected.videoinput} onChange={(e) => void select('videoinput', e.target.value)}>
 *   {videoInputs.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label}</option>)}
 * </select>;
 * ```
 */
export function useMediaDevices(): UseMediaDevicesResult {
  const session = useVideoSession();
  const devices = useMeetingMedia(selectDevices);
  const selected = useMeetingMedia(selectSelected);
  const select = useCallback(
    (kind: MediaDeviceKindName, deviceId: string) => session.selectDevice(kind, deviceId),
    [session],
  );
  const refresh = useCallback(() => session.adapter.refreshDevices(), [session]);
  return {
    audioInputs: devices.audioinput,
    videoInputs: devices.videoinput,
    audioOutputs: devices.audiooutput,
    selected,
    select,
    refresh,
  };
}
