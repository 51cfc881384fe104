// AMP variants of a page mapped to the page itself: the amp. host, Google's AMP cache, an /amp
// path segment (/amp/news/x, /news/x/amp/) and the .amp.html or .amp suffix. The AMP query
// switches are in ./params.ts. AMP pages are thin copies: the extractor wants the original.

/** `amp.example.be` → the outlet's host when it is the same site (`www.example.be`), else `example.be`. */
function nonAmpHost(host: string, baseHost: string | undefined): string {
  if (!host.startsWith('amp.')) return host;
  const rest = host.slice(4);
  if (!rest.includes('.')) return host;
  if (baseHost !== undefined && (baseHost === rest || baseHost === `www.${rest}`)) return baseHost;
  return rest;
}

/**
 * Google AMP cache: https://www-example-be.cdn.ampproject.org/c/s/www.example.be/news/x →
 * https://www.example.be/news/x (`/c/s/` is https, `/c/` http; `/v/` is the viewer).
 */
function fromAmpCache(u: URL): URL | null {
  if (!u.hostname.endsWith('.cdn.ampproject.org')) return null;
  const m = /^\/[cv]\/(s\/)?([^/]+)(\/.*)?$/.exec(u.pathname);
  if (!m) return null;
  try {
    return new URL(`${m[1] ? 'https' : 'http'}://${m[2]!}${m[3] ?? '/'}${u.search}`);
  } catch {
    return null;
  }
}

function nonAmpPath(pathname: string): string {
  let p = pathname.replace(/\.amp(\.html?)$/i, '$1').replace(/\.amp$/i, '');
  // An "amp" segment anywhere: /amp/news/x, /news/x/amp, /news/x/amp/.
  p = p.replace(/\/amp(?=\/|$)/gi, '');
  return p === '' ? '/' : p;
}

/** The non-AMP URL of an AMP variant (the same URL object when it is not one). */
export function nonAmpUrl(u: URL, baseHost?: string): URL {
  const cached = fromAmpCache(u);
  const out = cached ?? u;
  out.host = nonAmpHost(out.host, baseHost);
  out.pathname = nonAmpPath(out.pathname);
  return out;
}
