// One crawl run: a discover job per selected outlet, then wait until discover and article
// queues have drained and the summaries are refreshed, reporting progress from the ledger.
// A crawl never waits on a URL that has no job: pending URLs whose job is gone are enqueued
// again (jobs/reconcile.ts) before the run starts and every few seconds while it waits; what
// cannot be done (a Redis that refuses writes, a job that keeps ending without a result) ends
// the run with each URL and the reason, instead of a crawl that hangs.
import { randomUUID } from 'node:crypto';
import { reasonLine } from '../src/errors.js';
import type { RunCounts } from '../src/store/index.js';
import {
  isRedisFull,
  RECONCILE_GRACE_MS,
  reconcilePending,
  redisFullError,
  type Reconciled,
} from './reconcile.js';
import type { Runtime } from './worker.js';

export interface CrawlSelection {
  outletIds: string[];
  eventIds: string[];
}

/** Events asked for by the runs this process started (for URLs enqueued again). */
const runEvents = new Map<string, string[]>();

async function orFull<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw isRedisFull(err) ? redisFullError(err) : err;
  }
}

export async function enqueueCrawl(rt: Runtime, sel: CrawlSelection): Promise<string> {
  // URLs left pending without a job by an earlier run (FLUSHALL, a crash) are fetched again now
  // rather than treated as in flight.
  const before = await orFull(
    reconcilePending(rt, {
      graceMs: RECONCILE_GRACE_MS,
      eventIds: (id) => (id ? (runEvents.get(id) ?? []) : []),
    }),
  );
  if (before.refused.length > 0) throw redisFullError(new Error(before.refused[0]!.reason));
  if (before.requeued.length > 0)
    rt.log.warn(
      { requeued: before.requeued.length, sample: before.requeued.slice(0, 5) },
      'pending URLs of earlier runs had no job: enqueued again',
    );
  const runId = `run-${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  runEvents.set(runId, sel.eventIds);
  await rt.store.startRun({ id: runId, outletIds: sel.outletIds, eventIds: sel.eventIds });
  await orFull(
    rt.queues.discover.addBulk(
      sel.outletIds.map((outletId) => ({
        name: 'discover',
        data: { outletId, runId, eventIds: sel.eventIds },
        opts: { jobId: `d-${outletId}-${runId}` },
      })),
    ),
  );
  return runId;
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

async function discoveryBusy(rt: Runtime, runId: string): Promise<string[]> {
  const jobs = await rt.queues.discover.getJobs([...BUSY]);
  return jobs
    .filter((j) => j?.id?.endsWith(`-${runId}`))
    .map((j) => (j.data as { outletId: string }).outletId);
}

/** Jobs of a queue that are not finished yet. */
async function unfinished(rt: Runtime, name: 'summarize'): Promise<number> {
  const counts = await rt.queues[name].getJobCounts(...BUSY);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Why Redis refuses writes (maxmemory reached), or null when it accepts them. */
async function refusesWrites(rt: Runtime): Promise<string | null> {
  try {
    await rt.redis.set(`${rt.config.settings.redis.prefix}:write-probe`, '1', 'PX', 10_000);
    return null;
  } catch (err) {
    return isRedisFull(err) ? (err as Error).message : null;
  }
}

/** What a run could not do, and why: a URL (or `discovery of OUTLET`) and its reason line. */
export interface Unfinished {
  what: string;
  reason: string;
}

export interface CrawlOutcome extends RunCounts {
  /** Empty when the run did everything it found; else why it stopped waiting for each. */
  unfinished: Unfinished[];
}

export interface WaitOptions {
  /** How often pending URLs are checked for a live job, ms (default 3 s). */
  reconcileEveryMs?: number;
  /** How often one URL is enqueued again before the run gives up on it (default 2). */
  maxRequeues?: number;
}

/** Resolves when the run's work is done; `onProgress` is called about every `everyMs`. */
export async function waitForCrawl(
  rt: Runtime,
  runId: string,
  onProgress: (c: RunCounts) => void = () => undefined,
  everyMs = 250,
  opts: WaitOptions = {},
): Promise<CrawlOutcome> {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const reconcileEveryMs = opts.reconcileEveryMs ?? 3_000;
  const maxRequeues = opts.maxRequeues ?? 2;
  const requeues = new Map<string, number>();
  const gaveUp = new Map<string, string>();
  let lastCheck = Date.now();
  let fullSince: number | null = null;
  let redisFull = false;
  for (;;) {
    // This run's own work only: a scheduler's next delayed discovery, or another run, does not
    // keep it waiting. Its discover jobs are gone (done) or failed, and no URL is pending.
    // Discovery is asked first: once it is done, every URL it found is in the ledger.
    const discovering = await discoveryBusy(rt, runId);
    const counts = await rt.store.runCounts(runId);
    onProgress(counts);
    if (discovering.length === 0 && counts.pending === 0) break;
    if (Date.now() - lastCheck >= reconcileEveryMs) {
      lastCheck = Date.now();
      // A Redis at maxmemory refuses every write: no job starts or ends. Twice in a row, and
      // the run stops waiting and says so.
      const full = await refusesWrites(rt);
      if (full && fullSince !== null) {
        const reason = reasonLine('MW_ERR_REDIS_FULL', `Redis refuses writes: ${full}`);
        for (const outletId of discovering) gaveUp.set(`discovery of ${outletId}`, reason);
        for (const row of await rt.store.pending({ runId })) gaveUp.set(row.url, reason);
        redisFull = true;
        break;
      }
      fullSince = full ? Date.now() : null;
      if (!full && discovering.length === 0) {
        const r: Reconciled = await reconcilePending(rt, {
          runId,
          eventIds: () => runEvents.get(runId) ?? [],
          leave: (url) => gaveUp.has(url) || (requeues.get(url) ?? 0) >= maxRequeues,
        });
        for (const url of r.requeued) requeues.set(url, (requeues.get(url) ?? 0) + 1);
        if (r.requeued.length > 0)
          rt.log.warn(
            { runId, requeued: r.requeued.length, sample: r.requeued.slice(0, 5) },
            'pending URLs had no job (Redis lost them): enqueued again',
          );
        for (const f of r.refused) gaveUp.set(f.url, f.reason);
        for (const url of r.left) {
          if (!gaveUp.has(url))
            gaveUp.set(
              url,
              reasonLine(
                'MW_ERR_JOB_LOST',
                `its job ended ${maxRequeues + 1} times without a result in the ledger ` +
                  '(the database may refuse writes: see the log)',
              ),
            );
        }
        // Everything still pending is given up on: nothing more will happen by waiting.
        if (gaveUp.size > 0 && r.live === 0 && r.requeued.length === 0) break;
      }
    }
    await sleep(everyMs);
  }
  // Article jobs request their summaries before they record the article: wait for those too
  // (not when Redis refuses writes: they cannot run then).
  while (!redisFull && (await unfinished(rt, 'summarize')) > 0) await sleep(everyMs);
  await rt.store.finishRun(runId);
  const counts = await rt.store.runCounts(runId);
  onProgress(counts);
  runEvents.delete(runId);
  return {
    ...counts,
    unfinished: [...gaveUp].map(([what, reason]) => ({ what, reason })),
  };
}
