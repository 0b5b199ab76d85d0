import { enMessages } from './en';
import type { Messages } from './messages';

/**
 * The locales with a catalog. `en` is bundled; the others are loaded on demand.
 *
 * @example
 * ```ts
 * SUPPORTED_LOCALES.includes('ja'); // true
 * ```
 */
export const SUPPORTED_LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja', 'ar'] as const;

/**
 * One of {@link SUPPORTED_LOCALES}.
 *
 * @example
 * ```ts
 * const locale = resolveLocale(navigator.language); // 'pt-BR' for 'pt'
 * const messages = await loadMessages(locale);
 * ```
 */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * The catalog that serves a BCP 47 tag: an exact match, else the same language (`pt-PT` →
 * `pt-BR`, `en-GB` → `en`), else `en`.
 *
 * @example
 * ```ts
 * resolveLocale('fr-CA'); // 'fr'
 * resolveLocale('zz'); // 'en'
 * ```
 */
export function resolveLocale(tag: string | undefined): SupportedLocale {
  if (!tag) {
    return 'en';
  }
  const lower = tag.toLowerCase();
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) {
    return exact;
  }
  const language = lower.split(/[-_]/)[0];
  return (
    SUPPORTED_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? 'en'
  );
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Writing direction of a locale: `rtl` for Arabic, Hebrew, Persian, Urdu and other right-to-left
 * scripts, else `ltr`.
 *
 * @example
 * ```ts
 * textDirection('ar-EG'); // 'rtl'
 * ```
 */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

// Each catalog is its own chunk: a page pays only for the language it shows.
const loaders: Record<Exclude<SupportedLocale, 'en'>, () => Promise<{ default: Messages }>> = {
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  'pt-BR': () => import('./locales/pt-BR'),
  ja: () => import('./locales/ja'),
  ar: () => import('./locales/ar'),
};

const loaded = new Map<SupportedLocale, Messages>([['en', enMessages]]);

/**
 * The catalog of a locale if it is already loaded (`en` always is), else `undefined`.
 *
 * @example
 * ```ts
 * const messages = peekMessages('en'); // enMessages
 * ```
 */
export function peekMessages(locale: SupportedLocale): Messages | undefined {
  return loaded.get(locale);
}

/**
 * Loads the catalog of a locale (resolved with {@link resolveLocale}); cached after the first load.
 *
 * @example
 * ```ts
 * const messages = await loadMessages('ja');
 * messages.send; // '送信'
 * ```
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const resolved = resolveLocale(locale);
  const cached = loaded.get(resolved);
  if (cached) {
    return cached;
  }
  const module = await loaders[resolved as Exclude<SupportedLocale, 'en'>]();
  loaded.set(resolved, module.default);
  return module.default;
}
