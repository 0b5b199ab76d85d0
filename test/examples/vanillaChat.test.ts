// @vitest-environment jsdom
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from 'contact-kit/core';
import type { StartChatResult, WebSocketConstructor } from 'contact-kit/core';
import { startEmulator } from 'contact-kit/emulator';
import type { RunningEmulator } from 'contact-kit/emulator';
import { mountVanillaChat } from '../../examples/vanilla/mountVanillaChat';
import type { VanillaChatOptions } from '../../examples/vanilla/mountVanillaChat';
import { createMemoryStorage } from '../fakes/react/memoryStorage';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, agent: 'echo' });
});
afterAll(async () => {
  await emulator.close();
});

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const texts = (root: HTMLElement): string[] =>
  [...root.querySelectorAll('[role="log"] li')].map((row) => row.textContent ?? '');

describe('the vanilla TypeScript example (core only, no framework)', () => {
  it('starts, sends, resumes after a reload, and ends a chat against the emulator', async () => {
    const storage = createMemoryStorage();
    const startChat = vi.fn(async (): Promise<StartChatResult> => {
      const response = await fetch(`${emulator.url}/admin/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }),
      });
      return (await response.json()) as StartChatResult;
    });
    const options: VanillaChatOptions = {
      endpoint: emulator.url,
      startChat,
      storage,
      logger: silentLogger,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
    };
    const root = document.createElement('section');
    document.body.append(root);
    const status = () => root.querySelector('[role="status"]')?.getAttribute('data-state');
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;

    let chat = mountVanillaChat(root, options);
    expect(status()).toBe('idle');
    button('Start chat').click();
    await until(() => status() === 'open', 'an open chat');

    const input = root.querySelector('input')!;
    input.value = 'Where is my order?';
    root.querySelector('form')!.requestSubmit();
    // The emulator's echo agent answers; our own line shows once, confirmed.
    await until(
      () => texts(root).filter((text) => text.includes('Where is my order?')).length >= 2,
      'the echo',
    );
    const before = texts(root);
    expect(before.filter((text) => text.startsWith('You: Where is my order?'))).toEqual([
      'You: Where is my order?',
    ]);
    const contactId = chat.controller.getSnapshot().session?.getSnapshot().contactId;
    expect(contactId).toBeDefined();

    // A reload: the page goes, a new one mounts over the same sessionStorage.
    chat.destroy();
    chat = mountVanillaChat(root, options);
    await until(() => status() === 'open', 'the resumed chat');
    await until(() => texts(root).length === before.length, 'the transcript again');
    expect(texts(root)).toEqual(before);
    expect(startChat).toHaveBeenCalledTimes(1);

    button('End chat').click();
    await until(() => status() === 'ended', 'the ended chat');
    const view = (await (await fetch(`${emulator.url}/admin/contacts/${contactId}`)).json()) as {
      Status: string;
    };
    expect(view.Status).toBe('ENDED');
    expect(chat.controller.getSnapshot().previousContactId).toBe(contactId);
    chat.destroy();
    expect(root.childElementCount).toBe(0);
  });
});
