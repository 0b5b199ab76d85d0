import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { access, mkdir, rm, symlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from '../e2e/support/browser';
import { expectEnabled, messageWithText, send } from '../e2e/support/demoPages';

// examples/nextjs is a Next.js App Router app whose Server Component imports ChatWidget from
// 'contact-kit' (the built package, linked in as a dependency) with no 'use client' wrapper of its
// own. This tier builds it with `next build`, serves it with `next start` and loads it in Chromium.

const root = fileURLToPath(new URL('../../', import.meta.url));
const app = `${root}examples/nextjs`;
const nextBin = `${root}node_modules/next/dist/bin/next`;

let emulator: RunningEmulator;
let browser: Browser;
let server: ChildProcess | undefined;
let url: string;

/** Starts `next start` on a free loopback port and resolves with its URL once it is ready. */
function startNext(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', '0'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Ready in/.test(output) && /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready) {
        resolve({ child, url: ready[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`next start exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  await access(`${root}dist/index.js`).catch(() => {
    throw new Error('The Next.js tier uses the built package: run `npm run build` first.');
  });
  // The app depends on 'contact-kit' as a user's would: link this package in as its dependency.
  await mkdir(`${app}/node_modules`, { recursive: true });
  await rm(`${app}/node_modules/contact-kit`, { force: true });
  await symlink('../../..', `${app}/node_modules/contact-kit`, 'dir');

  emulator = await startEmulator({ port: 0, agent: 'echo' });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CONTACT_KIT_EMULATOR_URL: emulator.url,
    CONTACT_KIT_PARTICIPANT_ENDPOINT: emulator.url,
  };
  await promisify(execFile)(process.execPath, [nextBin, 'build'], { cwd: app, env });
  const started = await startNext(env);
  server = started.child;
  url = started.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await emulator?.close();
});

/** A page recording console errors and warnings and uncaught errors. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`${response.status()}: ${response.url()}`);
    }
  });
  return { page, problems };
}

describe('ChatWidget in a Next.js App Router app', () => {
  it('is server-rendered styled: the launcher and its styles are in the HTML', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain('aria-label="Open chat"');
    // The registry put styled-components' rules into the document, the launcher's among them.
    const styles = [...html.matchAll(/<style[^>]*data-styled[^>]*>([\s\S]*?)<\/style>/g)]
      .map((match) => match[1])
      .join('');
    expect(styles).toContain('--ck-default-color-accent');
    const launcherClass =
      /<button[^>]*aria-label="Open chat"[^>]*class="([^"]+)"/.exec(html) ??
      /<button[^>]*class="([^"]+)"[^>]*aria-label="Open chat"/.exec(html);
    expect(launcherClass).not.toBeNull();
    const lastClass = launcherClass![1]!.split(' ').at(-1)!;
    expect(styles).toContain(`.${lastClass}{`);
  });

  it('hydrates with no warning or error, then chats through a Server Action', async () => {
    const { page, problems } = await openPage();
    try {
      await page.goto(url);
      const launcher = page.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      // Hydrated: React attached its handlers, so the click opens the panel.
      await launcher.click();
      await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
      await send(page, 'Where is my order?');
      await messageWithText(page, 'Echo: Where is my order?').first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
