// The 'bench' outlet on real pages (SimOptions.realPages): the caller's pages (the Readability
// test pages for `npm run bench`) cycled to N URLs /real/{n}/{name}, each URL unique, served
// byte for byte as saved (never gzipped: the simulator's CPU stays out of crawler benchmarks),
// listed by robots.txt and a sitemap index of urlsets of at most 1000 URLs.
import { content, HTML, TEXT, XML } from '../respond.js';
import { staticRouter } from '../site/assets.js';
import { robotsTxt, sitemapIndex, urlset } from '../site/feeds.js';
import { slugify } from '../text.js';
import type { RealPage, SimArticle, SimResponse } from '../types.js';
import { ARTICLE_CACHE, FEED_CACHE, type OutletSite } from './common.js';
import { URLS_PER_SITEMAP } from './bench.js';

const SITE_DATE = '2024-01-12T21:00:00+01:00';

const slugOf = (page: RealPage): string => slugify(page.name, 80) || 'page';

/** The page served at number n (1-based): the pages in turn. */
function pageAt(pages: readonly RealPage[], n: number): RealPage | undefined {
  return pages[(n - 1) % pages.length];
}

const pathOf = (pages: readonly RealPage[], n: number): string => {
  const page = pageAt(pages, n);
  return `/real/${n}/${page ? slugOf(page) : 'page'}`;
};

export function realBenchManifest(
  pages: readonly RealPage[],
  total: number,
  origin: string,
): SimArticle[] {
  const out: SimArticle[] = [];
  for (let n = 1; n <= total; n++) {
    out.push({
      outlet: 'bench',
      url: origin + pathOf(pages, n),
      lang: 'en',
      kind: 'page',
      title: pageAt(pages, n)?.name ?? '',
      published: SITE_DATE,
      note: `Real page ${pageAt(pages, n)?.name ?? ''} (${n} of ${total})`,
    });
  }
  return out;
}

export function realBenchSite(
  origin: string,
  pages: readonly RealPage[],
  total: number,
): OutletSite {
  if (pages.length === 0 && total > 0) throw new Error('realPages: no pages to serve');
  const fixed = new Map<string, SimResponse>();
  const sitemapCount = Math.ceil(total / URLS_PER_SITEMAP);
  fixed.set(
    '/robots.txt',
    content(robotsTxt([{ userAgent: '*', allow: ['/'] }], [`${origin}/sitemap.xml`]), {
      contentType: TEXT,
      lastModified: SITE_DATE,
    }),
  );
  fixed.set(
    '/sitemap.xml',
    content(
      sitemapIndex(
        Array.from({ length: sitemapCount }, (_, i) => ({
          url: `${origin}/sitemaps/real-${i + 1}.xml`,
          lastmod: SITE_DATE,
        })),
      ),
      { contentType: XML, lastModified: SITE_DATE, cacheControl: FEED_CACHE },
    ),
  );
  const home = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Real pages</title></head><body><h1>Real pages</h1><p>${total} pages; see /sitemap.xml.</p></body></html>`;
  fixed.set('/', content(home, { lastModified: SITE_DATE }));
  const slugs = pages.map(slugOf);

  const dynamic = (pathname: string): SimResponse | undefined => {
    const sm = /^\/sitemaps\/real-(\d+)\.xml$/.exec(pathname);
    if (sm) {
      const k = Number(sm[1]);
      if (k < 1 || k > sitemapCount) return undefined;
      const entries = [];
      for (let n = (k - 1) * URLS_PER_SITEMAP + 1; n <= Math.min(total, k * URLS_PER_SITEMAP); n++)
        entries.push({ url: origin + pathOf(pages, n), lastmod: SITE_DATE });
      return content(urlset(entries), {
        contentType: XML,
        lastModified: SITE_DATE,
        cacheControl: FEED_CACHE,
      });
    }
    const m = /^\/real\/(\d{1,9})\/([a-z0-9-]+)$/.exec(pathname);
    if (!m) return undefined;
    const n = Number(m[1]);
    if (n < 1 || n > total) return undefined;
    const i = (n - 1) % pages.length;
    const page = pages[i];
    if (!page || m[2] !== slugs[i]) return undefined;
    return content(page.html, {
      contentType: HTML,
      lastModified: SITE_DATE,
      cacheControl: ARTICLE_CACHE,
      etagSeed: `real-${n}`,
      noCompress: true,
    });
  };

  const notFound = content('<!DOCTYPE html><title>Not found</title><h1>Not found</h1>', {
    lastModified: SITE_DATE,
    status: 404,
  });
  return { id: 'bench', siteName: 'Real pages', router: staticRouter(fixed, dynamic), notFound };
}
