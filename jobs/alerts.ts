// alerts — a scheduled tick (job scheduler "alerts-tick"), so that digests go out when their
// period ends and failed deliveries are retried even when no new coverage arrives.
// Payload:   {} (nothing: the tick looks at every event with `alerts`)
// Effects:   sends every alert that is due (src/alerts/alerter.ts sendDue): immediate alerts
//            not sent yet, failed ones whose retry time has come, digests of ended periods.
// Retries:   none needed: a delivery error is recorded with its retry time and the next tick
//            takes it; a bad payload fails for good.
// Enqueues:  nothing.
import type { Job, Queue } from 'bullmq';
import type { JobContext } from './context.js';
import { parsePayload } from './queues.js';

export const ALERTS_QUEUE = 'alerts';
export const ALERTS_SCHEDULER_ID = 'alerts-tick';
export const ALERTS_TICK_MS = 60_000;

export function alertsProcessor(ctx: JobContext) {
  return async (job: Job): Promise<{ sent: number; failed: number }> => {
    parsePayload('alerts', job);
    const done = await ctx.alerter.sendDue(ctx.now());
    const failed = done.filter((d) => d.error !== undefined).length;
    if (done.length > 0) {
      ctx.log
        .child({ queue: ALERTS_QUEUE, jobId: job.id })
        .info({ sent: done.length - failed, failed }, 'alert tick');
    }
    return { sent: done.length - failed, failed };
  };
}

/** Idempotent: every `start` may call it. */
export async function upsertAlertSchedule(queue: Queue, everyMs = ALERTS_TICK_MS): Promise<void> {
  await queue.upsertJobScheduler(
    ALERTS_SCHEDULER_ID,
    { every: everyMs },
    { name: 'alerts', data: {} },
  );
}
