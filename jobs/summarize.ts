// summarize — one job per event, debounced (deduplication id sum-<event>).
// Payload:   { eventId }
// Effects:   recomputes the event's coverage summary from its stored mentions and stores it.
// Retries:   backoff on database errors; unknown event fails for good.
import { UnrecoverableError, type Job } from 'bullmq';
import { summarizeCoverage, type CoverageSummary } from '../src/summarize/coverage.js';
import { wireOutletIds } from '../src/config/load.js';
import type { JobContext } from './context.js';
import { parsePayload } from './queues.js';

export function summarizeProcessor(ctx: JobContext) {
  return async (job: Job): Promise<CoverageSummary> => {
    const { eventId } = parsePayload('summarize', job);
    if (!ctx.services.config.events.some((e) => e.id === eventId)) {
      throw new UnrecoverableError(`MW_ERR_UNKNOWN_EVENT: no event "${eventId}" in the config`);
    }
    const mentions = await ctx.services.store.mentions(eventId);
    const summary = summarizeCoverage(eventId, mentions, {
      wireOutlets: wireOutletIds(ctx.services.config),
    });
    await ctx.services.store.saveCoverage(eventId, summary);
    ctx.log
      .child({ queue: 'summarize', jobId: job.id, event: eventId })
      .info({ total: summary.total }, 'coverage summary refreshed');
    return summary;
  };
}
