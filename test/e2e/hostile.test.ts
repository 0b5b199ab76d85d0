import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { launchChromium } from './support/browser';
import {
  adminClient,
  demoPage,
  messageWithText,
  startCustomerChat,
  waitFor,
  widget,
} from './support/demoPages';
import type { AdminClient, TranscriptItem } from './support/demoPages';
import { XSS_ATTACHMENT_NAMES, XSS_DISPLAY_NAMES, XSS_PAYLOADS } from './fixtures/xssPayloads';
import type { XssPayload } from './fixtures/xssPayloads';

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';

/** What the in-page sentinel found: elements or attributes that must never appear. */
interface Violation {
  tag: string;
  attribute: string;
  value: string;
  messageId: string | null;
}

/** The sentinel's state in the page (see {@link installSentinel}). */
interface HostileState {
  violations: Violation[];
  /** Text of every `[data-message-id]` row when it was last attached or changed. */
  texts: Record<string, string>;
  /** Every `a[href]` and `img[src]` ever attached inside a message row, resolved. */
  urls: { tag: string; url: string; messageId: string | null }[];
  scan(root: Element): void;
}

/**
 * Runs in the page before any of its scripts. A MutationObserver inspects every element the app
 * attaches to <body> and every attribute it changes, so rows of the virtualized transcript are
 * checked even if they are unmounted by the time the test looks.
 */
