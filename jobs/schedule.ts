// Job schedulers for `npm start`: one per outlet on the discover queue (id discover-<outlet>).
// Upserting is idempotent, so every start may run it; schedulers of outlets no longer
// configured are removed. After each scheduled run the outlet's interval adapts to its yield
// (src/crawl/adaptive-interval.ts), kept in the scheduler itself so every worker sees it.
// An admin may pause an outlet's schedule (the web app's crawl page): the outlet is kept in a
// Redis set beside the schedulers, its scheduler removed, and every later upsert (each
// `mediawatch start`) leaves it out until it is resumed. Schedules and pauses live in Redis
// together.
import type { Settings } from '../src/config/schema.js';
import { nextInterval } from '../src/crawl/adaptive-interval.js';
import type { Redis } from 'ioredis';
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

/** The Redis set of outlets whose discovery schedule an admin paused. */
const pausedKey = (settings: Settings): string => `${settings.redis.prefix}:schedule:paused`;

/** What pausing needs: the queues, a Redis connection and the settings (the key prefix). */
export interface ScheduleDeps {
  queues: Queues;
  redis: Pick<Redis, 'smembers' | 'sadd' | 'srem'>;
  settings: Settings;
}

export async function pausedOutlets(d: Omit<ScheduleDeps, 'queues'>): Promise<Set<string>> {
  return new Set(await d.redis.smembers(pausedKey(d.settings)));
}

/** Pauses an outlet's scheduled discovery until resumeSchedule (a crawl may still be started). */
export async function pauseSchedule(d: ScheduleDeps, outletId: string): Promise<void> {
  await d.redis.sadd(pausedKey(d.settings), outletId);
  await d.queues.discover.removeJobScheduler(schedulerId(outletId));
}

/** Resumes an outlet's scheduled discovery at settings schedule.everyMinutes, from now. */
export async function resumeSchedule(d: ScheduleDeps, outletId: string): Promise<void> {
  await d.redis.srem(pausedKey(d.settings), outletId);
  const every = d.settings.schedule.everyMinutes * 60_000;
  await upsert(d.queues, outletId, every, Date.now() + every);
}

export async function upsertSchedules(
  { queues, redis, settings }: ScheduleDeps,
  outletIds: readonly string[],
): Promise<string[]> {
  const paused = await pausedOutlets({ redis, settings });
  const active = outletIds.filter((id) => !paused.has(id));
  const wanted = new Set(active.map(schedulerId));
  const existing = await queues.discover.getJobSchedulers();
  for (const s of existing) {
    if (s.key.startsWith('discover-') && !wanted.has(s.key))
      await queues.discover.removeJobScheduler(s.key);
  }
  for (const outletId of active) {
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
