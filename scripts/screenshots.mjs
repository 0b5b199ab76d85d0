#!/usr/bin/env node
/**
 * `npm run screenshots`: PNGs of the demo for the README, taken with headless Chromium against a
 * fresh build of the demo and in-process emulators (nothing else needs to run, no fixed ports):
 *
 * - docs/screenshots/storefront.png     the storefront with the widget open mid-chat
 * - docs/screenshots/agent-console.png  the agent console answering a customer
 * - docs/screenshots/chat-1..4.png      a chat with the scripted agent, step by step
 * - docs/screenshots/video-call.png     the storefront's web call with the emulated agent
 * - docs/screenshots/agent-video.png    the agent console in a web call with the customer
 * - docs/screenshots/phone-*.png        the storefront on a phone (390×844, touch): closed, the chat
 *                                       open above an emulated keyboard, a list picker
 * - docs/screenshots/guide-form.png     a step-by-step guide (the managed Form view) in the widget
 * - docs/screenshots/video-agent-sharing.png, video-you-are-sharing.png, video-agent-sees-share.png,
 *   video-sharing-phone.png            screen sharing: the emulated agent's test pattern on the
 *                                       customer's stage, the customer sharing (Chromium's fake
 *                                       screen) and the agent console playing it, and a phone
 *
 * `npm run screenshots -- phone` retakes only the phone pictures, `-- guide` only the guide,
 * `-- sharing` only the screen-sharing ones. The host-theme pictures come from
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project e2e test/e2e/theming.test.ts`.
 *
 * Runs under tsx (the npm script passes `--import tsx`) to reuse the emulator and the e2e harness.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../src/emulator/index.ts';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { startDemoServer } from '../test/e2e/support/demoServer.ts';
import {
  adminClient,
  answerAsAgent,
  demoPage,
  messageWithText,
  send,
  startCustomerChat,
  widget,
} from '../test/e2e/support/demoPages.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const PALETTE = ['#2c8f99', '#b7791f', '#6b5ca5', '#a3482d', '#3d7a3a', '#35618f'];

/**
 * The sample interactive templates point their images at https://example.com, which this
 * offline machine cannot reach: answer them with a drawn tile (first letter on a colour) so the
 * pictures are not broken icons.
 */
