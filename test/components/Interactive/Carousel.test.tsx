import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentType } from 'contact-kit/core';
import { InteractiveMessage } from '../../../src/components/Interactive';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { sampleCarousel } from '../../../src/emulator/agents/templates';
import { axeViolations, interactiveItem, ownMessage } from './interactiveFixtures';

describe('Carousel', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('lists labelled cards; a choice sends templateIdentifier, listTitle and selectionText', async () => {
    const user = userEvent.setup();
    const item = interactiveItem(sampleCarousel);
    const session = new FakeChatSession();
    session.update({ items: [item] });
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    const region = screen.getByRole('region', { name: 'Pick a plan' });
    const cards = within(region).getAllByRole('listitem');
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'Basic, 1 of 3',
      'Plus, 2 of 3',
      'Add-ons, 3 of 3',
    ]);
    expect(await axeViolations(container)).toEqual([]);

    // Previous, Next, then each card's group is one Tab stop.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose Basic' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choose Plus' }));
    await user.keyboard('{ArrowDown}{Enter}');

    const [call] = session.callsOf('sendMessage');
    expect(call?.options).toEqual({ contentType: ContentType.plainText });
    expect(JSON.parse(call!.content)).toEqual({
      templateIdentifier: 'plan-plus',
      listTitle: 'Plus',
      selectionText: 'Plus details',
    });
    expect(screen.getByRole('button', { name: 'Plus details' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Choose Basic' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks the choice found in the transcript', () => {
    const item = interactiveItem(sampleCarousel);
    const session = new FakeChatSession();
    const answer = JSON.stringify({
      templateIdentifier: 'plan-extras',
      listTitle: 'Add-ons',
      selectionText: 'Priority support',
    });
    session.update({ items: [item, ownMessage(answer)] });
    renderWithChat(<InteractiveMessage item={item} />, { session });
    expect(
      screen.getByRole('button', { name: /Priority support/ }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});

describe('InteractiveMessage', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('shows a neutral note for a template it cannot show', async () => {
    // An unknown templateType: the parser refuses it, so the item carries no template.
    const item = makeChatItem({
      contentType: ContentType.interactive,
      content: JSON.stringify({ templateType: 'Survey', version: '1.0', data: {} }),
      role: 'SYSTEM',
    });
    const session = new FakeChatSession();
    session.update({ items: [item] });
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    expect(container.textContent).toBe('This message can’t be displayed here.');
    expect(await axeViolations(container)).toEqual([]);
  });
});