function installSentinel(): void {
  const forbiddenTags = new Set([
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'meta',
    'link',
    'math',
    'foreignobject',
    'animate',
    'set',
    'xmp',
    'noscript',
    'portal',
    'style',
  ]);
  const urlAttributes = new Set([
    'href',
    'xlink:href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
    'codebase',
    'cite',
  ]);
  const safeProtocols = new Set(['http:', 'https:', 'mailto:', 'blob:']);
  const state: HostileState = {
    violations: [],
    texts: {},
    urls: [],
    scan: () => undefined,
  };
  (window as unknown as { __hostile: HostileState }).__hostile = state;

  const inspect = (element: Element): void => {
    if (element.closest('head')) {
      return;
    }
    const row = element.closest('[data-message-id]');
    const messageId = row?.getAttribute('data-message-id') ?? null;
    const tag = element.tagName.toLowerCase();
    const flag = (attribute: string, value: string) =>
      state.violations.push({ tag, attribute, value: value.slice(0, 200), messageId });
    if (forbiddenTags.has(tag)) {
      flag('(element)', element.outerHTML);
    }
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'srcdoc') {
        flag(name, value);
      } else if (urlAttributes.has(lower)) {
        let protocol = 'invalid:';
        try {
          protocol = new URL(value, document.baseURI).protocol;
        } catch {
          // An unparsable URL is flagged below with the protocol "invalid:".
        }
        if (!safeProtocols.has(protocol)) {
          flag(name, value);
        }
      } else if (
        lower === 'style' &&
        /javascript:|expression\(|url\(\s*['"]?\s*data:/i.test(value)
      ) {
        flag(name, value);
      }
    }
    if (row && (tag === 'a' || tag === 'img')) {
      const url = tag === 'a' ? element.getAttribute('href') : element.getAttribute('src');
      if (url !== null) {
        state.urls.push({ tag, url, messageId });
      }
    }
  };
  const record = (element: Element): void => {
    for (const row of [
      element.closest('[data-message-id]'),
      ...element.querySelectorAll('[data-message-id]'),
    ]) {
      const id = row?.getAttribute('data-message-id');
      if (row && id) {
        state.texts[id] = row.textContent ?? '';
      }
    }
  };
  const visit = (root: Element): void => {
    inspect(root);
    root.querySelectorAll('*').forEach(inspect);
    record(root);
  };
  state.scan = visit;

  const start = () => {
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' && mutation.target instanceof Element) {
          inspect(mutation.target);
        } else if (mutation.type === 'characterData') {
          const parent = mutation.target.parentElement;
          if (parent) {
            record(parent);
          }
        }
        mutation.addedNodes.forEach((node) => {
          if (node instanceof Element) {
            visit(node);
          } else if (node.parentElement) {
            record(node.parentElement);
          }
        });
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}

/** A participant of the contact driven through the Participant Service REST API. */
interface RestParticipant {
  connectionToken: string;
}

/** What a browser context saw: calls of `__xss`, dialogs, errors and requests that left. */
interface Recorder {
  xssCalls: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  outsideRequests: string[];
}

/**
 * Instruments a context: `__xss` records its argument in every page and frame, dialogs are
 * recorded and dismissed, the sentinel runs in every page, and requests to any origin other than
 * `allowedOrigins` get a blank page instead of leaving the machine.
 */
async function instrument(
  target: BrowserContext,
  allowedOrigins: readonly string[],
): Promise<Recorder> {
  const recorder: Recorder = {
    xssCalls: [],
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
    outsideRequests: [],
  };
  await target.route(
    (url) => !allowedOrigins.includes(url.origin),
    (route) => {
      recorder.outsideRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html>' });
    },
  );
  await target.exposeFunction('__xss', (id: unknown) => {
    recorder.xssCalls.push(String(id));
  });
  await target.addInitScript(installSentinel);
  target.on('page', (opened) => {
    opened.on('dialog', (dialog) => {
      recorder.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    opened.on('pageerror', (error) => recorder.pageErrors.push(error.stack ?? error.message));
    opened.on('console', (message) => {
      if (message.type() === 'error') {
        recorder.consoleErrors.push(message.text());
      }
    });
  });
  return recorder;
}

let emulator: RunningEmulator;
let admin: AdminClient;
let browser: Browser;
let context: BrowserContext;
let recorder: Recorder;
let page: Page;
let contactId: string;
const mainFrameUrls: string[] = [];
/** Transcript ids of the text/plain copy of each payload, by payload id. */
const plainIds = new Map<string, string>();

async function call<T>(path: string, body: unknown, bearer?: string): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { 'x-amz-bearer': bearer } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${path}: ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** CreateParticipant (admin) then CreateParticipantConnection, as an agent named `name`. */
async function joinAsAgent(name: string): Promise<RestParticipant> {
  const joined = await call<{ ParticipantCredentials: { ParticipantToken: string } }>(
    `/admin/contacts/${encodeURIComponent(contactId)}/participants`,
    { ParticipantDetails: { DisplayName: name, ParticipantRole: 'AGENT' } },
  );
  const connection = await call<{ ConnectionCredentials: { ConnectionToken: string } }>(
    '/participant/connection',
    { Type: ['CONNECTION_CREDENTIALS'] },
    joined.ParticipantCredentials.ParticipantToken,
  );
  return { connectionToken: connection.ConnectionCredentials.ConnectionToken };
}

let tokenCount = 0;
const clientToken = () => `hostile-${(tokenCount += 1)}`;

async function sendMessage(
  agent: RestParticipant,
  contentType: 'text/plain' | 'text/markdown',
  content: string,
): Promise<string> {
  const { Id } = await call<{ Id: string }>(
    '/participant/message',
    { ContentType: contentType, Content: content, ClientToken: clientToken() },
    agent.connectionToken,
  );
  return Id;
}

async function sendAttachment(agent: RestParticipant, name: string): Promise<void> {
  const bytes = new TextEncoder().encode(`contents of ${name}`);
  const upload = await call<{
    AttachmentId: string;
    UploadMetadata: { Url: string; HeadersToInclude: Record<string, string> };
  }>(
    '/participant/start-attachment-upload',
    {
      ContentType: 'text/plain',
      AttachmentSizeInBytes: bytes.byteLength,
      AttachmentName: name,
      ClientToken: clientToken(),
    },
    agent.connectionToken,
  );
  const put = await fetch(upload.UploadMetadata.Url, {
    method: 'PUT',
    headers: upload.UploadMetadata.HeadersToInclude,
    body: bytes,
  });
  expect(put.ok).toBe(true);
  await call(
    '/participant/complete-attachment-upload',
    { AttachmentIds: [upload.AttachmentId], ClientToken: clientToken() },
    agent.connectionToken,
  );
}

async function injectItem(item: Record<string, unknown>): Promise<void> {
  await call(`/admin/contacts/${encodeURIComponent(contactId)}/items`, item);
}

const byId = (id: string): XssPayload => {
  const found = [...XSS_PAYLOADS, ...XSS_DISPLAY_NAMES, ...XSS_ATTACHMENT_NAMES].find(
    (payload) => payload.id === id,
  );
  if (!found) {
    throw new Error(`no payload ${id}`);
  }
  return found;
};
const text = (id: string): string => byId(id).text;
const svgImage = (id: string): string =>
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="top.__xss('${id}')"><script>top.__xss('${id}')</script></svg>`;

/** Interactive templates whose every text field and image URL is hostile. */
function hostileTemplates(): unknown[] {
  return [
    {
      templateType: 'ListPicker',
      version: '1.0',
      data: {
        replyMessage: { title: text('script-basic'), subtitle: text('img-onerror') },
        content: {
          title: text('img-onerror'),
          subtitle: text('svg-onload'),
          imageType: 'URL',
          imageData: `javascript:__xss('listpicker-image')`,
          imageDescription: text('attribute-double-quote'),
          elements: [
            {
              title: text('script-basic'),
              subtitle: text('attribute-single-quote'),
              imageType: 'URL',
              imageData: svgImage('listpicker-element-svg'),
              imageDescription: text('img-slashes'),
            },
            {
              title: text('attribute-backtick'),
              imageType: 'URL',
              imageData: `x" onerror="__xss('listpicker-element-attribute')`,
            },
            {
              title: text('a-href-javascript'),
              type: 'hyperlink',
              url: `javascript:__xss('listpicker-hyperlink')`,
            },
            {
              title: text('markdown-data-html'),
              type: 'hyperlink',
              url: `data:text/html,<script>top.__xss('listpicker-hyperlink-data')</script>`,
            },
            {
              title: 'A safe hyperlink with a hostile query',
              type: 'hyperlink',
              url: `https://example.com/hyperlink?"><img src=x onerror=__xss('listpicker-query')>`,
            },
          ],
        },
      },
    },
    {
      templateType: 'Panel',
      version: '1.0',
      data: {
        content: {
          title: text('svg-script'),
          subtitle: text('iframe-javascript'),
          imageType: 'URL',
          imageData: `JaVaScRiPt:__xss('panel-image')`,
          elements: [{ title: text('details-ontoggle') }, { title: text('text-rtl-override') }],
        },
      },
    },
    {
      templateType: 'QuickReply',
      version: '1.0',
      data: {
        content: {
          title: text('math-mglyph-style'),
          subtitle: text('text-template-literal'),
          elements: [{ title: text('img-onerror') }, { title: text('text-null-bytes') }],
        },
      },
    },
    {
      templateType: 'TimePicker',
      version: '1.0',
      data: {
        replyMessage: { title: text('base-href') },
        content: {
          title: text('meta-refresh'),
          subtitle: text('style-tag-and-attribute'),
          timeZoneOffset: 0,
          location: {
            latitude: 47.6,
            longitude: -122.3,
            title: text('iframe-srcdoc'),
            radius: 1,
          },
          timeslots: [
            { date: '2030-01-02T15:00+00:00', duration: 60 },
            { date: '2030-01-03T15:00+00:00', duration: 60 },
          ],
        },
      },
    },
    {
      templateType: 'Carousel',
      version: '1.0',
      data: {
        content: {
          title: text('svg-animate-href'),
          elements: [
            {
              templateIdentifier: text('attribute-double-quote'),
              templateType: 'Panel',
              version: '1.0',
              data: {
                content: {
                  title: text('object-data'),
                  imageType: 'URL',
                  imageData: svgImage('carousel-image'),
                  elements: [{ title: text('embed-data-html') }],
                },
              },
            },
            {
              templateIdentifier: 'second',
              templateType: 'ListPicker',
              version: '1.0',
              data: {
                content: {
                  title: text('form-action'),
                  elements: [{ title: text('input-autofocus') }, { title: text('body-onload') }],
                },
              },
            },
          ],
        },
      },
    },
  ];
}

