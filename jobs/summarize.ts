// summarize — one job per event, debounced (deduplication id sum-<event>).
// Payload:   { eventId }
// Effects:   recomputes the event's coverage summary from its relevant mentions (those an
//            analyst marked not relevant are left out) and stores it; then sends the event's
//            immediate alerts and every digest that is due (src/alerts: each mention once per
//            channel; a failed delivery is recorded and retried later, never lost).
// Retries:   backoff on database errors; unknown event fails for good. Alert delivery errors
//            never fail the job.
import { UnrecoverableError, type Job } from 'bullmq';
import { createAlerter, type Alerter } from '../src/alerts/alerter.js';
import { summarizeCoverage, type CoverageSummary } from '../src/summarize/coverage.js';
import { wireOutletIds } from '../src/config/load.js';
import { relevantMentions } from '../src/report/overrides.js';
import type { JobContext } from './context.js';
import { parsePayload } from './queues.js';

/** The process's alert sender, built from the job context (also used by ./alerts.ts). */
export function alerterFor(ctx: JobContext): Alerter {
  const { config, store } = ctx.services;
  return createAlerter({
    store,
    events: config.events,
    smtp: config.settings.smtp,
    outletNames: Object.fromEntries(config.outlets.map((o) => [o.id, o.name])),
    log: ctx.log,
    retryBaseMs: config.settings.worker.backoffMs,
  });
}

export function summarizeProcessor(ctx: JobContext) {
  const alerter = alerterFor(ctx);
  return async (job: Job): Promise<CoverageSummary> => {
    const { eventId } = parsePayload('summarize', job);
    if (!ctx.services.config.events.some((e) => e.id === eventId)) {
      throw new UnrecoverableError(`MW_ERR_UNKNOWN_EVENT: no event "${eventId}" in the config`);
    }
    const { store } = ctx.services;
    const [mentions, overrides] = await Promise.all([
      store.mentions(eventId),
      store.mentionOverrides(eventId),
    ]);
    const { kept } = relevantMentions(mentions, overrides);
    const summary = summarizeCoverage(eventId, kept, {
      wireOutlets: wireOutletIds(ctx.services.config),
    });
    await store.saveCoverage(eventId, summary);
    ctx.log
      .child({ queue: 'summarize', jobId: job.id, event: eventId })
      .info({ total: summary.total }, 'coverage summary refreshed');
    const now = ctx.services.now();
    await alerter.afterSummary(eventId, now);
    await alerter.dueDigests(now);
    return summary;
  };
}
