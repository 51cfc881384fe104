// discoverOutlet against a loopback server: robots.txt Sitemap lines, a sitemap index with a
// gzip child, an old child and a loop, a gzip bomb, HTML where XML was expected, RSS 2.0, Atom
// and RDF feeds; and a host whose robots.txt answers 500 (nothing else is fetched).
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverOutlet } from '../../../src/crawl/discover-outlet.js';
import { serve } from '../../helpers/server.js';
import { discoverServices, JANUARY, outlet } from './helpers.js';

const hits: string[] = [];
let robotsStatus = 200;
let server: Awaited<ReturnType<typeof serve>>;
let s: ReturnType<typeof discoverServices>;
const at = (path: string): string => `${server.url}${path}`;

const urlset = (entries: Array<[string, string]>): string =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries
    .map(([p, lastmod]) => `<url><loc>${at(p)}</loc><lastmod>${lastmod}</lastmod></url>`)
    .join('')}</urlset>`;

function routes(path: string): { type: string; body: string | Buffer; status?: number } | null {
  switch (path) {
    case '/robots.txt':
      return {
        type: 'text/plain',
        status: robotsStatus,
        body: 'User-agent: *\nDisallow: /private/\n\nSitemap: /sitemap_index.xml\nSitemap: http://[broken\n',
      };
    case '/sitemap_index.xml':
      return {
        type: 'application/xml',
        body: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>${at('/sitemaps/2019-03.xml')}</loc><lastmod>2019-03-31</lastmod></sitemap>
          <sitemap><loc>${at('/sitemaps/2024-01.xml.gz')}</loc><lastmod>2024-01-31</lastmod></sitemap>
          <sitemap><loc>${at('/sitemaps/news.xml')}</loc></sitemap>
          <sitemap><loc>${at('/sitemaps/bomb.xml.gz')}</loc></sitemap>
          <sitemap><loc>${at('/sitemap_index.xml')}</loc></sitemap>
        </sitemapindex>`,
      };
    case '/sitemaps/2024-01.xml.gz':
      return {
        type: 'application/x-gzip',
        body: gzipSync(
          urlset([
            ['/nieuws/2024/01/05/burgemeesters-vilvoorde', '2024-01-05T18:00:00+01:00'],
            ['/nieuws/2024/01/20/later-stuk/', '2024-01-20T08:00:00+01:00'],
            ['/private/2024/01/05/concept', '2024-01-05T08:00:00+01:00'],
            ['/nieuws/2023/12/01/oud', '2023-12-01T08:00:00+01:00'],
          ]),
        ),
      };
    case '/big-index.xml':
      return {
        type: 'application/xml',
        body: `<sitemapindex>${Array.from(
          { length: 55 },
          (_, i) => `<sitemap><loc>${at(`/tiny.xml?part=${i + 1}`)}</loc></sitemap>`,
        ).join('')}</sitemapindex>`,
      };
    case '/sitemaps/news.xml':
      return { type: 'text/html', body: '<!DOCTYPE html><html><body>Home</body></html>' };
    case '/sitemaps/bomb.xml.gz':
      return { type: 'application/gzip', body: gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)) };
    case '/rss':
      return {
        type: 'application/rss+xml',
        body: `<rss version="2.0"><channel><language>nl</language><item><title>RSS</title>
          <link>${at('/nieuws/2024/01/05/burgemeesters-vilvoorde?utm_source=rss')}</link>
          <pubDate>Fri, 05 Jan 2024 19:00:00 +0100</pubDate></item>
          <item><title>Te vroeg</title><link>${at('/nieuws/2023/06/20/oud')}</link>
          <pubDate>Tue, 20 Jun 2023 10:00:00 +0200</pubDate></item></channel></rss>`,
      };
    case '/atom':
      return {
        type: 'application/atom+xml',
        body: `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl"><entry><title>Atom</title>
          <link href="/nieuws/2024/01/06/atom-stuk"/><published>2024-01-06T10:00:00Z</published></entry></feed>`,
      };
    case '/rdf':
      return {
        type: 'application/rdf+xml',
        body: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <item rdf:about="${at('/nieuws/2024/01/07/rdf-stuk')}"><title>RDF</title><dc:date>2024-01-07T10:00:00+01:00</dc:date></item></rdf:RDF>`,
      };
    default:
      return path.startsWith('/tiny.xml?')
        ? { type: 'application/xml', body: urlset([[`/n/${path.slice(15)}`, '2024-01-05']]) }
        : null;
  }
}

beforeAll(async () => {
  server = await serve((req, res) => {
    hits.push(req.url ?? '/');
    const r = routes(req.url ?? '/');
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/html' });
      return void res.end('<h1>Not found</h1>');
    }
    res.writeHead(r.status ?? 200, { 'content-type': r.type });
    res.end(r.body);
  });
  s = discoverServices();
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

const config = () =>
  outlet('loopback', server.url, { feeds: ['/rss', '/atom', '/rdf'], pages: [] });

describe('discoverOutlet on XML sources', () => {
  it('reads every kind of source, reports the broken ones and keeps going', async () => {
    hits.length = 0;
    const r = await discoverOutlet(s, config(), JANUARY);
    expect(r.candidates.map((c) => [c.url.slice(server.url.length), c.source])).toEqual([
      ['/nieuws/2024/01/05/burgemeesters-vilvoorde', 'sitemap:/sitemaps/2024-01.xml.gz'],
      // Last modified after the window: it may still have been published inside it.
      ['/nieuws/2024/01/20/later-stuk/', 'sitemap:/sitemaps/2024-01.xml.gz'],
      ['/nieuws/2024/01/06/atom-stuk', 'feed:/atom'],
      ['/nieuws/2024/01/07/rdf-stuk', 'feed:/rdf'],
    ]);
    expect(r.candidates.find((c) => c.source === 'feed:/atom')?.language).toBe('nl');
    expect(r.skipped.map((k) => [k.url.slice(server.url.length), k.reason.split(':')[0]])).toEqual([
      ['/private/2024/01/05/concept', 'MW_ERR_ROBOTS_DISALLOWED'],
      ['/nieuws/2023/12/01/oud', 'MW_SKIP_OUTSIDE_WINDOW'],
      ['/nieuws/2023/06/20/oud', 'MW_SKIP_OUTSIDE_WINDOW'],
    ]);
    expect(r.errors).toEqual([
      'robots Sitemap line "http://[broken": MW_ERR_BAD_URL: not a URL',
      expect.stringMatching(/^sitemap .*\/sitemaps\/news\.xml: MW_ERR_NOT_XML: .*HTML page/),
      expect.stringMatching(/^sitemap .*\/sitemaps\/bomb\.xml\.gz: MW_ERR_TOO_LARGE: /),
    ]);
    expect(r.skippedSources).toEqual([
      {
        url: at('/sitemaps/2019-03.xml'),
        reason: expect.stringMatching(/^sitemap: MW_SKIP_OLD_SITEMAP: last changed 2019-03-31/),
      },
    ]);
    // The index that lists itself is read once; the old child is never fetched.
    expect(hits.filter((h) => h === '/sitemap_index.xml')).toHaveLength(1);
    expect(hits).not.toContain('/sitemaps/2019-03.xml');
    expect(r.sourcesRead).toBe(7);
    expect(r.budget).toEqual([]);
  });

  it('reads at most 50 child sitemaps per run and reports the rest', async () => {
    const big = outlet('loopback', server.url, {
      robots: false,
      sitemaps: ['/big-index.xml'],
      pages: [],
    });
    const r = await discoverOutlet(s, big, JANUARY);
    expect(r.candidates).toHaveLength(50);
    expect(r.budget).toEqual([
      { limit: 'sitemaps', max: 50, dropped: 5, example: at('/tiny.xml?part=51') },
    ]);
  });

  it('fetches nothing but robots.txt while it answers 5xx, and says so', async () => {
    robotsStatus = 500;
    hits.length = 0;
    try {
      const other = discoverServices(); // a fresh robots cache
      const r = await discoverOutlet(other, config(), JANUARY);
      await other.close();
      expect(hits).toEqual(['/robots.txt']);
      expect(r.candidates).toEqual([]);
      expect(r.errors).toEqual([expect.stringMatching(/MW_ERR_ROBOTS_UNREACHABLE/)]);
      expect(r.skippedSources.map((x) => x.url)).toEqual([at('/rss'), at('/atom'), at('/rdf')]);
    } finally {
      robotsStatus = 200;
    }
  });
});