/** Scrolls the transcript from top to bottom so every row of the virtualized log mounts once. */
async function scrollThroughLog(log: Locator): Promise<void> {
  await log.evaluate(async (element) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    element.scrollTop = 0;
    await frame();
    await frame();
    for (let guard = 0; guard < 400; guard += 1) {
      const before = element.scrollTop;
      element.scrollTop = before + Math.max(40, element.clientHeight * 0.6);
      await frame();
      await frame();
      if (element.scrollTop <= before) {
        return;
      }
    }
  });
}

const hostile = (target: Page): Promise<HostileState> =>
  target.evaluate(() => {
    const state = (window as unknown as { __hostile: HostileState }).__hostile;
    return { ...state, violations: [...state.violations], urls: [...state.urls] };
  });

let transcript: TranscriptItem[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none', maxAttachmentsPerContact: 50 });
  admin = adminClient(emulator.url);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  recorder = await instrument(context, [
    new URL(inject('demoUrl')).origin,
    new URL(emulator.url).origin,
  ]);
  page = await context.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      mainFrameUrls.push(frame.url());
    }
  });

  // The customer's own DisplayName is hostile.
  const customerName = text('name-script');
  await startCustomerChat(
    page,
    demoPage(inject('demoUrl'), emulator.url, 'storefront'),
    customerName,
  );
  const contact = await waitFor(
    async () =>
      (await admin.contacts()).find((c) =>
        c.Participants.some(
          (p) => p.ParticipantRole === 'CUSTOMER' && p.DisplayName === customerName,
        ),
      ),
    'the customer contact',
  );
  contactId = contact.ContactId;

  const agent = await joinAsAgent(text('name-img'));
  for (const payload of XSS_PAYLOADS) {
    plainIds.set(payload.id, await sendMessage(agent, 'text/plain', payload.text));
    await sendMessage(agent, 'text/markdown', payload.text);
  }
  // More agents and bots, each with a hostile DisplayName.
  for (const name of XSS_DISPLAY_NAMES.slice(2)) {
    const other = await joinAsAgent(name.text);
    await sendMessage(other, 'text/markdown', `Hello from **${name.id}**`);
  }
  for (const [index, name] of XSS_DISPLAY_NAMES.entries()) {
    await injectItem({
      ContentType: 'text/plain',
      Content: `Injected by ${name.id}`,
      ParticipantRole: index % 2 ? 'CUSTOM_BOT' : 'SYSTEM',
      DisplayName: name.text,
    });
  }
  for (const template of hostileTemplates()) {
    await injectItem({ ContentType: INTERACTIVE, Content: JSON.stringify(template) });
  }
  // Not JSON at all: the kit must show it as an unreadable interactive message, not as HTML.
  await injectItem({ ContentType: INTERACTIVE, Content: text('script-basic') });
  for (const name of XSS_ATTACHMENT_NAMES) {
    await sendAttachment(agent, name.text);
  }
  await sendMessage(agent, 'text/plain', 'End of the hostile batch');

  transcript = await admin.transcript(contactId);
  const log = widget(page).getByRole('log');
  await messageWithText(widget(page), 'End of the hostile batch').waitFor();
  const expected = transcript
    .filter((item) => item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT')
    .map((item) => item.Id);
  await waitFor(
    async () => {
      await scrollThroughLog(log);
      const { texts } = await hostile(page);
      return expected.every((id) => id in texts);
    },
    'every message and attachment rendered once',
    60_000,
  );
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await emulator?.close();
});

