// Job schedulers for `npm start`: one per outlet on the discover queue (id discover-<outlet>).
// Upserting is idempotent, so every start may run it; schedulers of outlets no longer
// configured are removed. After each scheduled run the outlet's interval adapts to its yield
// (src/crawl/adaptive-interval.ts), kept in the scheduler itself so every worker sees it.
import type { Settings } from '../src/config/schema.js';
import { nextInterval } from '../src/crawl/adaptive-interval.js';
import type { Queues } from './queues.js';

const schedulerId = (outletId: string): string => `discover-${outletId}`;

async function upsert(
  queues: Queues,
  outletId: string,
  every: number,
  startDate?: number,
): Promise<void> {
  await queues.discover.upsertJobScheduler(
    schedulerId(outletId),
    startDate === undefined ? { every } : { every, startDate },
    { name: 'discover', data: { outletId, runId: null, eventIds: [] } },
  );
}

export async function upsertSchedules(
  queues: Queues,
  outletIds: readonly string[],
  settings: Settings,
): Promise<string[]> {
  const wanted = new Set(outletIds.map(schedulerId));
  const existing = await queues.discover.getJobSchedulers();
  for (const s of existing) {
    if (s.key.startsWith('discover-') && !wanted.has(s.key))
      await queues.discover.removeJobScheduler(s.key);
  }
  for (const outletId of outletIds) {
    // Keep an adapted interval across restarts; start new outlets at everyMinutes.
    const current = existing.find((s) => s.key === schedulerId(outletId))?.every;
    await upsert(queues, outletId, Number(current) || settings.schedule.everyMinutes * 60_000);
  }
  return [...wanted];
}

/** After a scheduled discovery run: lengthen or shorten the outlet's interval (ms). */
export async function adaptSchedule(
  queues: Queues,
  outletId: string,
  newUrls: number,
  settings: Settings,
): Promise<{ previous: number; next: number } | null> {
  const scheduler = await queues.discover.getJobScheduler(schedulerId(outletId));
  const current = Number(scheduler?.every);
  if (!scheduler || !current) return null;
  const next = nextInterval(current, newUrls, {
    minMs: settings.schedule.minMinutes * 60_000,
    maxMs: settings.schedule.maxMinutes * 60_000,
  });
  // A changed interval restarts BullMQ's 'every' clock, and without a start date the next run
  // would be queued at once: each adaptation would trigger another run. The next run is one
  // new interval from now.
  if (next !== current) await upsert(queues, outletId, next, Date.now() + next);
  return { previous: current, next };
}
