// Discovery for one outlet: robots.txt → sitemaps (indexes followed, gzip read) → feeds →
// listing pages (configured pages, then section links within the page, depth and trap limits)
// → the outlet's search page with the events' terms; then canonical, same-host, robots-allowed,
// inside an event window. Every URL found that is not kept is returned with the reason, so the
// ledger can record it; every limit that cut the run short is returned in `budget`.
// A conditional run (scheduled discovery) sends the validators of its last full read with each
// feed and urlset sitemap (./source-validators.ts) and skips those that answer 304; it returns
// the validators of what it read in full, for the caller to keep once the ledger has the URLs.
import type { OutletConfig } from '../config/schema.js';
import { errorReason, reasonLine } from '../errors.js';
import { BudgetLog, type BudgetHit } from '../discover/budget.js';
import { PageFrontier } from '../discover/frontier.js';
import { pageLinks, type LinkPatterns } from '../discover/links.js';
import type { RobotsRules } from '../discover/robots.js';
import { searchPages } from '../discover/search.js';
import { planChildSitemaps } from '../discover/sitemap-children.js';
import {
  selectCandidates,
  type DiscoveredCandidate,
  type FoundUrl,
  type SkippedUrl,
} from '../discover/select.js';
import { xmlText } from '../discover/xml-bytes.js';
import { parseXmlSource, type Candidate } from '../discover/xml-sources.js';
import { parseHtml } from '../html/parse.js';
import { decodeHtmlBytes } from '../extract/index.js';
import type { HttpClient, HttpResponse } from '../fetch/http.js';
import { inScope, outletScope } from '../fetch/scope.js';
import type { RateLimiter } from '../politeness/rate-limiter.js';
import { brusselsIsoFromUtc } from '../time/brussels.js';
import { urlKey } from '../url/canonical.js';
import type { RobotsCache } from './robots-cache.js';
import { windowsKey, type SourceValidator, type SourceValidators } from './source-validators.js';
import { inAnyWindow, type Window } from '../config/windows.js';

export type { DiscoveredCandidate } from '../discover/select.js';

export interface DiscoveryResult {
  candidates: DiscoveredCandidate[];
  skipped: SkippedUrl[];
  /** Sources that failed; reported, never fatal. */
  errors: string[];
  /** Sources not fetched on purpose: robots.txt disallows them, or a sitemap too old to hold news. */
  skippedSources: Array<{ url: string; reason: string }>;
  /** Limits this run hit (empty when it saw everything it was pointed at). */
  budget: BudgetHit[];
  sourcesRead: number;
  /** Feeds and urlset sitemaps that answered 304 to a conditional run: skipped, nothing new. */
  notModified: number;
  /**
   * What to keep of the sources read in full (a conditional run only; null: forget the URL's
   * entry). Kept by the caller after the ledger recorded the run's URLs: a run that fails
   * before that reads the sources in full again.
   */
  validators: Array<{ url: string; value: SourceValidator | null }>;
}

/** What discovery uses of the process's services (`Services` fits). */
export interface DiscoverServices {
  http: Pick<HttpClient, 'get'>;
  robots: Pick<RobotsCache, 'rules'>;
  limiter: Pick<RateLimiter, 'acquire'>;
  config: { settings: { http: { maxBytes: number } } };
  /** For conditional runs; without it every run reads every source in full. */
  validators?: Pick<SourceValidators, 'get'>;
}

export interface DiscoverOptions {
  /** The events' search terms, for the outlet's search page (discovery.search). */
  searchTerms?: readonly string[];
  /**
   * Conditional GETs for feeds and urlset sitemaps (scheduled runs). A crawl reads everything
   * in full: it may bring events whose windows the last full read did not sort URLs against.
   */
  conditional?: boolean;
}

const MAX_CHILD_SITEMAPS = 50;
const XML_ACCEPT =
  'application/xml,text/xml,application/rss+xml,application/atom+xml;q=0.9,application/gzip;q=0.8,*/*;q=0.5';

const regex = (source: string | undefined): RegExp | null => (source ? new RegExp(source) : null);

/** Why a found URL cannot be in any window, or null. Sitemap lastmod only bounds from below. */
function outsideWindow(windows: readonly Window[]): (c: Candidate) => string | null {
  return (c) => {
    if (c.published) {
      return inAnyWindow(c.published, [...windows])
        ? null
        : `published ${c.published} is outside every event window`;
    }
    const t = c.modified ? Date.parse(c.modified) : NaN;
    if (windows.length === 0 || Number.isNaN(t) || windows.some((w) => t >= w.from)) return null;
    return `last modified ${c.modified}, before every event window`;
  };
}

