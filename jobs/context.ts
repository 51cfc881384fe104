// What every processor receives: the process's config, logger, store, network services, the
// queues it may enqueue on, the compiled events, the alert sender and the metrics. Built once
// per worker process by ./worker.ts; each processor takes what it uses from it. `config` and
// `events` change while the process runs (app events, ./events-sync.ts).
import type { Alerter } from '../src/alerts/alerter.js';
import type { Config } from '../src/config/load.js';
import type { CompiledEvent } from '../src/crawl/events.js';
import type { NetServices } from '../src/crawl/services.js';
import type { Logger } from '../src/log.js';
import type { Metrics } from '../src/metrics/metrics.js';
import type { Store } from '../src/store/index.js';
import type { Queues } from './queues.js';

export interface JobContext {
  /**
   * The config with the events of config/events and the web app's (./events-sync.ts replaces
   * it, and `events`, when app events change): read it when a job runs, never keep a copy.
   */
  config: Config;
  log: Logger;
  store: Store;
  net: NetServices;
  queues: Queues;
  /** The compiled events of `config`; replaced with it. */
  events: readonly CompiledEvent[];
  alerter: Alerter;
  /** This process's Prometheus registry (one per runtime). */
  metrics: Metrics;
  now: () => Date;
}

export function eventsFor(
  ctx: Pick<JobContext, 'events'>,
  ids: readonly string[],
): readonly CompiledEvent[] {
  return ids.length === 0 ? ctx.events : ctx.events.filter((e) => ids.includes(e.event.id));
}

/** Debounced: many matches in a burst refresh the summary once. */
export async function requestSummary(
  ctx: Pick<JobContext, 'queues'>,
  eventId: string,
): Promise<void> {
  await ctx.queues.summarize.add(
    'summarize',
    { eventId },
    { delay: 500, deduplication: { id: `sum-${eventId}`, ttl: 500 } },
  );
}
