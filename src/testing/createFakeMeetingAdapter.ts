/**
 * An in-memory `MeetingAdapter` (from `contact-kit/video`) for tests and stories
 * (`contact-kit/testing`): no SDK, no devices, no network. The test (or story) drives the meeting
 * through the extra methods of {@link FakeMeetingAdapter}.
 */
import { createMediaStateStore, initialMediaState } from '../video/adapter/mediaStateStore';
import type {
  MediaDeviceKindName,
  MediaDeviceOption,
  MeetingAdapter,
  MeetingJoinOptions,
  MeetingMediaState,
  MeetingStatusEvent,
  RosterAttendee,
  ScreenShareUnavailableReason,
  VideoTileInfo,
} from '../video/adapter/MeetingAdapter';
import { CONTENT_SUFFIX, screenShareFailure } from '../video/adapter/contentAttendee';
import { MEETING_STATUS_CODES } from '../video/machine/meetingStatusCodes';
import { toMeetingSessionInputs } from '../video/toMeetingSessionInputs';
import type { WebRTCConnectionInput } from '../video/toMeetingSessionInputs';

/**
 * The agent the fake meeting puts in the call when it starts.
 *
 * @example
 * ```ts
 * const adapter = createFakeMeetingAdapter({ agent: { attendeeId: 'agent-1', name: 'Sam', videoEnabled: true } });
 * ```
 */
export interface FakeAttendee {
  attendeeId: string;
  name?: string;
  videoEnabled?: boolean;
  muted?: boolean;
}

/**
 * Options of {@link createFakeMeetingAdapter}.
 *
 * @example
 * ```ts
 * const adapter = createFakeMeetingAdapter({ startMode: 'manual', agent: null });
 * ```
 */
export interface FakeMeetingAdapterOptions {
  /** Devices it lists. Defaults to one microphone, one camera and one speaker. */
  devices?: Partial<Record<MediaDeviceKindName, MediaDeviceOption[]>>;
  /** `auto` (default) starts as soon as `start` is called; `manual` waits for `completeStart()`. */
  startMode?: 'auto' | 'manual';
  /** Who joins with the customer. Defaults to an agent with video on; `null` for nobody. */
  agent?: FakeAttendee | null;
  /** `join` rejects with it. */
  joinError?: unknown;
  /** `startPreview` fails with it (e.g. a `DOMException` named `NotAllowedError`). */
  previewError?: unknown;
  /** Microphone level the preview reports, 0 to 1. Defaults to 0.4. */
  audioLevel?: number;
  /**
   * Why this customer cannot share a screen in the call (`browser` or `call`); by default it can.
   */
  screenShareUnavailable?: ScreenShareUnavailableReason;
  /**
   * `startScreenShare` fails with it, as `getDisplayMedia` would (a `DOMException` named
   * `NotAllowedError` is the customer closing the picker).
   */
  screenShareError?: unknown;
  /** Media state to begin with (merged over the defaults). */
  initialState?: Partial<MeetingMediaState>;
  /**
   * Gives `<video>` elements something to play: called with each element bound (preview and
   * tiles). Stories pass `paintTestCard`; tests usually leave it out.
   */
  attachMedia?: (
    element: HTMLVideoElement,
    source: { tileId?: number; attendeeId?: string },
  ) => void;
}

/**
 * A `MeetingAdapter` whose meeting the caller drives, with a record of what the kit asked.
 *
 * @example
 * ```ts
 * const fake = createFakeMeetingAdapter();
 * fake.setRemoteVideo('agent-1', false);
 * fake.endMeeting();
 * expect(fake.calls.join).toBe(1);
 * ```
 */
