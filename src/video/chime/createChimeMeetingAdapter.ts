/**
 * The production {@link MeetingAdapter}: a Chime component-library `MeetingManager` (which owns
 * the SDK's `DefaultMeetingSession`) for the call, and plain `getUserMedia` for the pre-join
 * preview. Everything SDK-shaped stays in this file.
 */
import { ConsoleLogger, DefaultActiveSpeakerPolicy, LogLevel } from 'amazon-chime-sdk-js';
import type {
  AudioVideoFacade,
  AudioVideoObserver,
  Logger,
  VideoTileState,
} from 'amazon-chime-sdk-js';
import { DeviceLabels, MeetingManager } from 'amazon-chime-sdk-component-library-react';
import { createMediaStateStore, initialMediaState } from '../adapter/mediaStateStore';
import type {
  MediaDeviceKindName,
  MediaDeviceOption,
  MeetingAdapter,
  MeetingMediaState,
  RosterAttendee,
  VideoTileInfo,
} from '../adapter/MeetingAdapter';
import { contentSharer, screenShareBlocker } from '../adapter/contentAttendee';
import { createChimeScreenShare } from './chimeScreenShare';
import type { ChimeScreenShare } from './chimeScreenShare';
import { toMeetingSessionConfiguration } from './toMeetingSessionConfiguration';
import type { MeetingSessionConfigurationOptions } from './toMeetingSessionConfiguration';

/**
 * Options of {@link createChimeMeetingAdapter}.
 *
 * @example
 * ```ts
 * const adapter = createChimeMeetingAdapter({
 *   urlRewriter: (url) => url?.replace('wss://signal.example', 'ws://127.0.0.1:4010') ?? null,
 * });
 * ```
 */
export interface ChimeMeetingAdapterOptions extends MeetingSessionConfigurationOptions {
  /** The MeetingManager to drive (share it with a `<MeetingProvider>`); a new one by default. */
  meetingManager?: MeetingManager;
  /** The SDK logger. Defaults to a console logger at WARN. */
  logger?: Logger;
  /** Where devices come from. Defaults to `navigator.mediaDevices`, read when first needed. */
  mediaDevices?: MediaDevices;
  /**
   * A display name for an attendee. Defaults to the attendee's `ExternalUserId` (the emulator
   * sets display names there; Connect's attendees carry none, and the UI then says "Agent").
   */
  getAttendeeName?: (attendeeId: string, externalUserId: string | undefined) => string | undefined;
}

/**
 * The Chime adapter, with the `MeetingManager` it drives (for `<MeetingProvider
 * meetingManager={adapter.meetingManager}>` when a page also uses the component library).
 *
 * @example
 * ```tsx
 * const adapter = createChimeMeetingAdapter();
 * <MeetingProvider meetingManager={adapter.meetingManager}>
 *   <VideoProvider adapter={adapter} participantToken={token} />
 * </MeetingProvider>;
 * ```
 */
export interface ChimeMeetingAdapter extends MeetingAdapter {
  readonly meetingManager: MeetingManager;
}

const KINDS: readonly MediaDeviceKindName[] = ['audioinput', 'videoinput', 'audiooutput'];

/** Volume in steps of 0.1, so a talker re-renders a tile a few times a second, not per frame. */
const stepVolume = (volume: number, muted: boolean): number =>
  muted ? 0 : Math.round(Math.min(1, Math.max(0, volume)) * 10) / 10;

const toOptions = (devices: MediaDeviceInfo[], kind: MediaDeviceKindName): MediaDeviceOption[] =>
  devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device) => ({ deviceId: device.deviceId, label: device.label }));

/**
 * Creates the {@link ChimeMeetingAdapter}. It touches no browser API until a method is called, so
 * it is safe to create during server rendering.
 *
 * @example
 * ```tsx
 * const adapter = createChimeMeetingAdapter({ logger: new ConsoleLogger('call', LogLevel.INFO) });
 * <VideoProvider adapter={adapter} participantToken={token}><VideoCall /></VideoProvider>;
 * ```
 */
