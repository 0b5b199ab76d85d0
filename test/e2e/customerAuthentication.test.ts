import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import {
  adminClient,
  demoPage,
  messageWithText,
  newPage,
  send,
  startCustomerChat,
  waitFor,
  widget,
} from './support/demoPages';
import type { AdminClient } from './support/demoPages';

let emulator: RunningEmulator;
let admin: AdminClient;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  // No simulated agent: the test plays the contact flow through the admin API.
  emulator = await startEmulator({ port: 0, agent: 'none' });
  admin = adminClient(emulator.url);
  browser = await launchChromium();
});

afterEach(async () => {
  for (const page of pages.splice(0)) {
    await page.context().close();
  }
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function contactState(contactId: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${emulator.url}/admin/contacts/${contactId}`)).json()) as Record<
    string,
    unknown
  >;
}

/** A customer in the storefront's chat; returns the page, its errors and the contact id. */
async function customer(name: string, init?: () => void) {
  const { page, errors } = await newPage(browser);
  pages.push(page);
  if (init) {
    await page.addInitScript(init);
  }
  const known = new Set((await admin.contacts()).map((contact) => contact.ContactId));
  await startCustomerChat(page, demoPage(inject('demoUrl'), emulator.url, 'storefront'), name);
  const contactId = await waitFor(
    async () =>
      (await admin.contacts()).find((contact) => !known.has(contact.ContactId))?.ContactId,
    'the new contact',
  );
  return { page, errors, contactId };
}

const prompt = (page: Page): Locator =>
  widget(page).getByRole('group', { name: 'Sign in to continue' });

async function expectPromptStatus(page: Page, status: string): Promise<void> {
  await waitFor(
    async () => (await prompt(page).getAttribute('data-auth-status')) === status,
    `the sign-in prompt to be ${status}`,
  );
}

describe('customer authentication in chat', { timeout: 90_000 }, () => {
  it('Sign in opens the sign-in page in a popup; signing in there closes it and the chat shows it', async () => {
    const { page, errors, contactId } = await customer('Ana');
    await post(`/admin/contacts/${contactId}/authenticate`, { TimeoutSeconds: 120 });
    await expectPromptStatus(page, 'pending');
    // The card with its buttons, with layout and colour contrast.
    expect(await axeViolations(page)).toEqual([]);

    const popupOpened = page.context().waitForEvent('page');
    await prompt(page).getByRole('button', { name: 'Sign in' }).click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/auth\/authorize\?/);
    await waitFor(
      async () => (await contactState(contactId)).Authentication,
      'the URL to be issued',
    );
    expect((await contactState(contactId)).Authentication).toMatchObject({ UrlIssued: true });
    await expect.poll(() => prompt(page).getAttribute('data-phase')).toBe('waiting');

    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    // The emulator redirects to the demo's landing page, which reports back and closes.
    await closed;
    await expectPromptStatus(page, 'succeeded');
    await widget(page).getByText('Signed in', { exact: true }).first().waitFor();
    expect(
      await prompt(page).getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect((await contactState(contactId)).Authentication).toMatchObject({ Status: 'SUCCEEDED' });
    expect(errors).toEqual([]);
  });

  it('Continue without signing in cancels the block', async () => {
    const { page, errors, contactId } = await customer('Bo');
    await post(`/admin/contacts/${contactId}/authenticate`, {});
    await expectPromptStatus(page, 'pending');
    await prompt(page).getByRole('button', { name: 'Continue without signing in' }).click();
    await expectPromptStatus(page, 'cancelled');
    await widget(page).getByText('Sign-in cancelled').first().waitFor();
    expect((await contactState(contactId)).Authentication).toMatchObject({ Status: 'CANCELLED' });
    expect(errors).toEqual([]);
  });

  it('a block nobody answers times out and the buttons stop acting', async () => {
    const { page, errors, contactId } = await customer('Cy');
    await post(`/admin/contacts/${contactId}/authenticate`, { TimeoutSeconds: 2 });
    await expectPromptStatus(page, 'pending');
    await expectPromptStatus(page, 'timeout');
    await widget(page).getByText('Sign-in timed out').first().waitFor();
    const signIn = prompt(page).getByRole('button', { name: 'Sign in' });
    expect(await signIn.getAttribute('aria-disabled')).toBe('true');
    await signIn.dispatchEvent('click');
    expect(page.context().pages()).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('with popups blocked, signs in in the same tab and comes back to the resumed chat', async () => {
    const { page, errors, contactId } = await customer('Di', () => {
      window.open = () => null;
    });
    await send(widget(page), 'Before signing in');
    await messageWithText(widget(page), 'Before signing in').waitFor();
    await post(`/admin/contacts/${contactId}/authenticate`, { TimeoutSeconds: 120 });
    await expectPromptStatus(page, 'pending');
    await prompt(page).getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/auth\/authorize\?/);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Landing page, then back to the storefront: the widget reopens on the same contact.
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('emulator'));
    await expectPromptStatus(page, 'succeeded');
    await messageWithText(widget(page), 'Before signing in').waitFor();
    expect((await admin.contacts()).filter((c) => c.ContactId === contactId)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('message processing', { timeout: 90_000 }, () => {
  it('a message the service rejects shows as not delivered, the others as sent', async () => {
    const { page, errors, contactId } = await customer('Ed');
    await post(`/admin/contacts/${contactId}/processing`, { Status: 'REJECTED', Match: 'secret' });
    await send(widget(page), 'my secret code is 1234');
    const rejected = messageWithText(widget(page), 'my secret code is 1234');
    await rejected.getByText('Not delivered: message processing rejected it').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await send(widget(page), 'hello there');
    const fine = messageWithText(widget(page), 'hello there');
    await fine.locator('time').waitFor();
    expect(await fine.getByText(/Not delivered/).count()).toBe(0);
    const transcript = await admin.transcript(contactId);
    expect(transcript.some((item) => item.Content === 'my secret code is 1234')).toBe(false);
    expect(errors).toEqual([]);
  });
});
