// `npm start` schedules: one BullMQ job scheduler per outlet, whose interval adapts to how
// much each scheduled discovery run yields. Real Redis, BullMQ, the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertSchedules } from '../../jobs/schedule.js';
import { crawlEnv, type CrawlEnv } from '../helpers/crawl-env.js';

let env: CrawlEnv;
const every = async (id: string): Promise<number> =>
  Number((await env.rt.queues.discover.getJobScheduler(`discover-${id}`))?.every);
const waitFor = async (what: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

beforeAll(async () => {
  env = await crawlEnv({
    settings: (s) => {
      s.schedule = { everyMinutes: 0.04, minMinutes: 0.005, maxMinutes: 1 }; // 2.4 s, 0.3 s .. 60 s
    },
  });
}, 60_000);
afterAll(async () => {
  // Schedulers live in the test's own prefix, which close() removes with the queues.
  await env?.close();
});

describe('scheduled discovery', () => {
  it('creates one scheduler per outlet and removes those of outlets no longer configured', async () => {
    await env.rt.queues.discover.upsertJobScheduler(
      'discover-gone',
      { every: 60_000 },
      { name: 'discover', data: { outletId: 'gone', runId: null, eventIds: [] } },
    );
    const ids = await upsertSchedules(env.rt.queues, ['belga'], env.config.settings);
    expect(ids).toEqual(['discover-belga']);
    const keys = (await env.rt.queues.discover.getJobSchedulers()).map((s) => s.key);
    expect(keys).toEqual(['discover-belga']);
  });

  it('shortens the interval after a run with new articles and lengthens it after an empty one', async () => {
    const first = 2400;
    expect(await every('belga')).toBe(first);
    // The first scheduled run finds Belga's articles (new): 2.4 s → 1.2 s.
    await waitFor(async () => (await every('belga')) === first / 2);
    // The next run finds nothing new: 1.2 s → 1.8 s.
    await waitFor(async () => (await every('belga')) === (first / 2) * 1.5);
    const adapted = env.logs.filter(
      (l) => l.msg === 'discovery interval adapted' && l.outlet === 'belga',
    );
    expect(adapted.map((l) => l.newUrls).slice(0, 2)).toEqual([expect.any(Number), 0]);
    expect(adapted[0]?.newUrls).toBeGreaterThan(0);
  }, 30_000);
});
