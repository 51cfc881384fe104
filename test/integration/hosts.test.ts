// Workers on several machines, played on one: three hosts, each a folder of its own (its
// working directory and its own copy of the config folder) running `mediawatch worker`, share
// nothing but the Redis and PostgreSQL URLs. They crawl the simulator together: its four
// outlets and a generated one, so that the crawl lasts long enough to kill a host in the middle.
// - politeness: each outlet's grants, whichever host took them, are a full interval apart on
//   Redis's clock (test/helpers/grants.ts), and the simulator never sees a burst;
// - the ledger: every discovered URL once, none pending, none failed; each article and each
//   mention stored once;
// - a host killed with SIGKILL while it has active jobs: the others finish them through BullMQ's
//   stalled-job recovery (worker.lockMs and worker.stalledCheckMs shortened to seconds here).
// PostgreSQL only: the store that several machines share (skipped visibly without it, fails
// under CI).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type RuntimeHandle } from '../../app/runtime.js';
import { enqueueCrawl, waitForCrawl, type CrawlOutcome } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import {
  startHost,
  until,
  untilRunning,
  writeHostFolders,
  type Host,
} from '../../scripts/lib/hosts.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { dialects, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { expectPacedTogether, recordGrants, type GrantLog } from '../helpers/grants.js';
import { tmpDir } from '../helpers/tmp.js';

const GENERATED = 150;
const RPS = 10;
const INTERVAL_MS = 1000 / RPS;
/** Articles stored before the kill: the crawl is well under way, most of it still to come. */
const STORED_BEFORE_KILL = 30;
const EVENT = 'vilvoorde-2024';
const DAY_MS = 86_400_000;
const root = join(import.meta.dirname, '../..');
const onPostgres = (await dialects()).includes('postgres');

interface KilledJob {
  id: string;
  url: string;
}

