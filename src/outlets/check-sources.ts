// The entry points of one outlet, each probed alone: robots.txt's status line, a sitemap (an
// index followed to its first children), a feed, a listing page. Each probe returns what it
// found or the error, never throws, and adds the URLs it read to `found`. Every request goes
// through the rate limiter.
import type { NetServices } from '../crawl/services.js';
import { articleLinks } from '../discover/links.js';
import { parseXmlSource } from '../discover/xml-sources.js';
import { MwError } from '../errors.js';
import { decodeHtmlBytes } from '../extract/index.js';
import { parseHtml } from '../html/parse.js';
import { describeError, type CheckError } from './check-errors.js';

/** Children of a sitemap index read by the check (discovery reads up to 50). */
/** What checking a source uses: the HTTP client and the shared rate limiter. */
export type SourceDeps = Pick<NetServices, 'http' | 'limiter'>;

export const MAX_INDEX_CHILDREN = 3;
const XML_ACCEPT =
  'application/xml,text/xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5';

/** A URL a source listed, before canonicalisation and filtering. */
export interface Found {
  url: string;
}

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

export async function robotsStatus(
  s: SourceDeps,
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
  s: SourceDeps,
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

export async function checkSitemap(
  s: SourceDeps,
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

export async function checkFeed(s: SourceDeps, url: string, found: Found[]): Promise<SourceCheck> {
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

export async function checkPage(
  s: SourceDeps,
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
