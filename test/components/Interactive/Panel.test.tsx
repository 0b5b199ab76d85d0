import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentType } from 'contact-kit/core';
import { InteractiveMessage } from '../../../src/components/Interactive';
import { FakeChatSession } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { samplePanel, sampleQuickReply } from '../../../src/emulator/agents/templates';
import { axeViolations, interactiveItem } from './interactiveFixtures';

function setup(template: unknown) {
  const item = interactiveItem(template);
  const session = new FakeChatSession();
  session.update({ items: [item] });
  return { ...renderWithChat(<InteractiveMessage item={item} />, { session }), session };
}

describe('Panel', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('moves with the arrow keys (wrapping) and sends the chosen title as text/plain', async () => {
    const user = userEvent.setup();
    const { session, container } = setup(samplePanel);
    expect(screen.getByRole('group', { name: 'How can we help with your order?' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Track my order' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Return an item' }));
    // Tab leaves the group: one Tab stop for all the options.
    await user.tab();
    expect(document.activeElement).toBe(document.body);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Return an item' }));
    await user.keyboard('{Enter}');
    expect(session.callsOf('sendMessage')).toEqual([
      {
        method: 'sendMessage',
        content: 'Return an item',
        options: { contentType: ContentType.plainText },
      },
    ]);
    expect(
      screen.getByRole('button', { name: 'Return an item' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      screen.getByRole('button', { name: 'Track my order' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('QuickReply', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('is a row of chips: Left/Right move, Space sends the chip title', async () => {
    const user = userEvent.setup();
    const { session, container } = setup(sampleQuickReply);
    expect(screen.getByText('How would you rate this chat so far?')).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Great' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Okay' }));
    // Up/Down do not move in a horizontal row.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Okay' }));
    await user.keyboard(' ');
    expect(session.callsOf('sendMessage').map((call) => [call.content, call.options])).toEqual([
      ['Okay', { contentType: ContentType.plainText }],
    ]);
    expect(screen.getByRole('button', { name: 'Okay' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('mirrors Left/Right in right-to-left text', async () => {
    const user = userEvent.setup();
    const item = interactiveItem(sampleQuickReply);
    const session = new FakeChatSession();
    session.update({ items: [item] });
    renderWithChat(
      <div dir="rtl">
        <InteractiveMessage item={item} />
      </div>,
      { session },
    );
    await user.tab();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Okay' }));
  });
});
