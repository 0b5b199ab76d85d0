import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lightTheme, themeToCssVariables } from 'contact-kit';
import { WIDGET_CONFIG_ATTRIBUTES } from '../../src/widget/widgetConfig';

interface Manifest {
  modules: {
    declarations: {
      tagName: string;
      attributes: { name: string; fieldName?: string }[];
      members: { name: string }[];
      events: { name: string }[];
      cssProperties: { name: string }[];
    }[];
  }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
const element = manifest.modules[0]!.declarations[0]!;
const source = readFileSync('src/widget/ContactWidgetElement.ts', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  customElements: string;
  files: string[];
};

describe('custom-elements.json', () => {
  it('is the one package.json points to and ships', () => {
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
    expect(element.tagName).toBe('contact-widget');
  });

  it('lists every attribute the element reads, with the live ones mapped to their config field', () => {
    const listed = new Map(element.attributes.map((a) => [a.name, a.fieldName]));
    for (const [attribute, field] of Object.entries(WIDGET_CONFIG_ATTRIBUTES)) {
      expect(listed.get(attribute), attribute).toBe(`config.${field}`);
    }
    const readOnce = [...source.matchAll(/getAttribute\('([a-z-]+)'\)/g)].map((m) => m[1]!);
    expect(readOnce.length).toBeGreaterThan(3);
    for (const attribute of readOnce.filter((name) => !name.startsWith('data-'))) {
      expect(listed.has(attribute), attribute).toBe(true);
    }
  });

  it("lists the element's members and events, and only real theme variables", () => {
    for (const member of ['config', 'startChatRequest', 'isOpen', 'open', 'close', 'startChat']) {
      expect(element.members.map((m) => m.name)).toContain(member);
      expect(source).toMatch(new RegExp(`\\b${member}\\b`));
    }
    const events = element.events.map((event) => event.name);
    for (const event of source.matchAll(/'(contact-kit:[a-z]+)'/g)) {
      expect(events).toContain(event[1]);
    }
    const variables = Object.keys(themeToCssVariables(lightTheme));
    for (const property of element.cssProperties) {
      expect(variables).toContain(property.name);
    }
  });
});
