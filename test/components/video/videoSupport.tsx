import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import type { ReactElement } from 'react';
import { ContactKitThemeProvider } from 'contact-kit';
import { VideoProvider } from 'contact-kit/video';
import type { VideoProviderProps } from 'contact-kit/video';
import { createFakeMeetingAdapter, fakeWebCallConnectionData } from 'contact-kit/testing';
import type { FakeMeetingAdapter, FakeMeetingAdapterOptions } from 'contact-kit/testing';

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
        connectionData={fakeWebCallConnectionData}
        storage={null}
        {...options.provider}
      >
        {ui}
      </VideoProvider>
    </ContactKitThemeProvider>
  );
  return { adapter, ...render(options.strict ? <StrictMode>{tree}</StrictMode> : tree) };
}
