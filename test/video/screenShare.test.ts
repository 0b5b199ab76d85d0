import type { AudioVideoFacade, ContentShareObserver } from 'amazon-chime-sdk-js';
import { ConsoleLogger, LogLevel } from 'amazon-chime-sdk-js';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSharer,
  screenShareBlocker,
  screenShareFailure,
} from '../../src/video/adapter/contentAttendee';
import { createMediaStateStore } from '../../src/video/adapter/mediaStateStore';
import { createChimeScreenShare } from '../../src/video/chime/chimeScreenShare';
import { screenShareNote } from '../../src/video/prefabs/VideoCall/ScreenShareControls';

describe('content attendees and screen-share decisions', () => {
  it('reads the sharer out of a content attendee id', () => {
    expect(contentSharer('a-1#content')).toBe('a-1');
    expect(contentSharer('a-1')).toBeUndefined();
    expect(contentSharer('#content')).toBe('');
  });

  it('blocks sharing without getDisplayMedia first, then without the call allowing content', () => {
    expect(screenShareBlocker({ getDisplayMedia: undefined, contentAllowed: true })).toBe(
      'browser',
    );
    expect(screenShareBlocker({ getDisplayMedia: undefined, contentAllowed: false })).toBe(
      'browser',
    );
    expect(screenShareBlocker({ getDisplayMedia: () => 0, contentAllowed: false })).toBe('call');
    expect(screenShareBlocker({ getDisplayMedia: () => 0, contentAllowed: true })).toBeUndefined();
  });

  it('calls a closed picker cancelled and anything else failed', () => {
    expect(screenShareFailure(new DOMException('x', 'NotAllowedError'))).toEqual({
      status: 'off',
      problem: 'cancelled',
    });
    expect(screenShareFailure(new DOMException('x', 'AbortError')).status).toBe('off');
    expect(screenShareFailure(new Error('x'))).toEqual({ status: 'off', problem: 'failed' });
    expect(screenShareFailure(null)).toEqual({ status: 'off', problem: 'failed' });
  });

  it('notes only what answers the customer', () => {
    const unsupported = { status: 'unavailable', reason: 'browser' } as const;
    expect(screenShareNote(unsupported, false)).toBeUndefined();
    expect(screenShareNote(unsupported, true)).toBe('screenShareUnsupported');
    expect(screenShareNote({ status: 'unavailable', reason: 'call' }, true)).toBe(
      'screenShareNotAllowed',
    );
    expect(screenShareNote({ status: 'off', problem: 'failed' }, false)).toBe('screenShareFailed');
    expect(screenShareNote({ status: 'off', problem: 'cancelled' }, false)).toBeUndefined();
    expect(screenShareNote({ status: 'off', problem: 'cancelled' }, true)).toBe(
      'screenShareCancelled',
    );
    expect(screenShareNote({ status: 'sharing' }, true)).toBeUndefined();
  });
});

/** The content-share part of an AudioVideoFacade: observers and a scripted capture. */
function fakeAudioVideo(capture: () => Promise<MediaStream>) {
  const observers = new Set<ContentShareObserver>();
  const audioVideo = {
    addContentShareObserver: (observer: ContentShareObserver) => observers.add(observer),
    removeContentShareObserver: (observer: ContentShareObserver) => observers.delete(observer),
    startContentShareFromScreenCapture: vi.fn(capture),
    stopContentShare: vi.fn(() => observers.forEach((o) => o.contentShareDidStop?.())),
  };
  return {
    audioVideo: audioVideo as unknown as AudioVideoFacade,
    spies: audioVideo,
    observers,
    emit: (event: 'contentShareDidStart' | 'contentShareDidStop') =>
      observers.forEach((o) => o[event]?.()),
  };
}

const logger = new ConsoleLogger('test', LogLevel.OFF);

describe('createChimeScreenShare', () => {
  it('goes starting → sharing when the content attendee joins, and off when the browser stops it', async () => {
    const store = createMediaStateStore();
    const fake = fakeAudioVideo(async () => ({}) as MediaStream);
    const share = createChimeScreenShare({ ...fake, store, logger, blocker: undefined });
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off' });

    await share.start();
    expect(fake.spies.startContentShareFromScreenCapture).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().screenShare).toEqual({ status: 'starting' });
    fake.emit('contentShareDidStart');
    expect(store.getSnapshot().screenShare).toEqual({ status: 'sharing' });
    await share.start();
    expect(fake.spies.startContentShareFromScreenCapture).toHaveBeenCalledTimes(1);

    // The browser's own "Stop sharing" ends the track; the SDK stops and tells its observers.
    fake.emit('contentShareDidStop');
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off' });
  });

  it('reports a content connection that stopped before it ever started as failed', async () => {
    const store = createMediaStateStore();
    const fake = fakeAudioVideo(async () => ({}) as MediaStream);
    const share = createChimeScreenShare({ ...fake, store, logger, blocker: undefined });
    await share.start();
    fake.emit('contentShareDidStop');
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off', problem: 'failed' });
  });

  it('turns a closed picker into cancelled, and Stop into off', async () => {
    const store = createMediaStateStore();
    let refuse = true;
    const fake = fakeAudioVideo(async () => {
      if (refuse) {
        throw new DOMException('Permission denied', 'NotAllowedError');
      }
      return {} as MediaStream;
    });
    const share = createChimeScreenShare({ ...fake, store, logger, blocker: undefined });
    await share.start();
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off', problem: 'cancelled' });
    refuse = false;
    await share.start();
    fake.emit('contentShareDidStart');
    await share.stop();
    expect(fake.spies.stopContentShare).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off' });
  });

  it('stays unavailable when blocked, and stops sharing when the session is released', async () => {
    const blockedStore = createMediaStateStore();
    const blocked = fakeAudioVideo(async () => ({}) as MediaStream);
    const none = createChimeScreenShare({
      ...blocked,
      store: blockedStore,
      logger,
      blocker: 'call',
    });
    await none.start();
    expect(blocked.spies.startContentShareFromScreenCapture).not.toHaveBeenCalled();
    expect(blockedStore.getSnapshot().screenShare).toEqual({
      status: 'unavailable',
      reason: 'call',
    });

    const store = createMediaStateStore();
    const fake = fakeAudioVideo(async () => ({}) as MediaStream);
    const share = createChimeScreenShare({ ...fake, store, logger, blocker: undefined });
    await share.start();
    fake.emit('contentShareDidStart');
    share.release();
    expect(fake.spies.stopContentShare).toHaveBeenCalledTimes(1);
    expect(fake.observers.size).toBe(0);
    expect(store.getSnapshot().screenShare).toEqual({ status: 'off' });
  });
});
