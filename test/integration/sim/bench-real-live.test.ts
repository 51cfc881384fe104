// The bench outlet for `npm run bench`: on real pages (SimOptions.realPages) it serves the
// caller's pages byte for byte, cycled to N unique URLs, with robots.txt and a sitemap index;
// publishing over time (SimOptions.live) it lists each new article in a news sitemap and an
// RSS feed as it appears, with that moment as its publication time. Behaviour only: how fast
// anything is lives in the benchmark, never in a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RealPage, type Simulator } from '../../../src/sim/index.js';
import { get } from './helpers.js';

const PAGES: RealPage[] = ['alpha', 'Beta page', 'gamma_3'].map((name, i) => ({
  name,
  html: Buffer.from(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title></head><body><p>Page ${i} é ü</p></body></html>`,
    'utf8',
  ),
}));
const COUNT = 1205; // two urlsets
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

let real: Simulator;
let live: Simulator;

beforeAll(async () => {
  [real, live] = await Promise.all([
    startSimulator({ realPages: { pages: PAGES, count: COUNT } }),
    startSimulator({ generated: 3, live: { everySeconds: 0.2 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([real.close(), live.close()]);
});

describe('bench outlet on real pages', () => {
  it('lists N unique URLs in a sitemap index named by robots.txt', async () => {
    const origin = real.origins.bench!;
    const robots = await get(`${origin}/robots.txt`);
    expect(robots.text).toContain(`Sitemap: ${origin}/sitemap.xml`);
    const index = locs((await get(`${origin}/sitemap.xml`)).text);
    expect(index).toHaveLength(2);
    const urls = (await Promise.all(index.map(async (u) => locs((await get(u)).text)))).flat();
    expect(urls).toHaveLength(COUNT);
    expect(new Set(urls).size).toBe(COUNT);
    expect(real.manifest.filter((a) => a.outlet === 'bench').map((a) => a.url)).toEqual(urls);
  });

  it('serves each page byte for byte, the pages in turn, uncompressed', async () => {
    const origin = real.origins.bench!;
    const urls = real.manifest.filter((a) => a.outlet === 'bench').map((a) => a.url);
    for (const [k, url] of [urls[0]!, urls[1]!, urls[2]!, urls[3]!, urls[COUNT - 1]!].entries()) {
      const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBeNull();
      const n = k === 4 ? COUNT : k + 1;
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PAGES[(n - 1) % PAGES.length]!.html);
    }
    expect((await get(`${origin}/real/${COUNT + 1}/alpha`)).status).toBe(404);
    expect((await get(`${origin}/real/2/alpha`)).status).toBe(404);
  });
});

describe('bench outlet publishing over time', () => {
  it('adds articles to its news sitemap and feed as they appear, dated when they appeared', async () => {
    const origin = live.origins.bench!;
    await new Promise((r) => setTimeout(r, 700));
    const published = live.published();
    expect(published.length).toBeGreaterThanOrEqual(2);
    const index = locs((await get(`${origin}/sitemap.xml`)).text);
    expect(index).toContain(`${origin}/sitemaps/latest.xml`);
    const news = (await get(`${origin}/sitemaps/latest.xml`)).text;
    const feed = (await get(`${origin}/feed.xml`)).text;
    for (const p of published) {
      expect(news).toContain(`<loc>${p.url}</loc>`);
      expect(feed).toContain(`<link>${p.url}</link>`);
      expect(new URL(p.url).pathname).toMatch(/^\/news\/([4-9]|\d\d+)\//);
      const page = await get(p.url);
      expect(page.status).toBe(200);
      const date = /"datePublished":"([^"]+)"/.exec(page.text)?.[1];
      expect(Math.abs(Date.parse(date!) - p.appearedAt)).toBeLessThan(1000);
    }
    // Article numbers go on after the three it started with, one URL each.
    expect(new Set(published.map((p) => p.url)).size).toBe(published.length);
  });
});
