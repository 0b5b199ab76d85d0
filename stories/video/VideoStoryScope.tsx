import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { VideoProvider } from 'contact-kit/video';
import {
  createFakeMeetingAdapter,
  fakeWebCallConnectionData,
  paintTestCard,
} from 'contact-kit/testing';
import type { FakeMeetingAdapter, FakeMeetingAdapterOptions } from 'contact-kit/testing';

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
    createFakeMeetingAdapter({ attachMedia: paintTestCard, ...scenario.fake }),
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
      connectionData={fakeWebCallConnectionData}
      storage={null}
      {...(scenario.autoJoin !== undefined ? { autoJoin: scenario.autoJoin } : {})}
    >
      {children}
    </VideoProvider>
  );
}
