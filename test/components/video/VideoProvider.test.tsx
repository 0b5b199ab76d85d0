import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ContactKitProvider } from 'contact-kit';
import { createFakeMeetingAdapter, fakeWebCallConnectionData } from 'contact-kit/testing';
import { useLocalMedia, useVideoCall, VideoCall, VideoProvider } from 'contact-kit/video';

const connectionData = fakeWebCallConnectionData;
const webRTCConnection = connectionData.ConnectionData;

function fakeParticipantService(status = 200) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    expect(url).toBe('http://127.0.0.1:4010/participant/connection');
    expect(new Headers(init?.headers).get('X-Amz-Bearer')).toBe('participant-token');
    expect(JSON.parse(String(init?.body))).toEqual({ Type: ['WEBRTC_CONNECTION'] });
    return status === 200
      ? new Response(JSON.stringify({ WebRTCConnection: webRTCConnection }), {
          status,
          headers: { 'content-type': 'application/json' },
        })
      : new Response(JSON.stringify({ message: 'denied' }), {
          status,
          headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
        });
  });
}

describe('VideoProvider with a participant token', () => {
  it('asks CreateParticipantConnection for WEBRTC_CONNECTION and joins with its data', async () => {
    const fetch = fakeParticipantService();
    const adapter = createFakeMeetingAdapter();
    render(
      <ContactKitProvider endpoint="http://127.0.0.1:4010" fetch={fetch}>
        <VideoProvider participantToken="participant-token" adapter={adapter} storage={null}>
          <VideoCall />
        </VideoProvider>
      </ContactKitProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(await screen.findByRole('button', { name: 'Leave call' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(adapter.getSnapshot().localAttendeeId).toBe('customer-attendee');
  });

  it('fails the join with CONNECTION_REQUEST_FAILED when the token is refused', async () => {
    const fetch = fakeParticipantService(403);
    render(
      <ContactKitProvider endpoint="http://127.0.0.1:4010" fetch={fetch}>
        <VideoProvider
          participantToken="participant-token"
          adapter={createFakeMeetingAdapter()}
          storage={null}
        >
          <VideoCall />
        </VideoProvider>
      </ContactKitProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(
      await screen.findByRole('heading', { name: 'The call could not continue' }),
    ).toBeInTheDocument();
  });
});

describe('video hooks', () => {
  function Probe() {
    const { status, join, leave } = useVideoCall();
    const { muted, toggleMute } = useLocalMedia();
    return (
      <div>
        <p>status {status}</p>
        <p>muted {String(muted)}</p>
        <button onClick={() => join()}>join</button>
        <button onClick={leave}>leave</button>
        <button onClick={toggleMute}>mute</button>
      </div>
    );
  }

  it('drive the session headlessly', async () => {
    const adapter = createFakeMeetingAdapter();
    render(
      <VideoProvider adapter={adapter} connectionData={connectionData} storage={null}>
        <Probe />
      </VideoProvider>,
    );
    expect(screen.getByText('status idle')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'join' }));
    expect(await screen.findByText('status joined')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'mute' }));
    expect(screen.getByText('muted true')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'leave' }));
    await waitFor(() => expect(screen.getByText('status left')).toBeInTheDocument());
  });

  it('throw outside a VideoProvider (misuse)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow(/VideoProvider/);
  });
});

describe('LazyVideoCall', () => {
  it('shows the fallback, then the call UI once the video kit has loaded', async () => {
    const { LazyVideoCall } = await import('../../../src/video/lazy/LazyVideoCall');
    render(
      <LazyVideoCall
        adapter={createFakeMeetingAdapter()}
        connectionData={connectionData}
        storage={null}
        fallback={<p>Loading video…</p>}
      />,
    );
    expect(screen.getByText('Loading video…')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Join call' })).toBeInTheDocument();
  });
});
