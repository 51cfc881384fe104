// discover — one job per outlet per crawl (or per scheduler tick).
// Payload:   { outletId, runId | null, eventIds[] (empty = every event) }
// Effects:   reads robots.txt, sitemaps, feeds and pages of the outlet; records every
//            discovered URL in the ledger (new ones pending; disallowed, off-site, out-of-window
//            ones skipped with the reason); enqueues one `article` job per new URL. A scheduled
//            run (runId null) sends conditional GETs for feeds and urlset sitemaps and skips
//            those that answer 304; it keeps the validators of the sources it read in full
//            (Redis, src/crawl/source-validators.ts) once their URLs are in the ledger.
// Retries:   a source that fails is reported in the run and the job goes on; the job itself
//            retries with backoff only on unexpected errors. Unknown outlet: fails for good.
import { UnrecoverableError, type Job } from 'bullmq';
import { discoverOutlet } from '../src/crawl/discover-outlet.js';
import { describeBudgetHits } from '../src/discover/budget.js';
import { reasonLine } from '../src/errors.js';
import { redactText, redactUrl } from '../src/url/redact.js';
import { outletFor } from '../src/crawl/services.js';
import { eventsFor, type JobContext } from './context.js';
import { articleJobId, parsePayload } from './queues.js';
import { adaptSchedule } from './schedule.js';

export function discoverProcessor(ctx: JobContext) {
  return async (
    job: Job,
  ): Promise<{ found: number; enqueued: number; skipped: number; errors: number }> => {
    const { outletId, runId, eventIds } = parsePayload('discover', job);
    const outlet = outletFor(ctx.config, outletId);
    if (!outlet)
      throw new UnrecoverableError(
        reasonLine('MW_ERR_UNKNOWN_OUTLET', `no outlet "${outletId}" in the config`),
      );
    const log = ctx.log.child({ queue: 'discover', jobId: job.id, outlet: outletId });
    const { store } = ctx;

    const events = eventsFor(ctx, eventIds);
    const windows = events.map((e) => e.window);
    const result = await discoverOutlet({ ...ctx.net, config: ctx.config }, outlet, windows, {
      searchTerms: [...new Set(events.flatMap((e) => e.event.search))],
      // A crawl reads every source in full (it may bring new events); scheduled runs poll.
      conditional: runId === null,
    });
    if (result.budget.length > 0) {
      const note = `${outletId}: ${reasonLine('MW_BUDGET_HIT', describeBudgetHits(result.budget))}`;
      log.warn({ budget: result.budget }, 'discovery hit a budget');
      await store.recordDiscoveryError({ runId, message: note });
    }
    for (const e of result.errors) {
      log.warn({ source: e }, 'discovery source failed');
      // The source's URL comes from the outlet's config and may carry credentials.
      await store.recordDiscoveryError({ runId, message: redactText(`${outletId}: ${e}`) });
    }

    const all = [...result.candidates, ...result.skipped].map((c) => ({
      url: c.url,
      outletId,
      // Where it was found, e.g. feed:/rss?token=…: the outlet's config may put a key there.
      source: redactUrl(c.source),
    }));
    const fresh = new Set(await store.discover({ runId, urls: all }));
    for (const s of result.skipped)
      if (fresh.has(s.url)) {
        await store.settle({ url: s.url, outletId, status: 'skipped', reason: s.reason });
        ctx.metrics.page(outletId, 'skipped', s.reason);
      }
    const jobs = result.candidates
      .filter((c) => fresh.has(c.url))
      .map((c) => ({
        name: 'article',
        data: { url: c.url, outletId, runId, source: c.source, eventIds },
        // A failed job is removed at once (the ledger keeps its reason), so that a later run
        // can enqueue the same job id again.
        opts: { jobId: articleJobId(c.url), removeOnFail: true },
      }));
    await ctx.queues.article.addBulk(jobs);
    // Only now that the ledger holds every URL of the sources read in full: a 304 from them
    // next time means nothing new. A run that failed before this reads them in full again.
    for (const v of result.validators) await ctx.net.validators.set(v.url, v.value);
    if (runId === null) {
      // A scheduled run: the outlet's interval follows how much it yields.
      const every = await adaptSchedule(ctx.queues, outletId, jobs.length, ctx.config.settings);
      if (every)
        log.info(
          {
            newUrls: jobs.length,
            previousMinutes: every.previous / 60_000,
            everyMinutes: every.next / 60_000,
          },
          'discovery interval adapted',
        );
    }
    const summary = {
      found: all.length,
      enqueued: jobs.length,
      skipped: result.skipped.length,
      errors: result.errors.length,
      budgetHits: result.budget.length,
    };
    log.info(
      { ...summary, sources: result.sourcesRead, notModified: result.notModified },
      'discovery done',
    );
    return summary;
  };
}
