import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactElement } from 'react';
import { ContactKitThemeProvider } from 'contact-kit';
import { createFakeMeetingAdapter, VideoProvider } from 'contact-kit/video';
import type {
  FakeMeetingAdapter,
  FakeMeetingAdapterOptions,
  VideoProviderProps,
} from 'contact-kit/video';

/** Connect web-call data as `POST /admin/webrtc` returns it. */
export const connectionData = {
  ConnectionData: {
    Attendee: { AttendeeId: 'customer-attendee', JoinToken: 'join-token' },
    Meeting: {
      MeetingId: 'meeting-1',
      MediaPlacement: {
        AudioHostUrl: 'audio.example:3478',
        SignalingUrl: 'ws://127.0.0.1:1/control/meeting-1',
      },
    },
  },
};

/** Renders `ui` in a theme root inside a VideoProvider over a fake adapter the test drives. */
export function renderVideo(
  ui: ReactElement,
  options: {
    adapter?: FakeMeetingAdapter;
    fake?: FakeMeetingAdapterOptions;
    provider?: Omit<VideoProviderProps, 'adapter' | 'children'>;
    strict?: boolean;
  } = {},
) {
  const adapter = options.adapter ?? createFakeMeetingAdapter(options.fake);
  const tree = (
    <ContactKitThemeProvider>
      <VideoProvider
        adapter={adapter}
        connectionData={connectionData}
        storage={null}
        {...options.provider}
      >
        {ui}
      </VideoProvider>
    </ContactKitThemeProvider>
  );
  return { adapter, ...render(options.strict ? <StrictMode>{tree}</StrictMode> : tree) };
}
