import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';

/**
 * The emulator's video half against the real amazon-chime-sdk-js in Chromium with a fake camera:
 * a page that bundles only the SDK joins a contact from `/admin/webrtc`, shows its own tile and
 * the bot agent's (which plays the customer's camera back), then the `endMeeting` fault makes the
 * SDK report MeetingEnded.
 */

interface ChimeState {
  started: boolean;
  stopped: string | null;
  tiles: Record<string, { local: boolean; attendeeId: string | null; name: string | null }>;
  roster: Record<string, string | null>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
};

let emulator: RunningEmulator;
let browser: Browser;
let pageDir: string;
let server: Server;
let pageUrl: string;

function serve(dir: string): Promise<Server> {
  const httpServer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(httpServer)));
}

const chimeState = (page: Page): Promise<ChimeState> =>
  page.evaluate(() => (window as unknown as { __chime: ChimeState }).__chime);

/** videoWidth and currentTime of a tile's <video>. */
const tileVideo = (page: Page, tileId: string): Promise<{ width: number; time: number }> =>
  page.evaluate((id) => {
    const video = document.getElementById(`tile-${id}`) as HTMLVideoElement | null;
    return { width: video?.videoWidth ?? 0, time: video?.currentTime ?? 0 };
  }, tileId);

/** Opens the raw-SDK page and joins with this ConnectionData / WebRTCConnection. */
async function joinPage(data: unknown, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pageUrl);
  await page.evaluate(
    (connection) => (window as unknown as { join: (d: unknown) => Promise<void> }).join(connection),
    data,
  );
  return page;
}

/** Waits until the page shows a playing tile of this attendee; resolves with its tile id. */
async function playingTileOf(page: Page, attendeeId: string): Promise<string> {
  let tileId = '';
  await expect
    .poll(
      async () => {
        const found = Object.entries((await chimeState(page)).tiles).find(
          ([, tile]) => tile.attendeeId === attendeeId,
        );
        tileId = found?.[0] ?? '';
        return found ? (await tileVideo(page, found[0])).width : 0;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  const before = (await tileVideo(page, tileId)).time;
  await expect
    .poll(async () => (await tileVideo(page, tileId)).time, { timeout: 10_000 })
    .toBeGreaterThan(before);
  return tileId;
}

beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'contact-kit-chime-raw-'));
  // Built in a child process, like the widget (a Vite build inside the worker leaves state behind).
  await promisify(execFile)(process.execPath, [
    fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)),
    'build',
    '--config',
    fileURLToPath(new URL('./fixtures/chime-raw/vite.config.ts', import.meta.url)),
    '--outDir',
    pageDir,
    '--emptyOutDir',
  ]);
  emulator = await startEmulator({ port: 0, webCallAgent: 'echo' });
  server = await serve(pageDir);
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('the page server has no port');
  }
  pageUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium({ media: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await emulator?.close();
  if (pageDir) {
    await rm(pageDir, { recursive: true, force: true });
  }
});

describe('the Chime emulator with the real SDK in Chromium', () => {
  it("shows the local tile and the bot agent's tile, then reports the meeting ended", async () => {
    const response = await fetch(`${emulator.url}/admin/webrtc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }),
    });
    const call = (await response.json()) as {
      ContactId: string;
      ConnectionData: { Meeting: unknown; Attendee: { AttendeeId: string } };
    };
    expect(response.status).toBe(200);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pageUrl);
    await page.evaluate(
      (data) => (window as unknown as { join: (d: unknown) => Promise<void> }).join(data),
      call.ConnectionData,
    );

    await expect.poll(async () => (await chimeState(page)).started, { timeout: 20_000 }).toBe(true);
    await expect
      .poll(async () => Object.values((await chimeState(page)).roster), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Ana', 'Agent (emulated)']));

    const tiles = async (): Promise<[string, ChimeState['tiles'][string]][]> =>
      Object.entries((await chimeState(page)).tiles);
    await expect.poll(async () => (await tiles()).length, { timeout: 20_000 }).toBe(2);
    const local = (await tiles()).find(([, tile]) => tile.local)!;
    const remote = (await tiles()).find(([, tile]) => !tile.local)!;
    expect(local[1].attendeeId).toBe(call.ConnectionData.Attendee.AttendeeId);
    expect(remote[1].attendeeId).not.toBe(call.ConnectionData.Attendee.AttendeeId);
    expect(remote[1].name).toBe('Agent (emulated)');

    await expect
      .poll(async () => (await tileVideo(page, local[0])).width, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await tileVideo(page, remote[0])).width, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const before = (await tileVideo(page, remote[0])).time;
    await expect
      .poll(async () => (await tileVideo(page, remote[0])).time, { timeout: 10_000 })
      .toBeGreaterThan(before);

    const fault = await fetch(`${emulator.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endMeeting: { ContactId: call.ContactId } }),
    });
    expect(fault.status).toBe(200);
    await expect
      .poll(async () => (await chimeState(page)).stopped, { timeout: 10_000 })
      .toBe('MeetingEnded');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('relays each attendee to the other: a customer and an agent from CreateParticipant', async () => {
    const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const call = await post<{
      ContactId: string;
      ConnectionData: { Meeting: unknown; Attendee: { AttendeeId: string } };
    }>('/admin/webrtc', { ParticipantDetails: { DisplayName: 'Ana' } });
    const agent = await post<{ ParticipantCredentials: { ParticipantToken: string } }>(
      `/admin/contacts/${call.ContactId}/participants`,
      { ParticipantDetails: { DisplayName: 'Sam', ParticipantRole: 'AGENT' } },
    );
    const agentConnection = await post<{
      WebRTCConnection: { Meeting: unknown; Attendee: { AttendeeId: string } };
    }>(
      '/participant/connection',
      { Type: ['WEBRTC_CONNECTION'] },
      { 'x-amz-bearer': agent.ParticipantCredentials.ParticipantToken },
    );
    const errors: string[] = [];
    const customerPage = await joinPage(call.ConnectionData, errors);
    const agentPage = await joinPage(agentConnection.WebRTCConnection, errors);

    await playingTileOf(customerPage, agentConnection.WebRTCConnection.Attendee.AttendeeId);
    await playingTileOf(agentPage, call.ConnectionData.Attendee.AttendeeId);
    expect(Object.values((await chimeState(customerPage)).roster)).toEqual(
      expect.arrayContaining(['Ana', 'Sam']),
    );
    expect(errors).toEqual([]);
    await Promise.all([customerPage.close(), agentPage.close()]);
  });
});
