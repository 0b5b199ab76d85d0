import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { MEETING_STATUS_CODES, VideoCall } from 'contact-kit/video';
import type { FakeMeetingAdapter } from 'contact-kit/testing';
import { VideoStoryScope } from './VideoStoryScope';
import type { VideoScenario } from './VideoStoryScope';

/** Each story names its scenario in `parameters.video`; the fake adapter plays it. */
const withFakeMeeting: Decorator = (Story, context) => {
  const scenario = (context.parameters.video ?? {}) as VideoScenario;
  return (
    <VideoStoryScope scenario={scenario}>
      <Story />
    </VideoStoryScope>
  );
};

const meta = {
  title: 'Video/VideoCall',
  component: VideoCall,
  decorators: [withFakeMeeting],
  parameters: { layout: 'padded' },
  args: { agentName: 'Sam' },
} satisfies Meta<typeof VideoCall>;

export default meta;
type Story = StoryObj<typeof meta>;

const blocked = (name: string, message: string): VideoScenario => ({
  fake: { previewError: new DOMException(message, name) },
});

/** Before joining: preview, microphone level, device pickers, "Join with camera off", "Join call". */
export const PreJoin: Story = {
  parameters: {
    video: {
      fake: {
        devices: {
          videoinput: [
            { deviceId: 'cam-1', label: 'FaceTime HD Camera' },
            { deviceId: 'cam-2', label: 'USB Camera' },
          ],
        },
      },
    },
  },
};

/** The site is blocked from the camera and microphone: the permission doctor explains the fix. */
export const PermissionBlocked: Story = {
  parameters: { video: blocked('NotAllowedError', 'Permission denied') },
};

/** The operating system blocks the browser (macOS/Windows privacy settings). */
export const SystemBlocked: Story = {
  parameters: { video: blocked('NotAllowedError', 'Permission denied by system') },
};

/** Another app holds the camera. */
export const DeviceBusy: Story = {
  parameters: { video: blocked('NotReadableError', 'Could not start video source') },
};

/** No camera or microphone connected. */
export const NoDevices: Story = {
  parameters: {
    video: {
      fake: {
        devices: { videoinput: [], audioinput: [], audiooutput: [] },
        previewError: new DOMException('Requested device not found', 'NotFoundError'),
      },
    },
  },
};

/** Joining: the status region says so; Join call is busy. */
export const Joining: Story = {
  parameters: { video: { autoJoin: true, fake: { startMode: 'manual' } } },
};

/** In the call: the agent large, the self view small, the control bar. */
export const InCall: Story = {
  parameters: { video: { autoJoin: true } },
};

/** The agent's camera is off: avatar and name instead of video. */
export const AgentCameraOff: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => adapter.setRemoteVideo('agent-attendee', false),
    },
  },
};

/** Joined with the camera off, and the microphone muted. */
export const SelfCameraOffAndMuted: Story = {
  parameters: {
    video: {
      autoJoin: { videoOff: true },
      afterStart: (adapter: FakeMeetingAdapter) => adapter.setMuted(true),
    },
  },
};

/** The agent muted their microphone. */
export const AgentMuted: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => adapter.setRemoteMuted('agent-attendee', true),
    },
  },
};

/** Waiting for the agent: nobody else in the call yet. */
export const WaitingForAgent: Story = {
  parameters: { video: { autoJoin: true, fake: { agent: null } } },
};

/** The connection dropped: the reconnecting banner (role="status"). */
export const Reconnecting: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => adapter.dropConnection(),
    },
  },
};

/** The agent ended the call. */
export const Ended: Story = {
  parameters: {
    video: { autoJoin: true, afterStart: (adapter: FakeMeetingAdapter) => adapter.endMeeting() },
  },
};

/** The customer left: Rejoin call. */
export const Left: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => adapter.stop(MEETING_STATUS_CODES.Left),
    },
  },
};

/** The connection could not be kept: the reason and Try again. */
export const Failed: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) =>
        adapter.stop(MEETING_STATUS_CODES.SignalingChannelClosedUnexpectedly),
    },
  },
};

/** Joining failed because the camera is busy: the failure screen carries the permission hints. */
export const FailedDeviceBusy: Story = {
  parameters: {
    video: {
      autoJoin: true,
      fake: { joinError: new DOMException('Could not start video source', 'NotReadableError') },
    },
  },
};

/** The agent shares their screen: it takes the stage, the cameras move to the strip beside it. */
export const AgentSharingScreen: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => {
        adapter.setRemoteScreenShare('agent-attendee', true);
        adapter.setActiveSpeaker('agent-attendee');
        adapter.setRemoteVolume('agent-attendee', 0.6);
      },
    },
  },
};

/** The customer shares their screen: "You are sharing your screen" with Stop sharing. */
export const YouAreSharing: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => void adapter.startScreenShare(),
    },
  },
};

/**
 * The contact's `AllowedCapabilities` do not include screen sharing: Share screen stays
 * focusable but `aria-disabled`, and pressing it says why.
 */
export const ScreenShareNotAllowed: Story = {
  parameters: { video: { autoJoin: true, fake: { screenShareUnavailable: 'call' } } },
};

/** The browser has no screen capture (phones): Share screen explains it cannot share. */
export const ScreenShareUnsupported: Story = {
  parameters: { video: { autoJoin: true, fake: { screenShareUnavailable: 'browser' } } },
};

/** Sharing could not start (capture failed): the note says so and Share screen is back. */
export const ScreenShareFailed: Story = {
  parameters: {
    video: {
      autoJoin: true,
      fake: { screenShareError: new DOMException('Could not start capture', 'NotReadableError') },
      afterStart: (adapter: FakeMeetingAdapter) => void adapter.startScreenShare(),
    },
  },
};

/** The agent speaks (full ring) on a weak signal, and the customer's own connection is poor. */
export const SpeakingOnPoorConnection: Story = {
  parameters: {
    video: {
      autoJoin: true,
      afterStart: (adapter: FakeMeetingAdapter) => {
        adapter.setActiveSpeaker('agent-attendee');
        adapter.setRemoteVolume('agent-attendee', 0.8, 0.5);
        adapter.setConnectionQuality('poor');
      },
    },
  },
};

/** The in-call view in the dark theme. */
export const DarkInCall: Story = {
  parameters: { video: { autoJoin: true } },
  globals: { theme: 'dark' },
};

/** The pre-join screen in Arabic (right to left). */
export const ArabicPreJoin: Story = {
  globals: { locale: 'ar' },
  args: { locale: 'ar' },
};
