import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

/** A stand-in for the browser's Notification API that records what was shown. */
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static shown: Array<{ title: string; options: NotificationOptions | undefined }> = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return FakeNotification.permission;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, options });
  }
}

/** A stand-in for Web Audio that counts the notes played. */
const notes: number[] = [];
class FakeAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    const oscillator = {
      frequency: { value: 0 },
      connect: () => undefined,
      start: () => notes.push(oscillator.frequency.value),
      stop: () => undefined,
    };
    return oscillator;
  }
  createGain() {
    return {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: () => undefined,
    };
  }
}

let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  FakeNotification.permission = 'granted';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  notes.length = 0;
  visibility = 'visible';
  vi.stubGlobal('Notification', FakeNotification);
  vi.stubGlobal('AudioContext', FakeAudioContext);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete (document as { visibilityState?: unknown }).visibilityState;
});

function openChat() {
  const session = new FakeChatSession();
  session.update({ connection: { status: 'open', attempt: 0, error: undefined } });
  return session;
}

const agent = (id: string, content: string) =>
  makeChatItem({ id, content, displayName: 'Sam', role: 'AGENT', participantId: 'agent-1' });

describe('ChatWidget alerts while the tab is hidden', () => {
  it('chimes and notifies for a reply in a hidden tab, and stays quiet otherwise', async () => {
    const session = openChat();
    render(<ChatWidget session={session} position="inline" title="Support" sound notifications />);
    // Visible: nothing.
    act(() => session.update({ items: [agent('a-1', 'Hello!')] }));
    expect(FakeNotification.shown).toEqual([]);
    expect(notes).toEqual([]);

    visibility = 'hidden';
    act(() =>
      session.update({ items: [...session.getSnapshot().items, agent('a-2', 'Still there?')] }),
    );
    expect(FakeNotification.shown).toEqual([
      { title: 'Support', options: { body: 'Sam: Still there?', tag: 'contact-kit-a-2' } },
    ]);
    expect(notes).toHaveLength(2);

    // History and the customer's own messages never alert.
    const older = { ...agent('h-1', 'From before'), fromHistory: true };
    const own = makeChatItem({ id: 'o-1', isOwn: true, content: 'Me' });
    act(() => session.update({ items: [older, ...session.getSnapshot().items, own] }));
    expect(FakeNotification.shown).toHaveLength(1);
    expect(notes).toHaveLength(2);
  });

  it('asks for permission only from a click, then stops offering', async () => {
    FakeNotification.permission = 'default';
    const user = userEvent.setup();
    const session = openChat();
    render(<ChatWidget session={session} position="inline" notifications defaultOpen />);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    await user.click(await screen.findByRole('button', { name: 'Turn on' }));
    expect(FakeNotification.requestPermission).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Turn on' })).toBeNull());
  });

  it('offers nothing and plays nothing when the options are off (the default)', async () => {
    FakeNotification.permission = 'default';
    visibility = 'hidden';
    const session = openChat();
    render(<ChatWidget session={session} position="inline" defaultOpen />);
    act(() => session.update({ items: [agent('a-3', 'Hi')] }));
    expect(screen.queryByRole('button', { name: 'Turn on' })).toBeNull();
    expect(FakeNotification.shown).toEqual([]);
    expect(notes).toEqual([]);
  });
});
