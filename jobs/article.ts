// article — one job per canonical URL (job id = hash of the URL).
// Payload:   { url, outletId, runId | null, source, eventIds[] }
// Effects:   fetch (HTTP, or Chromium when the outlet needs it) → extract → store the article
//            → match events in their windows → store mentions → settle the ledger entry →
//            enqueue `summarize` for every matched event. The page HTML stays in this process.
// Retries:   MW_SKIP_* (not an article, not HTML) and robots.txt disallow → ledger "skipped";
//            errors that will not heal (404, robots, bad payload) → ledger "failed", fails at once;
//            429/503 Retry-After → delayed without counting an attempt;
//            transient errors → exponential backoff; the last attempt records "failed".
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { processArticle, type ArticleOutcome } from '../src/crawl/process-article.js';
import { outletFor } from '../src/crawl/services.js';
import { MwError, errorReason } from '../src/errors.js';
import { eventsFor, requestSummary, type JobContext } from './context.js';
import { parsePayload } from './queues.js';

/** How many times one article job waits for a host that answers 429/503 Retry-After. */
const MAX_WAITS = 10;

export function articleProcessor(ctx: JobContext) {
  return async (job: Job, token?: string): Promise<ArticleOutcome | { skipped: string }> => {
    const { url, outletId, eventIds } = parsePayload('article', job);
    const outlet = outletFor(ctx.services, outletId);
    const { store } = ctx.services;
    if (!outlet) {
      await store.settle(
        url,
        outletId,
        'failed',
        `MW_ERR_UNKNOWN_OUTLET: no outlet "${outletId}" in the config`,
      );
      throw new UnrecoverableError(`MW_ERR_UNKNOWN_OUTLET: no outlet "${outletId}"`);
    }
    const log = ctx.log.child({ queue: 'article', jobId: job.id, outlet: outletId, url });
    try {
      const outcome = await processArticle(ctx.services, outlet, url, eventsFor(ctx, eventIds));
      const note = outcome.notModified
        ? 'MW_NOT_MODIFIED: unchanged since the last visit (HTTP 304)'
        : outcome.canonicalUrl === url
          ? null
          : `canonical URL ${outcome.canonicalUrl}`;
      // Summaries first: a crawl is done when no URL is pending, and its summaries must be queued.
      for (const eventId of [...outcome.matchedEvents, ...outcome.droppedEvents]) {
        await requestSummary(ctx, eventId);
      }
      await store.settle(url, outletId, 'stored', note, outcome.articleId, outcome.revisitAt);
      log.debug(
        { mode: outcome.mode, matched: outcome.matchedEvents, notModified: outcome.notModified },
        'article done',
      );
      return outcome;
    } catch (err) {
      const reason = errorReason(err);
      if (
        err instanceof MwError &&
        (err.code.startsWith('MW_SKIP_') || err.code === 'MW_ERR_ROBOTS_DISALLOWED')
      ) {
        await store.settle(url, outletId, 'skipped', reason);
        log.debug({ reason }, 'article skipped');
        return { skipped: reason };
      }
      if (err instanceof MwError && err.retry === 'later' && job.attemptsStarted >= MAX_WAITS) {
        // A host that keeps asking us to wait: give up on this URL (a later run may retry it).
        await store.settle(url, outletId, 'failed', `${reason} (gave up after ${MAX_WAITS} waits)`);
        throw new UnrecoverableError(reason);
      }
      if (err instanceof MwError && err.retry === 'later' && token) {
        log.info({ reason, waitMs: err.retryAfterMs }, 'server asked us to wait; host slowed down');
        await ctx.services.limiter.holdOff(url, err.retryAfterMs ?? 60_000);
        await job.moveToDelayed(Date.now() + (err.retryAfterMs ?? 60_000), token);
        throw new DelayedError();
      }
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (err instanceof MwError && err.retry === 'never') {
        await store.settle(url, outletId, 'failed', reason);
        log.warn({ reason }, 'article failed for good');
        throw new UnrecoverableError(reason);
      }
      if (lastAttempt) {
        await store.settle(url, outletId, 'failed', reason);
        log.warn(
          { reason, attempts: job.attemptsMade + 1 },
          'article failed after its last attempt',
        );
      } else
        log.info({ reason, attempt: job.attemptsMade + 1 }, 'article attempt failed; will retry');
      throw err;
    }
  };
}
