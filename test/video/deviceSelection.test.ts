import { describe, expect, it } from 'vitest';
import {
  DEVICE_CHOICE_KEY,
  pickDevice,
  readDeviceChoice,
  writeDeviceChoice,
} from 'contact-kit/video';
import { memoryStorage } from '../fakes/memoryStorage';

const devices = [
  { deviceId: 'a', label: 'A' },
  { deviceId: 'b', label: 'B' },
];

describe('pickDevice', () => {
  it('takes the first preferred device still connected, else the first one', () => {
    expect(pickDevice(devices, ['b', 'a'])).toBe('b');
    expect(pickDevice(devices, ['gone', 'a'])).toBe('a');
    expect(pickDevice(devices, ['gone', undefined])).toBe('a');
    expect(pickDevice([], ['a'])).toBeUndefined();
  });
});

describe('persisted device choice', () => {
  it('writes one kind at a time and reads them back', () => {
    const storage = memoryStorage();
    writeDeviceChoice(storage, 'videoinput', 'cam-2');
    writeDeviceChoice(storage, 'audioinput', 'mic-3');
    expect(readDeviceChoice(storage)).toEqual({ videoinput: 'cam-2', audioinput: 'mic-3' });
    expect(JSON.parse(storage.data.get(DEVICE_CHOICE_KEY)!)).toEqual({
      videoinput: 'cam-2',
      audioinput: 'mic-3',
    });
  });

  it('treats missing, corrupt or throwing storage as no choice (SSR, privacy modes)', () => {
    expect(readDeviceChoice(undefined)).toEqual({});
    const corrupt = memoryStorage();
    corrupt.data.set(DEVICE_CHOICE_KEY, '{not json');
    expect(readDeviceChoice(corrupt)).toEqual({});
    corrupt.data.set(DEVICE_CHOICE_KEY, JSON.stringify({ videoinput: 7, audioinput: 'm' }));
    expect(readDeviceChoice(corrupt)).toEqual({ audioinput: 'm' });
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDeviceChoice(throwing)).toEqual({});
    expect(() => writeDeviceChoice(throwing, 'videoinput', 'x')).not.toThrow();
    expect(() => writeDeviceChoice(undefined, 'videoinput', 'x')).not.toThrow();
  });
});
