// A process's Prometheus metrics: one prom-client Registry per runtime (never the global default
// one: tests start several runtimes in one process), built by the worker runtime
// (jobs/worker.ts) and passed to whoever records. Stages and services do not import this
// module: the runtime feeds it from their hooks (StageTimings observers, BrowserPool counts)
// and from BullMQ's events. The ops server (app/services/ops-server.ts) serves `text()`.
//
// Names and labels (docs/operations.md says what each means and how to alert on it):
//   mediawatch_pages_total{outlet,outcome,reason}   counter; outcome stored | not_modified |
//                                                    skipped | failed, reason a catalogue code
//   mediawatch_fetch_duration_seconds{mode}          histogram; mode http | browser
//   mediawatch_stage_duration_seconds{stage}         histogram; extract | match | store
//   mediawatch_job_duration_seconds{queue,status}    histogram; status completed | failed | retry
//   mediawatch_queue_jobs{queue,state}               gauge, read from the queues on scrape
//   mediawatch_browser_pages_open / _busy            gauges, read from the browser pool on scrape
//   process_* and nodejs_* (prom-client's default metrics: RSS, CPU, heap, event-loop lag, GC)
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ErrorCode } from '../errors.js';
import { reasonCode } from './reason-code.js';

/** How a page's ledger entry ended (a 304 is stored, but counted apart). */
export type PageOutcome = 'stored' | 'not_modified' | 'skipped' | 'failed';

/** How one job attempt ended: completed, failed for good, or failed with a retry to come. */
export type JobStatus = 'completed' | 'failed' | 'retry';

/** Job counts per queue and state, as BullMQ's Queue.getJobCounts returns them. */
export type QueueCounts = Record<string, Record<string, number>>;

export interface MetricSources {
  /** Read on every scrape. */
  queueCounts?: () => Promise<QueueCounts>;
  /** Read on every scrape. */
  browserPages?: () => { open: number; busy: number; retired?: number };
}

export interface Metrics {
  readonly registry: Registry;
  /** A page's ending: `reason` is a reason line or a code, reduced to its code. */
  page(outlet: string, outcome: PageOutcome, reason?: string | ErrorCode): void;
  /** A timed pipeline stage (StageTimings' stages): fetch, render, extract, match, store. */
  stage(stage: string, ms: number): void;
  /** One job attempt's duration. */
  job(queue: string, status: JobStatus, ms: number): void;
  /**
   * Series that exist from the start at 0 (stored pages per outlet, completed jobs per queue),
   * so that an alert on "no increase" fires for an outlet or queue that never yields.
   */
  declare(known: { outlets?: readonly string[]; queues?: readonly string[] }): void;
  /** Where the gauges read on scrape come from (set once the queues and browser exist). */
  readFrom(sources: MetricSources): void;
  /** The text exposition format, and its content type. */
  text(): Promise<string>;
  readonly contentType: string;
}

const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];
const STAGE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/** How long a scrape waits for the queue counts before leaving them out. */
const QUEUE_READ_MS = 1_000;

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** StageTimings' stages that are fetches, by the fetch mode they stand for. */
const FETCH_MODES: Record<string, string> = { fetch: 'http', render: 'browser' };

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  let sources: MetricSources = {};

  // RSS, CPU, heap, handles, event-loop lag (nodejs_eventloop_lag_*), GC.
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const pages = new Counter({
    name: 'mediawatch_pages_total',
    help: 'Pages whose ledger entry ended, by outlet, outcome and reason code',
    labelNames: ['outlet', 'outcome', 'reason'] as const,
    registers,
  });
  const fetchDuration = new Histogram({
    name: 'mediawatch_fetch_duration_seconds',
    help: 'Time to fetch one article page over HTTP or render it in Chromium (politeness waits included)',
    labelNames: ['mode'] as const,
    buckets: FETCH_BUCKETS,
    registers,
  });
  const stageDuration = new Histogram({
    name: 'mediawatch_stage_duration_seconds',
    help: 'Time spent in one pipeline stage for one page (extract, match per event, store)',
    labelNames: ['stage'] as const,
    buckets: STAGE_BUCKETS,
    registers,
  });
  const jobDuration = new Histogram({
    name: 'mediawatch_job_duration_seconds',
    help: 'Duration of one job attempt, by queue and how it ended',
    labelNames: ['queue', 'status'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  new Gauge({
    name: 'mediawatch_queue_jobs',
    help: 'Jobs in each queue by state (shared by every worker on the same Redis and prefix)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect(this: Gauge<'queue' | 'state'>) {
      this.reset();
      if (!sources.queueCounts) return;
      // Redis down or slow: the scrape still answers (process metrics), without queue gauges.
      const counts = await within(QUEUE_READ_MS, sources.queueCounts()).catch(() => ({}));
      for (const [queue, states] of Object.entries(counts))
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
    },
  });
  new Gauge({
    name: 'mediawatch_browser_pages_open',
    help: 'Chromium pages open in this process (kept and reused between renders)',
    registers,
    collect(this: Gauge) {
      this.set(sources.browserPages?.().open ?? 0);
    },
  });
  new Gauge({
    name: 'mediawatch_browser_pages_busy',
    help: 'Chromium pages rendering right now in this process',
    registers,
    collect(this: Gauge) {
      this.set(sources.browserPages?.().busy ?? 0);
    },
  });
  new Counter({
    name: 'mediawatch_browser_pages_retired_total',
    help: 'Chromium pages (with their contexts) closed after browser.pageUses renders in this process',
    registers,
    collect(this: Counter) {
      // The pool counts; the counter reads its total on each scrape.
      this.reset();
      this.inc(sources.browserPages?.().retired ?? 0);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    page(outlet, outcome, reason) {
      pages.inc({ outlet, outcome, reason: reason === undefined ? '' : reasonCode(reason) });
    },
    stage(stage, ms) {
      const mode = FETCH_MODES[stage];
      if (mode) fetchDuration.observe({ mode }, ms / 1000);
      else stageDuration.observe({ stage }, ms / 1000);
    },
    job(queue, status, ms) {
      jobDuration.observe({ queue, status }, Math.max(0, ms) / 1000);
    },
    declare(known) {
      for (const outlet of known.outlets ?? [])
        pages.inc({ outlet, outcome: 'stored', reason: '' }, 0);
      for (const queue of known.queues ?? []) jobDuration.zero({ queue, status: 'completed' });
    },
    readFrom(next) {
      sources = { ...sources, ...next };
    },
    text: () => registry.metrics(),
  };
}