export interface FakeMeetingAdapter extends MeetingAdapter {
  /** How many times each action was called. */
  readonly calls: Record<
    | 'join'
    | 'start'
    | 'leave'
    | 'setMuted'
    | 'setVideoEnabled'
    | 'selectDevice'
    | 'startPreview'
    | 'stopPreview'
    | 'startScreenShare'
    | 'stopScreenShare'
    | 'setVoiceProcessing'
    | 'destroy',
    number
  >;
  /** Options of the last `join`. */
  readonly lastJoinOptions: MeetingJoinOptions | undefined;
  /** Tile id → the `<video>` bound to it. */
  readonly boundElements: ReadonlyMap<number, HTMLVideoElement>;
  /** Finishes a `start` held by `startMode: 'manual'`. */
  completeStart(): void;
  /** Sends any status event. */
  emitStatus(event: MeetingStatusEvent): void;
  /** The connection drops: `connecting` with `reconnecting: true`. */
  dropConnection(): void;
  /** The connection is back: `started`. */
  restoreConnection(): void;
  /** The agent ends the call (`MeetingEnded`). */
  endMeeting(): void;
  /** The session stops with any `MeetingSessionStatusCode`. */
  stop(statusCode: number): void;
  addAttendee(attendee: FakeAttendee): void;
  removeAttendee(attendeeId: string): void;
  setRemoteVideo(attendeeId: string, enabled: boolean): void;
  setRemoteMuted(attendeeId: string, muted: boolean): void;
  setAudioLevel(level: number): void;
  /** Another attendee starts (`true`) or stops sharing a screen (tile `<attendeeId>#content`). */
  setRemoteScreenShare(attendeeId: string, sharing: boolean): void;
  /** The browser's own "Stop sharing" button ends this customer's share. */
  endScreenShare(): void;
  /** The attendee the active-speaker detector ranks first (`undefined`: nobody speaks). */
  setActiveSpeaker(attendeeId: string | undefined): void;
  /** An attendee's microphone activity and, optionally, signal strength (0 to 1). */
  setRemoteVolume(attendeeId: string, volume: number, signalStrength?: number): void;
  /** This customer's connection turns poor or good again. */
  setConnectionQuality(quality: 'good' | 'poor'): void;
  /** A device appears or disappears (a `devicechange`). */
  setDevices(kind: MediaDeviceKindName, devices: MediaDeviceOption[]): void;
}

const defaultDevices: Record<MediaDeviceKindName, MediaDeviceOption[]> = {
  audioinput: [{ deviceId: 'mic-1', label: 'Built-in microphone' }],
  videoinput: [{ deviceId: 'cam-1', label: 'Built-in camera' }],
  audiooutput: [{ deviceId: 'speaker-1', label: 'Built-in speakers' }],
};

const defaultAgent: FakeAttendee = { attendeeId: 'agent-attendee', videoEnabled: true };

/**
 * Creates a {@link FakeMeetingAdapter}. It validates the connection data like the Chime adapter
 * (bad data rejects `join` with a `WebRTCConnectionDataError`) and never touches the browser.
 *
 * @example
 * ```tsx
 * const adapter = createFakeMeetingAdapter({ agent: { attendeeId: 'agent-1', name: 'Sam' } });
 * render(<VideoProvider adapter={adapter} connectionData={data}><VideoCall /></VideoProvider>);
 * ```
 */