export function createChimeMeetingAdapter(
  options: ChimeMeetingAdapterOptions = {},
): ChimeMeetingAdapter {
  const logger = options.logger ?? new ConsoleLogger('contact-kit', LogLevel.WARN);
  const meetingManager = options.meetingManager ?? new MeetingManager(logger);
  const store = createMediaStateStore(initialMediaState);
  const mediaDevices = (): MediaDevices => {
    const devices = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
    if (!devices) {
      throw new TypeError('navigator.mediaDevices is unavailable (not a secure context?)');
    }
    return devices;
  };

  let previewStream: MediaStream | undefined;
  let previewElement: HTMLVideoElement | null = null;
  let levelTimer: ReturnType<typeof setInterval> | undefined;
  let audioContext: AudioContext | undefined;
  let listeningForDevices = false;
  let audioElement: HTMLAudioElement | undefined;
  let session:
    { audioVideo: AudioVideoFacade; release: () => void; share: ChimeScreenShare } | undefined;
  let contentAllowed = true;
  let startedOnce = false;

  const update = (change: (state: MeetingMediaState) => MeetingMediaState) => store.update(change);

  /** Roster video flags follow the tiles (remote) and the camera switch (local). */
  const withVideoFlags = (state: MeetingMediaState): MeetingMediaState => ({
    ...state,
    roster: state.roster.map((attendee) => {
      const videoEnabled = attendee.local
        ? state.videoEnabled
        : state.tiles.some((tile) => tile.attendeeId === attendee.attendeeId && tile.active);
      return videoEnabled === attendee.videoEnabled ? attendee : { ...attendee, videoEnabled };
    }),
  });

  // ---------------------------------------------------------------- devices and preview

  const onDeviceChange = () => {
    void adapter.refreshDevices().catch((error: unknown) => logger.warn(String(error)));
  };

  const stopLevelMeter = () => {
    if (levelTimer !== undefined) {
      clearInterval(levelTimer);
      levelTimer = undefined;
    }
    void audioContext?.close().catch(() => undefined);
    audioContext = undefined;
  };

  const startLevelMeter = (stream: MediaStream) => {
    stopLevelMeter();
    const Context = globalThis.AudioContext;
    if (!Context || stream.getAudioTracks().length === 0) {
      return;
    }
    audioContext = new Context();
    const analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    audioContext.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    levelTimer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        sum += sample * sample;
      }
      const level = Math.min(1, Math.sqrt(sum / samples.length) * 4);
      update((state) =>
        Math.abs(state.audioLevel - level) < 0.02 ? state : { ...state, audioLevel: level },
      );
    }, 100);
  };

  const releasePreview = () => {
    stopLevelMeter();
    previewStream?.getTracks().forEach((track) => track.stop());
    previewStream = undefined;
    if (previewElement) {
      previewElement.srcObject = null;
    }
  };

  // ---------------------------------------------------------------- the call

  /** Whether the browser lets a page switch echo cancellation and noise suppression. */
  const voiceProcessingSupported = (): boolean => {
    const supported = globalThis.navigator?.mediaDevices?.getSupportedConstraints?.();
    return supported?.echoCancellation === true && supported.noiseSuppression === true;
  };

  /** The voice-processing state once the browser's support is known. */
  const voiceProcessingFor = (state: MeetingMediaState) =>
    !voiceProcessingSupported()
      ? 'unsupported'
      : state.voiceProcessing === 'unsupported'
        ? 'on'
        : state.voiceProcessing;

  /** The microphone as the SDK opens it: the chosen device, with voice processing on or off. */
  const microphone = (): string | MediaTrackConstraints => {
    const { selected, voiceProcessing } = store.getSnapshot();
    if (voiceProcessing !== 'off') {
      return selected.audioinput ?? {};
    }
    return {
      ...(selected.audioinput === undefined ? {} : { deviceId: { exact: selected.audioinput } }),
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    };
  };

  const observeSession = (audioVideo: AudioVideoFacade) => {
    const volumeCallbacks = new Map<string, () => void>();
    const localId = () => store.getSnapshot().localAttendeeId;
    const setQuality = (connectionQuality: 'good' | 'poor') =>
      update((state) =>
        state.connectionQuality === connectionQuality ? state : { ...state, connectionQuality },
      );
    const onActiveSpeakers = (attendeeIds: string[]) => {
      const activeSpeakerId = attendeeIds.find((id) => contentSharer(id) === undefined);
      update((state) =>
        state.activeSpeakerId === activeSpeakerId ? state : { ...state, activeSpeakerId },
      );
    };

    const observer: AudioVideoObserver = {
      audioVideoDidStartConnecting: (reconnecting) =>
        store.emitStatus({ type: 'connecting', reconnecting }),
      audioVideoDidStart: () => {
        if (!startedOnce) {
          startedOnce = true;
          if (store.getSnapshot().videoEnabled) {
            audioVideo.startLocalVideoTile();
          }
        }
        store.emitStatus({ type: 'started' });
      },
      audioVideoDidStop: (status) => {
        session?.release();
        session = undefined;
        update((state) => ({
          ...state,
          roster: [],
          tiles: [],
          activeSpeakerId: undefined,
          connectionQuality: 'good',
        }));
        store.emitStatus({ type: 'stopped', statusCode: status.statusCode() });
      },
      connectionDidBecomePoor: () => setQuality('poor'),
      connectionDidSuggestStopVideo: () => setQuality('poor'),
      connectionDidBecomeGood: () => setQuality('good'),
      videoTileDidUpdate: (tileState: VideoTileState) => {
        if (tileState.tileId === null) {
          return;
        }
        const attendeeId = tileState.localTile ? localId() : tileState.boundAttendeeId;
        if (!attendeeId) {
          return;
        }
        // A shared screen is bound to the content attendee; this customer's own share is local.
        const sharer = tileState.isContent ? contentSharer(attendeeId) : undefined;
        const tile: VideoTileInfo = {
          tileId: tileState.tileId,
          attendeeId,
          local: tileState.localTile || (sharer !== undefined && sharer === localId()),
          active: tileState.active && !tileState.paused,
          ...(tileState.isContent ? { content: true } : {}),
        };
        update((state) =>
          withVideoFlags({
            ...state,
            tiles: [...state.tiles.filter((t) => t.tileId !== tile.tileId), tile],
          }),
        );
      },
      videoTileWasRemoved: (tileId) => {
        update((state) =>
          withVideoFlags({ ...state, tiles: state.tiles.filter((t) => t.tileId !== tileId) }),
        );
      },
    };

    const onPresence = (attendeeId: string, present: boolean, externalUserId?: string) => {
      if (attendeeId.endsWith('#content')) {
        return;
      }
      if (!present) {
        volumeCallbacks.get(attendeeId)?.();
        volumeCallbacks.delete(attendeeId);
        update((state) => ({
          ...state,
          roster: state.roster.filter((a) => a.attendeeId !== attendeeId),
        }));
        return;
      }
      if (volumeCallbacks.has(attendeeId)) {
        return;
      }
      const local = attendeeId === localId();
      const entry: RosterAttendee = {
        attendeeId,
        name: options.getAttendeeName
          ? options.getAttendeeName(attendeeId, externalUserId)
          : externalUserId || undefined,
        local,
        muted: local ? store.getSnapshot().muted : false,
        videoEnabled: false,
      };
      update((state) => withVideoFlags({ ...state, roster: [...state.roster, entry] }));
      const onVolume = (
        _id: string,
        volume: number | null,
        muted: boolean | null,
        signalStrength: number | null,
      ) => {
        update((state) => {
          let next = state;
          const current = state.roster.find((a) => a.attendeeId === attendeeId);
          if (current) {
            const nextMuted = muted ?? current.muted;
            const patch: { -readonly [K in keyof RosterAttendee]?: RosterAttendee[K] } = {};
            if (nextMuted !== current.muted) {
              patch.muted = nextMuted;
            }
            if (volume !== null || muted !== null) {
              const stepped = stepVolume(volume ?? current.volume ?? 0, nextMuted);
              if (stepped !== current.volume) {
                patch.volume = stepped;
              }
            }
            if (signalStrength !== null && signalStrength !== current.signalStrength) {
              patch.signalStrength = signalStrength;
            }
            if (Object.keys(patch).length > 0) {
              next = {
                ...next,
                roster: next.roster.map((a) =>
                  a.attendeeId === attendeeId ? { ...a, ...patch } : a,
                ),
              };
            }
          }
          if (local && volume !== null && Math.abs(next.audioLevel - volume) >= 0.02) {
            next = { ...next, audioLevel: volume };
          }
          return next;
        });
      };
      audioVideo.realtimeSubscribeToVolumeIndicator(attendeeId, onVolume);
      volumeCallbacks.set(attendeeId, () =>
        audioVideo.realtimeUnsubscribeFromVolumeIndicator(attendeeId, onVolume),
      );
    };

    const onLocalMute = (muted: boolean) => {
      update((state) => (state.muted === muted ? state : { ...state, muted }));
    };

    audioVideo.addObserver(observer);
    audioVideo.realtimeSubscribeToAttendeeIdPresence(onPresence);
    audioVideo.realtimeSubscribeToMuteAndUnmuteLocalAudio(onLocalMute);
    audioVideo.subscribeToActiveSpeakerDetector(new DefaultActiveSpeakerPolicy(), onActiveSpeakers);
    return () => {
      audioVideo.removeObserver(observer);
      audioVideo.unsubscribeFromActiveSpeakerDetector(onActiveSpeakers);
      audioVideo.realtimeUnsubscribeToAttendeeIdPresence(onPresence);
      audioVideo.realtimeUnsubscribeToMuteAndUnmuteLocalAudio(onLocalMute);
      volumeCallbacks.forEach((unsubscribe) => unsubscribe());
      volumeCallbacks.clear();
    };
  };

  /**
   * Starts the chosen camera, or the browser's default one when none is known yet (no preview ran,
   * so the device list is empty). No camera at all is not an error: the call goes on without video.
   */
  const startCamera = async () => {
    const deviceId = store.getSnapshot().selected.videoinput;
    try {
      await meetingManager.startVideoInputDevice(deviceId ?? {});
      return true;
    } catch (error) {
      if (deviceId === undefined && (error as { name?: unknown }).name === 'NotFoundError') {
        return false;
      }
      throw error;
    }
  };

  const adapter: ChimeMeetingAdapter = {
    meetingManager,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    observeStatus: store.observeStatus,

    async join(connection, joinOptions) {
      const configuration = toMeetingSessionConfiguration(connection, options);
      // Connect sets the content resolution to None when the contact may not share a screen.
      contentAllowed = configuration.meetingFeatures.contentMaxResolution.videoWidth > 0;
      releasePreview();
      update((state) => ({
        ...state,
        localAttendeeId: configuration.credentials?.attendeeId ?? undefined,
        videoEnabled: joinOptions.videoOff ? false : state.videoEnabled,
        preview: { status: 'off' },
        audioLevel: 0,
        voiceProcessing: voiceProcessingFor(state),
      }));
      await meetingManager.join(configuration, {
        deviceLabels: DeviceLabels.None,
        skipDeviceSelection: true,
      });
      const audioVideo = meetingManager.audioVideo;
      if (!audioVideo) {
        throw new Error('MeetingManager.join created no audio-video session');
      }
      startedOnce = false;
      const share = createChimeScreenShare({
        audioVideo,
        store,
        logger,
        blocker: screenShareBlocker({
          getDisplayMedia: globalThis.navigator?.mediaDevices?.getDisplayMedia,
          contentAllowed,
        }),
      });
      const stopObserving = observeSession(audioVideo);
      session = {
        audioVideo,
        share,
        release: () => {
          share.release();
          stopObserving();
        },
      };
      const { selected, videoEnabled, muted } = store.getSnapshot();
      await meetingManager.startAudioInputDevice(microphone());
      if (selected.audiooutput !== undefined) {
        await meetingManager.startAudioOutputDevice(selected.audiooutput).catch(() => undefined);
      }
      if (videoEnabled && !(await startCamera())) {
        update((state) => ({ ...state, videoEnabled: false }));
      }
      if (muted) {
        audioVideo.realtimeMuteLocalAudio();
      }
      if (typeof document !== 'undefined') {
        audioElement ??= document.createElement('audio');
        await audioVideo.bindAudioElement(audioElement);
      }
    },
    async start() {
      await meetingManager.start();
    },
    async leave() {
      const current = session;
      session = undefined;
      current?.release();
      releasePreview();
      update((state) => ({
        ...state,
        roster: [],
        tiles: [],
        audioLevel: 0,
        activeSpeakerId: undefined,
        connectionQuality: 'good',
      }));
      if (current || meetingManager.audioVideo) {
        await meetingManager.leave();
      }
    },
    setMuted(muted) {
      const audioVideo = session?.audioVideo;
      if (audioVideo) {
        if (muted) {
          audioVideo.realtimeMuteLocalAudio();
        } else {
          audioVideo.realtimeUnmuteLocalAudio();
        }
      }
      previewStream?.getAudioTracks().forEach((track) => {
        track.enabled = !muted;
      });
      update((state) => (state.muted === muted ? state : { ...state, muted }));
    },
    async setVideoEnabled(enabled) {
      const audioVideo = session?.audioVideo;
      update((state) => withVideoFlags({ ...state, videoEnabled: enabled }));
      if (audioVideo) {
        if (enabled) {
          if (await startCamera()) {
            audioVideo.startLocalVideoTile();
          }
        } else {
          audioVideo.stopLocalVideoTile();
          await meetingManager.stopVideoInputDevice();
        }
        return;
      }
      if (store.getSnapshot().preview.status !== 'off') {
        await adapter.startPreview({ video: enabled });
      }
    },
    bindVideoElement(tileId, element) {
      session?.audioVideo.bindVideoElement(tileId, element);
    },
    unbindVideoElement(tileId) {
      // The SDK already dropped a removed tile's binding (and warns about unknown ids).
      if (store.getSnapshot().tiles.some((tile) => tile.tileId === tileId)) {
        session?.audioVideo.unbindVideoElement(tileId, false);
      }
    },
    async refreshDevices() {
      const devices = mediaDevices();
      if (!listeningForDevices) {
        listeningForDevices = true;
        devices.addEventListener('devicechange', onDeviceChange);
      }
      const list = await devices.enumerateDevices();
      update((state) => {
        const next = {
          audioinput: toOptions(list, 'audioinput'),
          videoinput: toOptions(list, 'videoinput'),
          audiooutput: toOptions(list, 'audiooutput'),
        };
        const same = KINDS.every(
          (kind) =>
            next[kind].length === state.devices[kind].length &&
            next[kind].every(
              (d, i) =>
                d.deviceId === state.devices[kind][i]?.deviceId &&
                d.label === state.devices[kind][i]?.label,
            ),
        );
        return same ? state : { ...state, devices: next };
      });
    },
    async selectDevice(kind, deviceId) {
      update((state) => ({ ...state, selected: { ...state.selected, [kind]: deviceId } }));
      if (session) {
        if (kind === 'audioinput') {
          await meetingManager.startAudioInputDevice(microphone());
        } else if (kind === 'audiooutput') {
          await meetingManager.startAudioOutputDevice(deviceId);
        } else if (store.getSnapshot().videoEnabled) {
          await meetingManager.startVideoInputDevice(deviceId);
        }
        return;
      }
      if (kind !== 'audiooutput' && store.getSnapshot().preview.status !== 'off') {
        await adapter.startPreview();
      }
    },
    async startPreview(previewOptions) {
      const video = previewOptions?.video ?? store.getSnapshot().videoEnabled;
      const { selected, muted } = store.getSnapshot();
      releasePreview();
      update((state) => ({
        ...state,
        preview: { status: 'starting' },
        voiceProcessing: voiceProcessingFor(state),
      }));
      try {
        const audio = microphone();
        const stream = await mediaDevices().getUserMedia({
          audio:
            typeof audio === 'string'
              ? { deviceId: { exact: audio } }
              : Object.keys(audio).length === 0
                ? true
                : audio,
          video: video
            ? selected.videoinput
              ? { deviceId: { exact: selected.videoinput } }
              : true
            : false,
        });
        previewStream = stream;
        stream.getAudioTracks().forEach((track) => {
          track.enabled = !muted;
        });
        if (previewElement) {
          previewElement.srcObject = stream;
        }
        startLevelMeter(stream);
        update((state) => ({ ...state, preview: { status: 'on', video } }));
        // Labels appear once permission is granted.
        await adapter.refreshDevices();
      } catch (error) {
        update((state) => ({ ...state, preview: { status: 'error', error } }));
      }
    },
    stopPreview() {
      releasePreview();
      update((state) =>
        state.preview.status === 'off'
          ? state
          : { ...state, preview: { status: 'off' }, audioLevel: 0 },
      );
    },
    bindPreviewElement(element) {
      previewElement = element;
      if (element) {
        element.muted = true;
        element.srcObject = previewStream ?? null;
      }
    },
    async startScreenShare() {
      await session?.share.start();
    },
    async stopScreenShare() {
      await session?.share.stop();
    },
    async setVoiceProcessing(enabled) {
      const current = store.getSnapshot().voiceProcessing;
      if (current === 'unsupported' || current === (enabled ? 'on' : 'off')) {
        return;
      }
      update((state) => ({ ...state, voiceProcessing: enabled ? 'on' : 'off' }));
      if (session) {
        await meetingManager.startAudioInputDevice(microphone());
      } else if (previewStream) {
        await Promise.all(
          previewStream.getAudioTracks().map((track) =>
            track.applyConstraints({
              echoCancellation: enabled,
              noiseSuppression: enabled,
              autoGainControl: enabled,
            }),
          ),
        );
      }
    },
    destroy() {
      void adapter.leave().catch(() => undefined);
      if (listeningForDevices) {
        listeningForDevices = false;
        options.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
        globalThis.navigator?.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
      }
      store.clear();
    },
  };
  return adapter;
}
