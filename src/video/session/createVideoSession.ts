/**
 * The imperative shell of a web call: it feeds the adapter's status events to the pure meeting
 * machine, runs the machine's join/leave effects against the adapter, keeps device choices
 * (persisted, hot-plug) and releases everything when the last owner detaches.
 */
import type {
  MediaDeviceKindName,
  MeetingAdapter,
  MeetingMediaState,
} from '../adapter/MeetingAdapter';
import { createStore } from '../../core/store';
import { pickDevice, readDeviceChoice, writeDeviceChoice } from '../devices/deviceSelection';
import type { DeviceChoiceStorage } from '../devices/deviceSelection';
import { idleMeetingState, transition } from '../machine/meetingMachine';
import type { MeetingEffect, MeetingEvent, MeetingState } from '../machine/meetingMachine';
import { VideoCallError } from '../machine/VideoCallError';
import type { WebRTCConnectionInput } from '../toMeetingSessionInputs';
import { toVideoCallError } from './toVideoCallError';

/**
 * Options of {@link createVideoSession}.
 *
 * @example
 * ```ts
 * const session = createVideoSession({ adapter: createFakeMeetingAdapter(), storage: undefined });
 * ```
 */
export interface VideoSessionOptions {
  adapter: MeetingAdapter;
  /**
   * Where device choices persist; `undefined` keeps them for this visit only. A function is
   * called when first needed (in the browser), so a server render never reads `localStorage`.
   */
  storage?: DeviceChoiceStorage | (() => DeviceChoiceStorage | undefined) | undefined;
  /** Destroy the adapter on release (the session created it). Defaults to `false`. */
  ownsAdapter?: boolean;
  /** Where background failures (a rejected `leave`) go. Defaults to `console.warn`. */
  onError?: (error: unknown) => void;
}

/**
 * A web call's state and actions, shared by the video hooks through `VideoProvider`.
 *
 * @example
 * ```ts
 * const session = createVideoSession({ adapter });
 * const detach = session.attach();
 * session.setConnection(connectionData);
 * session.join({ videoOff: true });
 * ```
 */
export interface VideoSession {
  readonly adapter: MeetingAdapter;
  subscribe(listener: () => void): () => void;
  getSnapshot(): MeetingState;
  /** Connect's web-call data; a join waits for it. */
  setConnection(input: WebRTCConnectionInput): void;
  /** Getting the data failed (CreateParticipantConnection); a join fails with it. */
  setConnectionError(error: unknown): void;
  /** Joins once: a second call while joining or joined does nothing. */
  join(options?: { videoOff?: boolean }): void;
  leave(): void;
  /** Back to `idle` after `left`, `ended` or `failed` (to show the pre-join screen again). */
  reset(): void;
  /** Uses a device and remembers the choice. */
  selectDevice(kind: MediaDeviceKindName, deviceId: string): Promise<void>;
  /**
   * Starts observing the adapter; the returned function detaches. When the last owner has
   * detached (checked after a microtask, so StrictMode's unmount-remount keeps the call), the
   * session leaves the call, stops the preview and releases the adapter.
   */
  attach(): () => void;
}

type Connection =
  | { status: 'waiting' }
  | { status: 'ready'; data: WebRTCConnectionInput }
  | { status: 'failed'; error: unknown };

const KINDS: readonly MediaDeviceKindName[] = ['audioinput', 'videoinput', 'audiooutput'];

/**
 * Creates a {@link VideoSession} over a {@link MeetingAdapter}.
 *
 * @example
 * ```ts
 * const session = createVideoSession({ adapter: createChimeMeetingAdapter(), ownsAdapter: true });
 * ```
 */
