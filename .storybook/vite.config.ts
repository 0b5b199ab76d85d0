import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** Vite config for Storybook only: the package specifiers resolve to the sources. */
export default defineConfig({
  plugins: [react()],
  // The Chime SDK (in the video stories' bundle) reads Node's `global`.
  define: { global: 'globalThis' },
  resolve: {
    alias: [
      { find: /^contact-kit$/, replacement: src('index.ts') },
      { find: /^contact-kit\/core$/, replacement: src('core/index.ts') },
      { find: /^contact-kit\/video$/, replacement: src('video/index.ts') },
      { find: /^contact-kit\/testing$/, replacement: src('testing/index.ts') },
    ],
  },
});
