import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import preview from '../../../.storybook/preview';
import { axeViolations } from '../Interactive/interactiveFixtures';
import * as stories from '../../../stories/video/VideoCall.stories';

setProjectAnnotations(preview);
const {
  PreJoin,
  PermissionBlocked,
  Joining,
  InCall,
  AgentCameraOff,
  Reconnecting,
  Ended,
  Failed,
  FailedDeviceBusy,
  DarkInCall,
  ArabicPreJoin,
  AgentSharingScreen,
  YouAreSharing,
  ScreenShareNotAllowed,
  ScreenShareFailed,
  SpeakingOnPoorConnection,
} = composeStories(stories);

/** The video stories reach the state they are named after (the stories test checks axe). */
describe('VideoCall stories', () => {
  it('PreJoin shows the Join call button', () => {
    render(<PreJoin />);
    expect(screen.getByRole('button', { name: 'Join call' })).toBeInTheDocument();
  });

  it('PermissionBlocked shows the permission doctor', async () => {
    render(<PermissionBlocked />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Camera or microphone blocked');
  });

  it('Joining stays joining', async () => {
    render(<Joining />);
    expect(await screen.findByText('Joining the call…')).toBeInTheDocument();
  });

  it('InCall shows the agent and self tiles', async () => {
    const { container } = render(<InCall />);
    await screen.findByRole('button', { name: 'Leave call' });
    expect(container.querySelector('[data-attendee-id="agent-attendee"] video')).not.toBeNull();
    expect(container.querySelector('[data-attendee-id="customer-attendee"] video')).not.toBeNull();
  });

  it('AgentCameraOff shows the avatar', async () => {
    const { container } = render(<AgentCameraOff />);
    await screen.findByRole('button', { name: 'Leave call' });
    await screen.findByText('Camera off');
    expect(container.querySelector('[data-attendee-id="agent-attendee"]')).toHaveAttribute(
      'data-video',
      'off',
    );
  });

  it('Reconnecting shows the banner', async () => {
    render(<Reconnecting />);
    expect(await screen.findByText('Reconnecting to the call…')).toBeInTheDocument();
  });

  it('Ended, Failed and FailedDeviceBusy show their screens', async () => {
    const ended = render(<Ended />);
    expect(await screen.findByRole('heading', { name: 'Call ended' })).toBeInTheDocument();
    ended.unmount();
    const failed = render(<Failed />);
    expect(await screen.findByText('The connection to the call was lost.')).toBeInTheDocument();
    failed.unmount();
    render(<FailedDeviceBusy />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The device is busy');
  });

  it('DarkInCall follows the dark theme; ArabicPreJoin is right to left', async () => {
    const dark = render(<DarkInCall />);
    await screen.findByRole('button', { name: 'Leave call' });
    const roots = dark.container.querySelectorAll('[data-ck-root]');
    expect(roots[roots.length - 1]).toHaveAttribute('data-ck-theme', 'dark');
    dark.unmount();
    const rtl = render(<ArabicPreJoin />);
    expect(
      await screen.findByRole('button', { name: 'الانضمام إلى المكالمة' }),
    ).toBeInTheDocument();
    const rtlRoots = rtl.container.querySelectorAll('[data-ck-root]');
    expect(rtlRoots[rtlRoots.length - 1]).toHaveAttribute('dir', 'rtl');
  });

  it('AgentSharingScreen puts the content tile on the stage, axe clean', async () => {
    const { container } = render(<AgentSharingScreen />);
    await screen.findByRole('group', { name: "Sam's shared screen" });
    expect(
      container.querySelector('[data-attendee-id="agent-attendee#content"] video'),
    ).not.toBeNull();
    expect(container.querySelector('[data-attendee-id="agent-attendee"]')).toHaveAttribute(
      'data-speaking',
      'true',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('YouAreSharing shows the sharing bar with Stop sharing, axe clean', async () => {
    const { container } = render(<YouAreSharing />);
    expect(await screen.findByText('You are sharing your screen')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Stop sharing' })).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('ScreenShareNotAllowed keeps Share screen aria-disabled, axe clean', async () => {
    const { container } = render(<ScreenShareNotAllowed />);
    expect(await screen.findByRole('button', { name: 'Share screen' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('ScreenShareFailed says sharing stopped, axe clean', async () => {
    const { container } = render(<ScreenShareFailed />);
    expect(
      await screen.findByText('Screen sharing stopped because of a problem. Try again.'),
    ).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('SpeakingOnPoorConnection rings the speaker and warns about the connection, axe clean', async () => {
    const { container } = render(<SpeakingOnPoorConnection />);
    expect(
      await screen.findByText('Your connection is poor. Video may freeze.'),
    ).toBeInTheDocument();
    // The agent's weak signal and the customer's own poor connection.
    expect(await screen.findAllByText('Poor connection')).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);
  });
});
