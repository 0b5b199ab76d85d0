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
 * const { videoInputs, select } = useMediaDevices();
 * const external = videoInputs.find((camera) => /usb|external/i.test(camera.label));
 * if (external) await select('videoinput', external.deviceId);
 * ```
 */
export type MediaDeviceKindName = 'audioinput' | 'videoinput' | 'audiooutput';

/**
 * One device the customer can pick.
 *
 * @example
 * ```ts
 * const { videoInputs } = useMediaDevices();
 * const labels = videoInputs.map((camera) => camera.label || camera.deviceId);
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
 * const agent = adapter.getSnapshot().roster.find((attendee) => !attendee.local);
 * if (agent?.muted) console.log(`${agent.name ?? 'Agent'} is muted`);
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
  /**
   * Microphone activity, 0 to 1 in steps of 0.1 (the SDK's volume indicator; 0 while muted).
   * Absent before the first reading.
   */
  readonly volume?: number | undefined;
  /**
   * How well the attendee's audio arrives, 0 to 1 (the SDK's signal strength: 1 good, 0.5 weak,
   * 0 lost). Absent before the first reading.
   */
  readonly signalStrength?: number | undefined;
}

/**
 * A video tile: one attendee's camera stream, or a shared screen, bound to a `<video>` with
 * `bindVideoElement`.
 *
 * @example
 * ```ts
 * const shared = adapter.getSnapshot().tiles.find((tile) => tile.content && !tile.local);
 * if (shared) adapter.bindVideoElement(shared.tileId, videoElement);
 * ```
 */
export interface VideoTileInfo {
  readonly tileId: number;
  /** The camera's attendee, or for a shared screen the content attendee `<AttendeeId>#content`. */
  readonly attendeeId: string;
  /** This customer's own camera, or this customer's own shared screen. */
  readonly local: boolean;
  /** Frames are flowing (false while paused or before the first frame). */
  readonly active: boolean;
  /** A shared screen (Chime content share) rather than a camera. */
  readonly content?: boolean | undefined;
}

/**
 * Why this customer cannot share a screen: `browser` (no `getDisplayMedia`, as on phones) or
 * `call` (the contact's `AllowedCapabilities` do not include `ScreenShare`, so the meeting's
 * content resolution is `None`).
 *
 * @example
 * ```ts
 * const { state } = useScreenShare();
 * if (state.status === 'unavailable' && state.reason === 'call') console.log('This call does not allow sharing');
 * ```
 */
export type ScreenShareUnavailableReason = 'browser' | 'call';

/**
 * A screen share that ended badly: `cancelled` (the customer closed the browser's picker or
 * refused permission) or `failed` (capture or the content connection failed).
 *
 * @example
 * ```ts
 * if (share.status === 'off' && share.problem === 'failed') notify('Screen sharing stopped');
 * ```
 */
export type ScreenShareProblem = 'cancelled' | 'failed';

/**
 * This customer's screen share: `unavailable` (with the reason), `off` (with the last problem,
 * if any), `starting` (the browser's picker is open or the content connection is joining) or
 * `sharing`.
 *
 * @example
 * ```ts
 * const share = adapter.getSnapshot().screenShare;
 * if (share.status === 'off') await adapter.startScreenShare();
 * ```
 */
export type ScreenShareState =
  | { readonly status: 'unavailable'; readonly reason: ScreenShareUnavailableReason }
  | { readonly status: 'off'; readonly problem?: ScreenShareProblem | undefined }
  | { readonly status: 'starting' }
  | { readonly status: 'sharing' };

/**
 * The browser's own voice processing (echo cancellation, noise suppression, automatic gain) on the
 * microphone: `on`, `off`, or `unsupported` where the browser cannot switch it.
 *
 * @example
 * ```ts
 * if (adapter.getSnapshot().voiceProcessing !== 'unsupported') await adapter.setVoiceProcessing(false);
 * ```
 */
export type VoiceProcessingState = 'on' | 'off' | 'unsupported';

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
  /** The attendee speaking now (the SDK's active-speaker detector), if anyone is. */
  readonly activeSpeakerId: string | undefined;
  /** This customer's screen share. */
  readonly screenShare: ScreenShareState;
  /** This customer's connection: `poor` while the SDK reports audio or video loss. */
  readonly connectionQuality: 'good' | 'poor';
  /** The browser's echo cancellation and noise suppression on the microphone. */
  readonly voiceProcessing: VoiceProcessingState;
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
 * const adapter = createFakeMeetingAdapter();
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

  /**
   * Asks the browser for a screen or window (`getDisplayMedia`) and shares it with the call.
   * Resolves once the picker closed; the result is in `screenShare` (`sharing`, or `off` with a
   * problem). Does nothing unless `screenShare.status` is `off`.
   */
  startScreenShare(): Promise<void>;
  /** Stops sharing (the browser's own stop button does the same). Safe to call at any time. */
  stopScreenShare(): Promise<void>;
  /** Switches the browser's echo cancellation and noise suppression (where supported). */
  setVoiceProcessing(enabled: boolean): Promise<void>;

  /** Releases everything (listeners, media, session). The adapter is unusable afterwards. */
  destroy(): void;
}
