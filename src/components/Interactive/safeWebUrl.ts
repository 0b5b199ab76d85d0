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
  const href = typeof url === 'string' ? safeHref(url) : undefined;
  return href !== undefined && /^https?:/.test(href) ? href : undefined;
}

/**
 * An image URL from a template that may be loaded: an absolute `https:` URL only. Plain `http:`
 * would leak the customer's IP and chat timing to anyone on the network path and show mixed
 * content warnings; `data:` and relative URLs are refused as by {@link safeWebUrl}.
 *
 * @example
 * ```ts
 * safeImageUrl('https://example.com/shoes.png'); // 'https://example.com/shoes.png'
 * safeImageUrl('http://example.com/shoes.png'); // undefined
 * ```
 */
export function safeImageUrl(url: string | undefined): string | undefined {
  const href = safeWebUrl(url);
  return href?.startsWith('https:') ? href : undefined;
}
