/**
 * The seam between the React video kit and a meeting implementation: the Chime SDK
 * ({@link createChimeMeetingAdapter}) in production, a fake ({@link createFakeMeetingAdapter}) in
 * tests and stories. Hooks read {@link MeetingMediaState} through `useSyncExternalStore` and call
 * the methods; React never holds SDK objects.
 */
import type { WebRTCConnectionInput } from '../toMeetingSessionInputs';

/**
 * The device kinds a call uses, named like `MediaDeviceInfo.kind`.
 *
 * @example
 * ```ts
 * const kind: MediaDeviceKindName = 'videoinput';
 * ```
 */
export type MediaDeviceKindName = 'audioinput' | 'videoinput' | 'audiooutput';

/**
 * One device the customer can pick.
 *
 * @example
 * ```ts
 * const camera: MediaDeviceOption = { deviceId: 'cam-1', label: 'Front camera' };
 * ```
 */
export interface MediaDeviceOption {
  readonly deviceId: string;
  /** Empty until the page has media permission (browsers hide labels before that). */
  readonly label: string;
}

/**
 * A person in the call.
 *
 * @example
 * ```ts
 * const agent: RosterAttendee = { attendeeId: 'a-1', name: 'Agent', local: false, muted: false, videoEnabled: true };
 * ```
 */
export interface RosterAttendee {
  readonly attendeeId: string;
  /** A display name when one is known (Connect's attendees carry none by default). */
  readonly name?: string | undefined;
  /** This customer. */
  readonly local: boolean;
  readonly muted: boolean;
  /** Whether the attendee's camera is sending. */
  readonly videoEnabled: boolean;
}

/**
 * A video tile: one attendee's camera stream, bound to a `<video>` with `bindVideoElement`.
 *
 * @example
 * ```ts
 * const tile: VideoTileInfo = { tileId: 1, attendeeId: 'a-1', local: false, active: true };
 * ```
 */
export interface VideoTileInfo {
  readonly tileId: number;
  readonly attendeeId: string;
  readonly local: boolean;
  /** Frames are flowing (false while paused or before the first frame). */
  readonly active: boolean;
}

/**
 * The pre-join preview: `off`, `starting` (asking for the camera and microphone), `on`, or
 * `error` with the browser's error (classify it with {@link classifyMediaError}).
 *
 * @example
 * ```ts
 * if (preview.status === 'error') console.warn(classifyMediaError(preview.error).cause);
 * ```
 */
export type MediaPreviewState =
  | { readonly status: 'off' }
  | { readonly status: 'starting' }
  | { readonly status: 'on'; readonly video: boolean }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Everything about the media a call shows, as one immutable snapshot (a new object on change).
 *
 * @example
 * ```ts
 * const agentTiles = adapter.getSnapshot().tiles.filter((tile) => !tile.local);
 * ```
 */
export interface MeetingMediaState {
  /** This customer's attendee id, once joined. */
  readonly localAttendeeId: string | undefined;
  readonly roster: readonly RosterAttendee[];
  readonly tiles: readonly VideoTileInfo[];
  /** The local microphone is muted. */
  readonly muted: boolean;
  /** The local camera is on (sending in a call, showing in the preview). */
  readonly videoEnabled: boolean;
  readonly devices: { readonly [K in MediaDeviceKindName]: readonly MediaDeviceOption[] };
  readonly selected: { readonly [K in MediaDeviceKindName]: string | undefined };
  readonly preview: MediaPreviewState;
  /** Microphone input level, 0 to 1 (preview and call). */
  readonly audioLevel: number;
}

/**
 * Status events of a meeting, named after the SDK's `AudioVideoObserver` callbacks.
 *
 * @example
 * ```ts
 * adapter.observeStatus((event) => { if (event.type === 'stopped') console.log(event.statusCode); });
 * ```
 */
export type MeetingStatusEvent =
  | { readonly type: 'connecting'; readonly reconnecting: boolean }
  | { readonly type: 'started' }
  | { readonly type: 'stopped'; readonly statusCode: number };

/**
 * Options of {@link MeetingAdapter.join}.
 *
 * @example
 * ```ts
 * await adapter.join(connectionData, { videoOff: true });
 * ```
 */
export interface MeetingJoinOptions {
  /** Join with the camera off. */
  videoOff?: boolean;
}

/**
 * A meeting implementation the video kit drives. Snapshot reads are synchronous; actions that
 * need the network or devices return promises. Failures of `join`/`start` reject; failures after
 * that arrive as a `stopped` status event.
 *
 * @example
 * ```ts
 * const adapter: MeetingAdapter = createFakeMeetingAdapter();
 * const unobserve = adapter.observeStatus((event) => console.log(event.type));
 * await adapter.join(connectionData, {});
 * await adapter.start();
 * ```
 */
export interface MeetingAdapter {
  /** Listens to media-state changes (`useSyncExternalStore`'s subscribe). */
  subscribe(listener: () => void): () => void;
  /** The current media state; the same object until something changes. */
  getSnapshot(): MeetingMediaState;
  /** Listens to the meeting's status: connecting, started, stopped. */
  observeStatus(listener: (event: MeetingStatusEvent) => void): () => void;

  /** Creates the meeting session from Connect's data and selects the chosen devices. */
  join(connection: WebRTCConnectionInput, options: MeetingJoinOptions): Promise<void>;
  /** Connects audio and video; resolves once started (or rejects). */
  start(): Promise<void>;
  /** Leaves the meeting and releases the camera and microphone. Safe to call at any time. */
  leave(): Promise<void>;

  setMuted(muted: boolean): void;
  setVideoEnabled(enabled: boolean): Promise<void>;
  /** Shows tile `tileId` in `element`. */
  bindVideoElement(tileId: number, element: HTMLVideoElement): void;
  unbindVideoElement(tileId: number): void;

  /** Lists the devices again (the adapter also does on `devicechange`). */
  refreshDevices(): Promise<void>;
  /** Uses another device; in a call it switches live. */
  selectDevice(kind: MediaDeviceKindName, deviceId: string): Promise<void>;

  /** Opens the camera (unless `video: false`) and microphone for the pre-join screen. */
  startPreview(options?: { video?: boolean }): Promise<void>;
  stopPreview(): void;
  /** Shows the preview in `element`; `null` detaches it. */
  bindPreviewElement(element: HTMLVideoElement | null): void;

  /** Releases everything (listeners, media, session). The adapter is unusable afterwards. */
  destroy(): void;
}
