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
import WebSocket from 'ws';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';

/**
 * The emulator's video half against the real amazon-chime-sdk-js in Chromium with a fake camera:
 * a page that bundles only the SDK joins a contact from `/admin/webrtc`, shows its own tile and
 * the bot agent's (which plays the customer's camera back), then the `endMeeting` fault makes the
 * SDK report MeetingEnded. Content share (#19): the bot agent's test pattern, a customer's
 * getDisplayMedia screen seen by an agent, and AllowedCapabilities refusing it.
 */

interface ChimeState {
  started: boolean;
  stopped: string | null;
  tiles: Record<string, { local: boolean; attendeeId: string | null; name: string | null }>;
  contentTiles: Record<string, { local: boolean; attendeeId: string | null }>;
  roster: Record<string, string | null>;
  contentShareEvents: ('started' | 'stopped')[];
  contentMaxWidth: number | null;
  volumes: Record<string, number[]>;
  activeSpeakers: string[][];
}

interface Connection {
  Meeting: {
    MeetingFeatures?: Record<string, unknown>;
    MediaPlacement: { SignalingUrl: string };
  } & Record<string, unknown>;
  Attendee: { AttendeeId: string; JoinToken: string };
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
async function joinPage(
  data: unknown,
  errors: string[],
  options: { muted?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pageUrl);
  await page.evaluate(
    ([connection, joinOptions]) =>
      (window as unknown as { join: (d: unknown, o: unknown) => Promise<void> }).join(
        connection,
        joinOptions,
      ),
    [data, options] as const,
  );
  return page;
}

/**
 * Waits until the page shows a playing tile of this attendee (a content-share tile with
 * `content`); resolves with its tile id.
 */
async function playingTileOf(page: Page, attendeeId: string, content = false): Promise<string> {
  let tileId = '';
  await expect
    .poll(
      async () => {
        const state = await chimeState(page);
        const found = Object.entries(content ? state.contentTiles : state.tiles).find(
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

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
}

/** A web call, plus an agent's WebRTCConnection from CreateParticipant when `agent`. */
async function webCallWithAgent(allowedCapabilities?: unknown) {
  const call = await post<{ ContactId: string; ConnectionData: Connection }>('/admin/webrtc', {
    ParticipantDetails: { DisplayName: 'Ana' },
    ...(allowedCapabilities ? { AllowedCapabilities: allowedCapabilities } : {}),
  });
  const agent = await post<{ ParticipantCredentials: { ParticipantToken: string } }>(
    `/admin/contacts/${call.ContactId}/participants`,
    { ParticipantDetails: { DisplayName: 'Sam', ParticipantRole: 'AGENT' } },
  );
  const agentConnection = await post<{ WebRTCConnection: Connection }>(
    '/participant/connection',
    { Type: ['WEBRTC_CONNECTION'] },
    { 'x-amz-bearer': agent.ParticipantCredentials.ParticipantToken },
  );
  return { call, agentData: agentConnection.WebRTCConnection };
}

const contentTileIds = async (page: Page): Promise<(string | null)[]> =>
  Object.values((await chimeState(page)).contentTiles).map((tile) => tile.attendeeId);

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

  it("reports the customer's microphone (Chromium's beep) as volume and active speaker", async () => {
    const { call, agentData } = await webCallWithAgent();
    const customerId = call.ConnectionData.Attendee.AttendeeId;
    const errors: string[] = [];
    const customerPage = await joinPage(call.ConnectionData, errors);
    // Both fake microphones beep: the agent joins muted, so only the customer can be speaking.
    const agentPage = await joinPage(agentData, errors, { muted: true });

    const customerVolumes = async (): Promise<number[]> =>
      (await chimeState(agentPage)).volumes[customerId] ?? [];
    // The beep comes and goes: the volume rises above silence, and falls back at some point.
    await expect
      .poll(async () => Math.max(0, ...(await customerVolumes())), { timeout: 20_000 })
      .toBeGreaterThan(0.2);
    await expect
      .poll(async () => (await customerVolumes()).slice(1).includes(0), { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(
        async () =>
          (await chimeState(agentPage)).activeSpeakers.some((ranking) => ranking[0] === customerId),
        { timeout: 20_000 },
      )
      .toBe(true);
    // The muted agent is never reported speaking, to itself or to the customer.
    const agentVolumes = (await chimeState(customerPage)).volumes[agentData.Attendee.AttendeeId];
    expect(agentVolumes?.length).toBeGreaterThan(0);
    expect(agentVolumes?.every((volume) => volume === 0)).toBe(true);
    expect(errors).toEqual([]);
    await Promise.all([customerPage.close(), agentPage.close()]);
  });

  it("plays the bot agent's screen share (POST /screenshare) as a content tile", async () => {
    const call = await post<{ ContactId: string; ConnectionData: Connection }>('/admin/webrtc', {
      ParticipantDetails: { DisplayName: 'Ana' },
    });
    const errors: string[] = [];
    const page = await joinPage(call.ConnectionData, errors);
    await expect.poll(async () => (await chimeState(page)).started, { timeout: 20_000 }).toBe(true);
    let bot = '';
    await expect
      .poll(
        async () => {
          const roster = Object.entries((await chimeState(page)).roster);
          bot = roster.find(([, name]) => name === 'Agent (emulated)')?.[0] ?? '';
          return bot;
        },
        { timeout: 10_000 },
      )
      .not.toBe('');

    const on = await post<{ ContentAttendeeId: string; Sharing: boolean }>(
      `/admin/contacts/${call.ContactId}/screenshare`,
      { on: true },
    );
    expect(on).toEqual(
      expect.objectContaining({ ContentAttendeeId: `${bot}#content`, Sharing: true }),
    );
    const tileId = await playingTileOf(page, `${bot}#content`, true);
    expect(await tileVideo(page, tileId)).toEqual(expect.objectContaining({ width: 640 }));
    expect((await chimeState(page)).roster[`${bot}#content`]).toBe('Agent (emulated)');

    await post(`/admin/contacts/${call.ContactId}/screenshare`, { on: false });
    await expect.poll(() => contentTileIds(page), { timeout: 10_000 }).toEqual([]);
    await expect
      .poll(async () => (await chimeState(page)).roster[`${bot}#content`], { timeout: 10_000 })
      .toBeNull();
    // The camera tiles are untouched.
    expect(Object.keys((await chimeState(page)).tiles)).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("relays a customer's getDisplayMedia share to the agent, until the track ends", async () => {
    const { call, agentData } = await webCallWithAgent();
    const customerId = call.ConnectionData.Attendee.AttendeeId;
    const errors: string[] = [];
    const customerPage = await joinPage(call.ConnectionData, errors);
    const agentPage = await joinPage(agentData, errors);
    await expect
      .poll(async () => (await chimeState(customerPage)).started, { timeout: 20_000 })
      .toBe(true);
    expect((await chimeState(customerPage)).contentMaxWidth).toBe(1920);

    const label = await customerPage.evaluate(() =>
      (window as unknown as { share: (source: string) => Promise<string> }).share('display'),
    );
    expect(label).toMatch(/^screen:/); // Chromium's fake screen (--use-fake-ui/device flags)
    await expect
      .poll(async () => (await chimeState(customerPage)).contentShareEvents, { timeout: 20_000 })
      .toEqual(['started']);
    await playingTileOf(agentPage, `${customerId}#content`, true);
    expect((await chimeState(agentPage)).roster[`${customerId}#content`]).toBe('Ana');
    // The sharer's own camera tile and the agent's view of it are still there.
    await playingTileOf(agentPage, customerId);

    await customerPage.evaluate(() =>
      (window as unknown as { endShareTrack: () => void }).endShareTrack(),
    );
    await expect.poll(() => contentTileIds(agentPage), { timeout: 15_000 }).toEqual([]);
    await expect
      .poll(async () => (await chimeState(customerPage)).contentShareEvents, { timeout: 10_000 })
      .toEqual(['started', 'stopped']);
    await expect
      .poll(async () => (await chimeState(agentPage)).roster[`${customerId}#content`], {
        timeout: 10_000,
      })
      .toBeNull();
    expect(errors).toEqual([]);
    await Promise.all([customerPage.close(), agentPage.close()]);
  });

  it('refuses a content share when AllowedCapabilities lacks Customer.ScreenShare', async () => {
    const { call, agentData } = await webCallWithAgent({
      Customer: { Video: 'SEND' },
      Agent: { Video: 'SEND', ScreenShare: 'SEND' },
    });
    expect(call.ConnectionData.Meeting.MeetingFeatures).toEqual(
      expect.objectContaining({ Content: { MaxResolution: 'None' } }),
    );
    const errors: string[] = [];
    const customerPage = await joinPage(call.ConnectionData, errors);
    // The same customer again, told (wrongly) that it may share: the emulator must refuse it.
    const forced = {
      ...call.ConnectionData,
      Meeting: {
        ...call.ConnectionData.Meeting,
        MeetingFeatures: {
          ...call.ConnectionData.Meeting.MeetingFeatures,
          Content: { MaxResolution: 'FHD' },
        },
      },
    };
    const forcedPage = await joinPage(forced, errors);
    // Playwright sees the SDK's websockets: a refused upgrade ends in a socket error.
    let refused = 0;
    forcedPage.on('websocket', (socket) => {
      if (socket.url().includes('/chime/control/')) {
        socket.on('socketerror', () => (refused += 1));
      }
    });
    const agentPage = await joinPage(agentData, errors);
    for (const page of [customerPage, forcedPage, agentPage]) {
      await expect
        .poll(async () => (await chimeState(page)).started, { timeout: 20_000 })
        .toBe(true);
    }
    expect((await chimeState(customerPage)).contentMaxWidth).toBe(0);
    expect((await chimeState(forcedPage)).contentMaxWidth).toBe(1920);

    const share = (page: Page) =>
      page.evaluate(() =>
        (window as unknown as { share: (source: string) => Promise<string> }).share('canvas'),
      );
    await share(customerPage); // the SDK itself declines: MaxResolution None
    await share(forcedPage); // the SDK tries; the #content socket gets 403
    await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThan(0);
    // What the SDK met was a 403 (the status a browser does not show: asked again from Node).
    const status = await new Promise<number | undefined>((resolve) => {
      const socket = new WebSocket(call.ConnectionData.Meeting.MediaPlacement.SignalingUrl, [
        '_aws_wt_session',
        `${call.ConnectionData.Attendee.JoinToken}#content`,
      ]);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('open', () => resolve(101));
      socket.on('error', () => resolve(undefined));
    });
    expect(status).toBe(403);
    // Neither share started, and none reached the agent.
    expect((await chimeState(forcedPage)).contentShareEvents).not.toContain('started');
    expect((await chimeState(customerPage)).contentShareEvents).toEqual([]);
    expect(await contentTileIds(agentPage)).toEqual([]);
    expect(Object.keys((await chimeState(agentPage)).roster)).not.toContain(
      `${call.ConnectionData.Attendee.AttendeeId}#content`,
    );
    const contact = (await (
      await fetch(`${emulator.url}/admin/contacts/${call.ContactId}`)
    ).json()) as { Meeting: { Attendees: { AttendeeId: string }[] } };
    expect(contact.Meeting.Attendees.map((attendee) => attendee.AttendeeId)).not.toContain(
      `${call.ConnectionData.Attendee.AttendeeId}#content`,
    );
    await Promise.all([customerPage.close(), forcedPage.close(), agentPage.close()]);
  });
});
