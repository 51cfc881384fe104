// Conditional discovery (scheduled runs) against the outlet simulator, with the validators on
// real Redis: feeds and urlset sitemaps read in full once are asked with If-None-Match /
// If-Modified-Since next time and skipped on 304; sitemap indexes are always read; a run that
// is not conditional (a crawl) reads everything; a source changed, broken, or read against
// other windows or past the candidates budget is read in full again. The simulator's request
// log says what each request was answered.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutletConfig } from '../../../src/config/schema.js';
import type { Window } from '../../../src/config/windows.js';
import { discoverOutlet, type DiscoveryResult } from '../../../src/crawl/discover-outlet.js';
import { SourceValidators } from '../../../src/crawl/source-validators.js';
import { startSimulator, type Simulator } from '../../../src/sim/index.js';
import { content, HTML, RSS, send, XML } from '../../../src/sim/respond.js';
import { serve } from '../../helpers/server.js';
import { discoverServices, JANUARY, outlet } from './helpers.js';

const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
let sim: Simulator;
let live: Simulator;
let redis: Redis;
let validators: SourceValidators;
let s: ReturnType<typeof discoverServices>;

beforeAll(async () => {
  sim = await startSimulator();
  live = await startSimulator({ generated: 2, live: { everySeconds: 0.2 } });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  validators = new SourceValidators(redis, prefix, 60_000);
  s = discoverServices();
});
afterAll(async () => {
  await s?.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await Promise.all([sim?.close(), live?.close()]);
});

/** One discovery run; a conditional one keeps its validators afterwards, as jobs/discover.ts. */
async function run(
  o: OutletConfig,
  conditional: boolean,
  windows: Window[] = JANUARY,
): Promise<DiscoveryResult> {
  const r = await discoverOutlet({ ...s, validators }, o, windows, { conditional });
  for (const v of r.validators) await validators.set(v.url, v.value);
  return r;
}

/** "status path" of every request to the outlet since `from` (the simulator's log index). */
const answered = (on: Simulator, from: number, outletId: string): string[] =>
  on
    .requests()
    .slice(from)
    .filter((r) => r.outlet === outletId)
    .map((r) => `${r.status} ${r.path}`);

const LALIBRE_FEED = '/arc/outboundfeeds/rss/?outputType=xml';
const LALIBRE_SITEMAP = '/arc/outboundfeeds/news-sitemap/?outputType=xml';
const lalibre = (extra: Record<string, unknown> = {}): OutletConfig =>
  outlet('lalibre', sim.origins.lalibre!, {
    sitemaps: [LALIBRE_SITEMAP],
    feeds: [LALIBRE_FEED],
    pages: [],
    ...extra,
  });
const urls = (r: DiscoveryResult): string[] => r.candidates.map((c) => c.url).sort();

