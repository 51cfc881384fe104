// The 'bench' outlet: N generated heavy articles at /news/{n}/{slug}, rendered on request,
// listed by a sitemap index of urlsets holding at most 1000 URLs each. With a live desk
// (SimOptions.live) it also publishes over time: articles N+1, N+2, … appear in a news sitemap
// (/sitemaps/latest.xml, in the index) and an RSS feed (/feed.xml) the moment they are
// published.
import { generatedMeta, type GeneratedMeta } from '../generated/prose.js';
import { BENCH_CHROME } from '../generated/heavy-chrome.js';
import { renderGenerated } from '../generated/page.js';
import { content, redirect, RSS, TEXT, XML } from '../respond.js';
import { staticRouter } from '../site/assets.js';
import { newsSitemap, robotsTxt, rss, sitemapIndex, urlset } from '../site/feeds.js';
import { renderListing } from '../site/listing-page.js';
import type { SimArticle, SimResponse } from '../types.js';
import {
  addInfoPages,
  ARTICLE_CACHE,
  FEED_CACHE,
  LISTING_CACHE,
  notFoundPage,
  type OutletSite,
} from './common.js';
import type { LiveDesk } from './live.js';

export const URLS_PER_SITEMAP = 1000;
const SITE_DATE = '2024-01-12T21:00:00+01:00';

export function benchManifest(seed: number, total: number, origin: string): SimArticle[] {
  const out: SimArticle[] = [];
  for (let n = 1; n <= total; n++) {
    const m = generatedMeta(seed, n);
    out.push({
      outlet: 'bench',
      url: origin + m.path,
      lang: m.lang,
      kind: 'generated',
      title: m.title,
      published: m.published,
      note: `Generated heavy page ${n} of ${total}`,
    });
  }
  return out;
}

/** Entries of the live news sitemap and feed. */
const LIVE_LISTED = 200;

export function benchSite(
  origin: string,
  seed: number,
  total: number,
  live?: LiveDesk,
): OutletSite {
  const pages = new Map<string, SimResponse>();
  const sitemapCount = Math.ceil(total / URLS_PER_SITEMAP);
  pages.set(
    '/robots.txt',
    content(robotsTxt([{ userAgent: '*', allow: ['/'] }], [`${origin}/sitemap.xml`]), {
      contentType: TEXT,
      lastModified: SITE_DATE,
    }),
  );
  const maps = Array.from({ length: sitemapCount }, (_, i) => ({
    url: `${origin}/sitemaps/articles-${i + 1}.xml`,
    lastmod: SITE_DATE,
  }));
  if (!live)
    pages.set(
      '/sitemap.xml',
      content(sitemapIndex(maps), {
        contentType: XML,
        lastModified: SITE_DATE,
        cacheControl: FEED_CACHE,
      }),
    );

  const homeMetas: GeneratedMeta[] = [];
  for (let n = total; n >= Math.max(1, total - 99); n--) homeMetas.push(generatedMeta(seed, n));
  const home = renderListing(BENCH_CHROME, {
    lang: 'en',
    path: '/',
    url: `${origin}/`,
    title: 'Benchmark Courier',
    heading: 'Benchmark Courier',
    description: 'Generated local news for load tests.',
    blocks: [
      {
        heading: 'Latest',
        teasers: homeMetas.map((m) => ({
          href: m.path,
          title: m.title,
          lead: '',
          published: m.published,
          sectionName: m.sectionName,
        })),
      },
    ],
    pageClass: 'home-page',
  });
  const homePage = content(home, { lastModified: SITE_DATE, cacheControl: LISTING_CACHE });
  pages.set('/', homePage);
  addInfoPages(pages, BENCH_CHROME, 'en', origin);

  const dynamic = (pathname: string): SimResponse | undefined => {
    if (live) {
      const listed = liveRoute(live, pathname, origin, maps);
      if (listed) return listed;
    }
    // Section and sub-section links of the mega menu answer the latest-news listing.
    if (/^\/section\/[a-z0-9-]+(?:\/[a-z0-9-]+)?$/.test(pathname)) return homePage;
    const sm = /^\/sitemaps\/articles-(\d+)\.xml$/.exec(pathname);
    if (sm) {
      const k = Number(sm[1]);
      if (k < 1 || k > sitemapCount) return undefined;
      const entries = [];
      for (
        let n = (k - 1) * URLS_PER_SITEMAP + 1;
        n <= Math.min(total, k * URLS_PER_SITEMAP);
        n++
      ) {
        const m = generatedMeta(seed, n);
        entries.push({ url: origin + m.path, lastmod: m.published });
      }
      return content(urlset(entries), {
        contentType: XML,
        lastModified: SITE_DATE,
        cacheControl: FEED_CACHE,
      });
    }
    const art = /^\/news\/(\d{1,9})\/([a-z0-9-]+)$/.exec(pathname);
    if (!art) return undefined;
    const n = Number(art[1]);
    const meta = n >= 1 && n <= total ? generatedMeta(seed, n) : live?.get(n)?.meta;
    if (!meta) return undefined;
    if (art[2] !== meta.slug) return redirect(meta.path, 301);
    return content(renderGenerated(seed, meta, total, origin), {
      lastModified: meta.published,
      cacheControl: ARTICLE_CACHE,
      etagSeed: `gen-${seed}-${n}`,
      noCompress: true,
    });
  };

  return {
    id: 'bench',
    siteName: BENCH_CHROME.siteName,
    router: staticRouter(pages, dynamic),
    notFound: notFoundPage(BENCH_CHROME, 'en'),
  };
}

/** The sitemap index, news sitemap and RSS feed of a publishing bench outlet (fresh on every
 * request: they change whenever an article appears). */
function liveRoute(
  live: LiveDesk,
  pathname: string,
  origin: string,
  maps: Array<{ url: string; lastmod: string }>,
): SimResponse | undefined {
  if (
    pathname !== '/sitemap.xml' &&
    pathname !== '/sitemaps/latest.xml' &&
    pathname !== '/feed.xml'
  )
    return undefined;
  const items = live.newest(LIVE_LISTED);
  const changed = items[0]?.meta.published ?? SITE_DATE;
  const cache = 'public, max-age=0, must-revalidate';
  if (pathname === '/sitemap.xml')
    return content(
      sitemapIndex([...maps, { url: `${origin}/sitemaps/latest.xml`, lastmod: changed }]),
      {
        contentType: XML,
        lastModified: changed,
        cacheControl: cache,
      },
    );
  if (pathname === '/sitemaps/latest.xml')
    return content(
      newsSitemap(
        BENCH_CHROME.siteName,
        items.map(({ meta }) => ({
          url: origin + meta.path,
          title: meta.title,
          published: meta.published,
          lang: meta.lang,
        })),
      ),
      { contentType: XML, lastModified: changed, cacheControl: cache },
    );
  return content(
    rss(
      {
        title: BENCH_CHROME.siteName,
        link: `${origin}/`,
        selfUrl: `${origin}/feed.xml`,
        description: 'Latest generated news',
        lang: 'en',
        lastBuild: changed,
      },
      items.map(({ meta }) => ({
        url: origin + meta.path,
        title: meta.title,
        description: meta.title,
        creator: meta.author,
        published: meta.published,
        categories: [meta.sectionName],
        imageUrl: `${origin}/images/news/${meta.n}.jpg`,
        imageCaption: meta.title,
      })),
    ),
    { contentType: RSS, lastModified: changed, cacheControl: cache },
  );
}
