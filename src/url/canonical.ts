// Canonical form of a URL, used as the ledger key and (hashed) as the article job id.
// Lower-case scheme and host (trailing dot dropped), no default port, no credentials, no
// fragment, no tracking, session or AMP parameters, the non-AMP page for an AMP variant.
// The trailing slash is kept as published: some servers answer /a and /a/ differently (a 404,
// a redirect loop, another page), so the URL we fetch is the one the site printed. Two spellings
// that differ only by that slash (or by query order, or percent-encoding) share one `urlKey`.
import { nonAmpUrl } from './amp.js';
import { isNoiseParam, stripSessionPathParams } from './params.js';
import { normalizePercent } from './percent.js';

function parse(raw: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
}

export function canonicalUrl(raw: string, base?: string): string | null {
  const parsed = parse(raw, base);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  let baseHost: string | undefined;
  try {
    baseHost = base === undefined ? undefined : new URL(base).host;
  } catch {
    baseHost = undefined;
  }
  const u = nonAmpUrl(parsed, baseHost);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  u.pathname = stripSessionPathParams(u.pathname);
  const params = [...u.searchParams];
  const kept = params.filter(([k, v]) => !isNoiseParam(k, v));
  // Rebuild the query only when something goes: URLSearchParams re-encodes what it writes.
  if (kept.length < params.length) u.search = new URLSearchParams(kept).toString();
  // URL already lower-cases scheme and host and drops default ports.
  let s = u.toString();
  if (u.search === '' && s.endsWith('?')) s = s.slice(0, -1);
  return s;
}

/**
 * Comparison key: the canonical URL without the path's trailing slash, with its query
 * parameters sorted and percent-encoding normalised. Two URLs with one key are one page;
 * fetch the canonical URL, compare keys.
 */
export function urlKey(raw: string, base?: string): string | null {
  const canonical = canonicalUrl(raw, base);
  if (canonical === null) return null;
  const u = new URL(canonical);
  const path = normalizePercent(u.pathname);
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
  const params = [...u.searchParams].sort(([a, x], [b, y]) =>
    a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
  );
  const query = params.length > 0 ? '?' + new URLSearchParams(params).toString() : '';
  return `${u.protocol}//${u.host}${trimmed}${query}`;
}

/** host[:port] of a URL: the unit of politeness (robots.txt, rate limit). */
export function hostKey(url: string): string {
  return new URL(url).host;
}

export function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}
