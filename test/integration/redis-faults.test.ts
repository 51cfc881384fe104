// Redis failing under a crawl: FLUSHALL mid-crawl, maxmemory reached, a wrong password, a
// configured Redis that does not answer. Each runs on a redis-server of the test's own (never
// the shared one), against a loopback outlet, with the real workers, BullMQ and SQLite.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { articleJobId } from '../../jobs/queues.js';
import { reconcilePending } from '../../jobs/reconcile.js';
import { MwError } from '../../src/errors.js';
import { spawnCli } from '../helpers/cli.js';
import { writeConfigDir } from '../helpers/config-dir.js';
import {
  loopbackOutlet,
  outletConfig,
  runtimeOn,
  until,
  type LoopbackOutlet,
  type TestRuntime,
} from '../helpers/loopback-outlet.js';
import { freePort, startPrivateRedis, type PrivateRedis } from '../helpers/private-redis.js';
import { tmpDir } from '../helpers/tmp.js';
import { join } from 'node:path';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function setup(
  articles: number,
  holdMs: number,
  redisArgs: string[] = [],
): Promise<{ redis: PrivateRedis; outlet: LoopbackOutlet; env: TestRuntime }> {
  const redis = await startPrivateRedis({ args: redisArgs });
  cleanups.push(() => redis.stop());
  const outlet = await loopbackOutlet({ articles, holdMs });
  cleanups.push(() => outlet.close());
  const env = await runtimeOn(redis.url, [outletConfig('harbour', outlet.url)], {
    worker: { concurrency: { article: 2 }, backoffMs: 200 },
  });
  cleanups.push(() => env.close());
  return { redis, outlet, env };
}

describe('FLUSHALL in the middle of a crawl', () => {
  it('ends the crawl with every URL done: the lost jobs are enqueued again', async () => {
    const { redis, outlet, env } = await setup(8, 300);
    const { rt } = env;
    const runId = await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] });
    const done = waitForCrawl(rt, runId, () => undefined, 100, { reconcileEveryMs: 500 });
    // Strike once discovery is over and some, not all, articles are stored.
    await until(async () => (await rt.store.runCounts(runId)).stored >= 1, 'a first article');
    expect((await rt.store.runCounts(runId)).pending).toBeGreaterThan(0);
    await redis.client.flushall();
    const counts = await done;
    expect(counts.pending).toBe(0);
    expect(counts.stored).toBe(8);
    expect(counts.unfinished).toEqual([]);
    expect(env.logs.some((l) => String(l.msg).includes('enqueued again'))).toBe(true);
    // Every story was fetched (some twice: a job active during the flush finished its work).
    const stories = new Set(outlet.requests.map((r) => r.path).filter((p) => p.startsWith('/n/')));
    expect(stories.size).toBe(8);
  });

  it('reconcile enqueues a pending URL that has no job, and leaves one with a live job', async () => {
    const { redis, outlet, env } = await setup(0, 0);
    const { rt } = env;
    await rt.store.discover({
      runId: null,
      urls: [
        { url: `${outlet.url}/n/lost`, outletId: 'harbour', source: 'page:/' },
        { url: `${outlet.url}/n/queued`, outletId: 'harbour', source: 'page:/' },
      ],
    });
    // The workers are paused, so that the one job that exists stays waiting.
    await Promise.all(rt.workers.map((w) => w.pause(true)));
    await rt.queues.article.add(
      'article',
      {
        url: `${outlet.url}/n/queued`,
        outletId: 'harbour',
        runId: null,
        source: 'page:/',
        eventIds: [],
      },
      { jobId: articleJobId(`${outlet.url}/n/queued`) },
    );
    const r = await reconcilePending(rt, {});
    expect(r.checked).toBe(2);
    expect(r.live).toBe(1);
    expect(r.requeued).toEqual([`${outlet.url}/n/lost`]);
    const job = await rt.queues.article.getJob(articleJobId(`${outlet.url}/n/lost`));
    expect(await job?.getState()).toBe('waiting');
    expect(await redis.client.dbsize()).toBeGreaterThan(0);
  });
});

