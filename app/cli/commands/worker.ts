import { Command } from 'commander';
import { upsertAlertSchedule } from '../../../jobs/alerts.js';
import { upsertSchedules } from '../../../jobs/schedule.js';
import { withRuntime } from '../../runtime.js';
import { loadFor, loggerFor, untilSignal } from '../context.js';

async function runWorkers(cmd: Command, schedule: boolean): Promise<void> {
  const config = loadFor(cmd);
  const log = loggerFor(config);
  // /metrics, /healthz and /readyz when metrics.port (METRICS_PORT) is set.
  await withRuntime(config, log, { work: true, ops: true }, async (rt) => {
    if (schedule) {
      const ids = await upsertSchedules(
        rt.queues,
        config.outlets.map((o) => o.id),
        config.settings,
      );
      // Digests close and failed alert deliveries are retried even when no coverage arrives.
      await upsertAlertSchedule(rt.queues.alerts);
      log.info(
        { schedulers: ids, everyMinutes: config.settings.schedule.everyMinutes },
        'discovery scheduled',
      );
    }
    log.info(
      { queues: rt.workers.map((w) => w.name) },
      'workers running; SIGINT or SIGTERM stops them',
    );
    const sig = await untilSignal();
    log.info({ signal: sig }, 'shutting down: workers, browser, queues, Redis, database');
  });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description('run the discover, article and summarize workers until SIGINT/SIGTERM')
    .action(async (_opts: unknown, cmd: Command) => runWorkers(cmd, false));
}

export function startCommand(): Command {
  return new Command('start')
    .description(
      'schedule discovery of every configured outlet (job schedulers) and run the workers (npm start)',
    )
    .action(async (_opts: unknown, cmd: Command) => runWorkers(cmd, true));
}
