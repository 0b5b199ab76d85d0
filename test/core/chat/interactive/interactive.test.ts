import { describe, expect, it } from 'vitest';
import {
  ContentType,
  parseInteractiveContent,
  replyToCarousel,
  replyToChoice,
  replyToTimePicker,
  replyToViewResource,
  replyToViewResourceWithText,
} from 'contact-kit/core';
import type { InteractiveTemplate } from 'contact-kit/core';

function parse(json: unknown): InteractiveTemplate {
  const result = parseInteractiveContent(JSON.stringify(json));
  if (!result.ok) {
    throw result.error;
  }
  return result.template;
}

const listPicker = {
  templateType: 'ListPicker',
  version: '1.0',
  data: {
    replyMessage: {
      title: 'Thanks!',
      subtitle: 'Picked',
      imageType: 'URL',
      imageData: 'https://x/r.png',
    },
    content: {
      title: 'Which fruit?',
      subtitle: 'Tap one',
      imageType: 'URL',
      imageData: 'https://x/fruit.png',
      imageDescription: 'Fruit',
      elements: [
        {
          title: 'Apple',
          subtitle: 'Red',
          imageType: 'URL',
          imageData: 'https://x/a.png',
          extra: 'ignored',
        },
        { title: 'Docs', type: 'hyperlink', url: 'https://example.com' },
        { title: 'Show more', actionDetail: 'SHOW_MORE' },
        { title: 'Back', actionDetail: 'PREVIOUS_OPTIONS' },
      ],
      listId: 'list-1',
      referenceId: 'ref-1',
      preIndex: 0,
      nextIndex: 4,
    },
  },
  unknownTopLevel: true,
};

const panel = {
  templateType: 'Panel',
  version: '1.0',
  data: {
    content: { title: 'How can we help?', elements: [{ title: 'Billing' }, { title: 'Orders' }] },
  },
};

const timePicker = {
  templateType: 'TimePicker',
  version: '1.0',
  data: {
    content: {
      title: 'Pick a time',
      timeZoneOffset: -450,
      location: { latitude: 47.6, longitude: -122.3, title: 'Store', radius: 1 },
      timeslots: [
        { date: '2020-10-31T17:00+00:00', duration: 60 },
        { date: '2020-11-01T17:00+00:00', duration: 60 },
      ],
    },
  },
};

const carousel = {
  templateType: 'Carousel',
  version: '1.0',
  data: {
    content: {
      title: 'Offers',
      elements: [
        { ...listPicker, templateIdentifier: 'card-1' },
        { ...panel, templateIdentifier: 'card-2' },
      ],
    },
  },
};

const viewResource = {
  version: '1.0',
  templateType: 'ViewResource',
  data: {
    content: {
      viewId: 'detail',
      viewData: { key: 'viewData', nested: '{"a":1}' },
      viewToken: 'viewToken',
    },
  },
};

