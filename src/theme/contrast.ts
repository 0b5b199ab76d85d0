import type { ThemeTokens } from './tokens';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function parseHex(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) {
    throw new TypeError(`contrastRatio: expected a #rrggbb colour, got "${color}"`);
  }
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/**
 * Relative luminance of a `#rrggbb` colour, per WCAG 2.x.
 *
 * @example
 * ```ts
 * relativeLuminance('#ffffff'); // 1
 * ```
 */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseHex(color);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * WCAG contrast ratio of two `#rrggbb` colours (1 to 21). Text needs 4.5 (AA), large text and
 * UI parts 3. Throws for other colour syntaxes.
 *
 * @example
 * ```ts
 * contrastRatio('#0f172a', '#ffffff') >= 4.5; // true
 * ```
 */
export function contrastRatio(foreground: string, background: string): number {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * One colour pair the components draw, and the ratio it needs.
 *
 * @example
 * ```ts
 * for (const { foreground, background, minimum, ratio } of checkThemeContrast(tokens)) {
 *   console.warn(`${foreground} on ${background}: ${ratio.toFixed(2)}, needs ${minimum}`);
 * }
 * ```
 */
export interface ContrastPair {
  readonly foreground: keyof ThemeTokens['color'];
  readonly background: keyof ThemeTokens['color'];
  /** 4.5 for text, 3 for focus rings, borders of controls and icons. */
  readonly minimum: number;
}

const text = (
  foreground: ContrastPair['foreground'],
  background: ContrastPair['background'],
): ContrastPair => ({ foreground, background, minimum: 4.5 });
const ui = (
  foreground: ContrastPair['foreground'],
  background: ContrastPair['background'],
): ContrastPair => ({ foreground, background, minimum: 3 });

/**
 * Every foreground/background pair the components draw. A custom theme should pass
 * {@link checkThemeContrast} for all of them.
 *
 * @example
 * ```ts
 * CONTRAST_PAIRS.length > 0; // true
 * ```
 */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  text('text', 'background'),
  text('text', 'surface'),
  text('text', 'surfaceMuted'),
  text('textMuted', 'background'),
  text('textMuted', 'surface'),
  text('textMuted', 'surfaceMuted'),
  text('onAccent', 'accent'),
  text('onOwnBubble', 'ownBubble'),
  text('onOtherBubble', 'otherBubble'),
  text('link', 'background'),
  text('link', 'surface'),
  text('link', 'otherBubble'),
  text('danger', 'background'),
  text('danger', 'surface'),
  text('success', 'background'),
  text('onWarningSurface', 'warningSurface'),
  text('onDangerSurface', 'dangerSurface'),
  ui('focus', 'background'),
  ui('focus', 'surface'),
  ui('focus', 'surfaceMuted'),
  ui('accent', 'background'),
  ui('accent', 'surface'),
];

/**
 * The pairs of {@link CONTRAST_PAIRS} a theme fails, with their ratios; empty when it passes.
 *
 * @example
 * ```ts
 * const failures = checkThemeContrast(mergeTheme(lightTheme, { color: { accent: '#93c5fd' } }));
 * if (failures.length > 0) console.warn(failures);
 * ```
 */
export function checkThemeContrast(
  tokens: ThemeTokens,
): (ContrastPair & { readonly ratio: number })[] {
  return CONTRAST_PAIRS.map((pair) => ({
    ...pair,
    ratio: contrastRatio(tokens.color[pair.foreground], tokens.color[pair.background]),
  })).filter((pair) => pair.ratio < pair.minimum);
}
