// article — one job per canonical URL (job id = hash of the URL).
// Payload:   { url, outletId, runId | null, source, eventIds[] }
// Effects:   fetch (HTTP, or Chromium when the outlet needs it) → extract → match events in
//            their windows → enqueue `summarize` for every matched event → record the article,
//            its mentions and its ledger entry in one transaction (Store.recordArticle). The
//            page HTML stays in this process.
// Retries:   MW_SKIP_* (not an article, not HTML) and robots.txt disallow → ledger "skipped";
//            errors that will not heal (404, robots, bad payload) → ledger "failed", fails at once;
//            429/503 Retry-After → delayed without counting an attempt (10 waits at most);
//            a host whose pace would hold the job past politeness.maxWaitInJobMs
//            (MW_ERR_HOST_BUSY) → delayed until its turn, costing nothing;
//            transient errors → exponential backoff; the last attempt records "failed".
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { prepareArticle } from '../src/crawl/process-article.js';
import { outletFor } from '../src/crawl/services.js';
import { MwError, errorReason, isSkip, reasonLine } from '../src/errors.js';
import type { LedgerSettlement } from '../src/store/index.js';
import { eventsFor, requestSummary, type JobContext } from './context.js';
import { parsePayload } from './queues.js';

/** How many times one article job waits for a host that answers 429/503 Retry-After. */
const MAX_WAITS = 10;

export type ArticleJobResult =
  | { stored: number; canonicalUrl: string; mode: 'http' | 'browser'; matched: string[] }
  | { notModified: true }
  | { skipped: string };

export function articleProcessor(ctx: JobContext) {
  const { store, net, config } = ctx;
  // A host that is not free within maxWaitInJobMs gives the job back (MW_ERR_HOST_BUSY, below).
  const maxWait = config.settings.politeness.maxWaitInJobMs;
  const deps = {
    ...net,
    limiter: net.limiter.bounded(maxWait),
    slots: net.slots.bounded(maxWait),
    store,
    log: ctx.log,
    recrawl: config.settings.recrawl,
    now: ctx.now,
  };
  return async (job: Job, token?: string): Promise<ArticleJobResult> => {
    const { url, outletId, eventIds } = parsePayload('article', job);
    const settle = async (status: LedgerSettlement['status'], reason: string): Promise<void> => {
      await store.settle({ url, outletId, status, reason });
      ctx.metrics.page(outletId, status, reason);
    };
    const outlet = outletFor(config, outletId);
    if (!outlet) {
      const reason = reasonLine('MW_ERR_UNKNOWN_OUTLET', `no outlet "${outletId}" in the config`);
      await settle('failed', reason);
      throw new UnrecoverableError(reason);
    }
    const log = ctx.log.child({ queue: 'article', jobId: job.id, outlet: outletId, url });
    try {
      const prepared = await prepareArticle(
        { ...deps, log },
        outlet,
        url,
        eventsFor(ctx, eventIds),
      );
      if (prepared.notModified) {
        await store.settle({
          url,
          outletId,
          status: 'stored',
          reason: reasonLine('MW_NOT_MODIFIED', 'unchanged since the last visit (HTTP 304)'),
          revisitAt: prepared.revisitAt,
        });
        ctx.metrics.page(outletId, 'not_modified', 'MW_NOT_MODIFIED');
        log.debug('article not modified');
        return { notModified: true };
      }
      // Summaries first: a crawl is done when no URL is pending, and its summaries must be queued.
      const matched = prepared.mentions.map((m) => m.eventId);
      for (const eventId of matched) await requestSummary(ctx, eventId);
      const key = prepared.article.url;
      const saved = await net.timings.time('store', () =>
        store.recordArticle({
          article: prepared.article,
          mentions: prepared.mentions,
          unmatchedEventIds: prepared.unmatchedEventIds,
          ledger: {
            url,
            outletId,
            note: key === url ? null : `canonical URL ${key}`,
            revisitAt: prepared.revisitAt,
          },
        }),
      );
      ctx.metrics.page(outletId, 'stored');
      // A revisit whose new version lost a mention (rare): its summary follows right after.
      for (const eventId of saved.droppedEventIds) await requestSummary(ctx, eventId);
      log.debug({ mode: prepared.mode, matched, created: saved.created }, 'article done');
      return { stored: saved.id, canonicalUrl: key, mode: prepared.mode, matched };
    } catch (err) {
      const reason = errorReason(err);
      if (err instanceof MwError && isSkip(err.code)) {
        await settle('skipped', reason);
        log.debug({ reason }, 'article skipped');
        return { skipped: reason };
      }
      if (err instanceof MwError && err.code === 'MW_ERR_HOST_BUSY' && token) {
        // Our own pacing, not the server's: the job waits for the host's turn in the delayed
        // set, not in a worker (and it costs no attempt and no wait).
        log.debug({ waitMs: err.retryAfterMs }, 'host busy; job delayed until its turn');
        const jitter = Math.floor(Math.random() * 250);
        await job.moveToDelayed(Date.now() + (err.retryAfterMs ?? 1_000) + jitter, token);
        throw new DelayedError();
      }
      // Waits the server asked for, counted in the job's progress (politeness delays are not).
      const waits = (job.progress as { waits?: number } | null)?.waits ?? 0;
      if (err instanceof MwError && err.retry === 'later' && waits >= MAX_WAITS) {
        // A host that keeps asking us to wait: give up on this URL (a later run may retry it).
        await settle('failed', `${reason} (gave up after ${MAX_WAITS} waits)`);
        throw new UnrecoverableError(reason);
      }
      if (err instanceof MwError && err.retry === 'later' && token) {
        log.info({ reason, waitMs: err.retryAfterMs }, 'server asked us to wait; host slowed down');
        await net.limiter.holdOff(url, err.retryAfterMs ?? 60_000);
        await job.updateProgress({ waits: waits + 1 });
        await job.moveToDelayed(Date.now() + (err.retryAfterMs ?? 60_000), token);
        throw new DelayedError();
      }
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (err instanceof MwError && err.retry === 'never') {
        await settle('failed', reason);
        log.warn({ reason }, 'article failed for good');
        throw new UnrecoverableError(reason);
      }
      if (lastAttempt) {
        await settle('failed', reason);
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
