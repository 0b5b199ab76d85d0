import { MeetingManager } from 'amazon-chime-sdk-component-library-react';
import { ConsoleLogger, LogLevel } from 'amazon-chime-sdk-js';
import { describe, expect, it, vi } from 'vitest';
import {
  classifyMediaError,
  createChimeMeetingAdapter,
  WebRTCConnectionDataError,
} from 'contact-kit/video';

/** A `MediaDevices` stand-in: a device list the test edits and a scripted getUserMedia. */
class FakeMediaDevices extends EventTarget {
  devices: Array<Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label' | 'groupId'>> = [
    { deviceId: 'mic-1', kind: 'audioinput', label: 'Mic', groupId: 'g' },
    { deviceId: 'cam-1', kind: 'videoinput', label: 'Cam', groupId: 'g' },
    { deviceId: '', kind: 'audiooutput', label: '', groupId: 'g' },
  ];
  getUserMedia = vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>();
  async enumerateDevices() {
    return this.devices as MediaDeviceInfo[];
  }
}

const quietLogger = () => new ConsoleLogger('test', LogLevel.OFF);

function fakeStream() {
  const tracks = [
    { kind: 'audio', enabled: true, stop: vi.fn() },
    { kind: 'video', enabled: true, stop: vi.fn() },
  ];
  return {
    tracks,
    stream: {
      getTracks: () => tracks,
      getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
      getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    } as unknown as MediaStream,
  };
}

describe('createChimeMeetingAdapter (without a meeting)', () => {
  it('touches no browser API until asked, and drives the MeetingManager it is given', () => {
    const meetingManager = new MeetingManager(quietLogger());
    const adapter = createChimeMeetingAdapter({ meetingManager, logger: quietLogger() });
    expect(adapter.meetingManager).toBe(meetingManager);
    expect(adapter.getSnapshot().preview).toEqual({ status: 'off' });
  });

  it('lists devices (skipping empty ids) and follows devicechange', async () => {
    const mediaDevices = new FakeMediaDevices();
    const adapter = createChimeMeetingAdapter({
      mediaDevices: mediaDevices as unknown as MediaDevices,
      logger: quietLogger(),
    });
    await adapter.refreshDevices();
    expect(adapter.getSnapshot().devices).toEqual({
      audioinput: [{ deviceId: 'mic-1', label: 'Mic' }],
      videoinput: [{ deviceId: 'cam-1', label: 'Cam' }],
      audiooutput: [],
    });
    const before = adapter.getSnapshot();
    await adapter.refreshDevices();
    expect(adapter.getSnapshot()).toBe(before);

    mediaDevices.devices.push({
      deviceId: 'cam-2',
      kind: 'videoinput',
      label: 'USB',
      groupId: 'h',
    });
    mediaDevices.dispatchEvent(new Event('devicechange'));
    await vi.waitFor(() =>
      expect(adapter.getSnapshot().devices.videoinput.map((d) => d.deviceId)).toEqual([
        'cam-1',
        'cam-2',
      ]),
    );
    adapter.destroy();
  });

  it('opens the preview with the chosen devices and releases it', async () => {
    const mediaDevices = new FakeMediaDevices();
    const { stream, tracks } = fakeStream();
    mediaDevices.getUserMedia.mockResolvedValue(stream);
    const adapter = createChimeMeetingAdapter({
      mediaDevices: mediaDevices as unknown as MediaDevices,
      logger: quietLogger(),
    });
    await adapter.selectDevice('videoinput', 'cam-1');
    const video = document.createElement('video');
    adapter.bindPreviewElement(video);
    await adapter.startPreview();
    expect(mediaDevices.getUserMedia).toHaveBeenCalledWith({
      audio: true,
      video: { deviceId: { exact: 'cam-1' } },
    });
    expect(adapter.getSnapshot().preview).toEqual({ status: 'on', video: true });
    expect(video.srcObject).toBe(stream);
    expect(video.muted).toBe(true);

    adapter.setMuted(true);
    expect(tracks[0]!.enabled).toBe(false);

    adapter.stopPreview();
    expect(adapter.getSnapshot().preview).toEqual({ status: 'off' });
    expect(tracks.every((track) => track.stop.mock.calls.length === 1)).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('reports a refused getUserMedia as preview state the classifier reads', async () => {
    const mediaDevices = new FakeMediaDevices();
    mediaDevices.getUserMedia.mockRejectedValue(
      new DOMException('Permission denied by system', 'NotAllowedError'),
    );
    const adapter = createChimeMeetingAdapter({
      mediaDevices: mediaDevices as unknown as MediaDevices,
      logger: quietLogger(),
    });
    await adapter.startPreview({ video: false });
    expect(mediaDevices.getUserMedia).toHaveBeenCalledWith({ audio: true, video: false });
    const preview = adapter.getSnapshot().preview;
    expect(preview.status).toBe('error');
    expect(preview.status === 'error' && classifyMediaError(preview.error).cause).toBe(
      'system-denied',
    );
  });

  it('rejects bad connection data with the typed error before creating a session', async () => {
    const meetingManager = new MeetingManager(quietLogger());
    const join = vi.spyOn(meetingManager, 'join');
    const adapter = createChimeMeetingAdapter({ meetingManager, logger: quietLogger() });
    await expect(
      adapter.join({ ConnectionData: { Attendee: { AttendeeId: 'a', JoinToken: 't' } } }, {}),
    ).rejects.toBeInstanceOf(WebRTCConnectionDataError);
    expect(join).not.toHaveBeenCalled();
  });
});