describe.skipIf(!onPostgres)('three hosts sharing one crawl on PostgreSQL', () => {
  let tmp: ReturnType<typeof tmpDir> | undefined;
  let sim: Simulator;
  let db: TestDatabase;
  let grants: GrantLog;
  let operator: RuntimeHandle;
  let hosts: Host[] = [];
  let runId: string;
  let outcome: CrawlOutcome;
  let victim: Host;
  let storedAtKill = 0;
  let killedJobs: KilledJob[] = [];

  beforeAll(async () => {
    tmp = tmpDir('mw-hosts-');
    sim = await startSimulator({ generated: GENERATED });
    db = freshDatabase('postgres');
    const prefix = `mw-test-${randomUUID().slice(0, 8)}`;
    const [a, b, c, ops] = writeHostFolders({
      root,
      dir: tmp.dir,
      names: ['host-a', 'host-b', 'host-c', 'operator'],
      origins: sim.origins,
      generated: GENERATED,
      databaseUrl: db.url,
      redisPrefix: prefix,
      requestsPerSecond: RPS,
      // A killed host's jobs are free again within seconds, not the default 30 s + 30 s.
      settings: { worker: { lockMs: 5_000, stalledCheckMs: 1_000 } },
    }) as [string, string, string, string];
    const config = loadConfig(join(ops, 'config'), { REDIS_URL: process.env.REDIS_URL });
    grants = await recordGrants(config.settings.redis.url, prefix);
    hosts = [a, b, c].map((dir, i) =>
      startHost({
        root,
        name: `host-${'abc'[i]}`,
        dir,
        env: { ...process.env, LOG_LEVEL: 'info' },
      }),
    );
    victim = hosts[1]!;
    await untilRunning(hosts);
    // The operator enqueues the crawl and watches it; it does no work itself.
    operator = await openRuntime(config, createLogger({ level: 'silent', pretty: false }), {
      work: false,
    });
    const { rt } = operator;
    runId = await enqueueCrawl(rt, {
      outletIds: config.outlets.map((o) => o.id),
      eventIds: [],
    });
    // SIGKILL host-b once the crawl is under way and while it holds article jobs.
    await until(
      async () =>
        (await rt.store.runCounts(runId)).stored >= STORED_BEFORE_KILL &&
        (await rt.queues.article.getJobs(['active'])).some(
          (j) => j?.processedBy === victim.workerName,
        ),
      `${STORED_BEFORE_KILL} articles stored and host-b holding article jobs`,
      { deadlineMs: 180_000, abort: () => (victim.running() ? null : 'host-b ended') },
    );
    victim.proc.kill('SIGKILL');
    await victim.exit;
    storedAtKill = (await rt.store.runCounts(runId)).stored;
    // What it held when it died: still active, in its name, until a stalled check frees them.
    killedJobs = (await rt.queues.article.getJobs(['active']))
      .filter((j) => j?.processedBy === victim.workerName)
      .map((j) => ({ id: String(j.id), url: (j.data as { url: string }).url }));
    // No reconciling while waiting (it enqueues again pending URLs that have no job): what the
    // killed host held must come back through BullMQ's stalled check alone.
    outcome = await waitForCrawl(rt, runId, () => undefined, 250, { reconcileEveryMs: DAY_MS });
  }, 300_000);

  afterAll(async () => {
    await grants?.close();
    for (const h of hosts) if (h.running()) h.proc.kill('SIGKILL');
    if (operator) {
      await obliterateAll(operator.rt.redis, operator.rt.config.settings.redis.prefix);
      await operator.close();
    }
    await sim?.close();
    await db?.drop();
    tmp?.cleanup();
  });

  it('settle every discovered URL exactly once', async () => {
    expect(outcome.unfinished).toEqual([]);
    expect(outcome.pending).toBe(0);
    expect(outcome.failed).toBe(0);
    const ledger = await operator.rt.store.ledger({ runId });
    expect(ledger.length).toBe(outcome.discovered);
    expect(new Set(ledger.map((r) => r.url)).size).toBe(ledger.length);
    expect(ledger.filter((r) => r.status === 'pending')).toEqual([]);
    const status = new Map(ledger.map((r) => [r.url, r.status]));
    const expected = sim.manifest.filter((x) => x.kind === 'generated' || x.published >= '2024');
    expect(expected.filter((x) => x.kind === 'generated')).toHaveLength(GENERATED);
    for (const x of expected) expect(status.get(x.url), x.url).toBe('stored');
    // Settled once: each generated page was fetched once, but for the jobs the killed host held
    // (at least once: it may have died after its request); a second fetch of a stored page
    // would leave an MW_NOT_MODIFIED ledger reason (its ETag answers 304).
    const killed = new Set(killedJobs.map((j) => new URL(j.url).pathname));
    const fetches = new Map<string, number>();
    for (const r of sim.requests())
      if (r.outlet === 'bench' && r.path.startsWith('/news/'))
        fetches.set(r.path, (fetches.get(r.path) ?? 0) + 1);
    expect(fetches.size).toBe(GENERATED);
    expect([...fetches].filter(([path, n]) => n !== 1 && !killed.has(path))).toEqual([]);
    const again = ledger.filter((r) => r.reason?.startsWith('MW_NOT_MODIFIED'));
    expect(again.map((r) => r.url).filter((u) => !killed.has(new URL(u).pathname))).toEqual([]);
  });

  it('store each article and each mention once', async () => {
    const { store } = operator.rt;
    // Each stored URL points at an article (a redirecting alias at its target's), and each
    // article, keyed by its canonical URL, is there once, in its first version.
    const stored = (await store.ledger({ runId })).filter((r) => r.status === 'stored');
    const articles = await store.articles();
    expect(new Set(articles.map((x) => x.url)).size).toBe(articles.length);
    expect(new Set(stored.map((r) => r.articleId))).toEqual(new Set(articles.map((x) => x.id)));
    expect(articles.filter((x) => x.version !== 1).map((x) => x.url)).toEqual([]);
    const mentioned = (await store.mentions(EVENT)).map((m) => m.article.url).sort();
    expect(mentioned).toEqual(
      sim.manifest
        .filter((x) => x.kind === 'coverage')
        .map((x) => x.url)
        .sort(),
    );
  });

  it("never exceed an outlet's rate limit together", () => {
    expectPacedTogether(grants, sim.origins, sim.requests(), INTERVAL_MS);
  });

  it('finish the jobs of a host killed mid-crawl (stalled-job recovery)', async () => {
    expect((await victim.exit).signal).toBe('SIGKILL');
    expect(storedAtKill).toBeGreaterThanOrEqual(STORED_BEFORE_KILL);
    expect(storedAtKill).toBeLessThan(outcome.stored);
    expect(killedJobs.length).toBeGreaterThan(0);
    const status = new Map((await operator.rt.store.ledger({ runId })).map((r) => [r.url, r]));
    const survivors = hosts.filter((h) => h !== victim);
    const stalled = new Set(
      survivors.flatMap((h) =>
        h.logs.filter((r) => r.msg?.startsWith('job stalled')).map((r) => String(r.jobId)),
      ),
    );
    for (const job of killedJobs) {
      expect(status.get(job.url)?.status, job.url).toBe('stored');
      // A surviving host's stalled check gave the job back to the queue.
      expect(stalled.has(job.id), `stalled job ${job.id}`).toBe(true);
    }
  });

  it('the surviving hosts shut down cleanly on SIGTERM', async () => {
    const survivors = hosts.filter((h) => h !== victim);
    for (const h of survivors) expect(h.running(), h.name).toBe(true);
    for (const h of survivors) h.proc.kill('SIGTERM');
    const ends = await Promise.all(survivors.map((h) => h.exit));
    expect(ends.map((e) => e.code)).toEqual([0, 0]);
    for (const h of survivors)
      expect(h.logs.some((r) => r.msg?.startsWith('shutting down'))).toBe(true);
  }, 60_000);
});
