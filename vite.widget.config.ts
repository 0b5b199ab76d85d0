import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The script-tag build (`npm run build:widget`): `dist/widget/contact-widget.js` registers
 * `<contact-widget>` and stays small; the chat panel (React, ReactDOM, styled-components and the
 * kit, all bundled because host pages have none) is a sibling chunk it imports on first open or
 * when the browser is idle. Nothing is external.
 */
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  // React's production build has no jsxDEV: compile JSX for production even when the build runs
  // under another NODE_ENV (the end-to-end tests build it from inside Vitest).
  oxc: { jsx: { development: false } },
  // Its own cache, so this build never shares one with the library, demo or tests.
  cacheDir: here('node_modules/.vite-widget'),
  build: {
    outDir: here('dist/widget'),
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    target: 'es2022',
    // The panel chunk holds React and styled-components; the loader's size is checked separately.
    chunkSizeWarningLimit: 1000,
    lib: {
      entry: here('src/widget/contact-widget.ts'),
      formats: ['es'],
      fileName: () => 'contact-widget.js',
    },
    rolldownOptions: {
      // Library mode keeps whitespace in ES output; a script-tag bundle wants it fully minified.
      output: { chunkFileNames: 'contact-widget-[name]-[hash].js', minify: true },
    },
  },
});
