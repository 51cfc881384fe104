// Feeding the process's metrics (src/metrics) from the worker runtime: the pipeline's stage
// timings, the queues' job counts and the browser's pages (both read on scrape), and every job
// attempt's duration from BullMQ's worker events. The article job records each page's outcome
// itself (jobs/article.ts), the discover job the URLs it leaves out (jobs/discover.ts).
import type { Job, Worker } from 'bullmq';
import type { QueueCounts } from '../src/metrics/metrics.js';
import type { JobContext } from './context.js';
import { QUEUE_NAMES, type Queues } from './queues.js';

/**
 * The states `mediawatch_queue_jobs` reports, per queue. Not `completed`: completed jobs are
 * removed at once (jobs/queues.ts), so completions are counted by the job duration histogram.
 */
const QUEUE_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'waiting-children',
  'failed',
] as const;

export async function queueCounts(queues: Queues): Promise<QueueCounts> {
  const entries = await Promise.all(
    QUEUE_NAMES.map(async (name) => [name, await queues[name].getJobCounts(...QUEUE_STATES)]),
  );
  return Object.fromEntries(entries) as QueueCounts;
}

/** Points the metrics at this runtime's stage timings, queues and browser. */
export function watchRuntime(ctx: Pick<JobContext, 'config' | 'metrics' | 'net' | 'queues'>): void {
  const { metrics, net, queues } = ctx;
  metrics.declare({ outlets: ctx.config.outlets.map((o) => o.id) });
  net.timings.observe((stage, ms) => metrics.stage(stage, ms));
  metrics.readFrom({
    queueCounts: () => queueCounts(queues),
    browserPages: () => net.browser.pageCounts(),
  });
}

/** How long one attempt ran: from the moment a worker took it until it ended (now, if unset). */
function attemptMs(job: Job): number {
  return job.processedOn ? (job.finishedOn ?? Date.now()) - job.processedOn : 0;
}

/**
 * Every attempt's duration, by how it ended. A failed attempt with a retry to come has no
 * `finishedOn` yet (BullMQ sets it only when the job fails for good). Attempts that wait for a
 * host (moveToDelayed, DelayedError) emit no event and are not counted.
 */
export function watchWorker(worker: Worker, ctx: Pick<JobContext, 'metrics'>): void {
  const queue = worker.name;
  ctx.metrics.declare({ queues: [queue] });
  worker.on('completed', (job) => ctx.metrics.job(queue, 'completed', attemptMs(job)));
  worker.on('failed', (job) => {
    if (job) ctx.metrics.job(queue, job.finishedOn ? 'failed' : 'retry', attemptMs(job));
  });
}
