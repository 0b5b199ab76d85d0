import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VideoCall } from 'contact-kit/video';
import { expectNoAxeViolations } from '../support';
import { renderVideo } from './videoSupport';

const tileOf = (container: HTMLElement, attendeeId: string) =>
  container.querySelector<HTMLElement>(`[data-attendee-id="${attendeeId}"]`);

async function joinCall() {
  await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
  await screen.findByRole('group', { name: 'Call controls' });
}

const controls = () => within(screen.getByRole('group', { name: 'Call controls' }));

describe('VideoCall screen sharing', () => {
  it("puts the agent's shared screen on the stage, cameras beside it, and takes it away", async () => {
    const { container, adapter } = renderVideo(<VideoCall agentName="Sam" />);
    await joinCall();
    act(() => adapter.setRemoteScreenShare('agent-attendee', true));

    const screenTile = tileOf(container, 'agent-attendee#content');
    expect(screenTile).not.toBeNull();
    expect(screenTile).toHaveAccessibleName("Sam's shared screen");
    expect(screenTile!.querySelector('video')).not.toBeNull();
    const tile = adapter.getSnapshot().tiles.find((t) => t.attendeeId === 'agent-attendee#content');
    expect(adapter.boundElements.get(tile!.tileId)).toBe(screenTile!.querySelector('video'));
    // The agent's camera is still shown, now in the strip.
    expect(tileOf(container, 'agent-attendee')).toHaveAttribute('data-size', 'strip');
    await expectNoAxeViolations(container);

    act(() => adapter.setRemoteScreenShare('agent-attendee', false));
    expect(tileOf(container, 'agent-attendee#content')).toBeNull();
    expect(tileOf(container, 'agent-attendee')).toHaveAttribute('data-size', 'large');
  });

  it('shares the customer screen with a visible state, Stop, and the browser’s own stop', async () => {
    const { container, adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await userEvent.click(controls().getByRole('button', { name: 'Share screen' }));
    expect(adapter.calls.startScreenShare).toBe(1);
    expect(await screen.findByText('You are sharing your screen')).toBeInTheDocument();
    expect(controls().getByRole('button', { name: 'Stop sharing' })).toBeInTheDocument();
    // Its own share is not put on its own stage.
    expect(container.querySelector('[data-content="true"]')).toBeNull();
    await expectNoAxeViolations(container);

    const banner = screen.getByTestId('sharing-banner');
    await userEvent.click(within(banner).getByRole('button', { name: 'Stop sharing' }));
    expect(adapter.calls.stopScreenShare).toBe(1);
    expect(screen.queryByText('You are sharing your screen')).toBeNull();
    expect(controls().getByRole('button', { name: 'Share screen' })).toBeInTheDocument();

    await userEvent.click(controls().getByRole('button', { name: 'Share screen' }));
    expect(await screen.findByText('You are sharing your screen')).toBeInTheDocument();
    act(() => adapter.endScreenShare());
    expect(screen.queryByText('You are sharing your screen')).toBeNull();
    expect(screen.queryByText(/problem|cancelled/)).toBeNull();
  });

  it.each([
    ['browser', "This browser can't share a screen."],
    ['call', "Screen sharing isn't allowed in this call."],
  ] as const)('says why sharing is unavailable (%s) when asked', async (reason, text) => {
    const { container, adapter } = renderVideo(<VideoCall />, {
      fake: { screenShareUnavailable: reason },
    });
    await joinCall();
    const button = controls().getByRole('button', { name: 'Share screen' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByText(text)).toBeNull();
    await userEvent.click(button);
    expect(adapter.calls.startScreenShare).toBe(0);
    expect(await screen.findByText(text)).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it.each([
    [new DOMException('Permission denied', 'NotAllowedError'), 'Screen sharing was cancelled.'],
    [new Error('capture failed'), 'Screen sharing stopped because of a problem. Try again.'],
  ])('reports a share that did not start (%s)', async (error, text) => {
    renderVideo(<VideoCall />, { fake: { screenShareError: error } });
    await joinCall();
    await userEvent.click(controls().getByRole('button', { name: 'Share screen' }));
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByText('You are sharing your screen')).toBeNull();
  });
});

describe('VideoCall speakers and connection', () => {
  it('rings the active speaker, follows microphone activity and marks weak signals', async () => {
    const { container, adapter } = renderVideo(<VideoCall agentName="Sam" />);
    await joinCall();
    const agent = () => tileOf(container, 'agent-attendee')!;
    expect(agent()).not.toHaveAttribute('data-speaking');
    act(() => {
      adapter.setActiveSpeaker('agent-attendee');
      adapter.setRemoteVolume('agent-attendee', 0.6, 0.5);
    });
    expect(agent()).toHaveAttribute('data-speaking', 'true');
    expect(agent().style.getPropertyValue('--ck-mic-level')).toBe('0.6');
    expect(within(agent()).getByText('Speaking')).toBeInTheDocument();
    expect(within(agent()).getByText('Poor connection')).toBeInTheDocument();

    act(() => {
      adapter.setActiveSpeaker(undefined);
      adapter.setRemoteVolume('agent-attendee', 0, 1);
    });
    expect(agent()).not.toHaveAttribute('data-speaking');
    expect(within(agent()).queryByText('Poor connection')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('tells the customer when their own connection is poor', async () => {
    const { adapter } = renderVideo(<VideoCall />);
    await joinCall();
    act(() => adapter.setConnectionQuality('poor'));
    expect(screen.getByText('Your connection is poor. Video may freeze.')).toBeInTheDocument();
    act(() => adapter.setConnectionQuality('good'));
    expect(screen.queryByText('Your connection is poor. Video may freeze.')).toBeNull();
  });

  it('switches the browser’s noise suppression and echo cancellation', async () => {
    const { adapter } = renderVideo(<VideoCall />);
    await joinCall();
    await userEvent.click(controls().getByRole('button', { name: 'Devices' }));
    const box = screen.getByRole('checkbox', { name: 'Noise suppression and echo cancellation' });
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(adapter.calls.setVoiceProcessing).toBe(1);
    expect(adapter.getSnapshot().voiceProcessing).toBe('off');
    expect(box).not.toBeChecked();
  });

  it('hides that switch where the browser cannot switch it', async () => {
    renderVideo(<VideoCall />, { fake: { initialState: { voiceProcessing: 'unsupported' } } });
    await joinCall();
    await userEvent.click(controls().getByRole('button', { name: 'Devices' }));
    expect(screen.queryByRole('checkbox', { name: /Noise suppression/ })).toBeNull();
  });
});
