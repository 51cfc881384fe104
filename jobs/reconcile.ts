// reconcile — the ledger against the queues. A URL the ledger calls pending must have a live
// article job; one whose job is gone (FLUSHALL, keys lost, a Redis that refused the write, a job
// that ended without recording a result because the database refused it) would never be
// fetched, and `crawl` would wait for it forever. Run as a scheduled tick (job scheduler
// "reconcile-tick" under `start`), at the start of every crawl (enqueueCrawl), by
// `mediawatch reconcile`, and by waitForCrawl while it waits.
// Payload:   {} (the tick looks at every pending entry older than the grace period)
// Effects:   each pending ledger entry without a live job (waiting, active, delayed, …) is
//            enqueued again under its own job id (a finished job of that id is removed first).
// Retries:   none: the next tick looks again. A Redis that refuses the write (maxmemory):
//            MW_ERR_REDIS_FULL, reported per URL, the job fails.
// Enqueues:  article jobs.
import type { Job, Queue } from 'bullmq';
import { MwError, reasonLine } from '../src/errors.js';
import type { LedgerRow } from '../src/store/index.js';
import type { JobContext } from './context.js';
import { articleJobId, parsePayload, type Payload } from './queues.js';

export const RECONCILE_QUEUE = 'reconcile';
export const RECONCILE_SCHEDULER_ID = 'reconcile-tick';
export const RECONCILE_TICK_MS = 60_000;
/**
 * Entries pending for less than this are left alone by the tick and at the start of a crawl:
 * discovery records a URL a moment before it enqueues its job.
 */
export const RECONCILE_GRACE_MS = 60_000;

const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const BATCH = 500;

export interface ReconcileOptions {
  /** Only this run's entries (else every run's). */
  runId?: string;
  /** Only entries last touched at least this long ago. */
  graceMs?: number;
  /** At most this many entries (oldest first). */
  limit?: number;
  /** The events to match for a run's entry (default: every event). */
  eventIds?: (runId: string | null) => string[];
  /** Entries to leave as they are (not enqueued again; counted in `left`). */
  leave?: (url: string) => boolean;
}

export interface Reconciled {
  /** Pending entries looked at. */
  checked: number;
  /** Of those, with a live job. */
  live: number;
  /** Enqueued again. */
  requeued: string[];
  /** Without a live job, left alone as asked (`leave`). */
  left: string[];
  /** Without a live job, and Redis refused to enqueue them: with the reason. */
  refused: Array<{ url: string; reason: string }>;
}

/** A Redis reply that means it refuses writes because it reached maxmemory. */
export function isRedisFull(err: unknown): boolean {
  return err instanceof Error && /\bOOM\b/.test(err.message);
}

export function redisFullError(err: unknown): MwError {
  return new MwError(
    'MW_ERR_REDIS_FULL',
    `Redis refuses writes: ${(err as Error).message.trim()}; raise its maxmemory or free memory, ` +
      'then run mediawatch reconcile',
    { cause: err },
  );
}

/** Whether the URL's article job is still to run (or running). */
async function hasLiveJob(queue: Queue, url: string): Promise<boolean> {
  const job = (await queue.getJob(articleJobId(url))) as Job | undefined;
  if (!job) return false;
  const state = await job.getState();
  if (LIVE.has(state)) return true;
  // Completed or failed without a result in the ledger: the id must be free to enqueue again.
  await job.remove().catch(() => undefined);
  return false;
}

export async function reconcilePending(
  ctx: Pick<JobContext, 'store' | 'queues' | 'now'>,
  opts: ReconcileOptions = {},
): Promise<Reconciled> {
  const before =
    opts.graceMs !== undefined
      ? new Date(ctx.now().getTime() - opts.graceMs).toISOString()
      : undefined;
  const filter = {
    ...(opts.runId !== undefined ? { runId: opts.runId } : {}),
    ...(before !== undefined ? { before } : {}),
    limit: opts.limit ?? 10_000,
  };
  const rows = await ctx.store.pending(filter);
  const out: Reconciled = { checked: rows.length, live: 0, requeued: [], left: [], refused: [] };
  const jobless: LedgerRow[] = [];
  for (const row of rows) {
    if (await hasLiveJob(ctx.queues.article, row.url)) out.live++;
    else jobless.push(row);
  }
  // A job records its ledger result before it ends: one that ended between reading the ledger
  // and looking for the job left its URL no longer pending. Only URLs still pending after their
  // job was seen gone are lost.
  const still = new Set((await ctx.store.pending(filter)).map((r) => r.url));
  const lost: LedgerRow[] = [];
  for (const row of jobless) {
    if (!still.has(row.url)) out.checked--;
    else if (opts.leave?.(row.url)) out.left.push(row.url);
    else lost.push(row);
  }
  for (let i = 0; i < lost.length; i += BATCH) {
    const batch = lost.slice(i, i + BATCH);
    try {
      await ctx.queues.article.addBulk(
        batch.map((row) => {
          const data: Payload<'article'> = {
            url: row.url,
            outletId: row.outletId,
            runId: row.runId,
            source: row.source,
            eventIds: opts.eventIds?.(row.runId) ?? [],
          };
          return {
            name: 'article',
            data,
            opts: { jobId: articleJobId(row.url), removeOnFail: true },
          };
        }),
      );
      out.requeued.push(...batch.map((r) => r.url));
    } catch (err) {
      const reason = isRedisFull(err)
        ? reasonLine('MW_ERR_REDIS_FULL', `Redis refused to queue it: ${(err as Error).message}`)
        : reasonLine('MW_ERR_JOB_LOST', `could not queue it again: ${(err as Error).message}`);
      out.refused.push(...lost.slice(i).map((r) => ({ url: r.url, reason })));
      break;
    }
  }
  return out;
}

export function reconcileProcessor(ctx: JobContext) {
  return async (job: Job): Promise<Omit<Reconciled, 'left'>> => {
    parsePayload('reconcile', job);
    const r = await reconcilePending(ctx, { graceMs: RECONCILE_GRACE_MS });
    const log = ctx.log.child({ queue: RECONCILE_QUEUE, jobId: job.id });
    if (r.requeued.length > 0)
      log.warn(
        { requeued: r.requeued.length, sample: r.requeued.slice(0, 5) },
        'pending URLs without a job were enqueued again',
      );
    if (r.refused.length > 0) {
      log.error({ refused: r.refused.length, reason: r.refused[0]?.reason }, 'reconcile refused');
      throw new MwError('MW_ERR_REDIS_FULL', r.refused[0]?.reason ?? 'Redis refused the jobs');
    }
    return { checked: r.checked, live: r.live, requeued: r.requeued, refused: r.refused };
  };
}

/** Idempotent: every `start` may call it. */
export async function upsertReconcileSchedule(
  queue: Queue,
  everyMs = RECONCILE_TICK_MS,
): Promise<void> {
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: everyMs },
    { name: 'reconcile', data: {} },
  );
}
