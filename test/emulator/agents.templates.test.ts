import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInteractiveContent } from '../../src/core/chat/interactive/parseInteractiveContent';
import type { InteractiveTemplate } from '../../src/core/chat/interactive/interactiveTemplate';
import {
  catalogItems,
  createCarousel,
  createPagedListPicker,
  createPanel,
  createSampleTimePicker,
  pageStartFor,
  sampleTemplates,
  serializeTemplate,
  templateProblems,
} from '../../src/emulator/agents';

const roundTrip = (template: InteractiveTemplate): unknown =>
  JSON.parse(serializeTemplate(template));

describe('sampleTemplates', () => {
  it.each(Object.entries(sampleTemplates))('%s follows the §7 shape', (_name, template) => {
    const parsed = roundTrip(template) as { templateType: string; version: string; data: unknown };
    expect(templateProblems(parsed)).toEqual([]);
    expect(parsed.version).toBe('1.0');
    expect(Object.keys(parsed).sort()).toEqual(['data', 'templateType', 'version']);
  });

  it.each(Object.entries(sampleTemplates))(
    '%s is read back unchanged by the kit parser',
    (_name, template) => {
      const result = parseInteractiveContent(serializeTemplate(template));
      expect(result.ok).toBe(true);
      expect(result.ok && result.template).toEqual(template);
    },
  );

  it('covers every template type', () => {
    expect(new Set(Object.values(sampleTemplates).map((t) => t.templateType))).toEqual(
      new Set(['ListPicker', 'Panel', 'QuickReply', 'TimePicker', 'Carousel']),
    );
  });

  it('gives the ListPicker 3–6 elements and https images', () => {
    const { content } = sampleTemplates.ListPicker.data;
    expect(content.elements.length).toBeGreaterThanOrEqual(3);
    expect(content.elements.length).toBeLessThanOrEqual(6);
    const images = [content.imageData, ...content.elements.map((e) => e.imageData)].filter(Boolean);
    expect(images.length).toBeGreaterThan(1);
    for (const url of images) {
      expect(url).toMatch(/^https:\/\//);
    }
  });

  it('names every Carousel element with a templateIdentifier and a ListPicker/Panel type', () => {
    for (const element of sampleTemplates.Carousel.data.content.elements) {
      expect(element.templateIdentifier).toMatch(/\S/);
      expect(['ListPicker', 'Panel']).toContain(element.templateType);
      expect(element.version).toBe('1.0');
    }
  });
});

describe('templateProblems', () => {
  it('reports a missing version, an unknown type and missing content', () => {
    expect(
      templateProblems({
        templateType: 'Panel',
        data: { content: { title: 'x', elements: [{ title: 'a' }] } },
      }),
    ).toEqual(['version must be "1.0"']);
    expect(
      templateProblems({ templateType: 'Form', version: '1.0', data: { content: { title: 'x' } } }),
    ).toEqual(['templateType "Form" is not a known template']);
    expect(templateProblems({ templateType: 'Panel', version: '1.0', data: {} })).toEqual([
      'data.content must be an object',
    ]);
  });

  it('rejects a ListPicker with seven elements, an http image or a bad actionDetail', () => {
    const elements = Array.from({ length: 7 }, (_, i) => ({ title: `e${i}` }));
    expect(
      templateProblems({
        templateType: 'ListPicker',
        version: '1.0',
        data: { content: { title: 't', elements } },
      }),
    ).toEqual(['data.content.elements must hold 1–6 elements']);
    const problems = templateProblems({
      templateType: 'ListPicker',
      version: '1.0',
      data: {
        content: {
          title: 't',
          imageType: 'URL',
          imageData: 'http://example.com/a.png',
          elements: [{ title: 'a', actionDetail: 'NEXT' }],
        },
      },
    });
    expect(problems).toContain('data.content.imageData must be an https URL');
    expect(problems).toContain(
      'data.content.elements[0].actionDetail must be SHOW_MORE or PREVIOUS_OPTIONS',
    );
    expect(problems).toContain('data.content.listId is required');
  });

  it('rejects a Carousel element without templateIdentifier and a bad TimePicker slot', () => {
    const carousel = roundTrip(
      createCarousel('c', [['x', createPanel({ title: 'p', elements: [{ title: 'a' }] })]]),
    ) as {
      data: { content: { elements: Record<string, unknown>[] } };
    };
    delete carousel.data.content.elements[0]!.templateIdentifier;
    expect(templateProblems(carousel)).toEqual([
      'data.content.elements[0].templateIdentifier is required',
    ]);
    expect(
      templateProblems({
        templateType: 'TimePicker',
        version: '1.0',
        data: { content: { title: 't', timeslots: [{ date: 'soon', duration: 30 }] } },
      }),
    ).toEqual(['data.content.timeslots[0].date must be an ISO date']);
  });
});

describe('createPagedListPicker', () => {
  it('starts with Show more only and the -1 / 4 indices', () => {
    const { content } = createPagedListPicker(0, 'ref').data;
    expect(content.preIndex).toBe(-1);
    expect(content.nextIndex).toBe(4);
    expect(content.elements.map((e) => e.actionDetail ?? e.title)).toEqual([
      ...catalogItems.slice(0, 4).map((item) => item.title),
      'SHOW_MORE',
    ]);
    expect(content.listId).toBe('repairServices');
    expect(content.referenceId).toBe('ref');
  });

  it('visits every catalog item exactly once by following Show more, and comes back with Previous options', () => {
    const titles: string[] = [];
    const starts: number[] = [];
    let start = 0;
    for (;;) {
      starts.push(start);
      const page = createPagedListPicker(start, 'ref').data.content;
      titles.push(...page.elements.filter((e) => !e.actionDetail).map((e) => e.title));
      if (!page.elements.some((e) => e.actionDetail === 'SHOW_MORE')) {
        expect(page.elements[0]?.actionDetail).toBe('PREVIOUS_OPTIONS');
        break;
      }
      start = pageStartFor('SHOW_MORE', {
        preIndex: Number(page.preIndex),
        nextIndex: Number(page.nextIndex),
      });
    }
    expect(titles).toEqual(catalogItems.map((item) => item.title));
    const last = createPagedListPicker(starts.at(-1)!, 'ref').data.content;
    expect(
      pageStartFor('PREVIOUS_OPTIONS', {
        preIndex: Number(last.preIndex),
        nextIndex: Number(last.nextIndex),
      }),
    ).toBe(starts.at(-2));
  });

  it('always yields a valid ListPicker, whatever index a client sends back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), (index) => {
        expect(templateProblems(createPagedListPicker(index, 'r'))).toEqual([]);
      }),
    );
  });
});

describe('createSampleTimePicker', () => {
  it('offers slots on the next days after now, with the offset and a location', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    const { content } = createSampleTimePicker(now, 60).data;
    expect(content.timeZoneOffset).toBe(60);
    expect(content.location).toMatchObject({
      title: expect.any(String),
      latitude: expect.any(Number),
    });
    expect(content.timeslots[0]).toEqual({ date: '2026-03-03T10:00+01:00', duration: 30 });
    for (const slot of content.timeslots) {
      const at = Date.parse(slot.date);
      expect(at).toBeGreaterThan(now.getTime());
      expect(at - now.getTime()).toBeLessThan(4 * 86_400_000);
    }
  });

  it('writes negative offsets with a minus sign', () => {
    const { content } = createSampleTimePicker(new Date('2026-03-01T12:00:00Z'), -450).data;
    expect(content.timeslots[0]!.date).toBe('2026-03-02T10:00-07:30');
  });
});
