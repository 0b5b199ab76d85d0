/**
 * A small, safe Markdown reader for chat messages. It builds a tree of plain data (never HTML):
 * raw HTML stays text, and links survive only with an http(s) or mailto URL.
 *
 * @packageDocumentation
 */

/**
 * Inline content of a block.
 *
 * @example
 * ```ts
 * for (const node of parseInline('**Hi** there')) {
 *   if (node.type === 'strong') console.log(node.children); // [{ type: 'text', value: 'Hi' }]
 * }
 * ```
 */
export type MarkdownInline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'strong' | 'em' | 'strike'; readonly children: readonly MarkdownInline[] }
  | { readonly type: 'code'; readonly value: string }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly MarkdownInline[] }
  | { readonly type: 'break' };

/**
 * A block of a Markdown document.
 *
 * @example
 * ```ts
 * const [block] = parseMarkdown('```\nnpm i contact-kit\n```');
 * if (block?.type === 'code') console.log(block.value); // 'npm i contact-kit'
 * ```
 */
export type MarkdownBlock =
  | { readonly type: 'paragraph'; readonly children: readonly MarkdownInline[] }
  | {
      readonly type: 'heading';
      readonly level: number;
      readonly children: readonly MarkdownInline[];
    }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly MarkdownInline[])[];
    }
  | { readonly type: 'quote'; readonly children: readonly MarkdownBlock[] }
  | { readonly type: 'code'; readonly value: string }
  | { readonly type: 'rule' };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in `href`, or `undefined` when it is not an absolute http(s) or mailto URL
 * (`javascript:`, `data:`, relative and malformed URLs are refused).
 *
 * @example
 * ```ts
 * safeHref('https://example.com/a b'); // 'https://example.com/a%20b'
 * safeHref('javascript:alert(1)'); // undefined
 * ```
 */
export function safeHref(raw: string): string | undefined {
  const trimmed = raw.trim();
  // Checked before URL parsing too, so a scheme split by tabs or newlines never gets through.
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
// Sticky (`y`): matched at `lastIndex` in place, without slicing the rest of the text.
const BARE_URL = /https?:\/\/[^\s<>"]+/iy;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/iy;
const MAX_DEPTH = 8;

/**
 * Counts the characters the parser looks at (main loop and every look-ahead scan), so tests can
 * show that the work grows linearly with the input, whatever the input. Not exported by the
 * package, like the parser it meters.
 *
 * @example
 * ```ts
 * const meter = { steps: 0 };
 * parseMarkdown(text, meter);
 * expect(meter.steps).toBeLessThan(64 * text.length);
 * ```
 */
export interface MarkdownMeter {
  steps: number;
}

/** Drops the trailing punctuation a sentence puts after a URL, keeping balanced parentheses. */
function trimUrl(url: string): string {
  let opens = 0;
  let closes = 0;
  for (const c of url) {
    if (c === '(') {
      opens += 1;
    } else if (c === ')') {
      closes += 1;
    }
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && /[.,:;!?'"*_~]/.test(last)) {
      end -= 1;
    } else if (last === ')' && closes > opens) {
      closes -= 1;
      end -= 1;
    } else {
      return url.slice(0, end);
    }
  }
}

interface InlineContext {
  readonly inLink: boolean;
  readonly depth: number;
  readonly meter: MarkdownMeter;
}

/**
 * The matching `]` of every `[` (or -1), in one pass: the same answer as scanning forward from
 * each `[` with a depth count, without the quadratic cost of `[[[[…`.
 */
function matchBrackets(src: string, meter: MarkdownMeter): Int32Array {
  const match = new Int32Array(src.length).fill(-1);
  const open: number[] = [];
  meter.steps += src.length;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (c === '\\') {
      i += 1;
    } else if (c === '[') {
      open.push(i);
    } else if (c === ']' && open.length > 0) {
      match[open.pop()!] = i;
    }
  }
  return match;
}

/** Reads `(destination "title")` at `start`; returns the destination and the index after `)`. */
function readDestination(
  src: string,
  start: number,
  meter: MarkdownMeter,
): { dest: string; end: number } | undefined {
  const read = readDestinationAt(src, start);
  meter.steps += read.scanned - start;
  return read.result;
}

function readDestinationAt(
  src: string,
  start: number,
): { result: { dest: string; end: number } | undefined; scanned: number } {
  if (src[start] !== '(') {
    return { result: undefined, scanned: start };
  }
  let i = start + 1;
  while (src[i] === ' ') {
    i += 1;
  }
  let dest = '';
  if (src[i] === '<') {
    const close = src.indexOf('>', i);
    if (close < 0) {
      return { result: undefined, scanned: src.length };
    }
    dest = src.slice(i + 1, close);
    i = close + 1;
  } else {
    let parens = 0;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\' && i + 1 < src.length) {
        dest += src[i + 1];
        i += 2;
        continue;
      }
      if (/\s/.test(c)) {
        break;
      }
      if (c === '(') {
        parens += 1;
      } else if (c === ')') {
        if (parens === 0) {
          break;
        }
        parens -= 1;
      }
      dest += c;
      i += 1;
    }
  }
  while (src[i] === ' ') {
    i += 1;
  }
  const quote = src[i];
  if (quote === '"' || quote === "'") {
    const close = src.indexOf(quote, i + 1);
    if (close < 0) {
      return { result: undefined, scanned: src.length };
    }
    i = close + 1;
    while (src[i] === ' ') {
      i += 1;
    }
  }
  return { result: src[i] === ')' ? { dest, end: i + 1 } : undefined, scanned: i };
}

