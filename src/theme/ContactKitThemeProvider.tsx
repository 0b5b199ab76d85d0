import { createContext, forwardRef, useContext, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { css, StyleSheetManager } from 'styled-components';
import { styled } from './styled';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import type { MessageOverrides, Translator } from '../i18n/messages';
import { useMaybeContactKit } from '../react/context/ContactKitContext';
import { darkTheme, lightTheme, mergeTheme, themeToDefaultVariables, themeVars } from './tokens';
import type { ThemeOverride, ThemeTokens } from './tokens';

/**
 * What the `theme` prop takes: a mode (`auto` follows `prefers-color-scheme`), or tokens to
 * override (any subset; `base` picks light, dark or auto underneath).
 *
 * @example
 * ```tsx
 * <ChatWidget startChat={startChat} theme={{ base: 'dark', color: { accent: '#a5b4fc' } }} />
 * ```
 */
export type ThemeInput = 'light' | 'dark' | 'auto' | ThemeOverride;

/**
 * The resolved theme: its mode, and the tokens for light and dark (equal unless `auto`).
 *
 * @example
 * ```tsx
 * function AccentRule() {
 *   const { mode, tokens } = useContactKitTheme();
 *   return <hr style={{ borderColor: tokens.color.accent }} data-mode={mode} />;
 * }
 * ```
 */
export interface ResolvedTheme {
  /** `auto` switches between `light` and `dark` tokens with `prefers-color-scheme`. */
  readonly mode: 'light' | 'dark' | 'auto';
  /** The tokens in effect (light ones for `auto`, where CSS picks at run time). */
  readonly tokens: ThemeTokens;
  readonly light: ThemeTokens;
  readonly dark: ThemeTokens;
}

/**
 * Resolves a `theme` prop into light and dark tokens.
 *
 * @example
 * ```ts
 * resolveTheme('dark').tokens === darkTheme; // true
 * resolveTheme({ color: { accent: '#6b21a8' } }).tokens.color.accent; // '#6b21a8'
 * ```
 */
export function resolveTheme(input: ThemeInput | undefined): ResolvedTheme {
  const mode =
    input === undefined ? 'light' : typeof input === 'string' ? input : (input.base ?? 'light');
  const override = typeof input === 'object' ? input : undefined;
  const light = mergeTheme(mode === 'dark' ? darkTheme : lightTheme, override);
  const dark = mergeTheme(mode === 'light' ? lightTheme : darkTheme, override);
  return { mode, tokens: mode === 'dark' ? dark : light, light, dark };
}

const defaultTheme = resolveTheme(undefined);
const ThemeContext = createContext<ResolvedTheme>(defaultTheme);
ThemeContext.displayName = 'ContactKitThemeContext';

/**
 * The theme of the nearest {@link ContactKitThemeProvider} (light outside one). Components style
 * through CSS variables; this is for code that needs a value, such as a canvas or a chart.
 *
 * @example
 * ```tsx
 * function Brand() {
 *   const { tokens } = useContactKitTheme();
 *   return <svg fill={tokens.color.accent} />;
 * }
 * ```
 */
export function useContactKitTheme(): ResolvedTheme {
  return useContext(ThemeContext);
}

function declarations(tokens: ThemeTokens): string {
  return Object.entries(themeToDefaultVariables(tokens))
    .map(([name, value]) => `${name}: ${value};`)
    .join('\n');
}

const Root = styled.div<{ $light: string; $dark: string; $mode: ResolvedTheme['mode'] }>`
  ${(p) => (p.$mode === 'dark' ? p.$dark : p.$light)}
  color-scheme: ${(p) => (p.$mode === 'auto' ? 'light dark' : p.$mode)};
  ${(p) =>
    p.$mode === 'auto' &&
    css`
      @media (prefers-color-scheme: dark) {
        ${p.$dark}
      }
    `}
  @media (prefers-reduced-motion: reduce) {
    --ck-motion-duration: 0ms;
  }
  font-family: ${themeVars.font.family};
  font-size: ${themeVars.font.sizeMd};
  line-height: ${themeVars.font.lineHeight};
  color: ${themeVars.color.text};
  -webkit-font-smoothing: antialiased;

  & *,
  & *::before,
  & *::after {
    box-sizing: border-box;
  }
`;

/**
 * Props of {@link ContactKitThemeProvider}; other props go to its root `<div>`.
 *
 * @example
 * ```tsx
 * <ContactKitThemeProvider theme="dark" locale="fr" nonce={cspNonce}>
 *   <MessageList />
 * </ContactKitThemeProvider>
 * ```
 */
export interface ContactKitThemeProviderProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * `light`, `dark`, `auto`, or token overrides. Defaults to the enclosing `ContactKitProvider`'s
   * `theme`, else `light`.
   */
  theme?: ThemeInput | Readonly<Record<string, unknown>>;
  /** UI language (BCP 47). Defaults to the enclosing `ContactKitProvider`'s `locale`, else `en`. */
  locale?: string;
  /** Strings that replace the catalog's. */
  messages?: MessageOverrides;
  /** English strings for keys the catalogs lack (see `I18nProvider`'s `fallbackMessages`). */
  fallbackMessages?: MessageOverrides;
  /** Strings from the app's translation library (see `fromI18next`, `fromReactIntl`). */
  translator?: Translator;
  /** IANA time zone for times and day separators. Defaults to the customer's. */
  timeZone?: string;
  /** CSP nonce put on the `<style>` tags the components inject. */
  nonce?: string;
  /**
   * Where the `<style>` tags go: a `ShadowRoot` (or an element inside one) when the kit renders
   * in a shadow DOM, so the styles apply there. Defaults to `document.head`.
   */
  styleTarget?: HTMLElement | ShadowRoot;
  children?: ReactNode;
}

