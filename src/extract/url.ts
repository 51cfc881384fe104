// Absolute http(s) URLs from what pages write: relative paths, protocol-relative "//host/…",
// a <base href>. Pure: the WHATWG URL parser, no network.

/** The base for relative URLs: <base href> resolved against the page URL. */
export function baseUrl(pageUrl: string, baseHref: string | null): string {
  if (baseHref === null) return pageUrl;
  return absoluteUrl(baseHref, pageUrl) ?? pageUrl;
}

/** `href` resolved against `base`; null unless the result is http(s) (or file, for local pages). */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (href === null || href === undefined) return null;
  const h = href.trim();
  if (h === '' || h.startsWith('data:') || h.startsWith('javascript:')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    return u.href;
  } catch {
    return null;
  }
}
