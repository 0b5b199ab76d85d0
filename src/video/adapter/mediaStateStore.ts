import { createStore } from '../../core/store';
import type { MeetingMediaState, MeetingStatusEvent } from './MeetingAdapter';

/**
 * The media state before any device was listed or any call joined.
 *
 * @example
 * ```ts
 * const store = createMediaStateStore(initialMediaState);
 * ```
 */
export const initialMediaState: MeetingMediaState = {
  localAttendeeId: undefined,
  roster: [],
  tiles: [],
  muted: false,
  videoEnabled: true,
  devices: { audioinput: [], videoinput: [], audiooutput: [] },
  selected: { audioinput: undefined, videoinput: undefined, audiooutput: undefined },
  preview: { status: 'off' },
  audioLevel: 0,
  activeSpeakerId: undefined,
  screenShare: { status: 'off' },
  connectionQuality: 'good',
  voiceProcessing: 'on',
};

/**
 * The store half every {@link MeetingAdapter} shares: a media-state snapshot with listeners, and
 * a status-event fan-out.
 *
 * @example
 * ```ts
 * const store = createMediaStateStore();
 * store.update((state) => ({ ...state, muted: true }));
 * store.emitStatus({ type: 'started' });
 * ```
 */
export interface MediaStateStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): MeetingMediaState;
  /** Replaces the snapshot; listeners run only when the result is a new object. */
  update(change: (state: MeetingMediaState) => MeetingMediaState): void;
  observeStatus(listener: (event: MeetingStatusEvent) => void): () => void;
  emitStatus(event: MeetingStatusEvent): void;
  /** Drops every listener. */
  clear(): void;
}

/**
 * Creates a {@link MediaStateStore}.
 *
 * @example
 * ```ts
 * const store = createMediaStateStore({ ...initialMediaState, videoEnabled: false });
 * ```
 */
export function createMediaStateStore(
  initial: MeetingMediaState = initialMediaState,
): MediaStateStore {
  const store = createStore(initial);
  const statusListeners = new Set<(event: MeetingStatusEvent) => void>();
  const stops = new Set<() => void>();
  return {
    subscribe(listener) {
      const stop = store.subscribe(listener);
      stops.add(stop);
      return () => {
        stops.delete(stop);
        stop();
      };
    },
    getSnapshot: store.getSnapshot,
    update: (change) => store.set(change),
    observeStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    emitStatus(event) {
      for (const listener of [...statusListeners]) {
        listener(event);
      }
    },
    clear() {
      for (const stop of stops) {
        stop();
      }
      stops.clear();
      statusListeners.clear();
    },
  };
}
