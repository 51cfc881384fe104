// Politeness waits are bounded: a Crawl-delay of 600 s is capped, and an outlet that waits on it
// does not hold the workers from another outlet; a killed worker's host leases free the host
// within seconds; SIGTERM with a job waiting ends the worker process within its deadline.
// Real Redis (the shared one, own prefix), BullMQ, SQLite, loopback outlets, worker processes.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { HostSlots } from '../../src/politeness/host-slots.js';
import { spawnCli, waitForOutput } from '../helpers/cli.js';
import { writeConfigDir } from '../helpers/config-dir.js';
import { loopbackOutlet, outletConfig, runtimeOn, until } from '../helpers/loopback-outlet.js';
import { tmpDir } from '../helpers/tmp.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe('Crawl-delay: 600 on one outlet', () => {
  it("caps the delay, and another outlet's crawl finishes while the slow one is still waiting", async () => {
    const slow = await loopbackOutlet({ articles: 3, crawlDelaySeconds: 600 });
    const fast = await loopbackOutlet({ articles: 3 });
    cleanups.push(
      () => slow.close(),
      () => fast.close(),
    );
    const env = await runtimeOn(
      REDIS_URL,
      [outletConfig('slow', slow.url), outletConfig('fast', fast.url)],
      {
        // One article worker: a job sleeping on the slow host would hold every article slot.
        worker: { concurrency: { article: 1, discover: 2 } },
        politeness: { maxCrawlDelayMs: 3_000, maxWaitInJobMs: 500 },
      },
    );
    cleanups.push(() => env.close());
    const { rt } = env;
    const slowRun = await enqueueCrawl(rt, { outletIds: ['slow'], eventIds: [] });
    const slowDone = waitForCrawl(rt, slowRun);
    // The slow outlet's article jobs are queued first.
    await until(async () => (await rt.store.runCounts(slowRun)).discovered === 3, 'slow discovery');
    const fastRun = await enqueueCrawl(rt, { outletIds: ['fast'], eventIds: [] });
    const fastCounts = await waitForCrawl(rt, fastRun);
    expect(fastCounts.stored).toBe(3);
    // When the fast crawl is done, the slow one still has stories to wait for: the fast one
    // did not queue behind the slow one's Crawl-delay.
    expect((await rt.store.runCounts(slowRun)).pending).toBeGreaterThanOrEqual(1);
    // The slow one completes too, at the capped pace (3 s, not 600 s), its stories a cap apart.
    const slowCounts = await slowDone;
    expect(slowCounts.stored).toBe(3);
    const stories = slow.requests.filter((r) => r.path.startsWith('/n/')).map((r) => r.at);
    expect(stories).toHaveLength(3);
  }, 120_000);
});

describe('host leases', () => {
  it('frees the host of a worker that died holding a lease within the lease time', async () => {
    const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
    const a = new Redis(REDIS_URL);
    const b = new Redis(REDIS_URL);
    cleanups.push(async () => {
      await obliterateAll(b, prefix);
      a.disconnect();
      b.disconnect();
    });
    const url = 'http://leases.example/a';
    // A "worker" that takes the host's only lease and dies mid-request: its connection cut,
    // its renewals stop.
    const dying = new HostSlots(a, prefix, () => 1, 1_000);
    void dying.run(url, () => new Promise(() => undefined)).catch(() => undefined);
    await until(async () => (await b.zcard(`${prefix}:slots:leases.example`)) === 1, 'the lease');
    a.disconnect();
    // Another worker gets the host once the lease expires (1 s here; 10 s by default, not 120 s).
    const other = new HostSlots(b, prefix, () => 1, 1_000);
    expect(await other.run(url, async () => 'fetched')).toBe('fetched');
  });

  it('keeps the lease of a request that runs longer than the lease time (renewed)', async () => {
    const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
    const r = new Redis(REDIS_URL);
    cleanups.push(async () => {
      await obliterateAll(r, prefix);
      r.disconnect();
    });
    const slots = new HostSlots(r, prefix, () => 1, 1_000);
    const url = 'http://renew.example/a';
    let release!: () => void;
    const long = slots.run(url, () => new Promise<void>((res) => (release = res)));
    await until(async () => (await r.zcard(`${prefix}:slots:renew.example`)) === 1, 'the lease');
    // Three lease times later the lease is still there, and a second request may not go.
    const bounded = slots.bounded(3_000);
    const second = await bounded.run(url, async () => 'went').catch((e: Error) => e.message);
    expect(second).toMatch(/all its 1 concurrent requests in flight/);
    release();
    await long;
    expect(await slots.run(url, async () => 'went')).toBe('went');
  });
});

describe('SIGTERM while a job waits', () => {
  it('ends the worker process within the shutdown deadline, closing hard', async () => {
    const outlet = await loopbackOutlet({ articles: 2, crawlDelaySeconds: 600 });
    cleanups.push(() => outlet.close());
    const tmp = tmpDir();
    const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
    const dir = writeConfigDir(join(tmp.dir, 'config'), {
      settings: {
        redis: { url: REDIS_URL, prefix },
        database: { url: join(tmp.dir, 'mw.db') },
        // The discovery job sleeps on the Crawl-delay (cap raised to 600 s for this test).
        politeness: { maxCrawlDelayMs: 600_000 },
        worker: { shutdownTimeoutMs: 2_000 },
      },
      outlets: [outletConfig('harbour', outlet.url)],
      events: [],
    });
    const worker = spawnCli(['--config', dir, 'worker'], { REDIS_URL, LOG_LEVEL: 'info' });
    const producerEnv = await runtimeOn(
      REDIS_URL,
      [outletConfig('harbour', outlet.url)],
      {
        redis: { url: REDIS_URL, prefix },
        database: { url: join(tmp.dir, 'mw.db') },
      },
      { work: false },
    );
    cleanups.push(async () => {
      if (worker.proc.exitCode === null) worker.proc.kill('SIGKILL');
      await producerEnv.close();
      tmp.cleanup();
    });
    await waitForOutput(worker, 'workers running');
    await enqueueCrawl(producerEnv.rt, { outletIds: ['harbour'], eventIds: [] });
    // robots.txt answered; discovery now waits 600 s for its next request to the host.
    await until(() => outlet.requests.some((r) => r.path === '/robots.txt'), 'robots.txt');
    await new Promise((r) => setTimeout(r, 300));
    worker.proc.kill('SIGTERM');
    const code = await worker.exit;
    expect(code).toBe(0);
    expect(worker.output()).toContain('jobs still active at the shutdown deadline');
    expect(outlet.requests.filter((r) => r.path === '/')).toHaveLength(0);
  }, 60_000);
});