export function createVideoSession(options: VideoSessionOptions): VideoSession {
  const { adapter } = options;
  let storageResolved = false;
  let storageValue: DeviceChoiceStorage | undefined;
  const storage = (): DeviceChoiceStorage | undefined => {
    if (!storageResolved) {
      storageResolved = true;
      storageValue = typeof options.storage === 'function' ? options.storage() : options.storage;
    }
    return storageValue;
  };
  const report = options.onError ?? ((error: unknown) => console.warn('contact-kit/video:', error));
  const store = createStore<MeetingState>(idleMeetingState);
  let connection: Connection = { status: 'waiting' };
  let connectionWaiters: Array<() => void> = [];
  let generation = 0;
  let owners = 0;
  let observing: (() => void) | undefined;
  let lastDevices: MeetingMediaState['devices'] | undefined;

  const setState = (next: MeetingState) => store.set(next);

  const dispatch = (event: MeetingEvent) => {
    const step = transition(store.getSnapshot(), event);
    setState(step.state);
    step.effects.forEach(run);
  };

  const waitForConnection = (): Promise<WebRTCConnectionInput> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (connection.status === 'ready') {
          resolve(connection.data);
          return true;
        }
        if (connection.status === 'failed') {
          reject(
            connection.error instanceof VideoCallError
              ? connection.error
              : new VideoCallError(
                  'CONNECTION_REQUEST_FAILED',
                  'Could not get the web-call connection',
                  { cause: connection.error },
                ),
          );
          return true;
        }
        return false;
      };
      if (!check()) {
        connectionWaiters.push(() => void check());
      }
    });

  const joinMeeting = async (videoOff: boolean, mine: number) => {
    try {
      const data = await waitForConnection();
      if (mine !== generation) {
        return;
      }
      adapter.stopPreview();
      await adapter.join(data, { videoOff });
      if (mine !== generation) {
        return;
      }
      await adapter.start();
    } catch (error) {
      if (mine === generation) {
        dispatch({ type: 'JOIN_FAILED', error: toVideoCallError(error) });
      }
    }
  };

  function run(effect: MeetingEffect) {
    generation += 1;
    if (effect.type === 'join') {
      void joinMeeting(effect.videoOff, generation);
    } else {
      adapter.leave().catch(report);
    }
  }

  const reconcileDevices = (preferPersisted: boolean) => {
    const media = adapter.getSnapshot();
    const persisted = readDeviceChoice(storage());
    for (const kind of KINDS) {
      const current = media.selected[kind];
      const next = pickDevice(
        media.devices[kind],
        preferPersisted ? [persisted[kind], current] : [current, persisted[kind]],
      );
      if (next !== undefined && next !== current) {
        adapter.selectDevice(kind, next).catch(report);
      }
    }
  };

  const observe = () => {
    const unobserveStatus = adapter.observeStatus((event) => {
      if (event.type === 'started') {
        dispatch({ type: 'STARTED' });
      } else if (event.type === 'connecting') {
        dispatch({ type: 'CONNECTING', reconnecting: event.reconnecting });
      } else {
        dispatch({ type: 'STOPPED', statusCode: event.statusCode });
      }
    });
    // Hot-plug: when a device list changes, keep the current device if it is still there.
    lastDevices = adapter.getSnapshot().devices;
    const unsubscribe = adapter.subscribe(() => {
      const devices = adapter.getSnapshot().devices;
      if (devices !== lastDevices) {
        lastDevices = devices;
        reconcileDevices(false);
      }
    });
    adapter
      .refreshDevices()
      .then(() => reconcileDevices(true))
      .catch(report);
    return () => {
      unobserveStatus();
      unsubscribe();
    };
  };

  const release = () => {
    const state = store.getSnapshot();
    if (
      state.status === 'joining' ||
      state.status === 'joined' ||
      state.status === 'reconnecting'
    ) {
      dispatch({ type: 'LEAVE' });
    }
    adapter.stopPreview();
    observing?.();
    observing = undefined;
    if (options.ownsAdapter) {
      adapter.destroy();
    }
  };

  return {
    adapter,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    setConnection(input) {
      connection = { status: 'ready', data: input };
      const waiters = connectionWaiters;
      connectionWaiters = [];
      waiters.forEach((wake) => wake());
    },
    setConnectionError(error) {
      connection = { status: 'failed', error };
      const waiters = connectionWaiters;
      connectionWaiters = [];
      waiters.forEach((wake) => wake());
    },
    join(joinOptions) {
      dispatch({ type: 'JOIN', videoOff: joinOptions?.videoOff === true });
    },
    leave() {
      dispatch({ type: 'LEAVE' });
    },
    reset() {
      dispatch({ type: 'RESET' });
    },
    async selectDevice(kind, deviceId) {
      writeDeviceChoice(storage(), kind, deviceId);
      await adapter.selectDevice(kind, deviceId);
    },
    attach() {
      owners += 1;
      observing ??= observe();
      let detached = false;
      return () => {
        if (detached) {
          return;
        }
        detached = true;
        owners -= 1;
        queueMicrotask(() => {
          if (owners === 0) {
            release();
          }
        });
      };
    },
  };
}