describe('parseInteractiveContent', () => {
  it('reads a ListPicker with images, hyperlinks and pagination, dropping unknown fields', () => {
    const template = parse(listPicker);
    expect(template).toEqual({
      templateType: 'ListPicker',
      version: '1.0',
      data: {
        replyMessage: {
          title: 'Thanks!',
          subtitle: 'Picked',
          imageType: 'URL',
          imageData: 'https://x/r.png',
        },
        content: {
          title: 'Which fruit?',
          subtitle: 'Tap one',
          imageType: 'URL',
          imageData: 'https://x/fruit.png',
          imageDescription: 'Fruit',
          elements: [
            { title: 'Apple', subtitle: 'Red', imageType: 'URL', imageData: 'https://x/a.png' },
            { title: 'Docs', type: 'hyperlink', url: 'https://example.com' },
            { title: 'Show more', actionDetail: 'SHOW_MORE' },
            { title: 'Back', actionDetail: 'PREVIOUS_OPTIONS' },
          ],
          listId: 'list-1',
          referenceId: 'ref-1',
          preIndex: 0,
          nextIndex: 4,
        },
      },
    });
  });

  it('reads Panel, QuickReply, TimePicker, Carousel and ViewResource', () => {
    expect(parse(panel)).toMatchObject({
      templateType: 'Panel',
      data: { content: { elements: [{ title: 'Billing' }, { title: 'Orders' }] } },
    });
    expect(
      parse({
        templateType: 'QuickReply',
        data: { content: { title: 'OK?', elements: [{ title: 'Yes' }, { title: 'No' }] } },
      }),
    ).toEqual({
      templateType: 'QuickReply',
      version: '1.0',
      data: { content: { title: 'OK?', elements: [{ title: 'Yes' }, { title: 'No' }] } },
    });
    expect(parse(timePicker)).toMatchObject({
      templateType: 'TimePicker',
      data: {
        content: {
          timeZoneOffset: -450,
          location: { latitude: 47.6, title: 'Store' },
          timeslots: [{ duration: 60 }, { duration: 60 }],
        },
      },
    });
    const parsedCarousel = parse(carousel);
    expect(parsedCarousel.templateType).toBe('Carousel');
    if (parsedCarousel.templateType === 'Carousel') {
      expect(
        parsedCarousel.data.content.elements.map((card) => [
          card.templateType,
          card.templateIdentifier,
        ]),
      ).toEqual([
        ['ListPicker', 'card-1'],
        ['Panel', 'card-2'],
      ]);
    }
    expect(parse(viewResource)).toEqual({
      templateType: 'ViewResource',
      version: '1.0',
      data: {
        content: {
          viewId: 'detail',
          viewToken: 'viewToken',
          viewData: { key: 'viewData', nested: { a: 1 } },
        },
      },
    });
    expect(
      parse({
        ...viewResource,
        data: { content: { ...viewResource.data.content, viewData: '{"b":"2"}' } },
      }),
    ).toMatchObject({
      data: { content: { viewData: { b: '2' } } },
    });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['an array', '[]', /content must be an object/],
    ['no templateType', '{"data":{}}', /templateType/],
    [
      'an unknown templateType',
      '{"templateType":"Wheel","data":{}}',
      /unknown templateType "Wheel"/,
    ],
    ['no data', '{"templateType":"Panel"}', /data must be an object/],
    ['no content', '{"templateType":"Panel","data":{}}', /data\.content must be an object/],
    [
      'no title',
      '{"templateType":"Panel","data":{"content":{"elements":[{"title":"a"}]}}}',
      /data\.content\.title/,
    ],
    [
      'no elements',
      '{"templateType":"ListPicker","data":{"content":{"title":"t","elements":[]}}}',
      /elements must be a non-empty array/,
    ],
    [
      'an element without title',
      '{"templateType":"QuickReply","data":{"content":{"title":"t","elements":[{}]}}}',
      /elements\[0\]\.title/,
    ],
    [
      'a bad actionDetail',
      '{"templateType":"ListPicker","data":{"content":{"title":"t","elements":[{"title":"a","actionDetail":"JUMP"}]}}}',
      /actionDetail/,
    ],
    [
      'a hyperlink without url',
      '{"templateType":"ListPicker","data":{"content":{"title":"t","elements":[{"title":"a","type":"hyperlink"}]}}}',
      /url is required/,
    ],
    [
      'a reply message without title',
      '{"templateType":"Panel","data":{"replyMessage":{},"content":{"title":"t","elements":[{"title":"a"}]}}}',
      /replyMessage\.title/,
    ],
    [
      'a timeslot with a bad date',
      '{"templateType":"TimePicker","data":{"content":{"title":"t","timeslots":[{"date":"soon","duration":30}]}}}',
      /timeslots\[0\]\.date/,
    ],
    [
      'a timeslot without duration',
      '{"templateType":"TimePicker","data":{"content":{"title":"t","timeslots":[{"date":"2020-10-31T17:00+00:00"}]}}}',
      /duration must be a number/,
    ],
    [
      'a location without latitude',
      '{"templateType":"TimePicker","data":{"content":{"title":"t","location":{"longitude":1,"title":"x"},"timeslots":[{"date":"2020-10-31T17:00+00:00","duration":1}]}}}',
      /latitude/,
    ],
    [
      'a carousel card without identifier',
      '{"templateType":"Carousel","data":{"content":{"elements":[{"templateType":"Panel","data":{"content":{"title":"t","elements":[{"title":"a"}]}}}]}}}',
      /templateIdentifier/,
    ],
    [
      'a carousel card of another type',
      '{"templateType":"Carousel","data":{"content":{"elements":[{"templateIdentifier":"x","templateType":"TimePicker","data":{}}]}}}',
      /ListPicker or Panel/,
    ],
    [
      'a view without token',
      '{"templateType":"ViewResource","data":{"content":{"viewId":"v"}}}',
      /viewToken/,
    ],
  ])('returns INTERACTIVE_INVALID for %s', (_name, content, reason) => {
    const result = parseInteractiveContent(content);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERACTIVE_INVALID');
      expect(result.error.message).toMatch(reason);
    }
  });

  it('reads numbers written as strings', () => {
    const template = parse({
      templateType: 'TimePicker',
      data: {
        content: {
          title: 't',
          timeZoneOffset: '-60',
          timeslots: [{ date: '2020-10-31T17:00+00:00', duration: '30' }],
        },
      },
    });
    expect(template).toMatchObject({
      data: { content: { timeZoneOffset: -60, timeslots: [{ duration: 30 }] } },
    });
  });
});

