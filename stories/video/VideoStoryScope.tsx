import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { createFakeMeetingAdapter, VideoProvider } from 'contact-kit/video';
import type { FakeMeetingAdapter, FakeMeetingAdapterOptions } from 'contact-kit/video';

/** Web-call data shaped like `POST /admin/webrtc`'s answer; the fake adapter never dials it. */
export const storyConnectionData = {
  ConnectionData: {
    Attendee: { AttendeeId: 'customer-attendee', JoinToken: 'story-join-token' },
    Meeting: {
      MeetingId: 'story-meeting',
      MediaPlacement: {
        AudioHostUrl: 'audio.invalid:3478',
        SignalingUrl: 'ws://127.0.0.1:9/control/story-meeting',
      },
    },
  },
};

const COLORS: Record<string, string> = {
  'customer-attendee': '#1d4ed8',
  'agent-attendee': '#15803d',
};

/**
 * Paints a still test card into a `<video>` where the browser can (Storybook in Chromium), so the
 * tiles show something; does nothing under jsdom (no `captureStream`).
 */
function attachTestCard(element: HTMLVideoElement, source: { attendeeId?: string }): void {
  if (typeof document === 'undefined' || !('captureStream' in HTMLCanvasElement.prototype)) {
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const context = canvas.getContext('2d');
  if (!context) {
    return;
  }
  context.fillStyle = COLORS[source.attendeeId ?? 'customer-attendee'] ?? '#7c3aed';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#ffffff';
  context.font = '32px system-ui, sans-serif';
  context.fillText(source.attendeeId ?? 'preview', 24, 56);
  element.srcObject = canvas.captureStream(1);
}

/**
 * A scripted state for a story: the fake adapter's options, whether to join on mount, and what
 * to do to the fake once the call has started.
 */
export interface VideoScenario {
  fake?: FakeMeetingAdapterOptions;
  autoJoin?: boolean | { videoOff?: boolean };
  afterStart?: (adapter: FakeMeetingAdapter) => void;
}

/** Renders `children` inside a VideoProvider over a fresh fake adapter driven into `scenario`. */
export function VideoStoryScope({
  scenario,
  children,
}: {
  scenario: VideoScenario;
  children: ReactNode;
}): ReactNode {
  const [adapter] = useState(() =>
    createFakeMeetingAdapter({ attachMedia: attachTestCard, ...scenario.fake }),
  );
  const { afterStart } = scenario;
  useEffect(() => {
    if (!afterStart) {
      return undefined;
    }
    let applied = false;
    return adapter.observeStatus((event) => {
      if (event.type === 'started' && !applied) {
        applied = true;
        queueMicrotask(() => afterStart(adapter));
      }
    });
  }, [adapter, afterStart]);
  return (
    <VideoProvider
      adapter={adapter}
      connectionData={storyConnectionData}
      storage={null}
      {...(scenario.autoJoin !== undefined ? { autoJoin: scenario.autoJoin } : {})}
    >
      {children}
    </VideoProvider>
  );
}
