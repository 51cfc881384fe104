// End to end on real components: BullMQ on the machine's Redis, Chromium through Playwright,
// the store on SQLite and on PostgreSQL, HTTP on loopback against the outlet simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import type { RunCounts } from '../../src/store/index.js';
import { crawlEnv, type CrawlEnv } from '../helpers/crawl-env.js';
import { dialects } from '../helpers/databases.js';

const EVENT = 'vilvoorde-2024';
describe.each(await dialects())('a crawl of the simulator, stored on %s', (database) => {
  let env: CrawlEnv;
  let first: { runId: string; counts: RunCounts };

  async function crawl(): Promise<{ runId: string; counts: RunCounts }> {
    const runId = await enqueueCrawl(env.rt, {
      outletIds: env.config.outlets.map((o) => o.id),
      eventIds: [],
    });
    return { runId, counts: await waitForCrawl(env.rt, runId) };
  }

  beforeAll(async () => {
    env = await crawlEnv({ database });
    first = await crawl();
  }, 240_000);
  afterAll(async () => {
    await env?.close();
  });

  it('stores exactly the coverage of the event, the JavaScript-rendered RTL article included', async () => {
    const expected = env.sim.manifest
      .filter((a) => a.kind === 'coverage')
      .map((a) => a.url)
      .sort();
    const mentions = await env.rt.store.mentions(EVENT);
    expect(mentions.map((m) => m.article.url).sort()).toEqual(expected);

    const rtl = mentions.filter((m) => m.article.outletId === 'rtl');
    expect(rtl.length).toBeGreaterThan(0);
    for (const m of rtl) {
      expect(m.article.fetchMode).toBe('browser');
      expect(m.article.body?.length ?? 0).toBeGreaterThan(200);
    }
    expect(new Set(mentions.map((m) => m.article.language))).toEqual(new Set(['fr', 'nl', 'en']));
    for (const m of mentions) {
      expect(m.sentences.length).toBeGreaterThan(0);
      expect(m.summary.length).toBeGreaterThan(20);
    }
  });

  it('rejects every hard negative', async () => {
    const negatives = new Set(
      env.sim.manifest.filter((a) => a.kind === 'negative').map((a) => a.url),
    );
    expect(negatives.size).toBeGreaterThanOrEqual(4);
    const matched = (await env.rt.store.mentions(EVENT)).filter((m) =>
      negatives.has(m.article.url),
    );
    expect(matched.map((m) => m.article.url)).toEqual([]);
  });

  it('accounts for every discovered URL in the ledger', async () => {
    const ledger = await env.rt.store.ledger({ runId: first.runId });
    expect(ledger.length).toBe(first.counts.discovered);
    expect(ledger.filter((r) => r.status === 'pending')).toEqual([]);
    for (const r of ledger.filter((x) => x.status !== 'stored'))
      expect(r.reason).toMatch(/^MW_(ERR|SKIP)_[A-Z_]+: /);
    expect(first.counts.failed).toBe(0);

    const byUrl = new Map(ledger.map((r) => [r.url, r]));
    const articles = env.sim.manifest.filter(
      (a) => a.kind !== 'generated' && a.published >= '2024',
    );
    for (const a of articles) expect(byUrl.get(a.url)?.status, a.url).toBe('stored');
    // robots.txt disallows /private/: the home page links there, and it is never fetched.
    const privateHits = env.sim.requests().filter((r) => r.path.startsWith('/private/'));
    expect(privateHits).toEqual([]);
  });

  it('logs one discovery record per outlet through a child logger', () => {
    const done = env.logs.filter((l) => l.msg === 'discovery done');
    expect(done.map((l) => l.outlet).sort()).toEqual(env.config.outlets.map((o) => o.id).sort());
    for (const l of done) expect(l.queue).toBe('discover');
  });

  it('adds no duplicates on a second crawl', async () => {
    const articlesBefore = (await env.rt.store.articles()).length;
    const mentionsBefore = (await env.rt.store.mentions(EVENT)).length;
    const second = await crawl();
    expect(second.counts.discovered).toBe(first.counts.discovered);
    // Only URLs left out by the event windows (or a budget) are looked at again; they stay out.
    const reconsidered = (await env.rt.store.ledger({ runId: second.runId })).filter((r) =>
      /^MW_SKIP_(OUTSIDE_WINDOW|BUDGET)/.test(r.reason ?? ''),
    ).length;
    expect(second.counts.known).toBe(first.counts.discovered - reconsidered);
    expect(reconsidered).toBeGreaterThan(0); // the 2013 story of the Brussels Times sitemap
    expect(second.counts.skipped).toBe(reconsidered);
    expect(second.counts.stored).toBe(0);
    expect((await env.rt.store.articles()).length).toBe(articlesBefore);
    expect((await env.rt.store.mentions(EVENT)).length).toBe(mentionsBefore);
  }, 120_000);

  it('stores a coverage summary for the event', async () => {
    const coverage = await env.rt.store.coverage(EVENT);
    const summary = coverage?.summary as
      { total: number; byOutlet: Record<string, number> } | undefined;
    expect(summary?.total).toBe(env.sim.manifest.filter((a) => a.kind === 'coverage').length);
    expect(Object.keys(summary?.byOutlet ?? {}).sort()).toEqual([
      'belga',
      'brusselstimes',
      'lalibre',
      'rtl',
    ]);
  });

  it('groups the Belga dispatch with its pickups across languages, and keeps the rewrite apart', async () => {
    const summary = (await env.rt.store.coverage(EVENT))?.summary as
      | { groups?: Array<{ originalId: number; members: Array<{ id: number; relation: string }> }> }
      | undefined;
    const mentions = await env.rt.store.mentions(EVENT);
    const urlOf = new Map(mentions.map((m) => [m.articleId, m.article.url]));
    const dispatch = new Set(
      env.sim.manifest.filter((a) => a.dispatchId === 'belga-vilvoorde').map((a) => a.url),
    );
    const groups = (summary?.groups ?? []).map((g) => g.members.map((m) => urlOf.get(m.id)).sort());
    expect(groups).toContainEqual([...dispatch].sort());
    const rewrite = env.sim.manifest.find((a) => a.kind === 'coverage' && !a.dispatchId)?.url;
    expect(groups).toContainEqual([rewrite]);
    const original = summary?.groups?.find((g) => g.members.length > 1)?.originalId;
    expect(mentions.find((m) => m.articleId === original)?.article.outletId).toBe('belga');
  });
});