function placeholderImage(url) {
  const name = decodeURIComponent(url.split('/').pop() ?? 'x').replace(/\.\w+$/, '');
  const colour =
    PALETTE[[...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % PALETTE.length];
  const letter = (name[0] ?? '?').toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">
  <rect width="240" height="160" fill="${colour}"/>
  <circle cx="200" cy="30" r="60" fill="#ffffff" fill-opacity="0.12"/>
  <text x="120" y="104" font-family="sans-serif" font-size="72" font-weight="700" fill="#ffffff" text-anchor="middle">${letter}</text>
</svg>`;
}

async function newTab(browser, options = { viewport: VIEWPORT, deviceScaleFactor: 1 }) {
  const context = await browser.newContext(options);
  await context.route('https://example.com/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: placeholderImage(route.request().url()) }),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  return page;
}

/** Waits until no message is still being sent and the list is quiet, so a shot is stable. */
async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[data-state="sending"]'));
  await page.waitForTimeout(400);
}

async function shot(target, name, { video = false } = {}) {
  const path = `${outDir}${name}`;
  // Disabling animations also stops <video> frames from painting: keep them for call shots.
  await target.screenshot({ path, caret: 'hide', ...(video ? {} : { animations: 'disabled' }) });
  process.stdout.write(`wrote docs/screenshots/${name}\n`);
}

async function storefrontAndSequence(browser, demoUrl) {
  const emulator = await startEmulator({ port: 0, agent: 'scripted' });
  try {
    const page = await newTab(browser);
    await page.goto(demoPage(demoUrl, emulator.url, 'storefront'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel(/Order number/).fill('NW-20418');
    await shot(widget(page), 'chat-1.png');

    await page.getByRole('button', { name: 'Start chat' }).click();
    await messageWithText(page, 'Ana').first().waitFor();
    await send(page, 'Hi! Does the Aurora kettle work on induction hobs?');
    // The scripted agent reads, types for a moment, then answers: catch it typing.
    await widget(page)
      .getByText(/is typing/)
      .waitFor();
    await shot(widget(page), 'chat-2.png');

    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await send(page, 'Can you show me a list of accessories?');
    await widget(page).getByRole('group').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="log"] img')].every((img) => img.complete),
    );
    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await settle(page);
    await shot(widget(page), 'chat-3.png');
    await shot(page, 'storefront.png');

    await widget(page)
      .getByRole('group')
      .first()
      .getByRole('button', { name: /Day pack/ })
      .click();
    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await messageWithText(page, 'Day pack').last().waitFor();
    await page.waitForTimeout(1500);
    await settle(page);
    await shot(widget(page), 'chat-4.png');
  } finally {
    await emulator.close();
  }
}

async function agentConsole(browser, demoUrl) {
  const emulator = await startEmulator({ port: 0, agent: 'none' });
  try {
    const customer = await newTab(browser);
    await startCustomerChat(customer, demoPage(demoUrl, emulator.url, 'storefront'), 'Ana');
    await send(customer, 'Hello! My kettle lid rattles when the water boils.');

    const agentPage = await newTab(browser);
    const agent = await answerAsAgent(agentPage, demoPage(demoUrl, emulator.url, 'agent'), 'Ana');
    await send(agent, 'Hi Ana, sorry about that. Is it the Aurora 0.9 litre?');
    await messageWithText(customer, 'Is it the Aurora').waitFor();
    await send(customer, 'Yes, bought it last month.');
    await messageWithText(agent, 'bought it last month').waitFor();
    await send(agent, 'Thanks! A new lid is covered by the warranty; it ships tomorrow.');
    await agent.getByRole('button', { name: 'Quick reply' }).click();
    await messageWithText(customer, 'ships tomorrow').waitFor();

    // A second customer waits in the queue, so the list shows both states.
    const waiting = await newTab(browser);
    await startCustomerChat(waiting, demoPage(demoUrl, emulator.url, 'storefront'), 'Ben');
    await agentPage.getByRole('button', { name: 'Answer Ben' }).waitFor();
    await agentPage.getByRole('textbox', { name: 'Message' }).first().fill('Let me check');
    await settle(agentPage);
    await shot(agentPage, 'agent-console.png');
  } finally {
    await emulator.close();
  }
}

/** Waits until a tile's video shows frames. */
async function playing(tile) {
  const video = tile.locator('video');
  for (let tries = 0; tries < 300; tries += 1) {
    if (await video.evaluate((element) => element.videoWidth > 0 && element.currentTime > 0.5)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the video tile never played');
}

/** The customer joins a web call from the storefront and the agent console answers and joins. */
async function customerAndAgent(browser, demoUrl, emulatorUrl) {
  const customer = await newTab(browser);
  await customer.goto(demoPage(demoUrl, emulatorUrl, 'storefront'));
  await customer.getByRole('button', { name: 'Start video call' }).click();
  const call = customer.getByRole('dialog', { name: 'Video support' });
  await call.getByRole('button', { name: 'Join call' }).click();
  const agentPage = await newTab(browser);
  await agentPage.goto(demoPage(demoUrl, emulatorUrl, 'agent'));
  await agentPage.getByRole('button', { name: 'Answer video call from Customer' }).click();
  const agentCall = agentPage.getByRole('region', { name: 'Video call with Customer' });
  await agentCall.getByRole('button', { name: 'Join call' }).click();
  return { customer, call, agentPage, agentCall };
}

async function videoCall(browser, demoUrl) {
  const emulator = await startEmulator({ port: 0, agent: 'none', webCallAgent: 'echo' });
  try {
    const page = await newTab(browser);
    await page.goto(demoPage(demoUrl, emulator.url, 'storefront'));
    await page.getByRole('button', { name: 'Start video call' }).click();
    const call = page.getByRole('dialog', { name: 'Video support' });
    await call.getByRole('button', { name: 'Join call' }).waitFor();
    // The pre-join screen's only <video> is the camera preview.
    await playing(call);
    await page.waitForTimeout(500);
    await shot(page, 'video-prejoin.png', { video: true });
    await call.getByRole('button', { name: 'Join call' }).click();
    await playing(call.locator('[data-attendee-id]:not([data-local])'));
    await playing(call.locator('[data-attendee-id][data-local="true"]'));
    await page.waitForTimeout(800);
    await shot(page, 'video-call.png', { video: true });
  } finally {
    await emulator.close();
  }
  const twoSided = await startEmulator({ port: 0, agent: 'none', webCallAgent: 'none' });
  try {
    const { agentPage, agentCall: call } = await customerAndAgent(browser, demoUrl, twoSided.url);
    await playing(call.locator('[data-attendee-id]:not([data-local])'));
    await agentPage.waitForTimeout(800);
    await shot(agentPage, 'agent-video.png', { video: true });
  } finally {
    await twoSided.close();
  }
}

/**
 * The emulated agent shares its test pattern in every call (`POST
 * /admin/contacts/{ContactId}/screenshare`; asking again where it already shares is harmless).
 */
async function botShares(emulatorUrl) {
  for (const contact of await adminClient(emulatorUrl).contacts()) {
    const response = await fetch(`${emulatorUrl}/admin/contacts/${contact.ContactId}/screenshare`, {
      method: 'POST',
      body: JSON.stringify({ on: true }),
    });
    if (!response.ok) {
      throw new Error(`screenshare answered ${response.status}`);
    }
  }
}

/** Starts the storefront's web call on `page` and joins it; returns the call dialog. */
async function joinFromStorefront(page, demoUrl, emulatorUrl, tap = false) {
  await page.goto(demoPage(demoUrl, emulatorUrl, 'storefront'));
  const press = (locator) => (tap ? locator.tap() : locator.click());
  await press(page.getByRole('button', { name: 'Start video call' }));
  const call = page.getByRole('dialog', { name: 'Video support' });
  await press(call.getByRole('button', { name: 'Join call' }));
  await playing(call.locator('[data-attendee-id]:not([data-local])'));
  return call;
}

async function screenSharing(browser, demoUrl) {
  const echo = await startEmulator({ port: 0, agent: 'none', webCallAgent: 'echo' });
  try {
    const page = await newTab(browser);
    const call = await joinFromStorefront(page, demoUrl, echo.url);
    await botShares(echo.url);
    await playing(call.locator('[data-attendee-id$="#content"]'));
    await page.waitForTimeout(800);
    await shot(page, 'video-agent-sharing.png', { video: true });

    const handset = await newTab(browser, PHONE);
    const phoneCall = await joinFromStorefront(handset, demoUrl, echo.url, true);
    await botShares(echo.url);
    await playing(phoneCall.locator('[data-attendee-id$="#content"]'));
    await handset.waitForTimeout(800);
    await shot(handset, 'video-sharing-phone.png', { video: true });
  } finally {
    await echo.close();
  }
  const twoSided = await startEmulator({ port: 0, agent: 'none', webCallAgent: 'none' });
  try {
    const { customer, call, agentPage, agentCall } = await customerAndAgent(
      browser,
      demoUrl,
      twoSided.url,
    );
    await playing(call.locator('[data-attendee-id]:not([data-local])'));
    await call.getByRole('button', { name: 'Share screen' }).click();
    await call.getByText('You are sharing your screen').waitFor();
    await playing(agentCall.locator('[data-attendee-id$="#content"]'));
    await customer.waitForTimeout(800);
    await shot(customer, 'video-you-are-sharing.png', { video: true });
    await shot(agentPage, 'video-agent-sees-share.png', { video: true });
  } finally {
    await twoSided.close();
  }
}

/** An iPhone-sized touch screen, as in test/e2e/mobile.test.ts (at 2x to keep the PNGs small). */
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/**
 * The on-screen keyboard, emulated as in test/e2e/mobile.test.ts: the visual viewport shrinks by
 * 300 px and fires resize, as iOS does. Headless Chromium cannot draw a keyboard, so the shot
 * shows where it would be as a grey block.
 */
async function emulateKeyboard(page, height) {
  await page.evaluate((keyboard) => {
    const viewport = window.visualViewport;
    const visible = window.innerHeight - keyboard;
    Object.defineProperty(viewport, 'height', { configurable: true, get: () => visible });
    viewport.dispatchEvent(new Event('resize'));
    const block = document.createElement('div');
    block.setAttribute('aria-hidden', 'true');
    block.textContent = 'on-screen keyboard';
    block.style.cssText = `position:fixed;inset-inline:0;bottom:0;height:${keyboard}px;z-index:2147483647;background:#d1d5db;color:#4b5563;font:14px system-ui;display:grid;place-items:center`;
    document.body.append(block);
  }, height);
}

