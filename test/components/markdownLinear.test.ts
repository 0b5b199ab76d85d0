import { describe, expect, it } from 'vitest';
import { linkify, parseInline, parseMarkdown } from '../../src/components/Markdown/parseMarkdown';
import type { MarkdownMeter } from '../../src/components/Markdown/parseMarkdown';

/** Inputs known to make naive Markdown readers quadratic, as a function of their size. */
const HOSTILE: [string, (n: number) => string][] = [
  ['a URL then closing parentheses', (n) => `https://a.com/${')'.repeat(n)}`],
  ['a URL in parentheses, nested', (n) => `https://a.com/${'('.repeat(n)}${')'.repeat(n)}`],
  ['unclosed brackets', (n) => '['.repeat(n)],
  ['brackets closing far away', (n) => `${'['.repeat(n)}${']'.repeat(n)}`],
  ['links whose destination never closes', (n) => '[a]('.repeat(n)],
  ['nested brackets before an open destination', (n) => `${'[]('.repeat(n)}`],
  ['titles that never close', (n) => '[a](b "'.repeat(n)],
  ['unclosed emphasis', (n) => '*a '.repeat(n)],
  ['unclosed strong', (n) => '**a '.repeat(n)],
  ['unclosed underscores', (n) => '_a _'.repeat(n)],
  ['unclosed strike', (n) => '~~a '.repeat(n)],
  ['backtick runs that never close', (n) => '` a ``'.repeat(n)],
  ['unsafe bare URLs back to back', (n) => '(http://['.repeat(n)],
  ['autolinks that never close', (n) => '<http://a'.repeat(n)],
  ['escapes', (n) => '\\*'.repeat(n)],
  ['a heading full of spaces', (n) => `# ${' '.repeat(n)}x`],
  ['a heading of hashes', (n) => `# ${'#'.repeat(n)}x`],
  ['nested emphasis', (n) => `${'*_'.repeat(n)}x${'_*'.repeat(n)}`],
  ['quotes', (n) => '> '.repeat(n)],
  ['list items with emphasis', (n) => '- *a\n'.repeat(n)],
  ['many lines', (n) => 'a *b\n'.repeat(n)],
];

function work(parse: (text: string, meter: MarkdownMeter) => unknown, text: string): number {
  const meter: MarkdownMeter = { steps: 0 };
  parse(text, meter);
  return meter.steps;
}

const SIZE = 64 * 1024;
/** The smallest `n` for which the pattern is at least `length` characters long. */
function countFor(make: (n: number) => string, length: number): number {
  let n = 1;
  while (make(n).length < length) {
    n *= 2;
  }
  let low = n / 2;
  while (low + 1 < n) {
    const middle = Math.floor((low + n) / 2);
    if (make(middle).length < length) {
      low = middle;
    } else {
      n = middle;
    }
  }
  return n;
}

describe('Markdown and link detection do linear work', () => {
  it.each(HOSTILE)('%s: 64 KB takes a bounded number of steps per character', (_, make) => {
    const n = countFor(make, SIZE);
    const text = make(n);
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    for (const parse of [parseMarkdown, parseInline, linkify]) {
      const steps = work(parse, text);
      // A quadratic reader takes thousands of steps per character here.
      expect(steps).toBeLessThan(40 * text.length);
      // And the work doubles, not quadruples, with the input.
      expect(steps).toBeLessThan(2.5 * work(parse, make(Math.ceil(n / 2))) + 1024);
    }
  });

  it('still reads the 16,000-parenthesis URL right', () => {
    const nodes = linkify(`https://a.com/${')'.repeat(16_000)}`);
    expect(nodes[0]).toEqual({
      type: 'link',
      href: 'https://a.com/',
      children: [{ type: 'text', value: 'https://a.com/' }],
    });
    expect(nodes[1]).toEqual({ type: 'text', value: ')'.repeat(16_000) });
    expect(parseInline(`https://a.com/${')'.repeat(16_000)}`)[0]).toEqual(nodes[0]);
  });
});