export async function discoverOutlet(
  s: DiscoverServices,
  outlet: OutletConfig,
  windows: Window[],
  opts: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const d = outlet.discovery;
  const base = outlet.baseUrl;
  const host = new URL(base).host;
  // Every source and every redirect hop stays on the outlet's hosts (docs/reliability.md).
  const scope = outletScope(outlet);
  const before = (u: string): Promise<void> => s.limiter.acquire(u);
  const budget = new BudgetLog();
  const result: DiscoveryResult = {
    candidates: [],
    skipped: [],
    errors: [],
    skippedSources: [],
    budget: [],
    sourcesRead: 0,
    notModified: 0,
    validators: [],
  };
  const cache = opts.conditional ? s.validators : undefined;
  const windowsSeen = windowsKey(windows);
  const found: FoundUrl[] = [];
  const rel = (u: string): string => {
    const x = new URL(u);
    return x.host === host ? x.pathname + x.search : u;
  };
  const rulesFor = (url: string): Promise<RobotsRules> | null =>
    d.robots ? s.robots.rules(url, before, scope) : null;

  /**
   * Fetches a source on the outlet's hosts that robots.txt allows; failures are reported and
   * answer null. A source on another host (a robots.txt Sitemap line, an index child, a
   * configured URL) is skipped before anything is asked of that host, its robots.txt included.
   */
  const read = async (
    kind: string,
    url: string,
    accept?: string,
    headers?: Record<string, string>,
  ): Promise<HttpResponse | null> => {
    if (!inScope(scope, url)) {
      const reason = reasonLine(
        'MW_SKIP_OFF_SITE',
        "not on a host of the outlet; add the host to the outlet's hosts to read it",
      );
      result.skippedSources.push({ url, reason: `${kind}: ${reason}` });
      return null;
    }
    const rules = await rulesFor(url);
    const target = new URL(url);
    if (rules && !rules.allows(target.pathname + target.search)) {
      const reason =
        rules.status === 'unreachable'
          ? reasonLine(
              'MW_ERR_ROBOTS_UNREACHABLE',
              'robots.txt could not be read; nothing is fetched until it answers',
            )
          : reasonLine('MW_ERR_ROBOTS_DISALLOWED', 'robots.txt disallows this source');
      result.skippedSources.push({ url, reason: `${kind}: ${reason}` });
      return null;
    }
    try {
      const res = await s.http.get(url, {
        ...(accept ? { accept } : {}),
        ...(headers ? { headers } : {}),
        beforeRequest: before,
        scope,
      });
      result.sourcesRead++;
      return res;
    } catch (err) {
      result.errors.push(`${kind} ${url}: ${errorReason(err)}`);
      return null;
    }
  };
  /**
   * A sitemap or feed, parsed; null when it failed, was skipped or answered 304. In a
   * conditional run a leaf source (its last full read said urlset or feed, against the same
   * windows) is asked with its validators; an index never is, so its children's lastmod are
   * read against the current windows every run.
   */
  const readXml = async (
    kind: string,
    url: string,
  ): Promise<ReturnType<typeof parseXmlSource> | null> => {
    const last = cache ? await cache.get(url) : null;
    let headers: Record<string, string> | undefined;
    if (last && (last.kind === 'urlset' || last.kind === 'feed') && last.windows === windowsSeen) {
      headers = {};
      if (last.etag) headers['if-none-match'] = last.etag;
      if (last.lastModified) headers['if-modified-since'] = last.lastModified;
    }
    const res = await read(kind, url, XML_ACCEPT, headers);
    if (!res) return null;
    if (res.status === 304) {
      result.notModified++;
      return null;
    }
    let parsed: ReturnType<typeof parseXmlSource>;
    try {
      const text = xmlText(res.body, {
        url,
        contentType: res.contentType,
        maxBytes: s.config.settings.http.maxBytes,
      });
      parsed = parseXmlSource(text, res.finalUrl);
    } catch (err) {
      result.errors.push(`${kind} ${url}: ${errorReason(err)}`);
      // A broken source is read in full next time.
      if (last) result.validators.push({ url, value: null });
      return null;
    }
    if (cache && parsed.kind !== 'sitemapindex') {
      result.validators.push({
        url,
        value: {
          kind: parsed.kind,
          etag: res.headers.etag ?? null,
          lastModified: res.headers['last-modified'] ?? null,
          windows: windowsSeen,
        },
      });
    } else if (last) result.validators.push({ url, value: null });
    return parsed;
  };

  const robots = await rulesFor(base);
  if (robots?.status === 'unreachable') {
    result.errors.push(
      `robots ${new URL(base).origin}/robots.txt: ${reasonLine(
        'MW_ERR_ROBOTS_UNREACHABLE',
        'server error or no answer; nothing is fetched from this host until it answers (asked again after 10 minutes)',
      )}`,
    );
  }

  // Sitemaps: configured ones and those robots.txt names; child sitemaps of an index newest
  // first, those last changed before every window left out, at most MAX_CHILD_SITEMAPS.
  const earliest = windows.length > 0 ? Math.min(...windows.map((w) => w.from)) : -Infinity;
  const sitemapQueue: string[] = [];
  const queued = new Set<string>();
  const enqueueSitemap = (url: string): boolean => {
    const key = urlKey(url) ?? url;
    if (queued.has(key)) return false;
    queued.add(key);
    sitemapQueue.push(url);
    return true;
  };
  for (const p of d.sitemaps) enqueueSitemap(new URL(p, base).toString());
  for (const p of robots?.sitemaps ?? []) {
    try {
      enqueueSitemap(new URL(p, base).toString());
    } catch {
      result.errors.push(
        `robots Sitemap line "${p}": ${reasonLine('MW_ERR_BAD_URL', 'not a URL')}`,
      );
    }
  }
  let children = 0;
  for (let url = sitemapQueue.shift(); url !== undefined; url = sitemapQueue.shift()) {
    const parsed = await readXml('sitemap', url);
    if (!parsed) continue;
    if (parsed.kind !== 'sitemapindex') {
      for (const c of parsed.urls) found.push({ ...c, source: `sitemap:${rel(url)}` });
      continue;
    }
    const plan = planChildSitemaps(parsed.children, earliest);
    for (const child of plan.old) {
      const reason = reasonLine(
        'MW_SKIP_OLD_SITEMAP',
        // In Brussels time, as the sitemap wrote it: a date-only lastmod is that Belgian day.
        `last changed ${child.lastmod ? brusselsIsoFromUtc(Date.parse(child.lastmod)) : '(no date)'}, before every event window`,
      );
      result.skippedSources.push({ url: child.url, reason: `sitemap: ${reason}` });
    }
    for (const child of plan.follow) {
      if (children >= MAX_CHILD_SITEMAPS) budget.hit('sitemaps', MAX_CHILD_SITEMAPS, child.url);
      else if (enqueueSitemap(child.url)) children++;
    }
  }

  for (const path of d.feeds) {
    const url = new URL(path, base).toString();
    const parsed = await readXml('feed', url);
    if (parsed && parsed.kind !== 'sitemapindex')
      for (const c of parsed.urls) found.push({ ...c, source: `feed:${path}` });
  }

  // Listing pages: breadth first from the configured pages, following section links.
  const patterns: LinkPatterns = {
    article: regex(d.articlePattern),
    section: regex(d.sectionPattern),
  };
  const frontier = new PageFrontier(d, budget);
  for (const path of d.pages) frontier.add(new URL(path, base).toString(), 0);
  const readPage = async (kind: string, url: string) => {
    const res = await read(kind, url);
    if (!res) return null;
    const { html } = decodeHtmlBytes(res.body, res.contentType);
    return pageLinks(parseHtml(html), res.finalUrl, patterns);
  };
  for (let page = frontier.next(); page; page = frontier.next()) {
    const links = await readPage('page', page.url);
    if (!links) continue;
    for (const a of links.articles) found.push({ url: a, source: `page:${rel(page.url)}` });
    // A page that redirected to another host does not take the crawl there.
    for (const sec of links.sections)
      if (new URL(sec).host === host) frontier.add(sec, page.depth + 1);
  }

  // The outlet's own search page, one page per search term, at most search.maxPages per run.
  if (d.search && opts.searchTerms && opts.searchTerms.length > 0) {
    const pages = searchPages(d.search.url, base, opts.searchTerms);
    for (const [i, sp] of pages.entries()) {
      if (i >= d.search.maxPages) {
        budget.hit('search-pages', d.search.maxPages, sp.url);
        continue;
      }
      const links = await readPage('search', sp.url);
      for (const a of links?.articles ?? []) found.push({ url: a, source: `search:${sp.term}` });
    }
  }

  const picked = selectCandidates(found, {
    ...d,
    host,
    base,
    allows: robots ? (p) => robots.allows(p) : null,
    outsideWindow: outsideWindow(windows),
    budget,
  });
  result.candidates = picked.candidates;
  result.skipped = picked.skipped;
  result.budget = budget.list();
  // URLs left out by the candidates budget are reconsidered when discovery finds them again:
  // the sources that listed them must be read in full next time.
  if (result.budget.some((h) => h.limit === 'candidates'))
    result.validators = result.validators.map(({ url }) => ({ url, value: null }));
  return result;
}
