// One outlet checked the way discovery reads it: robots.txt, each sitemap (configured or
// declared by robots.txt), each feed, each listing page (./check-sources.ts); the candidate
// articles they yield (canonical, same host, robots-allowed, no event window); and the first
// candidate fetched and extracted by the outlet's fetch mode, the browser and consent recipe
// included. Failures are reported per source, never thrown.
import type { OutletConfig } from '../config/schema.js';
import { fetchArticle, type FetchDeps } from '../crawl/fetch-page.js';
import type { RobotsRules } from '../discover/robots.js';
import type { Access } from '../extract/types.js';
import { canonicalUrl } from '../url/canonical.js';
import { describeError, type CheckError } from './check-errors.js';
import {
  checkFeed,
  checkPage,
  checkSitemap,
  robotsStatus,
  type Found,
  type RobotsCheck,
  type SourceCheck,
} from './check-sources.js';

export type { RobotsCheck, SourceCheck } from './check-sources.js';

export interface SampleCheck {
  url: string;
  /** The page yielded an article body. */
  body: boolean;
  bodyChars: number;
  mode?: 'http' | 'browser';
  finalUrl?: string;
  access?: Access;
  title?: string | null;
  /** The host the page ended on when it is not the outlet's (a consent host). */
  redirectedTo?: string;
  error?: CheckError;
}

export interface OutletCheck {
  id: string;
  name: string;
  baseUrl: string;
  fetch: OutletConfig['fetch'];
  consent: string | null;
  /** null when the outlet file switches robots.txt off. */
  robots: RobotsCheck | null;
  sources: SourceCheck[];
  candidates: number;
  skipped: { offSite: number; robots: number };
  sample: SampleCheck | null;
  /** At least one candidate article. */
  ok: boolean;
}

export async function checkOutlet(s: FetchDeps, outlet: OutletConfig): Promise<OutletCheck> {
  const base = outlet.baseUrl;
  const host = new URL(base).host;
  const before = (u: string): Promise<void> => s.limiter.acquire(u);
  const found: Found[] = [];

  let rules: RobotsRules | null = null;
  let robots: RobotsCheck | null = null;
  if (outlet.discovery.robots) {
    // The cache's rules are what discovery obeys (and set the host's Crawl-delay); the second
    // request is for the status line the cache does not keep.
    rules = await s.robots.rules(base, before);
    robots = await robotsStatus(s, base, before);
    robots.sitemaps = rules.sitemaps;
  }

  const sources: SourceCheck[] = [];
  const configured = outlet.discovery.sitemaps.map((p) => new URL(p, base).toString());
  const sitemapUrls = new Map<string, 'config' | 'robots.txt'>();
  for (const u of configured) sitemapUrls.set(u, 'config');
  for (const u of rules?.sitemaps ?? []) if (!sitemapUrls.has(u)) sitemapUrls.set(u, 'robots.txt');
  for (const [url, from] of sitemapUrls) sources.push(await checkSitemap(s, url, from, found));
  for (const path of outlet.discovery.feeds) {
    sources.push(await checkFeed(s, new URL(path, base).toString(), found));
  }
  const pattern = outlet.discovery.articlePattern
    ? new RegExp(outlet.discovery.articlePattern)
    : null;
  for (const path of outlet.discovery.pages) {
    sources.push(await checkPage(s, new URL(path, base).toString(), pattern, found));
  }

  const candidates: string[] = [];
  const skipped = { offSite: 0, robots: 0 };
  const seen = new Set<string>();
  for (const f of found) {
    const url = canonicalUrl(f.url, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const u = new URL(url);
    if (u.host !== host) skipped.offSite++;
    else if (rules && !rules.allows(u.pathname + u.search)) skipped.robots++;
    else candidates.push(url);
  }

  const first = candidates[0];
  return {
    id: outlet.id,
    name: outlet.name,
    baseUrl: base,
    fetch: outlet.fetch,
    consent: outlet.consent?.platform ?? null,
    robots,
    sources,
    candidates: candidates.length,
    skipped,
    sample: first === undefined ? null : await checkSample(s, outlet, first),
    ok: candidates.length > 0,
  };
}

async function checkSample(s: FetchDeps, outlet: OutletConfig, url: string): Promise<SampleCheck> {
  try {
    const fetched = await fetchArticle(s, outlet, url);
    // Without validators the page is always fetched whole; the guard is for the type.
    if ('notModified' in fetched) return { url, body: false, bodyChars: 0 };
    const { mode, finalUrl, article } = fetched;
    const endHost = new URL(finalUrl).host;
    const sample: SampleCheck = {
      url,
      body: article.body !== null && article.body.length > 0,
      bodyChars: article.body?.length ?? 0,
      mode,
      finalUrl,
      access: article.access,
      title: article.title,
    };
    if (endHost !== new URL(outlet.baseUrl).host) sample.redirectedTo = endHost;
    return sample;
  } catch (err) {
    return { url, body: false, bodyChars: 0, error: describeError(err) };
  }
}
