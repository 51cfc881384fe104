import { Command } from 'commander';
import { withRuntime } from '../../runtime.js';
import { loadFor, loggerFor, untilSignal } from '../context.js';

async function runWorkers(cmd: Command, schedule: boolean): Promise<void> {
  const { upsertSchedules } = await import('../../../jobs/schedule.js');
  const { upsertReconcileSchedule } = await import('../../../jobs/reconcile.js');
  const { upsertAlertSchedule } = await import('../../../jobs/alerts.js');
  const config = loadFor(cmd);
  const log = loggerFor(config);
  // /metrics, /healthz and /readyz when metrics.port (METRICS_PORT) is set.
  await withRuntime(config, log, { work: true, ops: true }, async (rt) => {
    if (schedule) {
      // Outlets an admin paused (the web app's crawl page) stay unscheduled.
      const ids = await upsertSchedules(
        { queues: rt.queues, redis: rt.redis, settings: rt.config.settings },
        config.outlets.map((o) => o.id),
      );
      // Digests close and failed alert deliveries are retried even when no coverage arrives.
      await upsertAlertSchedule(rt.queues.alerts);
      // Pending ledger URLs whose job Redis lost are enqueued again (jobs/reconcile.ts).
      await upsertReconcileSchedule(rt.queues.reconcile);
      log.info(
        { schedulers: ids, everyMinutes: config.settings.schedule.everyMinutes },
        'discovery scheduled',
      );
    }
    // `start` serves the web app beside the workers (settings web.enabled; WEB_PORT=off).
    const web =
      schedule && config.settings.web.enabled
        ? await (await import('../../web/server.js')).startWebServer(rt)
        : null;
    if (web) log.info({ url: web.url }, 'web app listening');
    log.info(
      // extractThreads: the threads that started (fewer than configured if the thread's
      // script is missing from the build: the job's thread then extracts).
      { queues: rt.workers.map((w) => w.name), extractThreads: rt.net.extract.size },
      'workers running; SIGINT or SIGTERM stops them',
    );
    // A worker started by `crawl --workers N` stops with the crawl's process (its stdin closes).
    if (process.env.MEDIAWATCH_STOP_WITH_STDIN === '1') {
      process.stdin.resume();
      process.stdin.once('end', () => process.kill(process.pid, 'SIGTERM'));
      process.stdin.once('error', () => process.kill(process.pid, 'SIGTERM'));
    }
    const sig = await untilSignal();
    await web?.close();
    const deadlineMs = config.settings.worker.shutdownTimeoutMs;
    log.info(
      { signal: sig, deadlineMs },
      'shutting down: workers (active jobs get the deadline, then a hard close), browser, queues, Redis, database',
    );
    hardExitAfter(deadlineMs + 5_000, log);
  });
  // Whatever still holds the event loop (a job's timer after a hard close) does not keep the
  // process: it ends once the runtime is down.
  setTimeout(() => process.exit(), 500).unref();
}

/** A second signal, or a shutdown past its deadline (and a margin), ends the process at once. */
function hardExitAfter(ms: number, log: { error(o: object, m: string): void }): void {
  const now = (sig: NodeJS.Signals): void => {
    log.error({ signal: sig }, 'second signal: exiting without a clean shutdown');
    process.exit(130);
  };
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  setTimeout(() => {
    log.error({ afterMs: ms }, 'shutdown did not finish in time: exiting');
    process.exit(1);
  }, ms).unref();
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('run the discover, article and summarize workers until SIGINT/SIGTERM')
    .action(async (_opts: unknown, cmd: Command) => runWorkers(cmd, false));
}

export function startCommand(): Command {
  return new Command('start')
    .description(
      'schedule discovery of every configured outlet (job schedulers), run the workers and serve the web app (npm start)',
    )
    .action(async (_opts: unknown, cmd: Command) => runWorkers(cmd, true));
}