describe('conditional discovery', () => {
  it('skips the feed and news sitemap that answer 304 to the second scheduled run', async () => {
    const o = lalibre();
    const a = sim.requests().length;
    const first = await run(o, true);
    expect(answered(sim, a, 'lalibre')).toEqual([
      '200 /robots.txt',
      `200 ${LALIBRE_SITEMAP}`,
      `200 ${LALIBRE_FEED}`,
    ]);
    expect(first.notModified).toBe(0);
    expect(first.errors).toEqual([]);
    const coverage = sim.manifest.filter((m) => m.outlet === 'lalibre' && m.published >= '2024');
    expect(urls(first)).toEqual(coverage.map((m) => m.url).sort());
    expect(first.validators.map((v) => [v.url, v.value?.kind])).toEqual([
      [sim.origins.lalibre + LALIBRE_SITEMAP, 'urlset'],
      [sim.origins.lalibre + LALIBRE_FEED, 'feed'],
    ]);
    for (const v of first.validators) expect(v.value?.etag).toMatch(/^"[0-9a-f]+"$/);

    const b = sim.requests().length;
    const second = await run(o, true);
    expect(answered(sim, b, 'lalibre')).toEqual([`304 ${LALIBRE_SITEMAP}`, `304 ${LALIBRE_FEED}`]);
    expect(second.notModified).toBe(2);
    expect(second.sourcesRead).toBe(2);
    expect(second.candidates).toEqual([]);
    expect(second.skipped).toEqual([]);
    expect(second.errors).toEqual([]);
    // Nothing read in full, nothing to keep: the entries of the first run stay.
    expect(second.validators).toEqual([]);
    expect(await validators.get(sim.origins.lalibre + LALIBRE_FEED)).toEqual(
      first.validators[1]!.value,
    );
  });

  it('reads a sitemap index every run and asks only its urlset child conditionally', async () => {
    // Belga: robots.txt names /sitemap.xml, an index of /sitemap-articles.xml.
    const o = outlet('belga', sim.origins.belga!, { pages: [] });
    const a = sim.requests().length;
    const first = await run(o, true);
    expect(answered(sim, a, 'belga')).toEqual([
      '200 /robots.txt',
      '200 /sitemap.xml',
      '200 /sitemap-articles.xml',
    ]);
    expect(first.candidates.length).toBeGreaterThan(0);
    expect(await redis.exists(validators.key(`${sim.origins.belga}/sitemap.xml`))).toBe(0);
    expect(await validators.get(`${sim.origins.belga}/sitemap-articles.xml`)).toMatchObject({
      kind: 'urlset',
    });

    const b = sim.requests().length;
    const second = await run(o, true);
    expect(answered(sim, b, 'belga')).toEqual(['200 /sitemap.xml', '304 /sitemap-articles.xml']);
    expect(second.notModified).toBe(1);
    expect(second.candidates).toEqual([]);
  });

  it('reads everything in full when the run is not conditional (a crawl)', async () => {
    const o = lalibre();
    await run(o, true);
    const a = sim.requests().length;
    const crawl = await run(o, false);
    expect(answered(sim, a, 'lalibre')).toEqual([`200 ${LALIBRE_SITEMAP}`, `200 ${LALIBRE_FEED}`]);
    expect(crawl.notModified).toBe(0);
    const coverage = sim.manifest.filter((m) => m.outlet === 'lalibre' && m.published >= '2024');
    expect(urls(crawl)).toEqual(coverage.map((m) => m.url).sort());
    // A crawl keeps nothing: the scheduled runs' entries are theirs.
    expect(crawl.validators).toEqual([]);
    // Without the validators service, a conditional run reads in full too.
    const b = sim.requests().length;
    const bare = await discoverOutlet(s, o, JANUARY, { conditional: true });
    expect(answered(sim, b, 'lalibre')).toEqual([`200 ${LALIBRE_SITEMAP}`, `200 ${LALIBRE_FEED}`]);
    expect(bare.notModified).toBe(0);
  });

  it('reads the sources in full again when the event windows changed', async () => {
    const o = lalibre();
    await run(o, true);
    const december: Window = { from: Date.parse('2023-12-01T00:00:00+01:00'), to: Infinity };
    const a = sim.requests().length;
    const widened = await run(o, true, [...JANUARY, december]);
    expect(answered(sim, a, 'lalibre')).toEqual([`200 ${LALIBRE_SITEMAP}`, `200 ${LALIBRE_FEED}`]);
    expect(widened.notModified).toBe(0);
    expect(widened.candidates.length).toBeGreaterThan(0);
    // Read against the new windows, and asked conditionally with them next time.
    const b = sim.requests().length;
    expect((await run(o, true, [december, ...JANUARY])).notModified).toBe(2);
    expect(answered(sim, b, 'lalibre')).toEqual([`304 ${LALIBRE_SITEMAP}`, `304 ${LALIBRE_FEED}`]);
  });

  it('keeps nothing of a run whose candidates went past the budget', async () => {
    // The URLs the budget left out are reconsidered only when a run finds them again.
    const all: Window[] = [{ from: 0, to: Infinity }];
    const o = lalibre({ maxUrls: 1 });
    const cut = await run(o, true, all);
    expect(cut.notModified).toBe(0);
    expect(cut.budget.map((h) => h.limit)).toEqual(['candidates']);
    expect(cut.validators.map((v) => v.value)).toEqual([null, null]);
    expect(await validators.get(sim.origins.lalibre + LALIBRE_FEED)).toBeNull();
    const a = sim.requests().length;
    const next = await run(o, true, all);
    expect(answered(sim, a, 'lalibre')).toEqual([`200 ${LALIBRE_SITEMAP}`, `200 ${LALIBRE_FEED}`]);
    expect(next.notModified).toBe(0);
    expect(next.candidates).toHaveLength(1);
  });

  it('keeps no validators for a feed that does not parse', async () => {
    // The Brussels Times' /feed answers its HTML home page.
    const o = outlet('brusselstimes', sim.origins.brusselstimes!, {
      sitemaps: ['/news-sitemap.xml'],
      feeds: ['/feed'],
      pages: [],
    });
    const first = await run(o, true);
    expect(first.errors).toEqual([expect.stringMatching(/^feed .*\/feed: MW_ERR_NOT_XML/)]);
    expect(await validators.get(`${sim.origins.brusselstimes}/feed`)).toBeNull();
    const a = sim.requests().length;
    const second = await run(o, true);
    expect(answered(sim, a, 'brusselstimes')).toEqual(['304 /news-sitemap.xml', '200 /feed']);
    expect(second.notModified).toBe(1);
    expect(second.errors).toEqual(first.errors);
  });

  it('sends what the feed last answered, forgets a feed that broke, and keeps nothing without validators', async () => {
    // A feed of our own whose answer the test changes: RSS with an ETag and Last-Modified, an
    // HTML page, a sitemap index, RSS with Last-Modified only, RSS with neither.
    let mode: 'etag' | 'broken' | 'index' | 'last-modified' | 'bare' = 'etag';
    const seen: string[] = [];
    const rssOf = (n: number, origin: string): string =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${Array.from(
        { length: n },
        (_, i) =>
          `<item><title>s${i}</title><link>${origin}/n/${i + 1}</link><pubDate>Fri, 05 Jan 2024 10:00:00 +0100</pubDate></item>`,
      ).join('')}</channel></rss>`;
    const server = await serve((req, res) => {
      const origin = `http://${req.headers.host}`;
      const sent = [
        req.headers['if-none-match'] ? 'inm' : '',
        req.headers['if-modified-since'] ? 'ims' : '',
      ].join('');
      if (mode === 'bare') {
        res.writeHead(200, { 'content-type': RSS }).end(rssOf(4, origin));
      } else if (mode === 'index') {
        const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/s1.xml</loc></sitemap></sitemapindex>`;
        send(
          req,
          res,
          content(index, { contentType: XML, lastModified: '2024-01-05T11:00:00+01:00' }),
        );
      } else if (mode === 'broken') {
        send(
          req,
          res,
          content('<html><body>moved</body></html>', {
            contentType: HTML,
            lastModified: '2024-01-05T11:00:00+01:00',
          }),
        );
      } else {
        const r = content(rssOf(mode === 'etag' ? 2 : 3, origin), {
          contentType: RSS,
          lastModified: mode === 'etag' ? '2024-01-05T10:00:00+01:00' : '2024-01-05T12:00:00+01:00',
        });
        if (mode === 'last-modified') {
          delete r.headers.etag;
          delete r.etag;
        }
        send(req, res, r);
      }
      seen.push(`${res.statusCode} ${sent || '-'}`);
    });
    try {
      const o = outlet('own', server.url, { robots: false, feeds: ['/feed.xml'], pages: [] });
      const url = `${server.url}/feed.xml`;
      const step = async (): Promise<[string | undefined, number, number]> => {
        const r = await run(o, true);
        return [seen.at(-1), r.notModified, r.candidates.length];
      };
      expect(await step()).toEqual(['200 -', 0, 2]);
      expect(await step()).toEqual(['304 inmims', 1, 0]);
      mode = 'broken';
      expect(await step()).toEqual(['200 inmims', 0, 0]);
      expect(await validators.get(url)).toBeNull();
      mode = 'etag';
      expect(await step()).toEqual(['200 -', 0, 2]);
      mode = 'index';
      expect(await step()).toEqual(['200 inmims', 0, 0]);
      expect(await redis.exists(validators.key(url))).toBe(0);
      mode = 'etag';
      expect(await step()).toEqual(['200 -', 0, 2]);
      mode = 'last-modified';
      expect(await step()).toEqual(['200 inmims', 0, 3]);
      expect(await validators.get(url)).toMatchObject({
        etag: null,
        lastModified: expect.any(String),
      });
      expect(await step()).toEqual(['304 ims', 1, 0]);
      mode = 'bare';
      expect(await step()).toEqual(['200 ims', 0, 4]);
      expect(await redis.exists(validators.key(url))).toBe(0);
      expect(await step()).toEqual(['200 -', 0, 4]);
    } finally {
      await server.close();
    }
  });

  it('reads the feed and news sitemap in full once the outlet published, and finds the new article', async () => {
    const today: Window[] = [{ from: Date.now() - 86_400_000, to: Infinity }];
    const o = outlet('bench', live.origins.bench!, { feeds: ['/feed.xml'], pages: [] });
    const first = await run(o, true, today);
    expect(first.errors).toEqual([]);
    const feedUrl = `${live.origins.bench}/feed.xml`;
    const newsUrl = `${live.origins.bench}/sitemaps/latest.xml`;
    const kept = await validators.get(feedUrl);
    expect(kept).toMatchObject({ kind: 'feed' });
    expect(await validators.get(newsUrl)).toMatchObject({ kind: 'urlset' });

    // Wait (a condition, not a time) for an article that appeared after the first run ended.
    const seen = live.published().length;
    for (const end = Date.now() + 20_000; live.published().length <= seen;) {
      if (Date.now() > end) throw new Error('the simulator published nothing');
      await new Promise((r) => setTimeout(r, 50));
    }
    const fresh = live.published()[seen]!;
    expect(first.candidates.map((c) => c.url)).not.toContain(fresh.url);

    const a = live.requests().length;
    const second = await run(o, true, today);
    const log = answered(live, a, 'bench');
    expect(log).toContain('200 /sitemaps/latest.xml');
    expect(log).toContain('200 /feed.xml');
    expect(second.notModified).toBe(0);
    expect(second.candidates.map((c) => c.url)).toContain(fresh.url);
    expect((await validators.get(feedUrl))?.etag).not.toBe(kept?.etag);
  });
});
