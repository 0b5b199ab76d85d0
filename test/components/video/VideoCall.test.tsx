import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MEETING_STATUS_CODES, VideoCall } from 'contact-kit/video';
import { expectNoAxeViolations } from '../support';
import { renderVideo } from './videoSupport';

const tileOf = (container: HTMLElement, attendeeId: string) =>
  container.querySelector<HTMLElement>(`[data-attendee-id="${attendeeId}"]`);

async function joinCall() {
  await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
}

describe('VideoCall pre-join screen', () => {
  it('shows the preview, level meter, device pickers and the Join call button', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    expect(await screen.findByLabelText('Camera preview')).toBeInTheDocument();
    await waitFor(() => expect(adapter.calls.startPreview).toBeGreaterThan(0));
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toHaveAttribute('value', '0.4');
    expect(screen.getByRole('combobox', { name: 'Camera' })).toHaveValue('cam-1');
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toHaveValue('mic-1');
    expect(screen.getByRole('combobox', { name: 'Speaker' })).toHaveValue('speaker-1');
    expect(screen.getByRole('checkbox', { name: 'Join with camera off' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Join call' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('picks a device through the adapter', async () => {
    const { adapter } = renderVideo(<VideoCall />, {
      fake: {
        devices: {
          videoinput: [
            { deviceId: 'cam-1', label: 'Front' },
            { deviceId: 'cam-2', label: '' },
          ],
        },
      },
    });
    const camera = screen.getByRole('combobox', { name: 'Camera' });
    expect(within(camera).getByRole('option', { name: 'Device 2' })).toBeInTheDocument();
    await userEvent.selectOptions(camera, 'cam-2');
    expect(adapter.getSnapshot().selected.videoinput).toBe('cam-2');
  });

  it('runs the permission doctor: blocked camera, with a fix and Check again', async () => {
    const { container, adapter } = renderVideo(<VideoCall />, {
      fake: { previewError: new DOMException('Permission denied', 'NotAllowedError') },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Camera or microphone blocked');
    expect(alert).toHaveTextContent('Allow this site to use your camera and microphone');
    const before = adapter.calls.startPreview;
    await userEvent.click(within(alert).getByRole('button', { name: 'Check again' }));
    expect(adapter.calls.startPreview).toBe(before + 1);
    await expectNoAxeViolations(container);
  });

  it('tells an OS-level block apart from a site block', async () => {
    renderVideo(<VideoCall />, {
      fake: { previewError: new DOMException('Permission denied by system', 'NotAllowedError') },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your computer blocks the browser');
  });

  it('joins with the camera off when asked', async () => {
    const { adapter, container } = renderVideo(<VideoCall />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Join with camera off' }));
    expect(adapter.getSnapshot().videoEnabled).toBe(false);
    expect(screen.getByText('Your camera is off')).toBeInTheDocument();
    await joinCall();
    expect(adapter.lastJoinOptions).toEqual({ videoOff: true });
    const self = await waitFor(() => {
      const tile = tileOf(container, 'customer-attendee');
      expect(tile).not.toBeNull();
      return tile!;
    });
    expect(self).toHaveAttribute('data-video', 'off');
  });
});

describe('VideoCall states', () => {
  it('joining: the status region says so and Join call is busy', async () => {
    const { container, adapter } = renderVideo(<VideoCall />, { fake: { startMode: 'manual' } });
    await joinCall();
    expect(await screen.findByRole('status')).toHaveTextContent('Joining the call…');
    expect(screen.getByRole('button', { name: 'Join call' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await joinCall();
    expect(adapter.calls.join).toBe(1);
    await expectNoAxeViolations(container);
    act(() => adapter.completeStart());
    expect(await screen.findByRole('button', { name: 'Leave call' })).toBeInTheDocument();
  });

  it('in call: agent and self tiles with data-attendee-id, each holding its bound <video>', async () => {
    const { container, adapter } = renderVideo(<VideoCall agentName="Sam" />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    const agent = tileOf(container, 'agent-attendee')!;
    const self = tileOf(container, 'customer-attendee')!;
    expect(agent).toHaveAccessibleName('Video of Sam');
    expect(self).toHaveAccessibleName('Video of You');
    expect(agent).toHaveAttribute('data-size', 'large');
    expect(self).toHaveAttribute('data-size', 'small');
    const agentVideo = agent.querySelector('video')!;
    const selfVideo = self.querySelector('video')!;
    expect(agentVideo).toBeVisible();
    const agentTileId = adapter
      .getSnapshot()
      .tiles.find((t) => t.attendeeId === 'agent-attendee')!.tileId;
    expect(adapter.boundElements.get(agentTileId)).toBe(agentVideo);
    expect([...adapter.boundElements.values()]).toContain(selfVideo);
    await expectNoAxeViolations(container);
  });

  it('tiles follow the roster: a second participant joins and leaves', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.addAttendee({ attendeeId: 'supervisor-1', name: 'Lee' }));
    expect(tileOf(container, 'supervisor-1')).toHaveAccessibleName('Video of Lee');
    act(() => adapter.removeAttendee('supervisor-1'));
    expect(tileOf(container, 'supervisor-1')).toBeNull();
  });

  it('camera off: the tile keeps its <video> (hidden) and shows an avatar and "Camera off"', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.setRemoteVideo('agent-attendee', false));
    const agent = tileOf(container, 'agent-attendee')!;
    expect(agent).toHaveAttribute('data-video', 'off');
    expect(agent.querySelector('video')).not.toBeVisible();
    expect(within(agent).getByText('Camera off')).toBeInTheDocument();
    expect(within(agent).getByText('A')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('muted: the remote mark shows, and the controls mute and switch the camera through the adapter', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.setRemoteMuted('agent-attendee', true));
    expect(within(tileOf(container, 'agent-attendee')!).getByText('Muted')).toBeInTheDocument();

    const controls = screen.getByRole('group', { name: 'Call controls' });
    await userEvent.click(within(controls).getByRole('button', { name: 'Mute' }));
    expect(adapter.getSnapshot().muted).toBe(true);
    expect(within(controls).getByRole('button', { name: 'Unmute' })).toBeInTheDocument();
    expect(within(tileOf(container, 'customer-attendee')!).getByText('Muted')).toBeInTheDocument();

    await userEvent.click(within(controls).getByRole('button', { name: 'Turn camera off' }));
    expect(adapter.getSnapshot().videoEnabled).toBe(false);
    expect(tileOf(container, 'customer-attendee')).toHaveAttribute('data-video', 'off');
    expect(within(controls).getByRole('button', { name: 'Turn camera on' })).toBeInTheDocument();

    const devices = within(controls).getByRole('button', { name: 'Devices' });
    expect(devices).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(devices);
    expect(devices).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toBeInTheDocument();
    expect(adapter.calls.setMuted).toBe(1);
    expect(adapter.calls.setVideoEnabled).toBe(1);
    await expectNoAxeViolations(container);
  });

  it('reconnecting: a role="status" banner, then back to normal', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.dropConnection());
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting to the call…');
    await expectNoAxeViolations(container);
    act(() => adapter.restoreConnection());
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('ended by the agent: the ended screen', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.endMeeting());
    expect(screen.getByRole('heading', { name: 'Call ended' })).toBeInTheDocument();
    expect(container.querySelector('[data-attendee-id]')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('leave: Leave call leaves through the adapter, and Rejoin call joins again', async () => {
    const { adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await userEvent.click(await screen.findByRole('button', { name: 'Leave call' }));
    expect(adapter.calls.leave).toBe(1);
    expect(screen.getByRole('heading', { name: 'You left the call' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rejoin call' }));
    expect(await screen.findByRole('button', { name: 'Leave call' })).toBeInTheDocument();
    expect(adapter.calls.join).toBe(2);
  });

  it('failed by a status code: the reason and Try again back to the pre-join screen', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.stop(MEETING_STATUS_CODES.SignalingChannelClosedUnexpectedly));
    expect(
      screen.getByRole('heading', { name: 'The call could not continue' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The connection to the call was lost.')).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'Join call' })).toBeInTheDocument();
  });

  it('failed joining because the camera is busy: permission hints on the failure screen', async () => {
    const { container } = renderVideo(<VideoCall />, {
      fake: { joinError: new DOMException('Could not start video source', 'NotReadableError') },
    });
    await joinCall();
    expect(
      await screen.findByRole('heading', { name: 'The call could not continue' }),
    ).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The device is busy');
    expect(alert).toHaveTextContent('Close other apps or tabs');
    await expectNoAxeViolations(container);
  });

  it('another device took over: JOINED_FROM_ANOTHER_DEVICE, no Try again', async () => {
    const { adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    act(() => adapter.stop(MEETING_STATUS_CODES.AudioJoinedFromAnotherDevice));
    expect(
      screen.getByText('You joined this call from another tab or device.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('translates the call UI (German)', async () => {
    renderVideo(<VideoCall locale="de" />);
    expect(await screen.findByRole('button', { name: 'Anruf beitreten' })).toBeInTheDocument();
  });
});

describe('VideoProvider lifecycle', () => {
  it('StrictMode with autoJoin joins once, and unmount leaves', async () => {
    const { adapter, unmount } = renderVideo(<VideoCall />, {
      strict: true,
      provider: { autoJoin: true },
    });
    expect(await screen.findByRole('button', { name: 'Leave call' })).toBeInTheDocument();
    expect(adapter.calls.join).toBe(1);
    expect(adapter.calls.start).toBe(1);
    expect(adapter.calls.leave).toBe(0);
    unmount();
    await waitFor(() => expect(adapter.calls.leave).toBe(1));
    // An adapter passed in is the caller's: the provider leaves the call but does not destroy it.
    expect(adapter.calls.destroy).toBe(0);
  });

  it('StrictMode without autoJoin: one join per click', async () => {
    const { adapter } = renderVideo(<VideoCall />, { strict: true });
    await joinCall();
    await screen.findByRole('button', { name: 'Leave call' });
    expect(adapter.calls.join).toBe(1);
  });
});
