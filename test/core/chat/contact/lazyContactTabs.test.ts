import { describe, expect, it, vi } from 'vitest';
import { silentLogger, systemClock } from 'contact-kit/core';
import type {
  ContactTabs,
  ContactTabsOptions,
} from '../../../../src/core/chat/contact/contactTabs';
import { createLazyContactTabs } from '../../../../src/core/chat/contact/lazyContactTabs';

const options = {
  name: 'contact-kit:test',
  tabId: 'tab-a',
  openChannel: () => {
    throw new Error('not used');
  },
  locks: undefined,
  clock: systemClock,
  logger: silentLogger,
  onContact: () => undefined,
  onReadMarker: () => undefined,
  current: () => undefined,
} satisfies ContactTabsOptions;

const contact = { ParticipantToken: 'token-1' };

function recordingTabs(calls: string[]): ContactTabs {
  return {
    tabId: 'tab-a',
    ask: () => calls.push('ask'),
    announce: () => calls.push('announce'),
    beforeStart: async () => {
      calls.push('beforeStart');
      return undefined;
    },
    afterStart: () => calls.push('afterStart'),
    run: () => calls.push('run'),
    host: () => {
      calls.push('host');
      return () => calls.push('unhost');
    },
    stop: () => calls.push('stop'),
    shareReadMarker: () => calls.push('read'),
    destroy: () => calls.push('destroy'),
  };
}

describe('createLazyContactTabs', () => {
  it('runs the calls made before the code arrived, in order, then the later ones at once', async () => {
    const calls: string[] = [];
    let deliver!: (create: (o: ContactTabsOptions) => ContactTabs) => void;
    const tabs = createLazyContactTabs(
      options,
      () => new Promise((resolve) => (deliver = resolve)),
    );
    tabs.ask();
    tabs.run(contact, { lead: () => calls.push('lead'), follow: () => calls.push('follow') });
    tabs.shareReadMarker({ id: 'm-1', time: '2026-12-06T00:00:00.000Z' });
    expect(calls).toEqual([]);
    const started = tabs.beforeStart();
    deliver(() => recordingTabs(calls));
    await started;
    expect(calls).toEqual(['ask', 'run', 'read', 'beforeStart']);
    tabs.stop();
    expect(calls.at(-1)).toBe('stop');
    tabs.destroy();
    tabs.ask();
    expect(calls.slice(-2)).toEqual(['stop', 'destroy']);
  });

  it('without its code the tab chats on its own: every contact is led here', async () => {
    const lead = vi.fn();
    const warn = vi.fn();
    const tabs = createLazyContactTabs({ ...options, logger: { ...silentLogger, warn } }, () =>
      Promise.reject(new Error('chunk missing')),
    );
    tabs.run(contact, { lead, follow: () => undefined });
    expect(await tabs.beforeStart()).toBeUndefined();
    expect(lead).toHaveBeenCalledExactlyOnceWith(0);
    expect(tabs.host({} as never, 0)).toBeTypeOf('function');
    expect(warn).toHaveBeenCalledOnce();
  });
});
