/**
 * Design tokens of the chat components: a typed object per theme, and the CSS custom properties
 * (`--ck-*`) the components actually read, so CSS-only consumers can restyle without React.
 *
 * @packageDocumentation
 */

/**
 * Every design token the components use. Colours are `#rrggbb` so contrast can be computed.
 *
 * @example
 * ```ts
 * const brand = mergeTheme(lightTheme, { color: { accent: '#6b21a8' } });
 * checkThemeContrast(brand); // [] when every pair is readable
 * ```
 */
export interface ThemeTokens {
  readonly color: {
    /** Page-level background of the chat panel. */
    readonly background: string;
    /** Raised surfaces: header, composer, cards. */
    readonly surface: string;
    /** Subtle fills: hover, day separators, system notes. */
    readonly surfaceMuted: string;
    readonly text: string;
    /** Secondary text (times, counters, notes); still AA on `background` and `surfaceMuted`. */
    readonly textMuted: string;
    readonly border: string;
    /** Primary actions (send button, launcher). */
    readonly accent: string;
    /** Text and icons on `accent`. */
    readonly onAccent: string;
    /** Bubbles of the customer's own messages. */
    readonly ownBubble: string;
    readonly onOwnBubble: string;
    /** Bubbles of agents and bots. */
    readonly otherBubble: string;
    readonly onOtherBubble: string;
    /** Links on `background`, `surface` and `otherBubble`. */
    readonly link: string;
    /** Focus outline. */
    readonly focus: string;
    /** Errors, failed sends, blocked files. */
    readonly danger: string;
    /** Warnings (reconnecting). */
    readonly warningSurface: string;
    readonly onWarningSurface: string;
    /** Errors shown as a surface (connection failed). */
    readonly dangerSurface: string;
    readonly onDangerSurface: string;
    /** Success marks (read receipts, approved files). */
    readonly success: string;
    /** Behind dialogs. */
    readonly overlay: string;
  };
  readonly space: {
    readonly xs: string;
    readonly sm: string;
    readonly md: string;
    readonly lg: string;
    readonly xl: string;
  };
  readonly radius: {
    readonly sm: string;
    readonly md: string;
    readonly lg: string;
    readonly pill: string;
  };
  readonly font: {
    readonly family: string;
    readonly sizeSm: string;
    readonly sizeMd: string;
    readonly sizeLg: string;
    readonly lineHeight: string;
    readonly weightBold: string;
  };
  readonly shadow: {
    readonly panel: string;
    readonly raised: string;
  };
  readonly motion: {
    /** Short transitions; 0ms under `prefers-reduced-motion: reduce`. */
    readonly duration: string;
    readonly easing: string;
  };
  readonly size: {
    /** Width of the widget panel. */
    readonly panelWidth: string;
    /** Height of the widget panel. */
    readonly panelHeight: string;
    /** Launcher button diameter. */
    readonly launcher: string;
    /** Focus outline width. */
    readonly focusWidth: string;
  };
}

/**
 * A token group name, e.g. `color`.
 *
 * @example
 * ```ts
 * const colorNames = Object.keys(lightTheme['color' satisfies ThemeTokenGroup]);
 * ```
 */
export type ThemeTokenGroup = keyof ThemeTokens;

/**
 * Any subset of the tokens, for the `theme` prop; `base` picks the theme it overrides.
 *
 * @example
 * ```tsx
 * <ContactKitThemeProvider theme={{ base: 'dark', color: { accent: '#7dd3fc', onAccent: '#082f49' } }} />
 * ```
 */
export type ThemeOverride = {
  readonly [G in ThemeTokenGroup]?: { readonly [K in keyof ThemeTokens[G]]?: string };
} & { readonly base?: 'light' | 'dark' | 'auto' };

const shared = {
  space: { xs: '4px', sm: '8px', md: '12px', lg: '16px', xl: '24px' },
  radius: { sm: '6px', md: '12px', lg: '18px', pill: '999px' },
  font: {
    family:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans JP", sans-serif',
    sizeSm: '0.8125rem',
    sizeMd: '0.9375rem',
    sizeLg: '1.0625rem',
    lineHeight: '1.45',
    weightBold: '600',
  },
  motion: { duration: '160ms', easing: 'cubic-bezier(0.2, 0, 0, 1)' },
  size: { panelWidth: '380px', panelHeight: '600px', launcher: '56px', focusWidth: '2px' },
} as const;

/**
 * The light theme (the default).
 *
 * @example
 * ```tsx
 * <ContactKitThemeProvider theme={lightTheme}>…</ContactKitThemeProvider>
 * ```
 */
export const lightTheme: ThemeTokens = {
  ...shared,
  color: {
    background: '#ffffff',
    surface: '#f8fafc',
    surfaceMuted: '#f1f5f9',
    text: '#0f172a',
    textMuted: '#475569',
    border: '#cbd5e1',
    accent: '#1d4ed8',
    onAccent: '#ffffff',
    ownBubble: '#1d4ed8',
    onOwnBubble: '#ffffff',
    otherBubble: '#eef2f7',
    onOtherBubble: '#0f172a',
    link: '#1e40af',
    focus: '#b45309',
    danger: '#b91c1c',
    warningSurface: '#fef3c7',
    onWarningSurface: '#78350f',
    dangerSurface: '#fee2e2',
    onDangerSurface: '#7f1d1d',
    success: '#15803d',
    overlay: 'rgba(15, 23, 42, 0.55)',
  },
  shadow: {
    panel: '0 12px 32px rgba(15, 23, 42, 0.18), 0 2px 6px rgba(15, 23, 42, 0.08)',
    raised: '0 1px 3px rgba(15, 23, 42, 0.12)',
  },
};

