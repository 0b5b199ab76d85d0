import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { startFaultProxy } from '../support/faultProxy';
import { launchChromium } from './support/browser';
import { openChatPair } from './support/chatPair';
import {
  adminClient,
  allMessageIds,
  messageWithText,
  recordBannerStates,
  send,
  waitFor,
  widget,
} from './support/demoPages';
import type { AdminClient } from './support/demoPages';

let emulator: RunningEmulator;
let admin: AdminClient;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'none' });
  admin = adminClient(emulator.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/**
 * Waits until the oracle transcript holds every text once, then checks that both pages render
 * exactly the oracle's messages, each once and in the oracle's order.
 */
async function expectConverged(
  contactId: string,
  texts: readonly string[],
  views: readonly (Page | Locator)[],
): Promise<void> {
  const messages = await waitFor(async () => {
    const items = (await admin.transcript(contactId)).filter((item) => item.Type === 'MESSAGE');
    return texts.every((text) => items.some((item) => item.Content === text)) && items;
  }, 'every message in the transcript');
  for (const text of texts) {
    expect(messages.filter((item) => item.Content === text)).toHaveLength(1);
  }
  const oracleIds = messages.map((item) => item.Id);
  for (const view of views) {
    await messageWithText(view, texts[texts.length - 1]!).waitFor();
    // Read until two reads in a row agree: the list may still be settling (a gap fill inserts
    // rows above newer ones) while the scroll through it is under way.
    let rendered: string[] = [];
    await waitFor(async () => {
      const previous = rendered;
      rendered = await allMessageIds(view);
      return (
        oracleIds.every((id) => rendered.includes(id)) &&
        JSON.stringify(previous) === JSON.stringify(rendered)
      );
    }, 'every message rendered');
    expect(new Set(rendered).size).toBe(rendered.length);
    expect(rendered.filter((id) => oracleIds.includes(id))).toEqual(oracleIds);
    // Nothing left pending: no own message is still sending or failed.
    expect(await view.locator('[data-state="sending"], [data-state="failed"]').count()).toBe(0);
  }
}

describe('network faults while chatting', () => {
  it('dropped sockets: the banner shows, messages sent meanwhile arrive once', async () => {
    const { customer, agent, contactId, errors } = await openChatPair(
      browser,
      inject('demoUrl'),
      emulator.url,
      'Ana',
    );
    await send(customer, 'Before the drop');
    await messageWithText(agent, 'Before the drop').waitFor();
    const states = await recordBannerStates(customer);

    // Every socket closes without a close frame, and reconnecting keeps failing (no socket URL
    // can be opened, CreateParticipantConnection answers 503) until the test lifts the fault,
    // so the outage lasts while messages are typed through it.
    await admin.fault({
      failNext: { operation: 'CreateParticipantConnection', status: 503, count: 100 },
    });
    await admin.fault({ expireWebsocketUrls: true });
    await admin.fault({ dropSockets: true });
    await widget(customer)
      .getByRole('status')
      .filter({ hasText: /Reconnecting/ })
      .waitFor();
    const during = ['Typed while reconnecting 1', 'Typed while reconnecting 2'];
    for (const text of during) {
      await send(customer, text);
    }
    await send(agent, 'Agent wrote during the drop');
    expect(await widget(customer).getByRole('status').textContent()).toMatch(/Reconnecting/);

    await admin.fault({ reset: true });
    await waitFor(async () => (await states()).at(-1) === 'hidden', 'the banner to clear', 60_000);
    expect(await states()).toContain('reconnecting');
    await send(customer, 'After the drop');

    await expectConverged(
      contactId,
      ['Before the drop', ...during, 'Agent wrote during the drop', 'After the drop'],
      [widget(customer), agent],
    );
    expect(errors()).toEqual([]);
  });

  it('a half-open socket: detected by heartbeat, nothing lost once it recovers', async () => {
    const { customer, agent, contactId, errors } = await openChatPair(
      browser,
      inject('demoUrl'),
      emulator.url,
      'Bea',
    );
    await send(customer, 'Hello before the silence');
    await messageWithText(agent, 'Hello before the silence').waitFor();
    const states = await recordBannerStates(customer);

    // No heartbeat replies and no deliveries: only the kit's heartbeat timeout notices. Once it
    // has, reconnecting keeps failing until the test lifts the faults, so the banner stays up long
    // enough to be seen and typed through however loaded the machine is. The socket URL in hand
    // must be expired too: it is still valid otherwise, and a reconnect to it succeeds at once
    // (the banner then only flashes, and a poll for it can miss it).
    await admin.fault({
      failNext: { operation: 'CreateParticipantConnection', status: 503, count: 100 },
    });
    await admin.fault({ expireWebsocketUrls: true });
    await admin.fault({ silenceMs: 60_000 });
    await send(agent, 'Agent wrote into the silence');
    await send(customer, 'Customer wrote into the silence');

    await widget(customer)
      .getByRole('status')
      .filter({ hasText: /Reconnecting/ })
      .waitFor({ timeout: 45_000 });
    await send(customer, 'Customer wrote while reconnecting');
    await admin.fault({ reset: true });
    await waitFor(async () => (await states()).at(-1) === 'hidden', 'the banner to clear', 60_000);

    await expectConverged(
      contactId,
      [
        'Hello before the silence',
        'Agent wrote into the silence',
        'Customer wrote into the silence',
        'Customer wrote while reconnecting',
      ],
      [widget(customer), agent],
    );
    expect(errors()).toEqual([]);
  });

  it('through a man-in-the-middle proxy: frames lost both ways while both type, then drops, duplicates and reordering: every message once, in order', async () => {
    const proxy = await startFaultProxy({ target: emulator.url });
    try {
      const { customer, agent, contactId, errors } = await openChatPair(
        browser,
        inject('demoUrl'),
        emulator.url,
        'Cleo',
        { customerEndpoint: proxy.url },
      );
      await send(customer, 'Hello through the proxy');
      await messageWithText(agent, 'Hello through the proxy').waitFor();

      // The schedule, shortened: every frame lost both ways (REST still works) while
      // both sides keep writing; the socket carries frames again afterwards, with nothing on it
      // to say what it lost.
      proxy.loseFrames({ ms: 8_000 });
      const texts = ['Hello through the proxy'];
      for (let i = 1; i <= 4; i += 1) {
        texts.push(`Agent into the void ${i}`, `Customer into the void ${i}`);
        await send(agent, `Agent into the void ${i}`);
        await send(customer, `Customer into the void ${i}`);
      }
      // Then a lossy, duplicating, reordering path for a while.
      proxy.dropFrames({ probability: 0.4, forMs: 6_000 });
      proxy.duplicateFrames({ probability: 0.5, forMs: 6_000, direction: 'down' });
      proxy.reorderFrames({ windowMs: 400, forMs: 6_000 });
      for (let i = 1; i <= 3; i += 1) {
        texts.push(`Agent on a lossy path ${i}`, `Customer on a lossy path ${i}`);
        await send(agent, `Agent on a lossy path ${i}`);
        await send(customer, `Customer on a lossy path ${i}`);
      }
      expect(proxy.stats.framesLost).toBeGreaterThan(0);

      await expectConverged(contactId, texts, [widget(customer), agent]);
      expect(errors()).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