describe('interactive replies', () => {
  it('answers a ListPicker choice with its title, a hyperlink with nothing, pagination with a response', () => {
    const template = parse(listPicker);
    if (template.templateType !== 'ListPicker') {
      throw new Error('expected a ListPicker');
    }
    const [apple, docs, more, back] = template.data.content.elements;
    expect(replyToChoice(template, apple!)).toEqual({
      contentType: 'text/plain',
      content: 'Apple',
    });
    expect(replyToChoice(template, docs!)).toBeNull();
    const showMore = replyToChoice(template, more!)!;
    expect(showMore.contentType).toBe(ContentType.interactiveResponse);
    expect(JSON.parse(showMore.content)).toEqual({
      version: '1.0',
      data: {
        actionName: 'Show more',
        preIndex: 0,
        nextIndex: 4,
        listId: 'list-1',
        templateType: 'ListPicker',
        referenceId: 'ref-1',
      },
      action: 'SHOW_MORE',
    });
    expect(JSON.parse(replyToChoice(template, back!)!.content)).toMatchObject({
      action: 'PREVIOUS_OPTIONS',
    });
  });

  it('answers Panel and QuickReply choices with the title', () => {
    const template = parse(panel);
    if (template.templateType !== 'Panel') {
      throw new Error('expected a Panel');
    }
    expect(replyToChoice(template, template.data.content.elements[1]!)).toEqual({
      contentType: 'text/plain',
      content: 'Orders',
    });
    const quick = parse({
      templateType: 'QuickReply',
      data: { content: { title: 'OK?', elements: [{ title: 'Yes' }] } },
    });
    if (quick.templateType !== 'QuickReply') {
      throw new Error('expected a QuickReply');
    }
    expect(replyToChoice(quick, quick.data.content.elements[0]!)).toEqual({
      contentType: 'text/plain',
      content: 'Yes',
    });
  });

  it("answers a TimePicker with the chosen slot's date", () => {
    const template = parse(timePicker);
    if (template.templateType !== 'TimePicker') {
      throw new Error('expected a TimePicker');
    }
    expect(replyToTimePicker(template, template.data.content.timeslots[1]!)).toEqual({
      contentType: 'text/plain',
      content: '2020-11-01T17:00+00:00',
    });
  });

  it('answers a Carousel choice with the card identifier, list title and selection', () => {
    const template = parse(carousel);
    if (template.templateType !== 'Carousel') {
      throw new Error('expected a Carousel');
    }
    const card = template.data.content.elements[1]!;
    const reply = replyToCarousel(template, card, card.data.content.elements[0]!);
    expect(reply.contentType).toBe('text/plain');
    expect(JSON.parse(reply.content)).toEqual({
      templateIdentifier: 'card-2',
      listTitle: 'How can we help?',
      selectionText: 'Billing',
    });
  });

  it('answers a view action and free text typed while a view is shown', () => {
    const template = parse(viewResource);
    if (template.templateType !== 'ViewResource') {
      throw new Error('expected a ViewResource');
    }
    const action = replyToViewResource(template, 'Submit', { orderId: '42' });
    expect(action.contentType).toBe(ContentType.interactiveResponse);
    expect(JSON.parse(action.content)).toEqual({
      action: 'Submit',
      data: { orderId: '42' },
      templateType: 'ViewResource',
      version: '1.0',
    });
    expect(JSON.parse(replyToViewResource(template, 'Cancel').content).data).toEqual({});
    expect(JSON.parse(replyToViewResourceWithText(template, 'help').content)).toEqual({
      action: ' ',
      data: { content: 'help' },
      templateType: 'ViewResource',
      version: '1.0',
    });
    expect(() => replyToViewResource(template, '')).toThrow(TypeError);
  });

  it('throws a TypeError for an element that is not part of the template', () => {
    const template = parse(panel);
    const other = parse(panel);
    const picker = parse(timePicker);
    const cards = parse(carousel);
    if (
      template.templateType !== 'Panel' ||
      other.templateType !== 'Panel' ||
      picker.templateType !== 'TimePicker' ||
      cards.templateType !== 'Carousel'
    ) {
      throw new Error('unexpected template types');
    }
    expect(() => replyToChoice(template, other.data.content.elements[0]!)).toThrow(TypeError);
    expect(() => replyToChoice(template, { title: 'Billing' })).toThrow(TypeError);
    expect(() =>
      replyToTimePicker(picker, { date: '2020-10-31T17:00+00:00', duration: 60 }),
    ).toThrow(TypeError);
    const card = cards.data.content.elements[0]!;
    expect(() => replyToCarousel(cards, card, { title: 'Apple' })).toThrow(TypeError);
    expect(() => replyToCarousel(cards, { ...card }, card.data.content.elements[0]!)).toThrow(
      TypeError,
    );
  });
});
