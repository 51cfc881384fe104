// discoverOutlet against the outlet simulator: a Google News sitemap and a feed that answers
// HTML, the /agenda crawler traps of The Brussels Times, page and depth budgets, and La Libre's
// search page (allowed at /search, disallowed by robots.txt at /recherche?).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverOutlet } from '../../../src/crawl/discover-outlet.js';
import { startSimulator, type Simulator } from '../../../src/sim/index.js';
import { discoverServices, JANUARY, outlet } from './helpers.js';

let sim: Simulator;
let s: ReturnType<typeof discoverServices>;
const BT_ARTICLE = '^/\\d{6}/[a-z0-9-]+$';
const requests = (from: number, prefix: string): string[] =>
  sim
    .requests()
    .slice(from)
    .map((r) => r.path)
    .filter((p) => p.startsWith(prefix));

beforeAll(async () => {
  sim = await startSimulator();
  s = discoverServices();
});
afterAll(async () => {
  await s?.close();
  await sim?.close();
});

describe('discoverOutlet on the simulator', () => {
  it('keeps news-sitemap metadata and reports the feed that answers HTML without failing', async () => {
    const bt = outlet('brusselstimes', sim.origins.brusselstimes!, {
      sitemaps: ['/news-sitemap.xml'],
      feeds: ['/feed'],
      pages: ['/'],
      articlePattern: BT_ARTICLE,
    });
    const r = await discoverOutlet(s, bt, JANUARY);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^feed .*\/feed: MW_ERR_NOT_XML: .*answered an HTML page/);
    expect(r.budget).toEqual([]);
    const inWindow = sim.manifest.filter(
      (a) => a.outlet === 'brusselstimes' && a.published >= '2024',
    );
    expect(r.candidates.map((c) => c.url).sort()).toEqual(inWindow.map((a) => a.url).sort());
    for (const c of r.candidates) {
      expect(c.source).toBe('sitemap:/news-sitemap.xml');
      expect(c.language).toBe('en');
      expect(c.title).toBe(inWindow.find((a) => a.url === c.url)?.title);
      expect(c.published).toBe(
        new Date(inWindow.find((a) => a.url === c.url)!.published).toISOString(),
      );
    }
    expect(r.skipped.map((k) => k.reason)).toEqual([
      expect.stringMatching(/^MW_SKIP_OUTSIDE_WINDOW: published 2013-/),
    ]);
  });

  it('escapes the calendar, session-id, relative-link and long-URL traps and says which limits it hit', async () => {
    const from = sim.requests().length;
    const bt = outlet('brusselstimes', sim.origins.brusselstimes!, {
      pages: ['/agenda'],
      articlePattern: BT_ARTICLE,
      sectionPattern: '^/agenda',
      maxPages: 60,
      maxDepth: 40,
    });
    const r = await discoverOutlet(s, bt, JANUARY);
    expect(r.errors).toEqual([]);
    const pages = requests(from, '/agenda');
    expect(pages.length).toBeLessThan(60);
    // The calendar: at most maxQueryVariants (5) months of the endless supply.
    expect(requests(from, '/agenda/calendar').length).toBe(5);
    // Session ids are dropped from URLs: each page is fetched once, without its id.
    expect(requests(from, '/agenda/today')).toEqual(['/agenda/today']);
    expect(requests(from, '/agenda/list')).toEqual(['/agenda/list']);
    // archive/ resolves one level deeper each time: stopped at the second repetition.
    expect(requests(from, '/agenda/archive')).toEqual([
      '/agenda/archive/',
      '/agenda/archive/archive/',
    ]);
    // /agenda/tags/{t}-{t}: stopped once the URL would be longer than 2,048 characters.
    const tags = requests(from, '/agenda/tags/');
    expect(tags.length).toBeGreaterThan(4);
    expect(Math.max(...tags.map((p) => p.length))).toBeLessThan(2048);
    expect(r.budget.map((h) => h.limit).sort()).toEqual([
      'query-variants',
      'repeated-segments',
      'url-length',
    ]);
    // The AMP variants linked from /agenda are the article itself.
    const amp = sim.manifest.find((a) => a.url.includes('/883907/'))!;
    const found = r.candidates.filter((c) => c.url === amp.url);
    expect(found).toHaveLength(1);
    expect(r.candidates.some((c) => /amp/i.test(c.url))).toBe(false);
  });

  it('stops at the page and depth budgets and reports both', async () => {
    const bt = (extra: Record<string, unknown>) =>
      outlet('brusselstimes', sim.origins.brusselstimes!, {
        pages: ['/agenda'],
        articlePattern: BT_ARTICLE,
        sectionPattern: '^/agenda',
        ...extra,
      });
    const from = sim.requests().length;
    const byPages = await discoverOutlet(s, bt({ maxPages: 3, maxDepth: 40 }), JANUARY);
    expect(requests(from, '/agenda')).toHaveLength(3);
    expect(byPages.budget.find((h) => h.limit === 'pages')).toMatchObject({ max: 3 });
    expect(byPages.budget.find((h) => h.limit === 'pages')!.dropped).toBeGreaterThan(0);

    const byDepth = await discoverOutlet(s, bt({ maxDepth: 1 }), JANUARY);
    expect(byDepth.budget.find((h) => h.limit === 'depth')).toMatchObject({ max: 1 });
    expect(byDepth.budget.some((h) => h.limit === 'pages')).toBe(false);
  });

  it("reads the outlet's search page with the events' terms, within robots.txt and maxPages", async () => {
    const from = sim.requests().length;
    // robots: false here, or the news sitemap that robots.txt names would find the articles first.
    const lalibre = outlet('lalibre', sim.origins.lalibre!, {
      robots: false,
      pages: [],
      articlePattern: '^/[a-z-]+/(?:[a-z-]+/)?\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+-[A-Z0-9]{26}/$',
      search: { url: '/search?q={terms}', maxPages: 2 },
    });
    const terms = ['Vilvorde bourgmestres', 'résistance iranienne', 'Nobari'];
    const r = await discoverOutlet(s, lalibre, JANUARY, { searchTerms: terms });
    expect(requests(from, '/search')).toEqual([
      '/search?q=Vilvorde+bourgmestres',
      '/search?q=r%C3%A9sistance+iranienne',
    ]);
    expect(r.budget).toEqual([
      expect.objectContaining({ limit: 'search-pages', max: 2, dropped: 1 }),
    ]);
    const coverage = sim.manifest.filter((a) => a.outlet === 'lalibre' && a.kind === 'coverage');
    const fromFirst = r.candidates.filter((c) => c.source === 'search:Vilvorde bourgmestres');
    expect(fromFirst.map((c) => c.url).sort()).toEqual(coverage.map((a) => a.url).sort());

    // No terms, no search; a template robots.txt disallows is skipped, never fetched.
    expect((await discoverOutlet(s, lalibre, JANUARY)).sourcesRead).toBe(0);
    const recherche = outlet('lalibre', sim.origins.lalibre!, {
      pages: [],
      search: { url: '/recherche?q={terms}' },
    });
    const before = sim.requests().length;
    const blocked = await discoverOutlet(s, recherche, JANUARY, { searchTerms: ['Vilvorde'] });
    expect(requests(before, '/recherche')).toEqual([]);
    expect(blocked.skippedSources).toEqual([
      {
        url: `${sim.origins.lalibre}/recherche?q=Vilvorde`,
        reason: 'search: MW_ERR_ROBOTS_DISALLOWED: robots.txt disallows this source',
      },
    ]);
  });
});
