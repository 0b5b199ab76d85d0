/**
 * Screen sharing over the Chime SDK's content share: the SDK opens a second connection as the
 * content attendee `<AttendeeId>#content` and reports its life through a `ContentShareObserver`.
 * This module turns that into {@link ScreenShareState} transitions (the pure decisions are in
 * `contentAttendee.ts`).
 */
import type { AudioVideoFacade, ContentShareObserver, Logger } from 'amazon-chime-sdk-js';
import type { ScreenShareState, ScreenShareUnavailableReason } from '../adapter/MeetingAdapter';
import type { MediaStateStore } from '../adapter/mediaStateStore';
import { screenShareFailure } from '../adapter/contentAttendee';

/**
 * The screen-share half of the Chime adapter for one meeting session.
 *
 * @example
 * ```ts
 * const share = createChimeScreenShare({ audioVideo, store, logger, blocker: undefined });
 * await share.start();
 * share.release();
 * ```
 */
export interface ChimeScreenShare {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops listening (the session ended); the state goes back to `off` or `unavailable`. */
  release(): void;
}

/**
 * Wires the SDK's content share of `audioVideo` to the store's `screenShare`.
 *
 * @example
 * ```ts
 * const share = createChimeScreenShare({ audioVideo, store, logger, blocker: screenShareBlocker(input) });
 * ```
 */
export function createChimeScreenShare(input: {
  audioVideo: AudioVideoFacade;
  store: MediaStateStore;
  logger: Logger;
  blocker: ScreenShareUnavailableReason | undefined;
}): ChimeScreenShare {
  const { audioVideo, store, logger, blocker } = input;
  const idle: ScreenShareState = blocker
    ? { status: 'unavailable', reason: blocker }
    : { status: 'off' };
  const set = (screenShare: ScreenShareState) =>
    store.update((state) =>
      JSON.stringify(state.screenShare) === JSON.stringify(screenShare)
        ? state
        : { ...state, screenShare },
    );
  const status = () => store.getSnapshot().screenShare.status;
  let released = false;

  const observer: ContentShareObserver = {
    contentShareDidStart: () => {
      if (!released) {
        set({ status: 'sharing' });
      }
    },
    contentShareDidStop: () => {
      if (released) {
        return;
      }
      // A stop before the content attendee ever joined is a failed start.
      set(status() === 'starting' ? { status: 'off', problem: 'failed' } : { status: 'off' });
    },
  };
  audioVideo.addContentShareObserver(observer);
  set(idle);

  return {
    async start() {
      if (status() !== 'off') {
        return;
      }
      set({ status: 'starting' });
      try {
        await audioVideo.startContentShareFromScreenCapture();
      } catch (error) {
        logger.info(`screen share did not start: ${String(error)}`);
        if (!released && status() === 'starting') {
          set(screenShareFailure(error));
        }
      }
    },
    async stop() {
      const current = status();
      if (current === 'starting' || current === 'sharing') {
        audioVideo.stopContentShare();
        set({ status: 'off' });
      }
    },
    release() {
      if (released) {
        return;
      }
      released = true;
      audioVideo.removeContentShareObserver(observer);
      if (status() === 'starting' || status() === 'sharing') {
        audioVideo.stopContentShare();
      }
      set(idle.status === 'unavailable' ? idle : { status: 'off' });
    },
  };
}