export function createFakeMeetingAdapter(
  options: FakeMeetingAdapterOptions = {},
): FakeMeetingAdapter {
  const devices = { ...defaultDevices, ...options.devices };
  const store = createMediaStateStore({
    ...initialMediaState,
    devices,
    selected: {
      audioinput: devices.audioinput[0]?.deviceId,
      videoinput: devices.videoinput[0]?.deviceId,
      audiooutput: devices.audiooutput[0]?.deviceId,
    },
    ...options.initialState,
  });
  const agent = options.agent === undefined ? defaultAgent : options.agent;
  const calls = {
    join: 0,
    start: 0,
    leave: 0,
    setMuted: 0,
    setVideoEnabled: 0,
    selectDevice: 0,
    startPreview: 0,
    stopPreview: 0,
    startScreenShare: 0,
    stopScreenShare: 0,
    setVoiceProcessing: 0,
    destroy: 0,
  };
  const boundElements = new Map<number, HTMLVideoElement>();
  let lastJoinOptions: MeetingJoinOptions | undefined;
  let pendingStart: (() => void) | undefined;
  let nextTileId = 1;
  let inCall = false;

  const patchAttendee = (attendeeId: string, patch: Partial<RosterAttendee>) => {
    store.update((state) => ({
      ...state,
      roster: state.roster.map((a) => (a.attendeeId === attendeeId ? { ...a, ...patch } : a)),
    }));
  };

  const setTile = (attendeeId: string, local: boolean, enabled: boolean) => {
    store.update((state) => {
      const existing = state.tiles.find((tile) => tile.attendeeId === attendeeId);
      if (enabled && !existing) {
        const tile: VideoTileInfo = {
          tileId: nextTileId++,
          attendeeId,
          local,
          active: true,
          ...(attendeeId.endsWith(CONTENT_SUFFIX) ? { content: true } : {}),
        };
        return { ...state, tiles: [...state.tiles, tile] };
      }
      if (!enabled && existing) {
        boundElements.delete(existing.tileId);
        return { ...state, tiles: state.tiles.filter((tile) => tile !== existing) };
      }
      return state;
    });
  };

  const addAttendee = (attendee: FakeAttendee, local = false) => {
    const entry: RosterAttendee = {
      attendeeId: attendee.attendeeId,
      name: attendee.name,
      local,
      muted: attendee.muted ?? false,
      videoEnabled: attendee.videoEnabled ?? true,
    };
    store.update((state) => ({
      ...state,
      roster: [...state.roster.filter((a) => a.attendeeId !== attendee.attendeeId), entry],
    }));
    setTile(attendee.attendeeId, local, entry.videoEnabled);
  };

  const idleShare = () =>
    options.screenShareUnavailable
      ? ({ status: 'unavailable', reason: options.screenShareUnavailable } as const)
      : ({ status: 'off' } as const);

  const stopLocalShare = () => {
    const local = store.getSnapshot().localAttendeeId;
    if (local) {
      setTile(`${local}${CONTENT_SUFFIX}`, true, false);
    }
  };

  const started = () => {
    inCall = true;
    store.update((state) => ({ ...state, screenShare: idleShare() }));
    const state = store.getSnapshot();
    if (state.localAttendeeId) {
      addAttendee(
        { attendeeId: state.localAttendeeId, videoEnabled: state.videoEnabled, muted: state.muted },
        true,
      );
    }
    if (agent) {
      addAttendee(agent);
    }
    store.emitStatus({ type: 'started' });
  };

  const stopCall = (statusCode: number) => {
    inCall = false;
    boundElements.clear();
    store.update((state) => ({
      ...state,
      roster: [],
      tiles: [],
      activeSpeakerId: undefined,
      screenShare: { status: 'off' },
    }));
    store.emitStatus({ type: 'stopped', statusCode });
  };

  const adapter: FakeMeetingAdapter = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    observeStatus: store.observeStatus,
    calls,
    get lastJoinOptions() {
      return lastJoinOptions;
    },
    boundElements,

    async join(connection: WebRTCConnectionInput, joinOptions: MeetingJoinOptions) {
      calls.join += 1;
      lastJoinOptions = joinOptions;
      const inputs = toMeetingSessionInputs(connection);
      if (options.joinError !== undefined) {
        throw options.joinError;
      }
      store.update((state) => ({
        ...state,
        localAttendeeId: inputs.attendee.Attendee.AttendeeId,
        videoEnabled: joinOptions.videoOff ? false : state.videoEnabled,
        preview: { status: 'off' },
      }));
    },
    start() {
      calls.start += 1;
      store.emitStatus({ type: 'connecting', reconnecting: false });
      if (options.startMode === 'manual') {
        return new Promise<void>((resolve) => {
          pendingStart = () => {
            pendingStart = undefined;
            started();
            resolve();
          };
        });
      }
      started();
      return Promise.resolve();
    },
    async leave() {
      calls.leave += 1;
      pendingStart = undefined;
      if (inCall) {
        stopCall(MEETING_STATUS_CODES.Left);
      }
    },
    setMuted(muted) {
      calls.setMuted += 1;
      store.update((state) => ({ ...state, muted }));
      const local = store.getSnapshot().localAttendeeId;
      if (inCall && local) {
        patchAttendee(local, { muted });
      }
    },
    async setVideoEnabled(enabled) {
      calls.setVideoEnabled += 1;
      store.update((state) => ({
        ...state,
        videoEnabled: enabled,
        preview: state.preview.status === 'on' ? { status: 'on', video: enabled } : state.preview,
      }));
      const local = store.getSnapshot().localAttendeeId;
      if (inCall && local) {
        patchAttendee(local, { videoEnabled: enabled });
        setTile(local, true, enabled);
      }
    },
    bindVideoElement(tileId, element) {
      boundElements.set(tileId, element);
      const tile = store.getSnapshot().tiles.find((t) => t.tileId === tileId);
      options.attachMedia?.(element, { tileId, attendeeId: tile?.attendeeId });
    },
    unbindVideoElement(tileId) {
      boundElements.delete(tileId);
    },
    async refreshDevices() {
      // The fake's device lists change only through setDevices.
    },
    async selectDevice(kind, deviceId) {
      calls.selectDevice += 1;
      store.update((state) => ({ ...state, selected: { ...state.selected, [kind]: deviceId } }));
    },
    async startPreview(previewOptions) {
      calls.startPreview += 1;
      if (options.previewError !== undefined) {
        store.update((state) => ({
          ...state,
          preview: { status: 'error', error: options.previewError },
          audioLevel: 0,
        }));
        return;
      }
      const video = previewOptions?.video ?? store.getSnapshot().videoEnabled;
      store.update((state) => ({
        ...state,
        preview: { status: 'on', video },
        audioLevel: options.audioLevel ?? 0.4,
      }));
    },
    stopPreview() {
      calls.stopPreview += 1;
      store.update((state) => ({ ...state, preview: { status: 'off' }, audioLevel: 0 }));
    },
    bindPreviewElement(element) {
      if (element) {
        options.attachMedia?.(element, {});
      }
    },
    async startScreenShare() {
      calls.startScreenShare += 1;
      const local = store.getSnapshot().localAttendeeId;
      if (!inCall || !local || store.getSnapshot().screenShare.status !== 'off') {
        return;
      }
      store.update((state) => ({ ...state, screenShare: { status: 'starting' } }));
      await Promise.resolve();
      if (options.screenShareError !== undefined) {
        const screenShare = screenShareFailure(options.screenShareError);
        store.update((state) => ({ ...state, screenShare }));
        return;
      }
      setTile(`${local}${CONTENT_SUFFIX}`, true, true);
      store.update((state) => ({ ...state, screenShare: { status: 'sharing' } }));
    },
    async stopScreenShare() {
      calls.stopScreenShare += 1;
      adapter.endScreenShare();
    },
    async setVoiceProcessing(enabled) {
      calls.setVoiceProcessing += 1;
      store.update((state) =>
        state.voiceProcessing === 'unsupported'
          ? state
          : { ...state, voiceProcessing: enabled ? 'on' : 'off' },
      );
    },
    destroy() {
      calls.destroy += 1;
      store.clear();
    },

    completeStart() {
      pendingStart?.();
    },
    emitStatus: store.emitStatus,
    dropConnection() {
      store.emitStatus({ type: 'connecting', reconnecting: true });
    },
    restoreConnection() {
      store.emitStatus({ type: 'started' });
    },
    endMeeting() {
      stopCall(MEETING_STATUS_CODES.MeetingEnded);
    },
    stop(statusCode) {
      stopCall(statusCode);
    },
    addAttendee(attendee) {
      addAttendee(attendee);
    },
    removeAttendee(attendeeId) {
      setTile(attendeeId, false, false);
      store.update((state) => ({
        ...state,
        roster: state.roster.filter((a) => a.attendeeId !== attendeeId),
      }));
    },
    setRemoteVideo(attendeeId, enabled) {
      patchAttendee(attendeeId, { videoEnabled: enabled });
      setTile(attendeeId, false, enabled);
    },
    setRemoteMuted(attendeeId, muted) {
      patchAttendee(attendeeId, { muted });
    },
    setAudioLevel(level) {
      store.update((state) => ({ ...state, audioLevel: level }));
    },
    setRemoteScreenShare(attendeeId, sharing) {
      setTile(`${attendeeId}${CONTENT_SUFFIX}`, false, sharing);
    },
    endScreenShare() {
      const status = store.getSnapshot().screenShare.status;
      if (status === 'sharing' || status === 'starting') {
        stopLocalShare();
        store.update((state) => ({ ...state, screenShare: { status: 'off' } }));
      }
    },
    setActiveSpeaker(activeSpeakerId) {
      store.update((state) => ({ ...state, activeSpeakerId }));
    },
    setRemoteVolume(attendeeId, volume, signalStrength) {
      patchAttendee(attendeeId, {
        volume,
        ...(signalStrength === undefined ? {} : { signalStrength }),
      });
    },
    setConnectionQuality(connectionQuality) {
      store.update((state) => ({ ...state, connectionQuality }));
    },
    setDevices(kind, list) {
      store.update((state) => ({ ...state, devices: { ...state.devices, [kind]: list } }));
    },
  };
  return adapter;
}
