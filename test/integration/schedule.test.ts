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
    const ids = await upsertSchedules(
      { queues: env.rt.queues, redis: env.rt.redis, settings: env.config.settings },
      ['belga'],
    );
    expect(ids).toEqual(['discover-belga']);
    const keys = (await env.rt.queues.discover.getJobSchedulers()).map((s) => s.key);
    expect(keys).toEqual(['discover-belga']);
  });

  it('shortens the interval after a run with new articles and lengthens it after an empty one', async () => {
    const first = 2400;
    expect(await every('belga')).toBe(first);
    // Each scheduled run logs the interval it found and the one it set. On a loaded machine a
    // run may time out a source and find more on the next one, so the test waits for the two
    // kinds of run rather than for an exact sequence.
    interface Adapted {
      time: number;
      newUrls: number;
      previousMinutes: number;
      everyMinutes: number;
    }
    const adapted = (): Adapted[] =>
      env.logs.filter(
        (l) => l.msg === 'discovery interval adapted' && l.outlet === 'belga',
      ) as unknown as Adapted[];
    const ms = (minutes: number): number => Math.round(minutes * 60_000);
    await waitFor(async () => {
      const runs = adapted();
      const firstFresh = runs.findIndex((r) => r.newUrls > 0);
      return firstFresh >= 0 && runs.slice(firstFresh + 1).some((r) => r.newUrls === 0);
    }, 25_000);
    const runs = adapted();
    // The first scheduled run finds Belga's articles (all new): 2.4 s → 1.2 s.
    expect(runs[0]).toMatchObject({ previousMinutes: first / 60_000 });
    expect(runs[0]?.newUrls).toBeGreaterThan(0);
    for (const [i, r] of runs.entries()) {
      const factor = r.newUrls > 0 ? 0.5 : 1.5;
      expect(ms(r.everyMinutes)).toBe(Math.round(ms(r.previousMinutes) * factor));
      // A new interval starts from the run that set it: no immediate extra run (a load can
      // only delay a run, never bring it forward; 100 ms is the slack between set and log).
      const prev = runs[i - 1];
      if (!prev) continue;
      expect(r.time - prev.time).toBeGreaterThanOrEqual(ms(prev.everyMinutes) - 100);
      // The scheduler itself carries the interval: each run starts from what the last one set.
      expect(r.previousMinutes).toBe(prev.everyMinutes);
    }
    // It holds the last interval set, or the next one when a run adapted it since the logs
    // were read (the scheduler is updated before the log line is written).
    const last = ms(runs.at(-1)?.everyMinutes ?? 0);
    expect([last, Math.round(last / 2), Math.round(last * 1.5)]).toContain(await every('belga'));
  }, 40_000);
});
