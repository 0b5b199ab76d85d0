import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentType } from 'contact-kit/core';
import { InteractiveMessage, ListPicker } from '../../../src/components/Interactive';
import { FakeChatSession } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { createPagedListPicker, sampleListPicker } from '../../../src/emulator/agents/templates';
import { axeViolations, interactiveItem, ownMessage } from './interactiveFixtures';

function setup(items = [interactiveItem(sampleListPicker)]) {
  const session = new FakeChatSession();
  session.update({ items });
  const ui = renderWithChat(<InteractiveMessage item={items[0]!} />, { session });
  return { ...ui, session, item: items[0]! };
}

describe('ListPicker', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('is one labelled group with one Tab stop, arrow keys move, Enter sends the title', async () => {
    const user = userEvent.setup();
    const { session, container } = setup();
    const group = screen.getByRole('group', { name: 'Which product can I help you with?' });
    expect(within(group).getAllByRole('button')).toHaveLength(4);
    expect(within(group).getByRole('link', { name: /See the full catalog/ })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Trail shoes/ }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Day pack/ }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Rain jacket/ }));
    await user.keyboard('{Enter}');

    expect(session.callsOf('sendMessage')).toEqual([
      {
        method: 'sendMessage',
        content: 'Rain jacket',
        options: { contentType: ContentType.plainText },
      },
    ]);
    const chosen = screen.getByRole('button', { name: /Rain jacket/ });
    expect(chosen.getAttribute('aria-pressed')).toBe('true');
    expect(chosen.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Answer sent')).toBeTruthy();
    expect(container.querySelector('[data-state]')?.getAttribute('data-state')).toBe('answered');

    // Answered: further choices do nothing.
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(screen.getByRole('button', { name: /Trail shoes/ }));
    expect(session.callsOf('sendMessage')).toHaveLength(1);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Space chooses as well, and Home/End jump to the ends', async () => {
    const user = userEvent.setup();
    const { session } = setup();
    await user.tab();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: /See the full catalog/ }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Trail shoes/ }));
    await user.keyboard(' ');
    expect(session.callsOf('sendMessage').map((call) => call.content)).toEqual(['Trail shoes']);
  });

  it('opens hyperlink elements in a new tab and sends nothing', async () => {
    const { session } = setup();
    const link = screen.getByRole('link', { name: /See the full catalog/ });
    expect(link.getAttribute('href')).toBe('https://example.com/catalog');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(session.callsOf('sendMessage')).toEqual([]);
  });

  it('shows element images with their descriptions as alternative text', () => {
    setup();
    expect(screen.getByRole('img', { name: 'Trail shoes' }).getAttribute('src')).toBe(
      'https://example.com/contact-kit/trail-shoes.png',
    );
    expect(screen.getByRole('img', { name: 'Our products' })).toBeTruthy();
  });

  it('shows as answered when the transcript holds a later own reply (after a remount)', () => {
    const picker = interactiveItem(sampleListPicker);
    const { session } = setup([picker, ownMessage('Day pack')]);
    expect(screen.getByRole('button', { name: /Day pack/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: /Trail shoes/ }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(session.callsOf('sendMessage')).toEqual([]);
  });

  it('sends Show more as an interactive response and only the newest page stays', async () => {
    const user = userEvent.setup();
    const first = interactiveItem(createPagedListPicker(0, 'ref-1'));
    const session = new FakeChatSession();
    session.update({ items: [first] });
    const { rerender, container } = renderWithChat(<ListPicker item={first} />, { session });

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    const [call] = session.callsOf('sendMessage');
    expect(call?.options).toEqual({ contentType: ContentType.interactiveResponse });
    expect(JSON.parse(call!.content)).toEqual({
      version: '1.0',
      data: {
        actionName: 'Show more',
        preIndex: -1,
        nextIndex: 4,
        listId: 'repairServices',
        templateType: 'ListPicker',
        referenceId: 'ref-1',
      },
      action: 'SHOW_MORE',
    });
    // Waiting for the next page: the options are inert, the message is not "answered".
    expect(container.querySelector('[data-state]')?.getAttribute('data-state')).toBe('paging');
    expect(
      screen.getByRole('button', { name: /Screen repair/ }).getAttribute('aria-disabled'),
    ).toBe('true');

    const second = interactiveItem(createPagedListPicker(4, 'ref-1'));
    act(() => session.addItem(second));
    rerender(
      <>
        <ListPicker item={first} />
        <ListPicker item={second} />
      </>,
    );
    expect(screen.queryByRole('button', { name: /Screen repair/ })).toBeNull();
    expect(screen.getAllByRole('group')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Previous options' }));
    const previous = JSON.parse(session.callsOf('sendMessage')[1]!.content) as {
      action: string;
      data: { preIndex: number; nextIndex: number };
    };
    expect(previous.action).toBe('PREVIOUS_OPTIONS');
    expect(previous.data).toMatchObject({ preIndex: 3, nextIndex: 8 });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('keeps the options open when the session refuses the answer', async () => {
    const user = userEvent.setup();
    const { session, container } = setup();
    session.failNext(new Error('refused'));
    await user.click(screen.getByRole('button', { name: /Trail shoes/ }));
    expect(screen.getByRole('alert').textContent).toMatch(/could not be sent/);
    expect(container.querySelector('[data-state]')?.getAttribute('data-state')).toBe('failed');
    expect(screen.getByRole('button', { name: /Trail shoes/ }).getAttribute('aria-disabled')).toBe(
      null,
    );
  });
});
