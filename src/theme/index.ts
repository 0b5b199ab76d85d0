/**
 * Theming of the chat components: typed tokens, light and dark themes, `--ck-*` CSS custom
 * properties, and a contrast checker.
 *
 * @packageDocumentation
 */
export {
  cssVariableName,
  darkTheme,
  lightTheme,
  mergeTheme,
  themeToCssVariables,
  themeVars,
} from './tokens';
export type { ThemeOverride, ThemeTokenGroup, ThemeTokens, ThemeVars } from './tokens';
export { CONTRAST_PAIRS, checkThemeContrast, contrastRatio, relativeLuminance } from './contrast';
export type { ContrastPair } from './contrast';
export {
  ContactKitThemeProvider,
  resolveTheme,
  useContactKitTheme,
} from './ContactKitThemeProvider';
export type {
  ContactKitThemeProviderProps,
  ResolvedTheme,
  ThemeInput,
} from './ContactKitThemeProvider';
export { focusRing, textButton, visuallyHidden } from './mixins';
