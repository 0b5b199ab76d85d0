import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { buildWidget } from './support/buildWidget';
import {
  adminClient,
  expectEnabled,
  messageWithText,
  newPage,
  send,
  waitFor,
} from './support/demoPages';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'nonce-TEST'",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*",
].join('; ');

/** The host page's own CSS, hostile on purpose: it must not reach into the widget. */
const HOST_CSS = '* { color: red !important; display: block; }';

interface StartChatBody {
  DisplayName: string;
  Attributes: Record<string, string>;
  ResumeContactId?: string;
}

let emulator: RunningEmulator;
let browser: Browser;
let widgetDir: string;
let server: Server;
let pageUrl: string;
const startChatBodies: StartChatBody[] = [];

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
  }
  return body;
};

function pageHtml(emulatorUrl: string, classic = false): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Widget under CSP</title>
    <link rel="stylesheet" href="/host.css" />
    <script ${classic ? 'defer' : 'type="module"'} src="/widget/contact-widget.js"></script>
  </head>
  <body>
    <main><h1>Shop</h1></main>
    <contact-widget
      endpoint="${emulatorUrl}"
      start-chat-url="/api/start-chat"
      nonce="TEST"
      locale="en"
    ></contact-widget>
  </body>
</html>`;
}

/** A storefront: the page and widget under a strict CSP, and a start-chat backend. */
function startPageServer(): Promise<Server> {
  const httpServer = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (request.method === 'POST' && path === '/api/start-chat') {
        const body = JSON.parse(await readBody(request)) as StartChatBody;
        startChatBodies.push(body);
        const upstream = await fetch(`${emulator.url}/admin/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ParticipantDetails: { DisplayName: body.DisplayName },
            Attributes: body.Attributes,
            // What a shop's backend does once it checked the customer owns the contact.
            ...(body.ResumeContactId !== undefined
              ? {
                  PersistentChat: {
                    SourceContactId: body.ResumeContactId,
                    RehydrationType: 'ENTIRE_PAST_SESSION',
                  },
                }
              : {}),
          }),
        });
        const result = (await upstream.json()) as Record<string, unknown>;
        response.writeHead(upstream.status, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            ContactId: result.ContactId,
            ParticipantId: result.ParticipantId,
            ParticipantToken: result.ParticipantToken,
          }),
        );
        return;
      }
      const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
      if (path === '/' || path === '/classic') {
        response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        response.end(pageHtml(emulator.url, path === '/classic'));
      } else if (path === '/host.css') {
        response.writeHead(200, { ...headers, 'content-type': 'text/css' });
        response.end(HOST_CSS);
      } else if (/^\/widget\/[\w.-]+\.js$/.test(path)) {
        const file = await readFile(join(widgetDir, path.slice('/widget/'.length)));
        response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
        response.end(file);
      } else {
        response.writeHead(404, headers);
        response.end();
      }
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  return new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(httpServer)));
}

/** Records CSP violations and `contact-kit:*` events from before the first script runs. */
async function instrumentedPage(): Promise<{ page: Page; errors: string[] }> {
  const tab = await newPage(browser);
  await tab.page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __events: [string, unknown][] };
    w.__violations = [];
    w.__events = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
    for (const name of ['contact-kit:message', 'contact-kit:unread', 'contact-kit:ended']) {
      document.addEventListener(name, (event) => {
        w.__events.push([name, (event as CustomEvent).detail]);
      });
    }
  });
  return tab;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { __events: [string, unknown][] }).__events);

beforeAll(async () => {
  widgetDir = await buildWidget('contact-kit-widget-');
  emulator = await startEmulator({ port: 0, agent: 'echo' });
  server = await startPageServer();
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('the page server has no port');
  }
  pageUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await emulator?.close();
  if (widgetDir) {
    await rm(widgetDir, { recursive: true, force: true });
  }
});

