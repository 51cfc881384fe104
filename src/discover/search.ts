// An outlet's own search page as a discovery source: the outlet's URL template (e.g.
// "/search?q={terms}") filled with each of the events' search terms. Pure.

export interface SearchPage {
  term: string;
  url: string;
}

/** Terms trimmed, inner blanks collapsed, duplicates (case-insensitive) dropped, order kept. */
export function distinctTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/**
 * One search URL per term. In the query part of the template the term is form-encoded (spaces
 * as "+", as a search form sends it); in the path it is percent-encoded.
 */
export function searchPages(
  template: string,
  baseUrl: string,
  terms: readonly string[],
): SearchPage[] {
  const q = template.indexOf('?');
  const pages: SearchPage[] = [];
  for (const term of distinctTerms(terms)) {
    const form = new URLSearchParams({ t: term }).toString().slice(2);
    const path = encodeURIComponent(term);
    const filled = template.replace(/\{terms\}/g, (_m, offset: number) =>
      q >= 0 && offset > q ? form : path,
    );
    try {
      pages.push({ term, url: new URL(filled, baseUrl).toString() });
    } catch {
      /* a template that does not make a URL is rejected by the config schema */
    }
  }
  return pages;
}
