#!/usr/bin/env node
/**
 * `npm run screenshots:stories`: PNGs of the ChatWidget stories for the README (light, dark,
 * right-to-left, interactive messages), taken with headless Chromium from a fresh Storybook build
 * served on 127.0.0.1. The stories run on an in-browser fake session: nothing calls the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.mjs';

const STATIC_DIR = '.tmp/storybook-static';
const OUT_DIR = 'docs/screenshots';
const SHOTS = [
  ['prefabs-chatwidget--conversation', 'widget-light.png'],
  ['prefabs-chatwidget--dark', 'widget-dark.png'],
  ['prefabs-chatwidget--right-to-left', 'widget-rtl.png'],
  ['prefabs-chatwidget--interactive', 'widget-interactive.png'],
  ['interactive-timepicker--open', 'widget-timepicker.png'],
];
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

execFileSync('npx', ['storybook', 'build', '--quiet', '--output-dir', STATIC_DIR], {
  stdio: 'inherit',
});

const server = http.createServer(async (request, response) => {
  const pathname = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  const file = join(STATIC_DIR, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_FLAGS],
});
try {
  await mkdir(OUT_DIR, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 440, height: 680 } });
  for (const [id, file] of SHOTS) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
    // The story is ready when its transcript or picker has rendered and fonts have settled.
    await page.waitForSelector('[role="log"], [data-template]', { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, file) });
    console.log(`story-screenshots: ${join(OUT_DIR, file)}`);
  }
} finally {
  await browser.close();
  server.close();
}
