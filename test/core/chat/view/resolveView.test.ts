import { describe, expect, it } from 'vitest';
import { resolveView, viewStatus } from 'contact-kit/core';
import { checkViewField, openViewOf } from '../../../../src/core/chat/view/viewStatus';
import {
  lookupPath,
  nodesFromData,
  resolveBindings,
} from '../../../../src/core/chat/view/resolveView';
import type { ChatItem, View } from 'contact-kit/core';
import { makeChatItem } from 'contact-kit/testing';

const view = (template: unknown, extra: Partial<View> = {}): View => ({
  Id: 'v1',
  Name: 'View one',
  Content: {
    Template: typeof template === 'string' ? template : JSON.stringify(template),
    Actions: ['Next', 'Back'],
  },
  ...extra,
});

describe('lookupPath and resolveBindings', () => {
  it('follows $.paths through objects and array indexes; a missing step is undefined', () => {
    const data = { Order: { Items: [{ Name: 'Kettle' }, { Name: 'Mug' }] } };
    expect(lookupPath(data, '$.Order.Items[1].Name')).toBe('Mug');
    expect(lookupPath(data, '$')).toBe(data);
    expect(lookupPath(data, '$.Order.Missing.Name')).toBeUndefined();
    expect(lookupPath(data, '$.Order.Items[9]')).toBeUndefined();
    expect(lookupPath(data, 'Order')).toBeUndefined();
  });

  it('replaces whole-string bindings with any value, _param objects, and keeps plain values', () => {
    const data = { Heading: 'Hi', Items: [1, 2], Flag: true };
    expect(
      resolveBindings(
        {
          Heading: '$.Heading',
          Items: '$.Items',
          Flag: '$.Flag',
          Sub: { _param: 'Heading' },
          Literal: 'Price in $ (USD)',
          List: ['$.Heading', 3],
        },
        data,
      ),
    ).toEqual({
      Heading: 'Hi',
      Items: [1, 2],
      Flag: true,
      Sub: 'Hi',
      Literal: 'Price in $ (USD)',
      List: ['Hi', 3],
    });
  });
});

describe('resolveView', () => {
  it('resolves the template against viewData given as a JSON string with JSON string members', () => {
    const result = resolveView(
      view({
        Head: { Title: '$.Heading' },
        Body: [
          {
            _id: 'Box',
            Type: 'Container',
            Props: {},
            Content: [{ Type: 'Text', Props: { Content: '$.Order.Id' } }],
          },
        ],
      }),
      JSON.stringify({ Heading: 'Your order', Order: JSON.stringify({ Id: '42' }) }),
    );
    expect(result).toEqual({
      ok: true,
      view: {
        id: 'v1',
        title: 'Your order',
        actions: ['Next', 'Back'],
        body: [
          {
            id: 'Box',
            type: 'Container',
            props: {},
            children: [
              { id: 'Body.0.Content.0', type: 'Text', props: { Content: '42' }, children: [] },
            ],
          },
        ],
      },
    });
  });

  it('falls back to the view Name for the title, and keeps unknown component types', () => {
    const result = resolveView(view({ Body: [{ Type: 'Hologram' }, {}] }), undefined);
    expect(result.ok && result.view.title).toBe('View one');
    expect(result.ok && result.view.body.map((node) => node.type)).toEqual(['Hologram', 'Unknown']);
  });

  it.each([
    ['a template that is not JSON', 'not json', /not JSON/],
    ['a template that is not an object', '[1]', /must be an object/],
    ['a Body that is not an array', { Body: {} }, /Body must be an array/],
    ['a component that is not an object', { Body: ['x'] }, /Body\.0 must be a component/],
  ])('refuses %s with INTERACTIVE_INVALID', (_name, template, message) => {
    const result = resolveView(view(template), {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INTERACTIVE_INVALID');
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('refuses a template nested too deep instead of overflowing', () => {
    let node: Record<string, unknown> = { Type: 'Text' };
    for (let depth = 0; depth < 100; depth += 1) {
      node = { Type: 'Container', Content: [node] };
    }
    const result = resolveView(view({ Body: [node] }), {});
    expect(!result.ok && result.error.message).toMatch(/nested deeper/);
  });
});

describe('nodesFromData', () => {
  it('reads { Type, Props } and flat components from data without resolving bindings', () => {
    expect(
      nodesFromData(
        [
          { Type: 'FormInput', Props: { Name: 'Email', Label: '$.NotABinding' } },
          { Type: 'FormCheckbox', Name: 'Sms', Label: 'Text me' },
          'skipped',
        ],
        'Form.s0',
      ),
    ).toEqual([
      {
        id: 'Form.s0.0',
        type: 'FormInput',
        props: { Name: 'Email', Label: '$.NotABinding' },
        children: [],
      },
      {
        id: 'Form.s0.1',
        type: 'FormCheckbox',
        props: { Name: 'Sms', Label: 'Text me' },
        children: [],
      },
    ]);
  });
});

describe('viewStatus and openViewOf', () => {
  const shown = makeChatItem({
    id: 'view',
    role: 'SYSTEM',
    isOwn: false,
    contentType: 'application/vnd.amazonaws.connect.message.interactive',
    interactive: {
      templateType: 'ViewResource',
      version: '1.0',
      data: { content: { viewId: 'form', viewToken: 't' } },
    },
  });
  const own = makeChatItem({ id: 'own', isOwn: true });
  const bot = makeChatItem({ id: 'bot', isOwn: false, role: 'SYSTEM' });
  const event = makeChatItem({ id: 'joined', type: 'event', isOwn: false });

  it.each<[string, ChatItem[], string]>([
    ['nothing after it', [shown], 'open'],
    ['only events after it', [shown, event], 'open'],
    ['an own message after it', [shown, event, own], 'answered'],
    ['a message from the other side after it', [shown, bot, own], 'expired'],
    ['not in the transcript', [own], 'open'],
  ])('with %s the view is %s', (_name, items, status) => {
    expect(viewStatus(items, shown)).toBe(status);
  });

  it('the open view is the newest non-event item, when it is a view from the other side', () => {
    expect(openViewOf([own, shown, event])?.item.id).toBe('view');
    expect(openViewOf([shown, own])).toBeUndefined();
    expect(openViewOf([shown, bot])).toBeUndefined();
    expect(openViewOf([])).toBeUndefined();
  });

  it('views are for customers: an agent using the kit has no open view', () => {
    expect(openViewOf([own, shown], 'CUSTOMER')?.item.id).toBe('view');
    expect(openViewOf([own, shown], 'AGENT')).toBeUndefined();
  });
});

describe('checkViewField', () => {
  it.each<[Parameters<typeof checkViewField>[0], string | boolean, string | undefined]>([
    [{ required: true }, '  ', 'required'],
    [{}, '', undefined],
    [{ required: true }, false, 'required'],
    [{}, false, undefined],
    [{ inputType: 'email' }, 'ana@', 'email'],
    [{ inputType: 'email' }, 'ana@example.com', undefined],
    [{ inputType: 'number' }, '4x', 'number'],
    [{ inputType: 'number' }, '42', undefined],
    [{ minLength: 3 }, 'ab', 'tooShort'],
    [{ maxLength: 3 }, 'abcd', 'tooLong'],
  ])('%j with %j is %s', (rules, value, problem) => {
    expect(checkViewField(rules, value)).toBe(problem);
  });
});
