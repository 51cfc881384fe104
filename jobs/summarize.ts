// summarize — one job per event, debounced (deduplication id sum-<event>).
// Payload:   { eventId }
// Effects:   recomputes the event's coverage summary from its relevant mentions (those an
//            analyst marked not relevant are left out) and stores it; then sends the event's
//            immediate alerts and every digest that is due (src/alerts: each mention once per
//            channel; a failed delivery is recorded and retried later, never lost).
// Retries:   backoff on database errors; unknown event fails for good. Alert delivery errors
//            never fail the job.
import { UnrecoverableError, type Job } from 'bullmq';
import { refreshCoverage } from '../src/coverage/event-coverage.js';
import { reasonLine } from '../src/errors.js';
import { loadCatalog } from '../src/events/catalog.js';
import type { CoverageSummary } from '../src/summarize/coverage.js';
import type { JobContext } from './context.js';
import { parsePayload } from './queues.js';

export function summarizeProcessor(ctx: JobContext) {
  return async (job: Job): Promise<CoverageSummary> => {
    const { eventId } = parsePayload('summarize', job);
    // ctx.config holds the app events too (./events-sync.ts); one saved in another process a
    // moment ago may not have reached this one yet: the store decides then.
    let config = ctx.config;
    if (!config.events.some((e) => e.id === eventId)) {
      config = (await loadCatalog(ctx.store, ctx.config)).config;
      if (!config.events.some((e) => e.id === eventId))
        throw new UnrecoverableError(
          reasonLine(
            'MW_ERR_UNKNOWN_EVENT',
            `no event "${eventId}" in config/events or among the app's events`,
          ),
        );
    }
    const { summary } = await refreshCoverage(ctx.store, config, eventId);
    ctx.log
      .child({ queue: 'summarize', jobId: job.id, event: eventId })
      .info({ total: summary.total }, 'coverage summary refreshed');
    const now = ctx.now();
    await ctx.alerter.afterSummary(eventId, now);
    await ctx.alerter.dueDigests(now);
    return summary;
  };
}