/** Index of the closing delimiter of an emphasis run opened at `from`, or -1. */
function findClosingDelimiter(
  src: string,
  delimiter: string,
  from: number,
  meter: MarkdownMeter,
): number {
  const found = scanClosingDelimiter(src, delimiter, from);
  meter.steps += (found < 0 ? src.length : found) - from;
  return found;
}

function scanClosingDelimiter(src: string, delimiter: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const at = src.indexOf(delimiter, i);
    if (at < 0) {
      return -1;
    }
    const before = src[at - 1];
    const after = src[at + delimiter.length];
    const escaped = before === '\\';
    const flanking = before !== undefined && !/\s/.test(before);
    const intraword = delimiter[0] === '_' && after !== undefined && WORD.test(after);
    const longer = delimiter.length === 1 && after === delimiter;
    if (!escaped && flanking && !intraword && !longer && at > from) {
      return at;
    }
    i = at + (longer ? 2 : 1);
  }
  return -1;
}

function parseInlineAt(src: string, ctx: InlineContext): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  let text = '';
  const flush = () => {
    if (text) {
      const last = out[out.length - 1];
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + text };
      } else {
        out.push({ type: 'text', value: text });
      }
      text = '';
    }
  };
  const push = (node: MarkdownInline) => {
    flush();
    out.push(node);
  };
  if (ctx.depth > MAX_DEPTH) {
    return [{ type: 'text', value: src }];
  }
  const { meter } = ctx;
  const deeper = (inner: string, inLink = ctx.inLink) =>
    parseInlineAt(inner, { inLink, depth: ctx.depth + 1, meter });
  // Look-aheads that found nothing from a position find nothing from any later one: remember
  // where, so `*a *b *c…` or `` ` `` ` ``… cost one scan, not one per opener.
  const noCloserFrom = new Map<string, number>();
  const closer = (key: string, from: number, scan: () => number): number => {
    if (from >= (noCloserFrom.get(key) ?? Infinity)) {
      return -1;
    }
    const found = scan();
    if (found < 0) {
      noCloserFrom.set(key, from);
    }
    return found;
  };
  let brackets: Int32Array | undefined;
  // Link destinations that do not close are rescanned from each `[…](`: past this budget, more
  // links are not looked for (only hostile text gets there).
  let destinationBudget = 2 * src.length + 256;

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    meter.steps += 1;

    if (c === '\\' && i + 1 < src.length && PUNCTUATION.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      push({ type: 'break' });
      i += 1;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (src[i + run] === '`') {
        run += 1;
      }
      const fence = '`'.repeat(run);
      const close = closer(fence, i + run, () => {
        let at = src.indexOf(fence, i + run);
        while (at >= 0 && src[at + run] === '`') {
          at = src.indexOf(fence, at + run + 1);
        }
        meter.steps += (at < 0 ? src.length : at) - (i + run);
        return at;
      });
      if (close >= 0) {
        let value = src.slice(i + run, close).replace(/\n/g, ' ');
        if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ')) {
          value = value.slice(1, -1);
        }
        push({ type: 'code', value });
        i = close + run;
        continue;
      }
      text += fence;
      i += run;
      continue;
    }
    if ((c === '*' || c === '_' || c === '~') && !(c === '_' && WORD.test(src[i - 1] ?? ''))) {
      const double = src[i + 1] === c;
      if (c === '~' && !double) {
        text += c;
        i += 1;
        continue;
      }
      const delimiter = double ? c + c : c;
      const next = src[i + delimiter.length];
      if (next !== undefined && !/\s/.test(next)) {
        const from = i + delimiter.length;
        const close = closer(delimiter, from, () =>
          findClosingDelimiter(src, delimiter, from, meter),
        );
        if (close >= 0) {
          const inner = src.slice(i + delimiter.length, close);
          const type = c === '~' ? 'strike' : double ? 'strong' : 'em';
          push({ type, children: deeper(inner) });
          i = close + delimiter.length;
          continue;
        }
      }
      text += delimiter;
      i += delimiter.length;
      continue;
    }
    if (c === '[' && !ctx.inLink && destinationBudget > 0) {
      brackets ??= matchBrackets(src, meter);
      const close = brackets[i] ?? -1;
      const before = meter.steps;
      const destination = close >= 0 ? readDestination(src, close + 1, meter) : undefined;
      if (!destination) {
        destinationBudget -= meter.steps - before;
      }
      if (close >= 0 && destination) {
        const label = deeper(src.slice(i + 1, close), true);
        const href = safeHref(destination.dest);
        if (href) {
          push({
            type: 'link',
            href,
            children: label.length ? label : [{ type: 'text', value: href }],
          });
        } else {
          // An unsafe or relative link keeps its text and loses the link.
          flush();
          out.push(...label);
        }
        i = destination.end;
        continue;
      }
    }
    if (c === '<' && !ctx.inLink) {
      AUTOLINK.lastIndex = i;
      const match = AUTOLINK.exec(src);
      if (match?.[1]) {
        meter.steps += match[0].length;
        const href = safeHref(match[1]);
        if (href) {
          push({ type: 'link', href, children: [{ type: 'text', value: match[1] }] });
          i += match[0].length;
          continue;
        }
      }
    }
    if ((c === 'h' || c === 'H') && !ctx.inLink && !WORD.test(src[i - 1] ?? '')) {
      BARE_URL.lastIndex = i;
      const match = BARE_URL.exec(src);
      if (match) {
        meter.steps += match[0].length;
        const url = trimUrl(match[0]);
        const href = safeHref(url);
        if (href && url.length > 'https://'.length - 1) {
          push({ type: 'link', href, children: [{ type: 'text', value: url }] });
        } else {
          // Not a link: the whole run is text, so `(http://[(http://[…` is read once, not once
          // per `http`.
          text += url;
        }
        i += url.length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  flush();
  return out;
}

/**
 * Reads the inline Markdown of one paragraph (emphasis, code, links, autolinks, bare URLs, line
 * breaks).
 *
 * @example
 * ```ts
 * parseInline('**Hi** <b>there</b>');
 * // [{ type: 'strong', children: [{ type: 'text', value: 'Hi' }] }, { type: 'text', value: ' <b>there</b>' }]
 * ```
 */
export function parseInline(src: string, meter: MarkdownMeter = { steps: 0 }): MarkdownInline[] {
  return parseInlineAt(src, { inLink: false, depth: 0, meter });
}

/**
 * Plain text with its http(s) URLs turned into links; nothing else is interpreted.
 *
 * @example
 * ```ts
 * linkify('See https://example.com.');
 * // [text 'See ', link 'https://example.com/', text '.']
 * ```
 */
export function linkify(src: string, meter: MarkdownMeter = { steps: 0 }): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  const pattern = /https?:\/\/[^\s<>"]+/gi;
  let last = 0;
  meter.steps += src.length;
  for (let match = pattern.exec(src); match; match = pattern.exec(src)) {
    meter.steps += match[0].length;
    const before = src[match.index - 1];
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href || (before !== undefined && WORD.test(before))) {
      continue;
    }
    if (match.index > last) {
      out.push({ type: 'text', value: src.slice(last, match.index) });
    }
    out.push({ type: 'link', href, children: [{ type: 'text', value: url }] });
    last = match.index + url.length;
    pattern.lastIndex = last;
  }
  if (last < src.length) {
    out.push({ type: 'text', value: src.slice(last) });
  }
  return out;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})\s+/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;

