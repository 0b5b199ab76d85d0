// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'self', 'localStorage'] as const;

/** Records every read of a browser global while `run` executes. */
async function recordBrowserGlobalReads<T>(run: () => Promise<T>) {
  const reads: string[] = [];
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of BROWSER_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const original: unknown = (globalThis as Record<string, unknown>)[name];
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push(name);
        return original;
      },
    });
  }
  try {
    return { value: await run(), reads };
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) {
        Object.defineProperty(globalThis, name, descriptor);
      } else {
        delete (globalThis as Record<string, unknown>)[name];
      }
    }
  }
}

describe('video server rendering', () => {
  it('imports contact-kit/video and renders VideoCall with the Chime adapter without browser globals', async () => {
    const error = vi.spyOn(console, 'error');
    const { createElement: h } = await import('react');
    const { renderToString } = await import('react-dom/server');
    // Peers are loaded first: only our modules and our render are watched.
    await import('@tanstack/react-query');
    await import('styled-components');
    await import('amazon-chime-sdk-js');
    await import('amazon-chime-sdk-component-library-react');

    const { value: html, reads } = await recordBrowserGlobalReads(async () => {
      const video = await import('contact-kit/video');
      return renderToString(
        h(
          video.VideoProvider,
          { participantToken: 'token', endpoint: 'http://127.0.0.1:4010' },
          h(video.VideoCall),
        ),
      );
    });
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('Join call');
    expect(reads).toEqual([]);
    expect(error).not.toHaveBeenCalled();
  });
});
