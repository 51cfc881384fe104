// Discovery sources and HTTP behaviour of the simulated outlets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/sim/index.js';
import { get, hrefs } from './helpers.js';

let sim: Simulator;
const o = (outlet: string): string => sim.origins[outlet] ?? 'http://missing.invalid';
const urlsOf = (outlet: string): string[] =>
  sim.manifest.filter((a) => a.outlet === outlet).map((a) => a.url);
const locs = (xml: string): string[] =>
  [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe('outlet servers', () => {
  it('runs one host per outlet and no bench outlet by default', () => {
    expect(Object.keys(sim.origins).sort()).toEqual(['belga', 'brusselstimes', 'lalibre', 'rtl']);
    expect(new Set(Object.values(sim.origins)).size).toBe(4);
    for (const origin of Object.values(sim.origins))
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers unknown paths with an HTML 404 page', async () => {
    for (const outlet of Object.keys(sim.origins)) {
      const r = await get(`${o(outlet)}/no/such/page`);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.text).toContain('<html');
    }
  });

  it('sends caching headers, answers HEAD without a body and honours If-None-Match', async () => {
    const url = urlsOf('lalibre')[0] ?? '';
    const r = await get(url);
    expect(r.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(r.headers.get('last-modified')).toMatch(/GMT$/);
    const etag = r.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
    const again = await get(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const post = await get(url, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('gzips only for clients that ask', async () => {
    const url = `${o('brusselstimes')}/`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(await plain.text());
  });

  it('logs every request with path, query, time and user agent', async () => {
    const before = Date.now();
    await get(`${o('belga')}/robots.txt?probe=1`, { headers: { 'user-agent': 'sim-test/1.0' } });
    const hit = sim.requests().find((r) => r.path === '/robots.txt?probe=1');
    expect(hit).toMatchObject({ outlet: 'belga', userAgent: 'sim-test/1.0' });
    expect(hit?.at).toBeGreaterThanOrEqual(before);
    expect(hit?.at).toBeLessThanOrEqual(Date.now());
  });
});

describe('The Brussels Times', () => {
  it('has robots.txt disallowing /private/ with the news sitemap', async () => {
    const r = await get(`${o('brusselstimes')}/robots.txt`);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toMatch(/^User-agent: \*$/m);
    expect(r.text).toMatch(/^Disallow: \/private\/$/m);
    expect(r.text).toContain(`Sitemap: ${o('brusselstimes')}/news-sitemap.xml`);
  });

  it('lists every article in a Google News sitemap', async () => {
    const r = await get(`${o('brusselstimes')}/news-sitemap.xml`);
    expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(r.text).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(r.text).toContain('<news:name>The Brussels Times</news:name>');
    expect(r.text).toContain('<news:language>en</news:language>');
    expect(r.text).toMatch(
      /<news:publication_date>2024-01-05T17:05:00\+01:00<\/news:publication_date>/,
    );
    expect(locs(r.text).sort()).toEqual(urlsOf('brusselstimes').sort());
  });

  it('answers /feed with the HTML home page, not RSS', async () => {
    const feed = await get(`${o('brusselstimes')}/feed`);
    const home = await get(`${o('brusselstimes')}/`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(feed.text).not.toContain('<rss');
    expect(feed.text).toBe(home.text);
  });

  it('links sections, every article and exactly one robots-disallowed preview from home', async () => {
    const links = hrefs((await get(`${o('brusselstimes')}/`)).text);
    expect(links.filter((h) => h.includes('/private/'))).toEqual(['/private/draft-preview']);
    for (const s of ['/belgium', '/world']) {
      expect(links).toContain(s);
      const page = await get(o('brusselstimes') + s);
      expect(page.status).toBe(200);
      expect(hrefs(page.text).some((h) => /^\/\d{6}\/[a-z0-9-]+$/.test(h))).toBe(true);
    }
    for (const url of urlsOf('brusselstimes')) expect(links).toContain(new URL(url).pathname);
  });
});

describe('RTL info', () => {
  it('disallows /login and has no sitemap', async () => {
    const robots = await get(`${o('rtl')}/robots.txt`);
    expect(robots.text).toMatch(/^Disallow: \/login$/m);
    expect(robots.text).not.toMatch(/Sitemap:/);
    expect((await get(`${o('rtl')}/sitemap.xml`)).status).toBe(404);
  });

  it('links every article from home or /actu/belgique, one of them by its legacy URL', async () => {
    const home = hrefs((await get(`${o('rtl')}/`)).text);
    const section = hrefs((await get(`${o('rtl')}/actu/belgique`)).text);
    const legacy = [...new Set(home.filter((h) => /^\/actu\/belgique\/\d+\.aspx$/.test(h)))];
    expect(legacy).toHaveLength(1);
    const target = await get(o('rtl') + (legacy[0] ?? ''));
    expect(target.status).toBe(301);
    const canonical = target.headers.get('location') ?? '';
    expect(urlsOf('rtl')).toContain(canonical);
    expect(section).toContain(new URL(canonical).pathname);
    for (const url of urlsOf('rtl')) expect([...home, ...section]).toContain(new URL(url).pathname);
  });
});

describe('La Libre', () => {
  it('points robots.txt at the Arc news sitemap', async () => {
    const r = await get(`${o('lalibre')}/robots.txt`);
    expect(r.text).toContain(
      `Sitemap: ${o('lalibre')}/arc/outboundfeeds/news-sitemap/?outputType=xml`,
    );
    const sitemap = await get(`${o('lalibre')}/arc/outboundfeeds/news-sitemap/?outputType=xml`);
    expect(sitemap.text).toContain('<news:language>fr</news:language>');
    expect(locs(sitemap.text).sort()).toEqual(urlsOf('lalibre').sort());
  });

  it('serves an Arc-style RSS 2.0 feed of every article', async () => {
    const r = await get(`${o('lalibre')}/arc/outboundfeeds/rss/?outputType=xml`);
    expect(r.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect(r.text).toMatch(/<rss version="2.0"/);
    expect(r.text).toMatch(/<dc:creator><!\[CDATA\[Camille Devillers\]\]><\/dc:creator>/);
    expect(r.text).toMatch(/<description><!\[CDATA\[/);
    expect(r.text).toMatch(/<media:content url="http[^"]+\.jpg"/);
    expect(r.text).toMatch(/<pubDate>Fri, 05 Jan 2024 13:20:00 \+0000<\/pubDate>/);
    const links = [...r.text.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]).slice(1);
    expect(links.sort()).toEqual(urlsOf('lalibre').sort());
  });

  it('redirects the feed path without its trailing slash, keeping the query', async () => {
    const r = await get(`${o('lalibre')}/arc/outboundfeeds/rss?outputType=xml`);
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/arc/outboundfeeds/rss/?outputType=xml');
  });
});

describe('Belga', () => {
  it('serves a sitemap index that points to an urlset with lastmod', async () => {
    const robots = await get(`${o('belga')}/robots.txt`);
    expect(robots.text).toContain(`Sitemap: ${o('belga')}/sitemap.xml`);
    const index = await get(`${o('belga')}/sitemap.xml`);
    expect(index.text).toContain('<sitemapindex');
    expect(locs(index.text)).toEqual([`${o('belga')}/sitemap-articles.xml`]);
    const set = await get(`${o('belga')}/sitemap-articles.xml`);
    expect(set.text).toMatch(/<lastmod>2024-01-05T14:12:00\+01:00<\/lastmod>/);
    expect(locs(set.text).sort()).toEqual(urlsOf('belga').sort());
  });

  it('links every article from the home page', async () => {
    const links = hrefs((await get(`${o('belga')}/`)).text);
    for (const url of urlsOf('belga')) expect(links).toContain(new URL(url).pathname);
  });
});
