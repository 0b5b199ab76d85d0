import type { MediaDeviceKindName, MediaDeviceOption } from '../adapter/MeetingAdapter';

/**
 * Where the customer's device choice is kept between visits (a `localStorage`-like object).
 *
 * @example
 * ```ts
 * const session = createVideoSession({ adapter, storage: window.sessionStorage });
 * ```
 */
export interface DeviceChoiceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The device ids the customer picked, by kind.
 *
 * @example
 * ```ts
 * const choice = readDeviceChoice(localStorage);
 * const camera = pickDevice(adapter.getSnapshot().devices.videoinput, [choice.videoinput]);
 * ```
 */
export type DeviceChoice = Partial<Record<MediaDeviceKindName, string>>;

/**
 * The `localStorage` key of the persisted device choice.
 *
 * @example
 * ```ts
 * localStorage.removeItem(DEVICE_CHOICE_KEY);
 * ```
 */
export const DEVICE_CHOICE_KEY = 'contact-kit:video-devices';

/**
 * The page's `localStorage`, or `undefined` on the server or when the browser refuses it
 * (private modes, sandboxed frames). Read lazily: never at import time.
 *
 * @example
 * ```ts
 * const storage = defaultDeviceChoiceStorage();
 * ```
 */
export function defaultDeviceChoiceStorage(): DeviceChoiceStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : (window.localStorage ?? undefined);
  } catch {
    return undefined;
  }
}

const KINDS: readonly MediaDeviceKindName[] = ['audioinput', 'videoinput', 'audiooutput'];

/**
 * Reads the persisted {@link DeviceChoice}; anything unreadable counts as no choice.
 *
 * @example
 * ```ts
 * readDeviceChoice(localStorage).videoinput; // 'cam-2'
 * ```
 */
export function readDeviceChoice(storage: DeviceChoiceStorage | undefined): DeviceChoice {
  try {
    const raw = storage?.getItem(DEVICE_CHOICE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof parsed !== 'object' || parsed === null) {
      return {};
    }
    const choice: DeviceChoice = {};
    for (const kind of KINDS) {
      const value = (parsed as Record<string, unknown>)[kind];
      if (typeof value === 'string') {
        choice[kind] = value;
      }
    }
    return choice;
  } catch {
    return {};
  }
}

/**
 * Saves one device pick, keeping the other kinds. Storage failures (quota, privacy mode) are
 * ignored: the choice then lasts only this visit.
 *
 * @example
 * ```ts
 * writeDeviceChoice(localStorage, 'videoinput', 'cam-2');
 * ```
 */
export function writeDeviceChoice(
  storage: DeviceChoiceStorage | undefined,
  kind: MediaDeviceKindName,
  deviceId: string,
): void {
  if (!storage) {
    return;
  }
  try {
    storage.setItem(
      DEVICE_CHOICE_KEY,
      JSON.stringify({ ...readDeviceChoice(storage), [kind]: deviceId }),
    );
  } catch {
    // Not persisted; the selection itself still applies.
  }
}

/**
 * Which device of `available` to use: the first of `preferred` that is still connected, else the
 * first device; `undefined` when there is none. Pure: restoring a visit passes
 * `[persisted, current]`, a hot-plug passes `[current, persisted]`.
 *
 * @example
 * ```ts
 * pickDevice([{ deviceId: 'b', label: 'B' }], ['a', 'b']); // 'b' (a was unplugged)
 * ```
 */
export function pickDevice(
  available: readonly MediaDeviceOption[],
  preferred: readonly (string | undefined)[],
): string | undefined {
  for (const id of preferred) {
    if (id !== undefined && available.some((device) => device.deviceId === id)) {
      return id;
    }
  }
  return available[0]?.deviceId;
}