/**
 * A heading's text: the line after `# `, without a closing run of `#` and the spaces around it.
 * (By hand: the regex `(.*?)\s*#*\s*$` backtracks quadratically on long runs of spaces.)
 */
function headingText(rest: string): string {
  let end = rest.trimEnd().length;
  while (end > 0 && rest[end - 1] === '#') {
    end -= 1;
  }
  return rest.slice(0, end).trimEnd();
}

function parseBlocks(
  lines: readonly string[],
  depth: number,
  meter: MarkdownMeter,
): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  const inline = (text: string) => parseInline(text, meter);
  const endParagraph = () => {
    if (paragraph.length) {
      blocks.push({ type: 'paragraph', children: inline(paragraph.join('\n')) });
      paragraph = [];
    }
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    meter.steps += line.length + 1;
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      endParagraph();
      const marker = fence[1];
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) {
        body.push(lines[i]!);
        i += 1;
      }
      blocks.push({ type: 'code', value: body.join('\n') });
      i += 1;
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      endParagraph();
      blocks.push({
        type: 'heading',
        level: heading[1].length,
        children: inline(headingText(line.slice(heading[0].length))),
      });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      endParagraph();
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      endParagraph();
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) {
        inner.push(QUOTE.exec(lines[i]!)?.[1] ?? '');
        i += 1;
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner, depth + 1, meter) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      endParagraph();
      const isOrdered = !bullet;
      const pattern = isOrdered ? ORDERED : BULLET;
      const start = isOrdered ? Number(ordered?.[1] ?? 1) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const match = pattern.exec(current);
        if (match) {
          items.push([(isOrdered ? match[2] : match[1]) ?? '']);
        } else if (/^\s+\S/.test(current) && items.length) {
          items[items.length - 1]!.push(current.trim());
        } else {
          break;
        }
        i += 1;
      }
      blocks.push({
        type: 'list',
        ordered: isOrdered,
        start,
        items: items.map((itemLines) => inline(itemLines.join('\n'))),
      });
      continue;
    }
    paragraph.push(line);
    i += 1;
  }
  endParagraph();
  return blocks;
}

/**
 * Reads a Markdown message into blocks: paragraphs (single newlines are line breaks, as chat
 * users expect), headings, lists, quotes, fenced code and rules. Raw HTML is kept as text.
 * The work is linear in the length of the text, hostile text included (`meter`, for tests,
 * counts it).
 *
 * @example
 * ```ts
 * parseMarkdown('# Order\n- [track it](https://example.com/t/1)');
 * ```
 */
export function parseMarkdown(src: string, meter: MarkdownMeter = { steps: 0 }): MarkdownBlock[] {
  return parseBlocks(src.replace(/\r\n?/g, '\n').split('\n'), 0, meter);
}
