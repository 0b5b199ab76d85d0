// The browser side of parts 2 to 5: builds the bench pages (scripts/bench/pages) with Vite from the
// kit's sources, serves them on 127.0.0.1 next to chatjs's dist file, and launches headless
// Chromium with the project's flags (the same as test/e2e/support/browser.ts).
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.mjs';
import { root } from './bundle.mjs';

const pagesDir = join(root, 'scripts', 'bench', 'pages');
const outDir = join(root, '.tmp', 'bench', 'pages');
const src = (path) => join(root, 'src', path);

/**
 * Builds the bench pages once (production React, minified like an app would ship; `minify: false`
 * keeps names readable in a CPU profile).
 */
export const buildPages = async ({ minify = true } = {}) => {
  await build({
    configFile: false,
    root: pagesDir,
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^contact-kit$/, replacement: src('index.ts') },
        { find: /^contact-kit\/core$/, replacement: src('core/index.ts') },
        { find: /^contact-kit\/testing$/, replacement: src('testing/index.ts') },
      ],
    },
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: minify ? 'oxc' : false,
      sourcemap: false,
      chunkSizeWarningLimit: Infinity,
      rolldownOptions: {
        input: { render: join(pagesDir, 'render.html'), client: join(pagesDir, 'client.html') },
      },
    },
  });
  mkdirSync(join(outDir, 'vendor'), { recursive: true });
  copyFileSync(
    join(root, 'node_modules', 'amazon-connect-chatjs', 'dist', 'amazon-connect-chat.js'),
    join(outDir, 'vendor', 'amazon-connect-chat.js'),
  );
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built pages on a free loopback port. */
export const servePages = () =>
  new Promise((resolve) => {
    const server = createServer((request, response) => {
      const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
      const file = join(outDir, path);
      if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(response);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });

/** Headless Chromium with the flags of the e2e tier (scripts/chromium.mjs). */
export const launchBrowser = () =>
  chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });

/** A page in a context of its own (own storage, own renderer), recording uncaught errors. */
export const newPage = async (browser, url) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
};
