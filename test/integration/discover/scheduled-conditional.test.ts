// The discover job decides who polls: a scheduled run (runId null) sends conditional GETs for
// feeds and urlset sitemaps and logs the 304s; a crawl reads every source in full. Real
// workers, Redis, SQLite and the simulator; the simulator's request log says what it answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../../jobs/crawl.js';
import { crawlEnv, type CrawlEnv } from '../../helpers/crawl-env.js';

let env: CrawlEnv;
const FEED = '/arc/outboundfeeds/rss/?outputType=xml';
const SITEMAP = '/arc/outboundfeeds/news-sitemap/?outputType=xml';

beforeAll(async () => {
  env = await crawlEnv();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

/** The 'discovery done' record of a discover job, once it is logged. */
async function done(jobId: string | undefined): Promise<Record<string, unknown>> {
  for (const end = Date.now() + 30_000; Date.now() < end;) {
    const line = env.logs.find((l) => l.msg === 'discovery done' && l.jobId === jobId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`discover job ${jobId} did not finish`);
}

async function scheduledRun(): Promise<Record<string, unknown>> {
  const job = await env.rt.queues.discover.add('discover', {
    outletId: 'lalibre',
    runId: null,
    eventIds: [],
  });
  return done(job.id);
}

/** "status path" of the requests for La Libre's feed and news sitemap since `from`. */
const sources = (from: number): string[] =>
  env.sim
    .requests()
    .slice(from)
    .filter((r) => r.outlet === 'lalibre' && (r.path === FEED || r.path === SITEMAP))
    .map((r) => `${r.status} ${r.path}`);

describe('scheduled discovery with conditional GETs', () => {
  it('gets 304 for the feed and news sitemap on the second scheduled run; a crawl reads them in full', async () => {
    const a = env.sim.requests().length;
    const first = await scheduledRun();
    expect(sources(a)).toEqual([`200 ${SITEMAP}`, `200 ${FEED}`]);
    expect(first).toMatchObject({ notModified: 0 });
    expect(first.enqueued).toBeGreaterThan(0);

    const b = env.sim.requests().length;
    const second = await scheduledRun();
    expect(sources(b)).toEqual([`304 ${SITEMAP}`, `304 ${FEED}`]);
    expect(second).toMatchObject({ notModified: 2, enqueued: 0 });

    const c = env.sim.requests().length;
    const runId = await enqueueCrawl(env.rt, { outletIds: ['lalibre'], eventIds: [] });
    await waitForCrawl(env.rt, runId);
    expect(sources(c)).toEqual([`200 ${SITEMAP}`, `200 ${FEED}`]);
    const crawl = env.logs.filter((l) => l.msg === 'discovery done').at(-1);
    expect(crawl).toMatchObject({ notModified: 0 });
    // The crawl kept its hands off the scheduled runs' validators: the next one still polls.
    const d = env.sim.requests().length;
    expect(await scheduledRun()).toMatchObject({ notModified: 2, enqueued: 0 });
    expect(sources(d)).toEqual([`304 ${SITEMAP}`, `304 ${FEED}`]);
  });
});
