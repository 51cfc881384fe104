// Job schedulers for `npm start`: one per outlet on the discover queue, every
// settings.schedule.everyMinutes. Upserting is idempotent, so every start may run it;
// schedulers of outlets no longer configured are removed.
import type { Runtime } from './worker.js';

export async function upsertSchedules(rt: Runtime): Promise<string[]> {
  const every = rt.config.settings.schedule.everyMinutes * 60_000;
  const wanted = new Set(rt.config.outlets.map((o) => `discover-${o.id}`));
  for (const s of await rt.queues.discover.getJobSchedulers()) {
    if (s.key.startsWith('discover-') && !wanted.has(s.key))
      await rt.queues.discover.removeJobScheduler(s.key);
  }
  for (const outlet of rt.config.outlets) {
    await rt.queues.discover.upsertJobScheduler(
      `discover-${outlet.id}`,
      { every },
      { name: 'discover', data: { outletId: outlet.id, runId: null, eventIds: [] } },
    );
  }
  return [...wanted];
}
