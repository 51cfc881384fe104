// A worker process's runtime: connections, store, network services, queues and (optionally)
// the workers. The composition root (app/runtime.ts) starts it for every command, the tests and
// the web server; stopped in reverse order: workers (finishing their active jobs), browser and
// HTTP, queues, Redis, database.
import { hostname } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { createAlerter } from '../src/alerts/alerter.js';
import type { Config } from '../src/config/load.js';
import type { EventConfig } from '../src/config/schema.js';
import { compileEvents } from '../src/crawl/events.js';
import { closeNetServices, createNetServices } from '../src/crawl/services.js';
import { MwError } from '../src/errors.js';
import type { Logger } from '../src/log.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { openStore, type Store } from '../src/store/index.js';
import { alertsProcessor } from './alerts.js';
import { articleProcessor } from './article.js';
import { checkRedis, connectRedis } from './connection.js';
import type { JobContext } from './context.js';
import { discoverProcessor } from './discover.js';
import { startEventsSync, type EventsSync } from './events-sync.js';
import { watchRuntime, watchWorker } from './metrics.js';
import { closeQueues, openQueues, QUEUE_NAMES, type QueueName } from './queues.js';
import { reconcileProcessor } from './reconcile.js';
import { summarizeProcessor } from './summarize.js';

/** The job context plus what only the runtime itself handles: Redis, the workers, and the
 *  events sync that keeps `config` and `events` up to date with the web app's events. */
export interface Runtime extends JobContext {
  redis: Redis;
  workers: Worker[];
  eventsSync: EventsSync;
}

const processors: { [Q in QueueName]: (ctx: JobContext) => Processor } = {
  discover: discoverProcessor,
  article: articleProcessor,
  summarize: summarizeProcessor,
  alerts: alertsProcessor,
  reconcile: reconcileProcessor,
};

export async function startRuntime(
  config: Config,
  log: Logger,
  opts: { work: boolean; now?: () => Date },
): Promise<Runtime> {
  const { settings } = config;
  const redis = connectRedis(settings.redis.url, opts.work ? 'worker' : 'producer');
  try {
    await checkRedis(redis, settings.redis.url);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  let store: Store | undefined;
  try {
    store = await openStore(settings.database.url, { poolSize: settings.database.poolSize });
    await store.upsertOutlets(config.outlets);
  } catch (err) {
    // Nothing may stay open when the runtime cannot start.
    await store?.close();
    redis.disconnect();
    throw err;
  }
  // The alerter reads the runtime's current events (app events change them, ./events-sync.ts).
  const current = { events: (): readonly EventConfig[] => config.events };
  const alerter = createAlerter({
    store,
    events: () => current.events(),
    smtp: settings.smtp,
    outletNames: Object.fromEntries(config.outlets.map((o) => [o.id, o.name])),
    log,
    retryBaseMs: settings.worker.backoffMs,
  });
  const rt: Runtime = {
    config,
    log,
    redis,
    store,
    net: createNetServices(config, { redis }),
    queues: openQueues(redis, settings),
    events: compileEvents(config),
    alerter,
    metrics: createMetrics(),
    now: opts.now ?? (() => new Date()),
    workers: [],
    eventsSync: { reload: async () => false, stop: () => undefined },
  };
  current.events = () => rt.config.events;
  try {
    // Config events and the app's events as one list (src/events/catalog.ts), kept current.
    rt.eventsSync = await startEventsSync(rt);
  } catch (err) {
    await closeNetServices(rt.net);
    await closeQueues(rt.queues);
    redis.disconnect();
    await store.close();
    throw err;
  }
  watchRuntime(rt);
  if (opts.work) startWorkers(rt);
  return rt;
}

/**
 * Node flags of a process that runs workers: the first line of bin/mediawatch.js passes them
 * when the command is run as `mediawatch …`, and the benchmark starts its worker processes
 * with them.
 *
 * --heap-growing-percent=20: a worker allocates a few MB per page (the decoded HTML — a string
 * that large goes straight to V8's old generation —, its DOM, the extracted text) that is
 * garbage once the page is stored. By its own heuristics V8 lets the old generation grow to
 * 2–4× what survived its last full GC before it collects again: a worker holding ~65 MB peaked
 * at 420–460 MB of RSS on the 2,000-page real-page crawl; growing by 20 % at a time it peaks
 * at 240–250 MB (30 %: 250–260) for the same pages per second (docs/benchmarks.md). No hard limit: a larger live
 * heap still gets the room it needs (--max-old-space-size would end the process instead).
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=20'];

/**
 * A process started without the flags (`node bin/mediawatch.js worker`, tests, embedders) sets
 * them when its workers start. V8 reads this one at every full GC, so it takes effect, though
 * less than from the start (≈ 335 MB instead of ≈ 250 MB on the same crawl: the heap has grown
 * by then).
 */
function tuneHeapForWork(): void {
  for (const flag of WORKER_NODE_FLAGS) {
    const name = flag.split('=')[0]!;
    if (!process.execArgv.some((f) => f.startsWith(name))) setFlagsFromString(flag);
  }
}

function startWorkers(rt: Runtime): void {
  tuneHeapForWork();
  // The extract threads (worker.extractThreads) start with the workers, not with a page, so
  // that the startup log says how many run.
  rt.net.extract.start();
  const { settings } = rt.config;
  for (const name of QUEUE_NAMES) {
    const make = processors[name];
    if (!make) throw new MwError('MW_ERR_NO_PROCESSOR', `queue "${name}" has no processor`);
    const worker = new Worker(name, make(rt), {
      connection: rt.redis,
      prefix: settings.redis.prefix,
      concurrency: settings.worker.concurrency[name],
      // A killed worker's jobs go back to the queue once their lock expires (stalled check).
      lockDuration: settings.worker.lockMs,
      stalledInterval: settings.worker.stalledCheckMs,
      // Stored on each job it takes (job.processedBy): which machine and process ran it.
      name: `${hostname()}:${process.pid}`,
    });
    worker.on('error', (err) => rt.log.error({ queue: name, err }, 'worker error'));
    worker.on('stalled', (jobId) =>
      rt.log.warn({ queue: name, jobId }, 'job stalled (its worker died?): back in the queue'),
    );
    watchWorker(worker, rt);
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        rt.log.warn({ queue: name, jobId: job.id, reason: err.message }, 'job failed');
      }
    });
    rt.workers.push(worker);
  }
}

/**
 * Lets active jobs finish for settings worker.shutdownTimeoutMs, then closes hard: connections
 * cut, locks left to expire, so BullMQ gives the jobs to another worker (or the next start).
 * Returns whether every job finished in time.
 */
export async function closeWorkers(rt: Runtime): Promise<boolean> {
  const deadlineMs = rt.config.settings.worker.shutdownTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const closed = Promise.all(rt.workers.map((w) => w.close())).then(() => true);
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), deadlineMs)));
  const inTime = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (!inTime) {
    rt.log.warn(
      { deadlineMs },
      'jobs still active at the shutdown deadline: closing hard (another worker retries them)',
    );
    // BullMQ's close(true) cannot overtake a graceful close under way: cut the connections.
    for (const w of rt.workers) void w.disconnect().catch(() => undefined);
  }
  return inTime;
}

export async function stopRuntime(rt: Runtime): Promise<void> {
  rt.eventsSync.stop();
  await closeWorkers(rt);
  await closeNetServices(rt.net);
  await closeQueues(rt.queues);
  await rt.redis.quit().catch(() => rt.redis.disconnect());
  await rt.store.close();
}