/**
 * The dark theme.
 *
 * @example
 * ```tsx
 * <ContactKitThemeProvider theme="dark">…</ContactKitThemeProvider>
 * ```
 */
export const darkTheme: ThemeTokens = {
  ...shared,
  color: {
    background: '#0b1120',
    surface: '#111827',
    surfaceMuted: '#1e293b',
    text: '#f1f5f9',
    textMuted: '#a3b1c6',
    border: '#475569',
    accent: '#93c5fd',
    onAccent: '#0b1120',
    ownBubble: '#1e40af',
    onOwnBubble: '#ffffff',
    otherBubble: '#1e293b',
    onOtherBubble: '#f1f5f9',
    link: '#93c5fd',
    focus: '#fbbf24',
    danger: '#fca5a5',
    warningSurface: '#422006',
    onWarningSurface: '#fde68a',
    dangerSurface: '#450a0a',
    onDangerSurface: '#fecaca',
    success: '#86efac',
    overlay: 'rgba(2, 6, 23, 0.7)',
  },
  shadow: {
    panel: '0 12px 32px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4)',
    raised: '0 1px 3px rgba(0, 0, 0, 0.5)',
  },
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The CSS custom property of one token: `--ck-<group>-<kebab-key>`.
 *
 * @example
 * ```ts
 * cssVariableName('color', 'onAccent'); // '--ck-color-on-accent'
 * ```
 */
export function cssVariableName<G extends ThemeTokenGroup>(
  group: G,
  key: keyof ThemeTokens[G] & string,
): string {
  return `--ck-${group}-${kebab(key)}`;
}

/**
 * Every token as a CSS custom property declaration, e.g. `{ '--ck-color-accent': '#1d4ed8' }`.
 *
 * @example
 * ```ts
 * const declarations = Object.entries(themeToCssVariables(darkTheme))
 *   .map(([name, value]) => `${name}: ${value};`)
 *   .join('\n');
 * ```
 */
export function themeToCssVariables(tokens: ThemeTokens): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of Object.keys(tokens) as ThemeTokenGroup[]) {
    const values = tokens[group] as Readonly<Record<string, string>>;
    for (const [key, value] of Object.entries(values)) {
      out[`--ck-${group}-${kebab(key)}`] = value;
    }
  }
  return out;
}

/**
 * The theme's own values, declared on the kit's root under `--ck-default-*` names: components read
 * `var(--ck-…, var(--ck-default-…))`, so a `--ck-*` variable the host page sets on `:root`, a
 * wrapper, the `<contact-widget>` element or the root itself wins over the `theme` prop.
 */
export function themeToDefaultVariables(tokens: ThemeTokens): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(themeToCssVariables(tokens))) {
    out[`--ck-default-${name.slice('--ck-'.length)}`] = value;
  }
  return out;
}

/**
 * The type of {@link themeVars}: every token group, each token as a CSS `var(--ck-…)` reference.
 *
 * @example
 * ```ts
 * const accentBorder = (vars: ThemeVars) => `1px solid ${vars.color.accent}`;
 * ```
 */
export type ThemeVars = {
  readonly [G in ThemeTokenGroup]: { readonly [K in keyof ThemeTokens[G]]: string };
};

function buildVars(): ThemeVars {
  const out: Record<string, Record<string, string>> = {};
  for (const group of Object.keys(lightTheme) as ThemeTokenGroup[]) {
    const keys = Object.keys(lightTheme[group]);
    out[group] = Object.fromEntries(
      keys.map((key) => {
        const name = `${group}-${kebab(key)}`;
        const fallback = `var(--ck-default-${name}, ${(lightTheme[group] as Record<string, string>)[key]})`;
        // One `--ck-radius` rounds every corner but the pills (launcher, chips, badges).
        const shorthand =
          group === 'radius' && key !== 'pill' ? `var(--ck-radius, ${fallback})` : fallback;
        return [key, `var(--ck-${name}, ${shorthand})`];
      }),
    );
  }
  return out as unknown as ThemeVars;
}

/**
 * The tokens as `var(--ck-…, var(--ck-default-…, <light fallback>))` references, for
 * styled-components CSS: styles follow the variables, so a theme change re-renders nothing but the
 * root, and a `--ck-*` variable set by the host page's CSS wins over the theme. The corner radii
 * (`sm`, `md`, `lg`) also follow the shorthand `--ck-radius` when their own variable is not set.
 *
 * @example
 * ```ts
 * const Note = styled.p`
 *   color: ${themeVars.color.textMuted};
 *   padding: ${themeVars.space.sm};
 * `;
 * ```
 */
export const themeVars: ThemeVars = /* @__PURE__ */ buildVars();

/**
 * A base theme with an override applied (group by group).
 *
 * @example
 * ```ts
 * const brand = mergeTheme(lightTheme, { color: { accent: '#6b21a8' } });
 * ```
 */
export function mergeTheme(base: ThemeTokens, override: ThemeOverride | undefined): ThemeTokens {
  if (!override) {
    return base;
  }
  const out: Record<string, unknown> = {};
  for (const group of Object.keys(base) as ThemeTokenGroup[]) {
    const patch = override[group];
    out[group] = patch ? { ...base[group], ...definedOnly(patch) } : base[group];
  }
  return out as unknown as ThemeTokens;
}

function definedOnly(patch: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}