async function phone(browser, demoUrl) {
  const emulator = await startEmulator({ port: 0, agent: 'scripted' });
  try {
    const page = await newTab(browser, PHONE);
    await page.goto(demoPage(demoUrl, emulator.url, 'storefront'));
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'phone-closed.png');

    await page.getByRole('button', { name: 'Open chat' }).tap();
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Start chat' }).tap();
    await messageWithText(page, 'Ana').first().waitFor();
    await send(page, 'Hi! Does the Aurora kettle work on induction?');
    await widget(page)
      .getByText(/is typing/)
      .waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await page.getByRole('textbox', { name: 'Message' }).tap();
    await page.getByRole('textbox', { name: 'Message' }).fill('And the lid');
    await emulateKeyboard(page, 300);
    await settle(page);
    await shot(page, 'phone-open.png');

    await page.evaluate(() => {
      delete window.visualViewport.height;
      window.visualViewport.dispatchEvent(new Event('resize'));
      document.querySelector('[aria-hidden="true"][style*="2147483647"]')?.remove();
    });
    await page.getByRole('textbox', { name: 'Message' }).fill('');
    await send(page, 'Can you show me a list of accessories?');
    await widget(page).getByRole('group').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="log"] img')].every((img) => img.complete),
    );
    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await settle(page);
    await widget(page).getByRole('group').first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'phone-listpicker.png');
  } finally {
    await emulator.close();
  }
}

