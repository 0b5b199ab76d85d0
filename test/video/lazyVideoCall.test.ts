import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the bench helpers are plain ESM without declarations.
import { bundleEntry, chimeModules } from '../../scripts/bench/bundle.mjs';

interface Chunk {
  fileName: string;
  moduleIds: string[];
}
interface Bundle {
  chunks: Chunk[];
  initial: string[];
}

describe('LazyVideoCall', () => {
  it('keeps the Chime SDK out of the initial JS of a page that renders it', async () => {
    const entry = new URL('../../src/video/lazy/LazyVideoCall.tsx', import.meta.url).pathname;
    const bundle = (await bundleEntry(
      'lazy-video-call',
      `import { LazyVideoCall } from ${JSON.stringify(entry)};\nglobalThis.__bench = { LazyVideoCall };\n`,
      { inlineChime: true, minify: false },
    )) as Bundle;
    const initial = bundle.chunks.filter((chunk) => bundle.initial.includes(chunk.fileName));
    const lazy = bundle.chunks.filter((chunk) => !bundle.initial.includes(chunk.fileName));
    expect(chimeModules(initial)).toEqual([]);
    // The detector sees Chime where it is: in the chunk loaded on demand.
    expect(chimeModules(lazy).length).toBeGreaterThan(0);
  }, 120_000);
});