describe('hostile content in the storefront widget', () => {
  it('the detectors fire on markup that does execute (positive control)', async () => {
    const controlContext = await browser.newContext();
    try {
      const control = await instrument(controlContext, [new URL(inject('demoUrl')).origin]);
      const controlPage = await controlContext.newPage();
      await controlPage.goto(demoPage(inject('demoUrl'), emulator.url, 'storefront'));
      await controlPage.evaluate(() => {
        // What the kit must never do: hand message text to the HTML parser.
        document.body.insertAdjacentHTML(
          'beforeend',
          `<div><img src=x onerror="__xss('control-img')"><a href="javascript:void 0">x</a>` +
            `<iframe srcdoc="<script>top.__xss('control-frame')</script>"></iframe></div>`,
        );
        setTimeout(() => alert('control'));
      });
      await waitFor(
        () => control.xssCalls.length >= 2 && control.dialogs.length === 1,
        'the control payloads to run',
      );
      expect([...control.xssCalls].sort()).toEqual(['control-frame', 'control-img']);
      const { violations } = await hostile(controlPage);
      expect(violations.map((v) => `${v.tag} ${v.attribute}`)).toEqual(
        expect.arrayContaining(['img onerror', 'a href', 'iframe (element)', 'iframe srcdoc']),
      );
    } finally {
      await controlContext.close();
    }
  });

  it('the fixture holds at least fifty distinct payloads', () => {
    const ids = XSS_PAYLOADS.map((payload) => payload.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(XSS_PAYLOADS.map((payload) => payload.text)).size).toBe(ids.length);
    for (const payload of XSS_PAYLOADS) {
      expect(payload.text.length).toBeLessThanOrEqual(1024);
    }
  });

  it('every payload reached the transcript and the widget rendered every item', async () => {
    const messages = transcript.filter((item) => item.Type === 'MESSAGE');
    const contents = new Set(messages.map((item) => item.Content));
    for (const payload of XSS_PAYLOADS) {
      expect(contents.has(payload.text)).toBe(true);
    }
    const attachments = transcript.flatMap((item) => item.Attachments ?? []);
    expect(attachments.map((file) => file.AttachmentName).sort()).toEqual(
      XSS_ATTACHMENT_NAMES.map((name) => name.text).sort(),
    );
    const { texts } = await hostile(page);
    for (const item of transcript.filter((i) => i.Type === 'MESSAGE' || i.Type === 'ATTACHMENT')) {
      expect(texts, `item ${item.Id} rendered`).toHaveProperty([item.Id]);
    }
  });

  it('text/plain payloads show verbatim as text', async () => {
    const { texts } = await hostile(page);
    for (const payload of XSS_PAYLOADS) {
      const id = plainIds.get(payload.id) ?? '';
      expect(texts[id], payload.id).toContain(payload.text);
    }
  });

  it('display names, attachment names and interactive titles show as text', async () => {
    const { texts } = await hostile(page);
    const rendered = `${Object.values(texts).join('\n')}\n${await widget(page).textContent()}`;
    const interactiveTitles = [
      'img-onerror', // ListPicker
      'svg-script', // Panel
      'math-mglyph-style', // QuickReply
      'meta-refresh', // TimePicker
      'svg-animate-href', // Carousel
    ];
    for (const { id, text: shown } of [
      ...XSS_DISPLAY_NAMES,
      ...XSS_ATTACHMENT_NAMES,
      ...interactiveTitles.map(byId),
    ]) {
      expect(rendered, id).toContain(shown);
    }
  });

  it('nothing executed: no __xss call, no dialog, no uncaught error', () => {
    expect(recorder.xssCalls).toEqual([]);
    expect(recorder.dialogs).toEqual([]);
    expect(recorder.pageErrors).toEqual([]);
    // The main frame never left the storefront (a javascript: or refresh navigation would show).
    expect(mainFrameUrls.every((url) => url.startsWith(inject('demoUrl')))).toBe(true);
  });

  it('no script, frame, object, base, meta, style or event-handler attribute was ever attached', async () => {
    const { violations } = await hostile(page);
    const dangerous = violations.filter(
      (violation) => !['src', 'href'].includes(violation.attribute) || violation.tag !== 'img',
    );
    expect(dangerous).toEqual([]);
  });

  it('every link in the transcript is http(s) or mailto, and the open widget is clean now', async () => {
    const { urls } = await hostile(page);
    const links = urls.filter((entry) => entry.tag === 'a');
    expect(links.length).toBeGreaterThan(0);
    for (const { url } of links) {
      expect(['http:', 'https:', 'mailto:']).toContain(new URL(url).protocol);
    }
    const panel = await widget(page).elementHandle();
    await page.evaluate(
      (root) => (window as unknown as { __hostile: HostileState }).__hostile.scan(root as Element),
      panel,
    );
    const { violations } = await hostile(page);
    expect(violations.filter((v) => v.tag !== 'img')).toEqual([]);
  });

  // Interactive `imageData` once went straight into <img src>: `javascript:`, `JaVaScRiPt:` and
  // `data:image/svg+xml,<svg onload=…>` URLs reached the DOM (Chromium ran none of them). Template
  // images now pass through safeWebUrl, like template links.
  it('every image in the transcript loads over http(s)', async () => {
    const { urls } = await hostile(page);
    const images = urls.filter((entry) => entry.tag === 'img');
    for (const { url, messageId } of images) {
      expect(['http:', 'https:'], `${messageId}: ${url}`).toContain(
        new URL(url, inject('demoUrl')).protocol,
      );
    }
  });

  it('clicking and hovering the links rendered from payloads never runs or opens script', async () => {
    const agent = await joinAsAgent('Link checker');
    const linkPayloads = [
      'markdown-title-quote',
      'markdown-url-quote',
      'markdown-html-label',
      'markdown-nested-brackets',
      'markdown-https-uppercase-break',
      'url-bare-break',
    ];
    for (const id of linkPayloads) {
      await sendMessage(agent, 'text/markdown', text(id));
    }
    await sendMessage(agent, 'text/plain', 'Links sent');
    await messageWithText(widget(page), 'Links sent').waitFor();
    const log = widget(page).getByRole('log');
    const links = log.locator('[data-message-id] a[href]');
    await waitFor(async () => (await links.count()) >= linkPayloads.length, 'the links rendered');
    const opened: string[] = [];
    for (const link of await links.all()) {
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      const popup = context.waitForEvent('page');
      await link.click();
      const tab = await popup;
      // A popup starts at about:blank; a javascript: link would leave it there and time out.
      await tab.waitForURL((url) => url.href !== 'about:blank');
      opened.push(tab.url());
      await tab.close();
    }
    expect(opened.length).toBeGreaterThanOrEqual(linkPayloads.length);
    for (const url of opened) {
      expect(['http:', 'https:']).toContain(new URL(url).protocol);
    }
    expect(recorder.outsideRequests.every((url) => new URL(url).host === 'example.com')).toBe(true);
    expect(recorder.xssCalls).toEqual([]);
    expect(recorder.dialogs).toEqual([]);
    expect(page.url().startsWith(inject('demoUrl'))).toBe(true);
  });

  it('the agent console lists the hostile customer name as text', async () => {
    const agentConsole = await context.newPage();
    await agentConsole.goto(demoPage(inject('demoUrl'), emulator.url, 'agent'));
    await agentConsole.getByRole('button', { name: `Answer ${text('name-script')}` }).waitFor();
    const { violations } = await hostile(agentConsole);
    expect(violations).toEqual([]);
    expect(recorder.xssCalls).toEqual([]);
    expect(recorder.dialogs).toEqual([]);
    await agentConsole.close();
  });
});
