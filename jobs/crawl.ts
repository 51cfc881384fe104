// One crawl run: a discover job per selected outlet, then wait until discover and article
// queues have drained and the summaries are refreshed, reporting progress from the ledger.
import { randomUUID } from 'node:crypto';
import type { RunCounts } from '../src/store/index.js';
import type { Runtime } from './worker.js';

export interface CrawlSelection {
  outletIds: string[];
  eventIds: string[];
}

export async function enqueueCrawl(rt: Runtime, sel: CrawlSelection): Promise<string> {
  const runId = `run-${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  await rt.store.startRun({ id: runId, outletIds: sel.outletIds, eventIds: sel.eventIds });
  await rt.queues.discover.addBulk(
    sel.outletIds.map((outletId) => ({
      name: 'discover',
      data: { outletId, runId, eventIds: sel.eventIds },
      opts: { jobId: `d-${outletId}-${runId}` },
    })),
  );
  return runId;
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

async function discoveryBusy(rt: Runtime, runId: string): Promise<boolean> {
  const jobs = await rt.queues.discover.getJobs([...BUSY]);
  return jobs.some((j) => j?.id?.endsWith(`-${runId}`));
}

/** Jobs of a queue that are not finished yet. */
async function unfinished(rt: Runtime, name: 'summarize'): Promise<number> {
  const counts = await rt.queues[name].getJobCounts(...BUSY);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Resolves when the run's work is done; `onProgress` is called about every `everyMs`. */
export async function waitForCrawl(
  rt: Runtime,
  runId: string,
  onProgress: (c: RunCounts) => void = () => undefined,
  everyMs = 250,
): Promise<RunCounts> {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  for (;;) {
    // This run's own work only: a scheduler's next delayed discovery, or another run, does not
    // keep it waiting. Its discover jobs are gone (done) or failed, and no URL is pending.
    // Discovery is asked first: once it is done, every URL it found is in the ledger.
    const discovering = await discoveryBusy(rt, runId);
    const counts = await rt.store.runCounts(runId);
    onProgress(counts);
    if (!discovering && counts.pending === 0) break;
    await sleep(everyMs);
  }
  // Article jobs request their summaries before they record the article: wait for those too.
  while ((await unfinished(rt, 'summarize')) > 0) await sleep(everyMs);
  await rt.store.finishRun(runId);
  const counts = await rt.store.runCounts(runId);
  onProgress(counts);
  return counts;
}
