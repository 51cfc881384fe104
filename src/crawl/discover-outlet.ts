// Discovery for one outlet: robots.txt → sitemaps (indexes followed) → feeds → pages, then
// canonical, same-host, robots-allowed, inside an event window. Every candidate that is not
// kept is returned with the reason, so the ledger can record it.
import type { OutletConfig } from '../config/schema.js';
import { errorReason } from '../errors.js';
import { articleLinks } from '../discover/links.js';
import { parseXmlSource, type Candidate } from '../discover/xml-sources.js';
import { parseHtml } from '../html/parse.js';
import { decodeHtmlBytes } from '../extract/index.js';
import { canonicalUrl } from '../url/canonical.js';
import type { Services } from './services.js';
import { inAnyWindow, type Window } from './windows.js';

export interface DiscoveredCandidate {
  url: string;
  source: string;
  published?: string | undefined;
  title?: string | undefined;
}

export interface DiscoveryResult {
  candidates: DiscoveredCandidate[];
  skipped: Array<{ url: string; source: string; reason: string }>;
  /** Sources that failed; reported, never fatal. */
  errors: string[];
  sourcesRead: number;
}

const MAX_CHILD_SITEMAPS = 50;
const XML_ACCEPT =
  'application/xml,text/xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5';

export async function discoverOutlet(
  s: Services,
  outlet: OutletConfig,
  windows: Window[],
): Promise<DiscoveryResult> {
  const base = outlet.baseUrl;
  const before = (u: string): Promise<void> => s.limiter.acquire(u);
  const result: DiscoveryResult = { candidates: [], skipped: [], errors: [], sourcesRead: 0 };
  const found: Array<Candidate & { source: string }> = [];
  const rel = (u: string): string => {
    const x = new URL(u);
    return x.host === new URL(base).host ? x.pathname + x.search : u;
  };

  const robots = outlet.discovery.robots ? await s.robots.rules(base, before) : null;
  const sitemapQueue = [
    ...new Set([
      ...outlet.discovery.sitemaps.map((p) => new URL(p, base).toString()),
      ...(robots?.sitemaps ?? []),
    ]),
  ];
  let children = 0;
  while (sitemapQueue.length > 0) {
    const url = sitemapQueue.shift()!;
    try {
      const res = await s.http.get(url, { accept: XML_ACCEPT, beforeRequest: before });
      result.sourcesRead++;
      const parsed = parseXmlSource(res.body.toString('utf8'), url);
      if (parsed.kind === 'sitemapindex') {
        for (const child of parsed.sitemaps) {
          if (children++ < MAX_CHILD_SITEMAPS) sitemapQueue.push(child);
        }
      } else for (const c of parsed.urls) found.push({ ...c, source: `sitemap:${rel(url)}` });
    } catch (err) {
      result.errors.push(`sitemap ${url}: ${errorReason(err)}`);
    }
  }

  for (const path of outlet.discovery.feeds) {
    const url = new URL(path, base).toString();
    try {
      const res = await s.http.get(url, { accept: XML_ACCEPT, beforeRequest: before });
      result.sourcesRead++;
      const parsed = parseXmlSource(res.body.toString('utf8'), url);
      if (parsed.kind !== 'sitemapindex')
        for (const c of parsed.urls) found.push({ ...c, source: `feed:${path}` });
    } catch (err) {
      result.errors.push(`feed ${url}: ${errorReason(err)}`);
    }
  }

  const pattern = outlet.discovery.articlePattern
    ? new RegExp(outlet.discovery.articlePattern)
    : null;
  for (const path of outlet.discovery.pages) {
    const url = new URL(path, base).toString();
    try {
      const res = await s.http.get(url, { beforeRequest: before });
      result.sourcesRead++;
      const { html } = decodeHtmlBytes(res.body, res.contentType);
      for (const link of articleLinks(parseHtml(html), res.finalUrl, pattern))
        found.push({ url: link, source: `page:${path}` });
    } catch (err) {
      result.errors.push(`page ${url}: ${errorReason(err)}`);
    }
  }

  const seen = new Set<string>();
  const host = new URL(base).host;
  for (const c of found) {
    const url = canonicalUrl(c.url, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const u = new URL(url);
    if (u.host !== host) {
      result.skipped.push({ url, source: c.source, reason: `MW_SKIP_OFF_SITE: not on ${host}` });
    } else if (robots && !robots.allows(u.pathname + u.search)) {
      result.skipped.push({
        url,
        source: c.source,
        reason: 'MW_ERR_ROBOTS_DISALLOWED: robots.txt disallows this URL',
      });
    } else if (!inAnyWindow(c.published, windows)) {
      result.skipped.push({
        url,
        source: c.source,
        reason: `MW_SKIP_OUTSIDE_WINDOW: published ${c.published} is outside every event window`,
      });
    } else if (result.candidates.length >= outlet.discovery.maxUrls) {
      result.skipped.push({
        url,
        source: c.source,
        reason: `MW_SKIP_BUDGET: more than ${outlet.discovery.maxUrls} candidates this run`,
      });
    } else {
      result.candidates.push({ url, source: c.source, published: c.published, title: c.title });
    }
  }
  return result;
}
