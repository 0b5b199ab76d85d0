import { safeHref } from '../Markdown/parseMarkdown';

/**
 * An absolute http(s) URL from a template, normalised, or `undefined` for anything else
 * (`javascript:`, `data:`, relative and malformed URLs). Interactive templates come from bots and
 * flows, so their links and images are untrusted: a `data:image/svg+xml` image or a relative URL
 * that makes the storefront request its own origin are refused like script URLs.
 *
 * @example
 * ```ts
 * safeWebUrl('https://example.com/shoes.png'); // 'https://example.com/shoes.png'
 * safeWebUrl('JaVaScRiPt:alert(1)'); // undefined
 * ```
 */
export function safeWebUrl(url: string | undefined): string | undefined {
  const href = url === undefined ? undefined : safeHref(url);
  return href !== undefined && /^https?:/.test(href) ? href : undefined;
}