describe('the script-tag widget', () => {
  it('keeps the loader at most 15 KB gzipped, with the panel in a sibling chunk', async () => {
    const loader = await readFile(join(widgetDir, 'contact-widget.js'));
    expect(gzipSync(loader).length).toBeLessThanOrEqual(15 * 1024);
    const files = await readdir(widgetDir);
    const panel = files.find((file) => file.includes('mountPanel'));
    expect(panel).toBeDefined();
    expect(loader.toString()).toContain(`./${panel}`);
    // React (its element symbol) lives in the panel chunk only.
    const panelSource = await readFile(join(widgetDir, panel!), 'utf8');
    expect(panelSource).toContain('react.transitional.element');
    expect(loader.toString()).not.toContain('react.transitional.element');
  });

  it('also loads from a classic <script src> (no type="module") and opens its panel', async () => {
    const { page, errors } = await instrumentedPage();
    await page.goto(new URL('/classic', pageUrl).href);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByLabel('Your name').waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens, chats under a strict CSP without violations, and host CSS stays outside', async () => {
    const admin = adminClient(emulator.url);
    const { page, errors } = await instrumentedPage();
    await page.goto(pageUrl);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();

    // The host's `* { color: red !important; display: block }` does not reach the launcher.
    const style = await page.locator('contact-widget').evaluate((host) => {
      const button = host.shadowRoot?.querySelector('[data-ck-loader]');
      if (!button) {
        return undefined;
      }
      const computed = getComputedStyle(button);
      return { color: computed.color, display: computed.display, position: computed.position };
    });
    // A fixed inline-flex box computes to flex; the host's block would show as block.
    expect(style).toEqual({ color: 'rgb(255, 255, 255)', display: 'flex', position: 'fixed' });
    const lightStyles = await page.evaluate(() => document.querySelectorAll('style').length);

    await launcher.click();
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Start chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await expectEnabled(composer);
    // Focus went into the panel, onto the composer.
    await waitFor(
      () =>
        page.evaluate(
          () =>
            document.querySelector('contact-widget')?.shadowRoot?.activeElement?.tagName ===
            'TEXTAREA',
        ),
      'focus on the composer',
    );

    await send(page, 'Is the kettle in stock?');
    await messageWithText(page, 'Echo: Is the kettle in stock?').waitFor();
    const [contact] = await admin.contacts();
    expect(contact).toBeDefined();
    const transcript = await admin.transcript(contact!.ContactId);
    expect(transcript.map((item) => item.Content)).toContain('Is the kettle in stock?');
    expect(startChatBodies.at(-1)).toEqual({ DisplayName: 'Ana', Attributes: {} });

    // The panel's text is the theme's, not the host's red; its styles live in the shadow root.
    const panelColor = await page
      .getByRole('dialog')
      .evaluate((panel) => getComputedStyle(panel).color);
    expect(panelColor).not.toBe('rgb(255, 0, 0)');
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(lightStyles);
    expect(
      await page
        .locator('contact-widget')
        .evaluate((host) => host.shadowRoot?.querySelectorAll('style[nonce]').length ?? 0),
    ).toBeGreaterThan(0);

    await waitFor(
      async () =>
        (await events(page)).some(
          ([name, detail]) =>
            name === 'contact-kit:message' &&
            (detail as { content?: string }).content === 'Echo: Is the kettle in stock?',
        ),
      'a contact-kit:message event for the reply',
    );
    expect(await violations(page)).toEqual([]);
    // The open panel, inside its shadow root, passes axe in the real browser.
    expect(await axeViolations(page)).toEqual([]);

    // Removing the element unmounts the panel, which closes the customer's socket.
    const customerSockets = async () =>
      (await admin.contacts())
        .find((c) => c.ContactId === contact!.ContactId)
        ?.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.OpenWebsockets;
    expect(await customerSockets()).toBe(1);
    await page.locator('contact-widget').evaluate((host) => host.remove());
    await waitFor(async () => (await customerSockets()) === 0, 'the socket to close');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('open(), close() and startChat(attributes) drive it; unread and ended events fire', async () => {
    const admin = adminClient(emulator.url);
    const { page, errors } = await instrumentedPage();
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    const host = page.locator('contact-widget');
    const known = new Set((await admin.contacts()).map((contact) => contact.ContactId));

    await host.evaluate((element) => (element as HTMLElement & { open(): Promise<void> }).open());
    await page.getByRole('dialog').waitFor();
    await host.evaluate((element) => (element as HTMLElement & { close(): void }).close());
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open chat' }).waitFor();

    await host.evaluate((element) =>
      (element as HTMLElement & { startChat(a: Record<string, string>): Promise<void> }).startChat({
        orderId: '42',
      }),
    );
    await page.getByLabel('Your name').fill('Bo');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
    expect(startChatBodies.at(-1)).toEqual({ DisplayName: 'Bo', Attributes: { orderId: '42' } });
    const contact = await waitFor(
      async () => (await admin.contacts()).find((c) => !known.has(c.ContactId)),
      'the new contact',
    );

    // Closed, an agent message counts as unread.
    await host.evaluate((element) => (element as HTMLElement & { close(): void }).close());
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const response = await fetch(
      `${emulator.url}/admin/contacts/${encodeURIComponent(contact.ContactId)}/items`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ContentType: 'text/plain',
          Content: 'Your order 42 ships today.',
          ParticipantRole: 'AGENT',
        }),
      },
    );
    expect(response.ok).toBe(true);
    await waitFor(
      async () =>
        (await events(page)).some(
          ([name, detail]) =>
            name === 'contact-kit:unread' && (detail as { count: number }).count === 1,
        ),
      'a contact-kit:unread event with count 1',
    );

    await host.evaluate((element) => (element as HTMLElement & { open(): Promise<void> }).open());
    await messageWithText(page, 'Your order 42 ships today.').waitFor();
    // close() also works while the "End chat?" confirmation is up, and leaves the chat going.
    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByRole('alertdialog').waitFor();
    await host.evaluate((element) => (element as HTMLElement & { close(): void }).close());
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await host.evaluate((element) => (element as HTMLElement & { open(): Promise<void> }).open());
    await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
    const stop = await fetch(
      `${emulator.url}/admin/contacts/${encodeURIComponent(contact.ContactId)}/stop`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    expect(stop.ok).toBe(true);
    await waitFor(
      async () => (await events(page)).some(([name]) => name === 'contact-kit:ended'),
      'a contact-kit:ended event',
    );

    // The ended chat offers to continue: the start-chat POST names the ended contact, and the
    // new contact shows the earlier messages.
    await page.getByRole('button', { name: 'Continue the conversation' }).click();
    await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
    expect(startChatBodies.at(-1)).toEqual({
      DisplayName: 'Bo',
      Attributes: { orderId: '42' },
      ResumeContactId: contact.ContactId,
    });
    await messageWithText(page, 'Your order 42 ships today.').waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
