import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const src = (path: string): string => here(`../src/${path}`);

/**
 * The demo (`npm run dev`): a multi-page app, the storefront (`index.html`) and the agent console
 * (`agent.html`), both built from the kit's sources through the same `contact-kit` aliases as the
 * library build. The root vite.config.ts stays the library's.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^contact-kit$/, replacement: src('index.ts') },
      { find: /^contact-kit\/core$/, replacement: src('core/index.ts') },
      { find: /^contact-kit\/video$/, replacement: src('video/index.ts') },
    ],
  },
  define: { global: 'globalThis' },
  // The demo's own cache, so a demo running next to the Storybook or the tests never shares one.
  cacheDir: here('../node_modules/.vite-demo'),
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { allow: [here('..')] },
  },
  preview: { host: '127.0.0.1', strictPort: true },
  build: {
    // Outside dist/ (the package's files) and outside the linted tree; the e2e tests build to a
    // temporary directory of their own.
    outDir: here('../node_modules/.cache/contact-kit-demo'),
    emptyOutDir: true,
    target: 'es2022',
    // One demo bundle holds React, styled-components and the kit; its size is not a concern here.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        storefront: here('index.html'),
        agent: here('agent.html'),
        widget: here('widget.html'),
        signedIn: here('signed-in.html'),
      },
    },
  },
});
