import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import { buildWidget } from './support/buildWidget';
import { expectEnabled, messageWithText, newPage, send, waitFor } from './support/demoPages';

/** Strict CSP plus Trusted Types: any string assigned to innerHTML (and friends) throws. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'nonce-TEST'",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*",
  "require-trusted-types-for 'script'",
  'trusted-types none',
].join('; ');

let emulator: RunningEmulator;
let browser: Browser;
let widgetDir: string;
let server: Server;
let pageUrl: string;

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
  }
  return body;
};

function pageHtml(emulatorUrl: string): string {
  const widget = (key: string, label: string) => `
    <section aria-label="${label}">
      <contact-widget endpoint="${emulatorUrl}" start-chat-url="/api/start-chat" nonce="TEST"
        locale="en" position="inline" storage-key="${key}"></contact-widget>
    </section>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Widget under Trusted Types</title>
    <script type="module" src="/widget/contact-widget.js"></script>
  </head>
  <body>
    ${widget('shop.sales', 'Sales')}
    ${widget('shop.support', 'Support desk')}
  </body>
</html>`;
}

function startPageServer(): Promise<Server> {
  const httpServer = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (request.method === 'POST' && path === '/api/start-chat') {
        const body = JSON.parse(await readBody(request)) as { DisplayName: string };
        const upstream = await fetch(`${emulator.url}/admin/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ParticipantDetails: { DisplayName: body.DisplayName } }),
        });
        response.writeHead(upstream.status, { 'content-type': 'application/json' });
        response.end(await upstream.text());
        return;
      }
      const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
      if (path === '/') {
        response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        response.end(pageHtml(emulator.url));
      } else if (path === '/favicon.ico') {
        response.writeHead(204, headers);
        response.end();
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

async function instrumentedPage(): Promise<{ page: Page; errors: string[] }> {
  const tab = await newPage(browser);
  tab.page.on('console', (message) => {
    if (message.type() === 'error') {
      tab.errors.push(message.text());
    }
  });
  await tab.page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__violations.push(`${event.violatedDirective} ${event.sample}`);
    });
  });
  return tab;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

beforeAll(async () => {
  widgetDir = await buildWidget('contact-kit-tt-');
  emulator = await startEmulator({ port: 0, agent: 'echo' });
  server = await startPageServer();
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('the page server has no port');
  }
  pageUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await emulator?.close();
  if (widgetDir) {
    await rm(widgetDir, { recursive: true, force: true });
  }
});

const section = (page: Page, name: string): Locator => page.getByRole('region', { name });

async function startChat(scope: Locator, name: string): Promise<void> {
  await scope.getByRole('button', { name: 'Open chat' }).click();
  await scope.getByLabel('Your name').fill(name);
  await scope.getByRole('button', { name: 'Start chat' }).click();
  await expectEnabled(scope.getByRole('textbox', { name: 'Message' }));
}

describe('<contact-widget> on a page that enforces Trusted Types', () => {
  it('chats with no violation, and two widgets with their own storage-key keep their own chats', async () => {
    const { page, errors } = await instrumentedPage();
    await page.goto(pageUrl);
    // The page really enforces Trusted Types: a string into innerHTML throws.
    expect(
      await page.evaluate(() => {
        try {
          document.body.querySelector('section')!.innerHTML = '<b>x</b>';
          return 'assigned';
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('TypeError');

    const sales = section(page, 'Sales');
    const support = section(page, 'Support desk');
    await startChat(sales, 'Ana');
    await send(sales, 'Is the kettle in stock?');
    await messageWithText(sales, 'Echo: Is the kettle in stock?').waitFor();

    // Each widget keeps its chat under its own key; the second has none yet.
    const stored = () =>
      page.evaluate(() => ({
        sales: sessionStorage.getItem('shop.sales') !== null,
        support: sessionStorage.getItem('shop.support') !== null,
        default: sessionStorage.getItem('contact-kit.chat') !== null,
      }));
    await waitFor(async () => (await stored()).sales, 'the sales chat stored');
    expect(await stored()).toEqual({ sales: true, support: false, default: false });
    // Only the probe above was refused: the widget assigned no HTML string anywhere.
    expect(await violations(page)).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);

    // After a reload the sales widget resumes its chat, the support widget starts its own.
    await page.reload();
    await sales.getByRole('button', { name: 'Open chat' }).click();
    await messageWithText(sales, 'Echo: Is the kettle in stock?').waitFor();
    await startChat(support, 'Bo');
    await send(support, 'Where is my order?');
    await messageWithText(support, 'Echo: Where is my order?').waitFor();
    expect(await messageWithText(support, 'Is the kettle in stock?').count()).toBe(0);
    expect(await stored()).toEqual({ sales: true, support: true, default: false });

    // Since the reload (which reset the record), none at all.
    expect(await violations(page)).toEqual([]);
    expect(errors.filter((text) => !text.includes('TrustedHTML'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
