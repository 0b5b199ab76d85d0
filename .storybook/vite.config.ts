import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** Vite config for Storybook only: the package specifiers resolve to the sources. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^contact-kit$/, replacement: src('index.ts') },
      { find: /^contact-kit\/core$/, replacement: src('core/index.ts') },
    ],
  },
});