const ThemedRoot = forwardRef<
  HTMLDivElement,
  ComponentPropsWithoutRef<'div'> & { resolved: ResolvedTheme }
>(function ThemedRoot({ resolved, ...rest }, ref) {
  const { dir, locale } = useI18n();
  const light = useMemo(() => declarations(resolved.light), [resolved.light]);
  const dark = useMemo(() => declarations(resolved.dark), [resolved.dark]);
  return (
    <Root
      ref={ref}
      dir={dir}
      lang={locale}
      data-ck-root=""
      data-ck-theme={resolved.mode}
      $light={light}
      $dark={dark}
      $mode={resolved.mode}
      {...rest}
    />
  );
});

/**
 * The root of the chat UI: applies a theme as `--ck-*` CSS custom properties on a `<div>` (with
 * `dir` and `lang` from the locale), provides the message catalog, and injects styles with a CSP
 * nonce or into a shadow root when asked. Reads `theme` and `locale` from an enclosing
 * `ContactKitProvider` when not given.
 *
 * @example
 * ```tsx
 * <ContactKitProvider region="us-east-1" startChat={startChat} theme="dark" locale="ar">
 *   <ChatProvider>
 *     <ContactKitThemeProvider nonce={window.__CSP_NONCE__}>
 *       <MessageList />
 *       <Composer />
 *     </ContactKitThemeProvider>
 *   </ChatProvider>
 * </ContactKitProvider>
 * ```
 */
export const ContactKitThemeProvider = /* @__PURE__ */ forwardRef<
  HTMLDivElement,
  ContactKitThemeProviderProps
>(function ContactKitThemeProvider(props, ref) {
  const {
    theme,
    locale,
    messages,
    fallbackMessages,
    translator,
    timeZone,
    nonce,
    styleTarget,
    children,
    ...rest
  } = props;
  const kit = useMaybeContactKit();
  const input = (theme ?? kit?.theme) as ThemeInput | undefined;
  const resolved = useMemo(() => resolveTheme(input), [input]);
  const tree = (
    <I18nProvider
      {...(locale !== undefined ? { locale } : {})}
      {...(messages !== undefined ? { messages } : {})}
      {...(fallbackMessages !== undefined ? { fallbackMessages } : {})}
      {...(translator !== undefined ? { translator } : {})}
      {...(timeZone !== undefined ? { timeZone } : {})}
    >
      <ThemeContext.Provider value={resolved}>
        <ThemedRoot ref={ref} resolved={resolved} {...rest}>
          {children}
        </ThemedRoot>
      </ThemeContext.Provider>
    </I18nProvider>
  );
  if (nonce === undefined && styleTarget === undefined) {
    return tree;
  }
  return (
    <StyleSheetManager
      {...(nonce !== undefined ? { nonce } : {})}
      {...(styleTarget !== undefined ? { target: styleTarget } : {})}
    >
      {tree}
    </StyleSheetManager>
  );
});