describe('Redis reaches maxmemory during a crawl', () => {
  it('ends the crawl, naming each URL it could not do with MW_ERR_REDIS_FULL; reconcile finishes them once memory is back', async () => {
    const { redis, env } = await setup(6, 1500);
    const { rt } = env;
    const runId = await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] });
    const done = waitForCrawl(rt, runId, () => undefined, 100, { reconcileEveryMs: 500 });
    await until(async () => (await rt.store.runCounts(runId)).stored >= 1, 'a first article');
    // Fill the test's own Redis, then set its maxmemory well below what it holds: finishing
    // jobs free a few KB, never enough to write again.
    const filler = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 32; i++) await redis.client.set(`filler:${i}`, filler);
    const used = Number(/used_memory:(\d+)/.exec(await redis.client.info('memory'))?.[1]);
    await redis.client.config('SET', 'maxmemory', String(used - 1024 * 1024));
    const counts = await done;
    expect(counts.pending).toBeGreaterThan(0);
    expect(counts.unfinished.length).toBe(counts.pending);
    for (const u of counts.unfinished) expect(u.reason).toMatch(/^MW_ERR_REDIS_FULL: /);
    // A new crawl is refused with the code, not an unexpected error.
    const refused = await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(MwError);
    expect((refused as MwError).code).toBe('MW_ERR_REDIS_FULL');
    // Memory back: reconcile enqueues what was left, and the run completes.
    await redis.client.config('SET', 'maxmemory', '0');
    await redis.client.del(...Array.from({ length: 32 }, (_, i) => `filler:${i}`));
    await reconcilePending(rt, { runId });
    const again = await waitForCrawl(rt, runId, () => undefined, 100, { reconcileEveryMs: 500 });
    expect(again.pending).toBe(0);
    // A job already running when Redis filled up may have failed on it (its pacing grant is a
    // write): recorded as failed with Redis's answer, and fetched again by the next run.
    expect(again.stored + again.failed).toBe(6);
    const failed = (await rt.store.ledger({ runId })).filter((l) => l.status === 'failed');
    for (const f of failed) expect(f.reason).toMatch(/OOM/);
  });
});

describe('a configured Redis that refuses us or does not answer', () => {
  function configDir(): string {
    const tmp = tmpDir();
    cleanups.push(async () => tmp.cleanup());
    return writeConfigDir(join(tmp.dir, 'config'), {
      settings: { database: { url: join(tmp.dir, 'mw.db') } },
      outlets: [outletConfig('harbour', 'http://127.0.0.1:9')],
      events: [],
    });
  }

  it('worker and start stop with MW_ERR_REDIS_AUTH on a wrong password, and never print it', async () => {
    const redis = await startPrivateRedis({ password: 'right-pass-9f3' });
    cleanups.push(() => redis.stop());
    const dir = configDir();
    for (const command of ['worker', 'start']) {
      const cli = spawnCli(['--config', dir, command], {
        REDIS_URL: `redis://:wr0ng-pass-7c1@127.0.0.1:${redis.port}`,
      });
      expect(await cli.exit).toBe(1);
      expect(cli.output()).toContain('MW_ERR_REDIS_AUTH');
      expect(cli.output()).not.toContain('wr0ng-pass-7c1');
      expect(cli.output()).not.toContain('PRIVATE');
    }
  });

  it('worker stops with MW_ERR_REDIS_UNREACHABLE instead of starting an empty private Redis', async () => {
    const port = await freePort();
    const cli = spawnCli(['--config', configDir(), 'worker'], {
      REDIS_URL: `redis://:s3cret-x@127.0.0.1:${port}`,
    });
    expect(await cli.exit).toBe(1);
    expect(cli.output()).toContain('MW_ERR_REDIS_UNREACHABLE');
    expect(cli.output()).not.toContain('s3cret-x');
    expect(cli.output()).not.toContain('workers running');
  });
});
