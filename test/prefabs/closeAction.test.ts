import { describe, expect, it } from 'vitest';
import type { Translate } from '../../src/i18n/messages';
import { closeAction, isChatActive } from '../../src/prefabs/ChatWidget/closeAction';
import { panelSubtitle } from '../../src/prefabs/ChatWidget/panelSubtitle';

describe('closeAction', () => {
  it.each([
    ['idle', 'minimise', false],
    ['starting', 'minimise', false],
    ['connecting', 'confirm', true],
    ['open', 'confirm', true],
    ['reconnecting', 'confirm', true],
    ['closed', 'confirm', true],
    ['ended', 'forget', false],
    ['failed', 'forget', false],
  ] as const)('%s: close does %s', (status, action, active) => {
    expect(closeAction(status)).toBe(action);
    expect(isChatActive(status)).toBe(active);
  });
});

describe('panelSubtitle', () => {
  const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

  it('names the agent, falling back to the catalog word', () => {
    expect(panelSubtitle('open', { displayName: 'Sam' }, t)).toBe('chattingWith {"name":"Sam"}');
    expect(panelSubtitle('open', {}, t)).toBe('chattingWith {"name":"agent"}');
  });

  it('says where the chat is without an agent', () => {
    expect(panelSubtitle('ended', undefined, t)).toBe('chatEndedTitle');
    expect(panelSubtitle('starting', undefined, t)).toBe('startingChat');
    expect(panelSubtitle('connecting', undefined, t)).toBe('waitingForAgent');
    expect(panelSubtitle('idle', undefined, t)).toBeUndefined();
    expect(panelSubtitle('failed', undefined, t)).toBeUndefined();
  });
});
