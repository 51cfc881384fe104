// The last step of discovery: every URL found, in the order found, becomes a candidate or a
// skipped entry with its reason (the ledger records both). One page, one entry: URLs are
// compared by key (trailing slash, query order, AMP variant), the first spelling found is
// kept and fetched. Pure: the robots rules and the window test come in as functions.
import { reasonLine } from '../errors.js';
import { canonicalUrl, urlKey } from '../url/canonical.js';
import { urlTrap, type TrapLimits } from '../url/traps.js';
import type { BudgetLog } from './budget.js';
import type { Candidate } from './xml-sources.js';

export interface FoundUrl extends Candidate {
  /** "sitemap:/news-sitemap.xml", "feed:/rss", "page:/", "search:Vilvoorde". */
  source: string;
}

export interface DiscoveredCandidate {
  /** Canonical URL as published (trailing slash kept): the URL to fetch and record. */
  url: string;
  /** Comparison key (see urlKey): equal keys are one page. */
  key: string;
  source: string;
  published?: string | undefined;
  modified?: string | undefined;
  title?: string | undefined;
  language?: string | undefined;
}

export interface SkippedUrl {
  url: string;
  source: string;
  reason: string;
}

export interface SelectOptions extends TrapLimits {
  /** The outlet's host[:port]. */
  host: string;
  base: string;
  /** robots.txt of the outlet, or null when the outlet does not use it. */
  allows: ((pathAndQuery: string) => boolean) | null;
  /** null when the URL may be inside an event window, else the reason it is not. */
  outsideWindow: (c: Candidate) => string | null;
  maxUrls: number;
  budget: BudgetLog;
}

export function selectCandidates(
  found: readonly FoundUrl[],
  o: SelectOptions,
): { candidates: DiscoveredCandidate[]; skipped: SkippedUrl[] } {
  const candidates: DiscoveredCandidate[] = [];
  const skipped: SkippedUrl[] = [];
  const seen = new Set<string>();
  for (const c of found) {
    const url = canonicalUrl(c.url, o.base);
    const key = url === null ? null : urlKey(url);
    if (url === null || key === null || seen.has(key)) continue;
    seen.add(key);
    const skip = (reason: string): void => void skipped.push({ url, source: c.source, reason });
    const u = new URL(url);
    const trap = urlTrap(url, o);
    const outside = o.outsideWindow(c);
    if (u.host !== o.host) skip(reasonLine('MW_SKIP_OFF_SITE', `not on ${o.host}`));
    else if (trap === 'url-length') {
      skip(reasonLine('MW_SKIP_TRAP', `URL longer than ${o.maxUrlLength} characters`));
      o.budget.hit('url-length', o.maxUrlLength, url);
    } else if (trap === 'repeated-segments') {
      skip(
        reasonLine('MW_SKIP_TRAP', `a path segment repeats more than ${o.maxSegmentRepeats} times`),
      );
      o.budget.hit('repeated-segments', o.maxSegmentRepeats, url);
    } else if (o.allows && !o.allows(u.pathname + u.search)) {
      skip(reasonLine('MW_ERR_ROBOTS_DISALLOWED', 'robots.txt disallows this URL'));
    } else if (outside !== null) skip(reasonLine('MW_SKIP_OUTSIDE_WINDOW', outside));
    else if (candidates.length >= o.maxUrls) {
      skip(reasonLine('MW_SKIP_BUDGET', `more than ${o.maxUrls} candidates this run`));
      o.budget.hit('candidates', o.maxUrls, url);
    } else {
      candidates.push({
        url,
        key,
        source: c.source,
        published: c.published,
        modified: c.modified,
        title: c.title,
        language: c.language,
      });
    }
  }
  return { candidates, skipped };
}