async function guide(browser, demoUrl) {
  const emulator = await startEmulator({ port: 0, agent: 'scripted' });
  try {
    const page = await newTab(browser);
    await startCustomerChat(page, demoPage(demoUrl, emulator.url, 'storefront'), 'Ana');
    await messageWithText(page, 'How can I help you today?').waitFor();
    await send(page, 'I want to return my kettle: form please');
    const view = widget(page).getByRole('group', { name: 'Return an item', exact: true });
    await view.waitFor();
    await view.getByLabel(/Email/).fill('ana@example.com');
    await view.getByLabel(/Reason/).selectOption('damaged');
    await view.getByLabel(/Comments/).fill('The lid arrived cracked.');
    await view.getByLabel(/Comments/).blur();
    await page.waitForFunction(() => !document.body.textContent?.includes('is typing'));
    await view.scrollIntoViewIfNeeded();
    await settle(page);
    await shot(widget(page), 'guide-form.png');
  } finally {
    await emulator.close();
  }
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const only = process.argv[2];
  const demo = await startDemoServer();
  const browser = await launchChromium({ media: only !== 'phone' });
  try {
    if (only === 'guide') {
      await guide(browser, demo.url);
      return;
    }
    if (only === 'sharing') {
      await screenSharing(browser, demo.url);
      return;
    }
    if (only !== 'phone') {
      await storefrontAndSequence(browser, demo.url);
      await agentConsole(browser, demo.url);
      await videoCall(browser, demo.url);
      await screenSharing(browser, demo.url);
      await guide(browser, demo.url);
    }
    await phone(browser, demo.url);
  } finally {
    await browser.close();
    await demo.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
