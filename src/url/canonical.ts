// Canonical form of a URL, used as the ledger key and (hashed) as the article job id.
// Lower-case scheme and host, no default port, no fragment, no tracking parameters.
// Trailing slashes and AMP variants are left as published (issue 5 deepens this).
const TRACKING =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|_ga|igshid|xtor|at_[a-z]+)$/i;

export function canonicalUrl(raw: string, base?: string): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  // URL already lower-cases the host and drops default ports; keep the remaining query order.
  let s = u.toString();
  if (u.search === '' && s.endsWith('?')) s = s.slice(0, -1);
  return s;
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
