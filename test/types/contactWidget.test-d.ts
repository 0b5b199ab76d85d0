import { expectTypeOf, test } from 'vitest';
import type { JSX } from 'react';
import type { ContactWidgetConfig, ContactWidgetElement } from 'contact-kit/widget';

test('document.querySelector knows <contact-widget>', () => {
  expectTypeOf(
    document.querySelector('contact-widget'),
  ).toEqualTypeOf<ContactWidgetElement | null>();
  expectTypeOf(
    document.createElement('contact-widget').config,
  ).toEqualTypeOf<ContactWidgetConfig>();
});

test('JSX takes the documented attributes and refuses others', () => {
  type Props = JSX.IntrinsicElements['contact-widget'];
  expectTypeOf<{ 'accent-color': '#7c3aed'; position: 'bottom-left' }>().toMatchTypeOf<Props>();
  // @ts-expect-error: not a position
  expectTypeOf<{ position: 'top' }>().toMatchTypeOf<Props>();
  expectTypeOf<Props['pre-chat-fields']>().toEqualTypeOf<string | undefined>();
});
