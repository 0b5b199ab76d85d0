// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { recordBrowserGlobalReads } from '../../fakes/recordBrowserGlobalReads';

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
