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
  let state = initial;
  const listeners = new Set<() => void>();
  const statusListeners = new Set<(event: MeetingStatusEvent) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => state,
    update(change) {
      const next = change(state);
      if (next === state) {
        return;
      }
      state = next;
      for (const listener of [...listeners]) {
        listener();
      }
    },
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
      listeners.clear();
      statusListeners.clear();
    },
  };
}
