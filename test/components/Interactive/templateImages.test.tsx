import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractiveMessage } from '../../../src/components/Interactive';
import { sampleListPicker } from '../../../src/emulator/agents/templates';
import { FakeChatSession } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { interactiveItem } from './interactiveFixtures';

function withImages(images: Record<string, unknown>) {
  // Mutable and loosely typed: the test writes image values no real template would carry.
  const template = structuredClone(sampleListPicker) as unknown as {
    data: { content: { imageData?: unknown; elements: { title: string; imageData?: unknown }[] } };
  };
  template.data.content.imageData = images['hero'];
  for (const element of template.data.content.elements) {
    element.imageData = images[element.title];
  }
  return interactiveItem(template);
}

describe('template images', () => {
  afterEach(cleanup);

  it('load over https only, without a referrer', () => {
    const item = withImages({
      hero: 'https://cdn.example.com/hero.png',
      'Trail shoes': 'http://cdn.example.com/shoes.png',
      'Rain jacket': 'https://cdn.example.com/jacket.png',
      'Day pack': 'data:image/svg+xml,<svg/>',
      'Water bottle': 'http://127.0.0.1:4010/bottle.png',
    });
    const session = new FakeChatSession();
    session.update({ items: [item] });
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    const images = [...container.querySelectorAll('img')];
    expect(images.map((image) => image.getAttribute('src'))).toEqual([
      'https://cdn.example.com/hero.png',
      'https://cdn.example.com/jacket.png',
    ]);
    for (const image of images) {
      expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    }
  });

  it('show a neutral placeholder, not a broken image, when they fail to load', () => {
    const item = withImages({
      hero: 'https://cdn.example.com/hero.png',
      'Rain jacket': 'https://cdn.example.com/jacket.png',
    });
    const session = new FakeChatSession();
    session.update({ items: [item] });
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    const jacket = screen.getByRole('img', { name: 'Rain jacket' });
    fireEvent.error(jacket);
    expect(container.querySelectorAll('img')).toHaveLength(1);
    const placeholder = screen.getByRole('img', { name: 'Rain jacket' });
    expect(placeholder.tagName).toBe('SPAN');
    expect(placeholder).toHaveAttribute('data-image-failed');
    expect(placeholder).toHaveAttribute('title', 'Image unavailable');
  });
});
