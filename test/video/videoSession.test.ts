import { describe, expect, it } from 'vitest';
import { createFakeMeetingAdapter } from 'contact-kit/testing';
import { createVideoSession, DEVICE_CHOICE_KEY, MEETING_STATUS_CODES } from 'contact-kit/video';
import { memoryStorage } from '../fakes/memoryStorage';

const connection = {
  ConnectionData: {
    Attendee: { AttendeeId: 'customer-1', JoinToken: 'join-1' },
    Meeting: {
      MeetingId: 'meeting-1',
      MediaPlacement: { AudioHostUrl: 'audio:3478', SignalingUrl: 'ws://127.0.0.1:1/control/m' },
    },
  },
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createVideoSession', () => {
  it('waits for the connection data, then joins and starts the adapter once', async () => {
    const adapter = createFakeMeetingAdapter();
    const session = createVideoSession({ adapter });
    session.attach();
    session.join({ videoOff: true });
    session.join();
    expect(session.getSnapshot()).toEqual({ status: 'joining', videoOff: true });
    await flush();
    expect(adapter.calls.join).toBe(0);
    session.setConnection(connection);
    await flush();
    expect(adapter.calls.join).toBe(1);
    expect(adapter.calls.start).toBe(1);
    expect(adapter.lastJoinOptions).toEqual({ videoOff: true });
    expect(session.getSnapshot().status).toBe('joined');
    expect(adapter.getSnapshot().roster.map((a) => a.attendeeId)).toEqual([
      'customer-1',
      'agent-attendee',
    ]);
  });

  it('fails with CONNECTION_REQUEST_FAILED when the data cannot be had', async () => {
    const session = createVideoSession({ adapter: createFakeMeetingAdapter() });
    session.join();
    session.setConnectionError(new Error('403'));
    await flush();
    const state = session.getSnapshot();
    expect(state.status === 'failed' && state.error.code).toBe('CONNECTION_REQUEST_FAILED');
  });

  it('fails with INVALID_CONNECTION_DATA on bad data (not retryable)', async () => {
    const session = createVideoSession({ adapter: createFakeMeetingAdapter() });
    session.setConnection({ ConnectionData: { Attendee: { AttendeeId: 'x' } } });
    session.join();
    await flush();
    const state = session.getSnapshot();
    expect(state.status === 'failed' && state.error.code).toBe('INVALID_CONNECTION_DATA');
    expect(state.status === 'failed' && state.error.retryable).toBe(false);
  });

  it('leaving while joining stops the join before start', async () => {
    const adapter = createFakeMeetingAdapter();
    const session = createVideoSession({ adapter });
    session.join();
    session.leave();
    session.setConnection(connection);
    await flush();
    expect(session.getSnapshot().status).toBe('left');
    expect(adapter.calls.join).toBe(0);
    expect(adapter.calls.start).toBe(0);
    expect(adapter.calls.leave).toBe(1);
  });

  it('follows the adapter: reconnecting, back, and ended by the agent', async () => {
    const adapter = createFakeMeetingAdapter();
    const session = createVideoSession({ adapter });
    session.attach();
    session.setConnection(connection);
    session.join();
    await flush();
    adapter.dropConnection();
    expect(session.getSnapshot().status).toBe('reconnecting');
    adapter.restoreConnection();
    expect(session.getSnapshot().status).toBe('joined');
    adapter.endMeeting();
    expect(session.getSnapshot()).toEqual({ status: 'ended', reason: 'meeting-ended' });
    adapter.stop(MEETING_STATUS_CODES.TaskFailed);
    expect(session.getSnapshot().status).toBe('ended');
  });

  it('keeps the call across a detach/attach in the same tick (StrictMode) and leaves after the last detach', async () => {
    const adapter = createFakeMeetingAdapter();
    const session = createVideoSession({ adapter, ownsAdapter: true });
    const first = session.attach();
    session.setConnection(connection);
    session.join();
    first();
    const second = session.attach();
    await flush();
    expect(session.getSnapshot().status).toBe('joined');
    expect(adapter.calls.leave).toBe(0);
    second();
    await flush();
    expect(session.getSnapshot().status).toBe('left');
    expect(adapter.calls.leave).toBe(1);
    expect(adapter.calls.destroy).toBe(1);
  });

  it('restores the persisted device choice and falls back when a device is unplugged', async () => {
    const storage = memoryStorage();
    storage.data.set(DEVICE_CHOICE_KEY, JSON.stringify({ videoinput: 'cam-2' }));
    const adapter = createFakeMeetingAdapter({
      devices: {
        videoinput: [
          { deviceId: 'cam-1', label: 'One' },
          { deviceId: 'cam-2', label: 'Two' },
        ],
      },
    });
    const session = createVideoSession({ adapter, storage });
    session.attach();
    await flush();
    expect(adapter.getSnapshot().selected.videoinput).toBe('cam-2');

    await session.selectDevice('videoinput', 'cam-1');
    expect(JSON.parse(storage.data.get(DEVICE_CHOICE_KEY)!)).toEqual({ videoinput: 'cam-1' });

    adapter.setDevices('videoinput', [
      { deviceId: 'cam-2', label: 'Two' },
      { deviceId: 'cam-3', label: 'Three' },
    ]);
    await flush();
    expect(adapter.getSnapshot().selected.videoinput).toBe('cam-2');
  });
});
