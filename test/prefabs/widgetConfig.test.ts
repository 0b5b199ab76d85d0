import { describe, expect, it } from 'vitest';
import {
  ContactWidgetConfigError,
  checkWidgetConfig,
  readWidgetAttribute,
} from '../../src/widget/widgetConfig';

const refused = (run: () => unknown): ContactWidgetConfigError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContactWidgetConfigError);
    return error as ContactWidgetConfigError;
  }
  throw new Error('expected a ContactWidgetConfigError');
};

describe('readWidgetAttribute', () => {
  it('reads each attribute into its config field', () => {
    expect(readWidgetAttribute('panel-title', 'Acme help')).toEqual(['title', 'Acme help']);
    expect(readWidgetAttribute('accent-color', '#7C3AED')).toEqual(['accentColor', '#7c3aed']);
    expect(readWidgetAttribute('position', 'inline')).toEqual(['position', 'inline']);
    expect(readWidgetAttribute('launcher', 'none')).toEqual(['launcher', false]);
    expect(readWidgetAttribute('launcher', '')).toEqual(['launcher', true]);
    expect(readWidgetAttribute('theme', 'auto')).toEqual(['theme', 'auto']);
    expect(readWidgetAttribute('messages', '{"openChat":"Talk to us"}')).toEqual([
      'messages',
      { openChat: 'Talk to us' },
    ]);
    expect(
      readWidgetAttribute(
        'pre-chat-fields',
        '[{"name":"orderId","label":"Order","required":true},{"name":"topic","label":"Topic","type":"select","options":["Returns","Billing"]}]',
      ),
    ).toEqual([
      'preChatFields',
      [
        { name: 'orderId', label: 'Order', required: true },
        { name: 'topic', label: 'Topic', type: 'select', options: ['Returns', 'Billing'] },
      ],
    ]);
    expect(readWidgetAttribute('display-name', 'Ana')).toEqual(['displayName', 'Ana']);
    expect(readWidgetAttribute('locale', null)).toEqual(['locale', undefined]);
  });

  it('refuses what it cannot use, naming the attribute', () => {
    expect(refused(() => readWidgetAttribute('accent-color', 'purple'))).toMatchObject({
      code: 'WIDGET_CONFIG_INVALID',
      attribute: 'accent-color',
      message: 'contact-widget: accent-color: must be a #rrggbb colour',
    });
    expect(refused(() => readWidgetAttribute('position', 'top')).attribute).toBe('position');
    expect(refused(() => readWidgetAttribute('theme', 'blue')).attribute).toBe('theme');
    expect(refused(() => readWidgetAttribute('messages', '{oops')).message).toContain(
      'not valid JSON',
    );
    expect(refused(() => readWidgetAttribute('messages', '{"openChat":3}')).message).toContain(
      'catalog keys to strings',
    );
    expect(refused(() => readWidgetAttribute('pre-chat-fields', '{}')).message).toContain('array');
    expect(refused(() => readWidgetAttribute('pre-chat-fields', '[{"name":"a"}]')).attribute).toBe(
      'pre-chat-fields[0]',
    );
    expect(
      refused(() => readWidgetAttribute('pre-chat-fields', '[{"name":"name","label":"Name"}]'))
        .message,
    ).toContain('already a field');
    expect(
      refused(() =>
        readWidgetAttribute('pre-chat-fields', '[{"name":"a","label":"A","type":"select"}]'),
      ).message,
    ).toContain('options');
  });
});

describe('checkWidgetConfig', () => {
  it('keeps good fields and drops undefined ones', () => {
    expect(
      checkWidgetConfig({ position: 'bottom-left', title: undefined, launcher: false }),
    ).toEqual({ position: 'bottom-left', launcher: false });
  });

  it('throws for unknown fields and bad values (misuse)', () => {
    expect(refused(() => checkWidgetConfig({ colour: '#000000' })).attribute).toBe('colour');
    expect(refused(() => checkWidgetConfig({ launcher: 'none' })).attribute).toBe('launcher');
    expect(refused(() => checkWidgetConfig(null)).attribute).toBe('config');
  });
});
