/// <reference types="vite/client" />
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { cleanup, configure, render, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import preview from '../../.storybook/preview';
import { axeViolations } from '../components/Interactive/interactiveFixtures';

// Under a loaded machine the async steps (start, connect, lazy catalogs) can take seconds.
configure({ asyncUtilTimeout: 10_000 });

type StoryModule = Parameters<typeof composeStories>[0];
/** A composed story renders as a component with its args, decorators and globals applied. */
const composeAll = (module: StoryModule) =>
  composeStories(module) as unknown as Record<string, ComponentType>;

const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true });

setProjectAnnotations(preview);

const cases = Object.entries(modules).flatMap(([path, module]) =>
  Object.entries(composeAll(module)).map(
    ([name, Story]) => [`${path.replace('../../stories/', '')} › ${name}`, Story] as const,
  ),
);

// No story may reach the network: a global fetch or WebSocket would fail the run.
const network = vi.fn();

describe('stories', { timeout: 30_000 }, () => {
  afterEach(cleanup);
  beforeAll(() => {
    vi.stubGlobal('fetch', (...args: unknown[]) => {
      network('fetch', ...args);
      return Promise.reject(new Error('stories must not call the network'));
    });
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor(url: string) {
          network('WebSocket', url);
          throw new Error('stories must not open sockets');
        }
      },
    );
  });
  afterAll(() => {
    expect(network).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('finds the stories of every component and prefab', () => {
    const files = Object.keys(modules).map((path) => path.replace('../../stories/', ''));
    for (const expected of [
      'components/MessageList.stories.tsx',
      'components/MessageBubble.stories.tsx',
      'components/Composer.stories.tsx',
      'components/ConnectionBanner.stories.tsx',
      'components/TypingIndicator.stories.tsx',
      'components/AttachmentView.stories.tsx',
      'components/Markdown.stories.tsx',
      'components/ListPicker.stories.tsx',
      'components/Panel.stories.tsx',
      'components/QuickReply.stories.tsx',
      'components/TimePicker.stories.tsx',
      'components/Carousel.stories.tsx',
      'components/InteractiveMessage.stories.tsx',
      'prefabs/ChatWidget.stories.tsx',
    ]) {
      expect(files).toContain(expected);
    }
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s renders with no axe violations', async (_name, Story) => {
    const { container } = render(<Story />);
    await waitFor(() => expect(container.querySelector('[data-ck-root]')).not.toBeNull());
    // Audit what the story shows once settled, not the widget's body while it still loads.
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull());
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('story globals', { timeout: 30_000 }, () => {
  it('applies the locale and theme a story asks for (RTL for Arabic, dark)', async () => {
    const list = composeAll(modules['../../stories/components/MessageList.stories.tsx']!);
    const Rtl = list.RightToLeft!;
    const Dark = list.Dark!;
    const rtl = render(<Rtl />);
    await waitFor(() =>
      expect(rtl.container.querySelector('[data-ck-root]')?.getAttribute('dir')).toBe('rtl'),
    );
    rtl.unmount();
    const dark = render(<Dark />);
    expect(dark.container.querySelector('[data-ck-root]')?.getAttribute('data-ck-theme')).toBe(
      'dark',
    );
  });
});
