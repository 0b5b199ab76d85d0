import type { Browser, Locator, Page } from 'playwright-core';

/**
 * The emulator's admin API as the tests use it: the oracle transcript, contacts and faults.
 *
 * @example
 * ```ts
 * const admin = adminClient(emulator.url);
 * await admin.fault({ dropSockets: true });
 * ```
 */
export interface AdminClient {
  contacts(): Promise<{ ContactId: string; Status: string; Participants: AdminParticipant[] }[]>;
  transcript(contactId: string): Promise<TranscriptItem[]>;
  fault(fault: Record<string, unknown>): Promise<void>;
}

/**
 * A participant of `GET /admin/contacts`.
 *
 * @example
 * ```ts
 * const customer = contact.Participants.find((p: AdminParticipant) => p.ParticipantRole === 'CUSTOMER');
 * ```
 */
export interface AdminParticipant {
  ParticipantId: string;
  DisplayName: string;
  ParticipantRole: string;
  OpenWebsockets: number;
}

/**
 * An item of the oracle transcript (`GET /admin/contacts/{id}/transcript`).
 *
 * @example
 * ```ts
 * const texts = transcript.filter((item: TranscriptItem) => item.Type === 'MESSAGE').map((item) => item.Content);
 * ```
 */
export interface TranscriptItem {
  Id: string;
  Type: string;
  ContentType: string;
  Content?: string;
  ParticipantRole?: string;
  DisplayName?: string;
  Attachments?: { AttachmentName: string; AttachmentId: string }[];
}

/**
 * Creates the admin client of an emulator.
 *
 * @example
 * ```ts
 * const [contact] = await adminClient(url).contacts();
 * ```
 */
export function adminClient(url: string): AdminClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  return {
    contacts: async () =>
      (
        await call<{ Contacts: Awaited<ReturnType<AdminClient['contacts']>> }>(
          'GET',
          '/admin/contacts',
        )
      ).Contacts,
    transcript: async (contactId) =>
      (
        await call<{ Transcript: TranscriptItem[] }>(
          'GET',
          `/admin/contacts/${encodeURIComponent(contactId)}/transcript`,
        )
      ).Transcript,
    fault: async (fault) => {
      await call('POST', '/admin/faults', fault);
    },
  };
}

/**
 * Polls `check` until it returns a value other than `undefined`/`false`, or fails after
 * `timeoutMs` with the last error or `message`.
 *
 * @example
 * ```ts
 * const contact = await waitFor(async () => (await admin.contacts())[0], 'a contact');
 * ```
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  message: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${message}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * URLs of the demo pages pointed at a test's emulator.
 *
 * @example
 * ```ts
 * await page.goto(demoPage(demoUrl, emulator.url, 'agent'));
 * ```
 */
export function demoPage(
  demoUrl: string,
  emulatorUrl: string,
  which: 'storefront' | 'agent',
): string {
  const query = `?emulator=${encodeURIComponent(emulatorUrl)}`;
  return `${demoUrl}/${which === 'agent' ? 'agent.html' : ''}${query}`;
}

/**
 * A page that records uncaught errors, so a test can assert the app never threw.
 *
 * @example
 * ```ts
 * const { page, errors } = await newPage(browser);
 * expect(errors).toEqual([]);
 * ```
 */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  // Some errors (a rejected Event, a worker's) carry an empty stack: keep their name and message.
  page.on('pageerror', (error) => errors.push(error.stack || `${error.name}: ${error.message}`));
  return { page, errors };
}

/** The customer's side of the storefront: the widget's panel. */
export const widget = (page: Page): Locator => page.getByRole('dialog', { name: 'Support' });

/**
 * Opens the storefront's widget, fills the pre-chat form and waits until the composer can send.
 *
 * @example
 * ```ts
 * await startCustomerChat(page, url, 'Ana');
 * ```
 */
export async function startCustomerChat(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
}

/**
 * Opens the agent console, answers the customer's contact and waits for the agent's composer.
 *
 * @example
 * ```ts
 * await answerAsAgent(page, url, 'Ana');
 * ```
 */
