// One outlet's entry points probed the way discovery reads them: robots.txt, each sitemap
// (configured or declared by robots.txt; an index's first children read), each feed, each
// listing page; the candidate articles they yield (canonical, same host, robots-allowed, no
// event window); and the first candidate fetched and extracted by the outlet's fetch mode, the
// browser included. Every request goes through the rate limiter. Failures are reported per
// source, never thrown.
import type { OutletConfig } from '../config/schema.js';
import { fetchArticle } from '../crawl/fetch-page.js';
import type { Services } from '../crawl/services.js';
import { articleLinks } from '../discover/links.js';
import type { RobotsRules } from '../discover/robots.js';
import { parseXmlSource } from '../discover/xml-sources.js';
import { decodeHtmlBytes } from '../extract/index.js';
import { parseHtml } from '../html/parse.js';
import { MwError } from '../errors.js';
import type { Access } from '../types.js';
import { canonicalUrl } from '../url/canonical.js';
import { describeError, type CheckError } from './check-errors.js';

/** Children of a sitemap index read by the check (discovery reads up to 50). */
export const MAX_INDEX_CHILDREN = 3;
const XML_ACCEPT =
  'application/xml,text/xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5';

export interface RobotsCheck {
  url: string;
  /** HTTP status of robots.txt; null when the host did not answer. */
  status: number | null;
  /** Sitemaps robots.txt declares. */
  sitemaps: string[];
  error?: CheckError;
}

export interface SourceCheck {
  kind: 'sitemap' | 'feed' | 'page';
  /** Where the source comes from: the outlet file, or robots.txt's Sitemap lines. */
  from: 'config' | 'robots.txt';
  url: string;
  ok: boolean;
  status: number | null;
  /** URLs listed (sitemap, feed) or article links found (page). */
  urls: number;
  /** A sitemap index: how many child sitemaps it lists, and how many were read. */
  index?: { children: number; read: number };
  error?: CheckError;
  /** Problems below the source itself (an index child that failed). */
  notes: string[];
}

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

interface Found {
  url: string;
}

export async function checkOutlet(s: Services, outlet: OutletConfig): Promise<OutletCheck> {
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

async function robotsStatus(
  s: Services,
  base: string,
  before: (u: string) => Promise<void>,
): Promise<RobotsCheck> {
  const url = new URL('/robots.txt', base).toString();
  try {
    const res = await s.http.get(url, { accept: 'text/plain', beforeRequest: before });
    return { url, status: res.status, sitemaps: [] };
  } catch (err) {
    const error = describeError(err);
    return { url, status: error.status, sitemaps: [], error };
  }
}

function source(kind: SourceCheck['kind'], from: SourceCheck['from'], url: string): SourceCheck {
  return { kind, from, url, ok: false, status: null, urls: 0, notes: [] };
}

function failed(check: SourceCheck, err: unknown): SourceCheck {
  const error = describeError(err);
  return { ...check, ok: false, status: check.status ?? error.status, error };
}

/** GETs a sitemap or feed; `onStatus` hears the status before the body is parsed. */
async function getXml(
  s: Services,
  url: string,
  onStatus: (status: number) => void = () => undefined,
): Promise<ReturnType<typeof parseXmlSource>> {
  const res = await s.http.get(url, {
    accept: XML_ACCEPT,
    beforeRequest: (u) => s.limiter.acquire(u),
  });
  onStatus(res.status);
  return parseXmlSource(res.body.toString('utf8'), url);
}

async function checkSitemap(
  s: Services,
  url: string,
  from: SourceCheck['from'],
  found: Found[],
): Promise<SourceCheck> {
  const check = source('sitemap', from, url);
  try {
    const parsed = await getXml(s, url, (status) => (check.status = status));
    check.ok = true;
    if (parsed.kind !== 'sitemapindex') {
      check.urls = parsed.urls.length;
      found.push(...parsed.urls);
      return check;
    }
    const children = parsed.sitemaps.slice(0, MAX_INDEX_CHILDREN);
    check.index = { children: parsed.sitemaps.length, read: 0 };
    for (const child of children) {
      try {
        const sub = await getXml(s, child);
        check.index.read++;
        if (sub.kind === 'sitemapindex') {
          check.notes.push(`${child}: a nested index (not followed)`);
          continue;
        }
        check.urls += sub.urls.length;
        found.push(...sub.urls);
      } catch (err) {
        check.notes.push(`${child}: ${describeError(err).reason}`);
      }
    }
    return check;
  } catch (err) {
    return failed(check, err);
  }
}

async function checkFeed(s: Services, url: string, found: Found[]): Promise<SourceCheck> {
  const check = source('feed', 'config', url);
  try {
    const parsed = await getXml(s, url, (status) => (check.status = status));
    if (parsed.kind === 'sitemapindex') {
      throw new MwError('MW_ERR_NOT_XML', `${url} is a sitemap index where a feed was expected`);
    }
    check.ok = true;
    check.urls = parsed.urls.length;
    found.push(...parsed.urls);
    return check;
  } catch (err) {
    return failed(check, err);
  }
}

async function checkPage(
  s: Services,
  url: string,
  pattern: RegExp | null,
  found: Found[],
): Promise<SourceCheck> {
  const check = source('page', 'config', url);
  try {
    const res = await s.http.get(url, { beforeRequest: (u) => s.limiter.acquire(u) });
    check.status = res.status;
    const { html } = decodeHtmlBytes(res.body, res.contentType);
    const links = articleLinks(parseHtml(html), res.finalUrl, pattern);
    check.ok = true;
    check.urls = links.length;
    if (new URL(res.finalUrl).host !== new URL(url).host) {
      check.notes.push(`redirected to ${new URL(res.finalUrl).host}`);
    }
    for (const link of links) found.push({ url: link });
    return check;
  } catch (err) {
    return failed(check, err);
  }
}

async function checkSample(s: Services, outlet: OutletConfig, url: string): Promise<SampleCheck> {
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
