// The 'bench' outlet: generated heavy pages, deterministic per seed, fast to produce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedMeta } from '../../../src/sim/generated/prose.js';
import { renderGenerated } from '../../../src/sim/generated/page.js';
import { startSimulator, type Simulator } from '../../../src/sim/index.js';
import { bodyParagraphs, get, jsonLdArticle, matchesEvent, titleOf } from './helpers.js';

const TOTAL = 2500;
let a: Simulator;
let b: Simulator;
let c: Simulator;
const generated = (sim: Simulator): string[] =>
  sim.manifest.filter((x) => x.kind === 'generated').map((x) => x.url);
const path = (url: string): string => new URL(url).pathname;
/** Each simulator listens on its own ports; pages differ only there. */
const noPort = (html: string): string => html.replace(/127\.0\.0\.1(:|%3A)\d+/g, 'HOST');

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    startSimulator({ generated: TOTAL }),
    startSimulator({ generated: TOTAL }),
    startSimulator({ generated: 30, seed: 7 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close(), c.close()]);
});

describe('bench outlet', () => {
  it('lists N generated articles in rotating languages', () => {
    const list = a.manifest.filter((x) => x.kind === 'generated');
    expect(list).toHaveLength(TOTAL);
    expect(list.slice(0, 6).map((x) => x.lang)).toEqual(['fr', 'nl', 'en', 'fr', 'nl', 'en']);
    for (const x of list.slice(0, 50)) {
      expect(x.outlet).toBe('bench');
      expect(path(x.url)).toMatch(/^\/news\/\d+\/[a-z0-9-]+$/);
      expect(x.published).toMatch(/^2024-01-(0[3-9]|1[0-2])T\d\d:\d\d:\d\d\+01:00$/);
    }
  });

  it('serves robots.txt and a sitemap index of urlsets with at most 1000 URLs each', async () => {
    const robots = await get(`${a.origins.bench}/robots.txt`);
    expect(robots.text).toMatch(/^Allow: \/$/m);
    expect(robots.text).toContain(`Sitemap: ${a.origins.bench}/sitemap.xml`);
    const index = await get(`${a.origins.bench}/sitemap.xml`);
    const maps = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(maps).toHaveLength(3);
    const listed: string[] = [];
    for (const map of maps) {
      const set = await get(map);
      const urls = [...set.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeLessThanOrEqual(1000);
      expect(set.text).toContain('<lastmod>2024-01-');
      listed.push(...urls);
    }
    expect(listed).toEqual(generated(a));
  });

  it('serves pages of 100-200 KB that look like outlet pages', async () => {
    for (const url of generated(a).slice(0, 40)) {
      const r = await get(url);
      expect(r.status).toBe(200);
      const bytes = Buffer.byteLength(r.text, 'utf8');
      expect(bytes, url).toBeGreaterThanOrEqual(100 * 1024);
      expect(bytes, url).toBeLessThanOrEqual(200 * 1000);
      const title = a.manifest.find((x) => x.url === url)?.title ?? 'missing';
      expect(titleOf(r.text).startsWith(title)).toBe(true);
      const paragraphs = bodyParagraphs(r.text);
      expect(paragraphs.length).toBeGreaterThanOrEqual(6);
      expect(paragraphs.length).toBeLessThanOrEqual(20);
      expect(jsonLdArticle(r.text)?.articleBody).toBe(paragraphs.join('\n\n'));
      expect(r.text).toMatch(/<script async src="https:\/\/[^"]+"><\/script>/);
      expect(r.text).toContain('class="mega-menu"');
      expect(matchesEvent(r.text)).toBe(false);
    }
  });

  it('is identical across simulators with the same seed and differs with another seed', async () => {
    const url = (sim: Simulator, i: number): string => generated(sim)[i] ?? '';
    expect(generated(a).map(path)).toEqual(generated(b).map(path));
    for (const i of [0, 1, 2, 1234]) {
      const [x, y] = await Promise.all([get(url(a, i)), get(url(b, i))]);
      expect(noPort(x.text)).toBe(noPort(y.text));
      expect(x.text.length).toBeGreaterThan(100_000);
      expect(x.headers.get('etag')).toBe(y.headers.get('etag'));
    }
    expect(path(url(c, 0))).not.toBe(path(url(a, 0)));
  });

  it('redirects a wrong slug to the canonical URL and 404s numbers out of range', async () => {
    const first = path(generated(a)[0] ?? '');
    const wrong = await get(`${a.origins.bench}/news/1/some-old-slug`);
    expect(wrong.status).toBe(301);
    expect(wrong.headers.get('location')).toBe(first);
    expect((await get(`${a.origins.bench}/news/${TOTAL + 1}/x`)).status).toBe(404);
    expect((await get(`${a.origins.bench}/news/0/x`)).status).toBe(404);
  });

  // Rendering speed is measured by `npm run bench -- --only sim` (bench/sim-render.ts), not here.
  it('renders each page in memory from its seed and number alone, the same every time', () => {
    const n = 1500;
    const origin = 'http://127.0.0.1:1';
    const titles = new Set<string>();
    for (let i = 1; i <= n; i++) {
      const meta = generatedMeta(1, i);
      const html = renderGenerated(1, meta, n, origin);
      expect(titleOf(html).startsWith(meta.title), `page ${i}`).toBe(true);
      expect(bodyParagraphs(html).length, `page ${i}`).toBeGreaterThanOrEqual(6);
      if (i % 250 === 0) expect(renderGenerated(1, generatedMeta(1, i), n, origin)).toBe(html);
      titles.add(titleOf(html));
    }
    expect(titles.size).toBeGreaterThan(n / 2);
  });
});