export async function answerAsAgent(page: Page, url: string, customer: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('button', { name: `Answer ${customer}` }).click();
  const chat = page.getByRole('region', { name: `Chat with ${customer}` });
  await expectEnabled(chat.getByRole('textbox', { name: 'Message' }));
  return chat;
}

/**
 * Waits until a form control is enabled.
 *
 * @example
 * ```ts
 * await expectEnabled(page.getByRole('textbox', { name: 'Message' }));
 * ```
 */
export async function expectEnabled(locator: Locator, timeoutMs = 30_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  await waitFor(() => locator.isEnabled(), 'an enabled control', timeoutMs);
}

/**
 * Types and sends a message through a composer (the textbox "Message" and the button "Send").
 *
 * @example
 * ```ts
 * await send(page, 'Hello');
 * ```
 */
export async function send(scope: Page | Locator, text: string): Promise<void> {
  await scope.getByRole('textbox', { name: 'Message' }).fill(text);
  await scope.getByRole('button', { name: 'Send' }).click();
}

/**
 * The `data-message-id`s rendered in the transcript (`role="log"`) of a scope, in order, with
 * repeats kept so duplicates show.
 *
 * @example
 * ```ts
 * const ids = await renderedMessageIds(page);
 * expect(new Set(ids).size).toBe(ids.length);
 * ```
 */
export function renderedMessageIds(scope: Page | Locator): Promise<string[]> {
  return scope
    .getByRole('log')
    .locator('[data-message-id]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-message-id') ?? ''));
}

/**
 * Every message id of a transcript, in order, including the rows the windowed list keeps out of
 * the DOM: scrolls the log from top to bottom and places each id it renders on the way at its
 * offset in the scrolled content (the last one measured). An id rendered twice at once (a real
 * duplicate row) is listed twice. Leaves the log at the end.
 *
 * @example
 * ```ts
 * const ids = await allMessageIds(widget(page));
 * ```
 */
export function allMessageIds(scope: Page | Locator): Promise<string[]> {
  return scope.getByRole('log').evaluate(async (log) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const scroller =
      [log, ...log.querySelectorAll('*')].find(
        (node) =>
          node.scrollHeight > node.clientHeight + 1 &&
          getComputedStyle(node).overflowY !== 'visible',
      ) ?? log;
    const offsets = new Map<string, number>();
    const duplicates: [string, number][] = [];
    scroller.scrollTop = 0;
    for (;;) {
      await frame();
      await frame();
      const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
      const inView = new Set<string>();
      for (const node of log.querySelectorAll('[data-message-id]')) {
        const id = node.getAttribute('data-message-id') ?? '';
        const offset = node.getBoundingClientRect().top - origin;
        if (inView.has(id)) {
          duplicates.push([id, offset]);
        }
        inView.add(id);
        offsets.set(id, offset);
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
        return [...offsets, ...duplicates].sort((a, b) => a[1] - b[1]).map(([id]) => id);
      }
      scroller.scrollTop += Math.max(50, scroller.clientHeight / 2);
    }
  });
}

/**
 * The element of one message, found by its text, in the transcript of a scope.
 *
 * @example
 * ```ts
 * await messageWithText(page, 'Hello').waitFor();
 * ```
 */
export function messageWithText(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('log').locator('[data-message-id]').filter({ hasText: text });
}

/**
 * Starts recording the states the connection banner (`role="status"`) goes through on a page,
 * so a short "Reconnecting…" is seen even if it is gone before the test looks.
 *
 * @example
 * ```ts
 * const states = await recordBannerStates(page);
 * // … fault …
 * expect(await states()).toContain('reconnecting');
 * ```
 */
export async function recordBannerStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __bannerStates: string[] }).__bannerStates = seen;
    const record = () => {
      for (const element of document.querySelectorAll('[role="status"][data-state]')) {
        const state = element.getAttribute('data-state') ?? '';
        if (seen[seen.length - 1] !== state) {
          seen.push(state);
        }
      }
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  return () =>
    page.evaluate(() => [...(window as unknown as { __bannerStates: string[] }).__bannerStates]);
}
