import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { findEvent, findOutlet } from '../../../src/config/load.js';
import { MwError } from '../../../src/errors.js';
import { withRuntime } from '../../runtime.js';
import { globalConfigDir, loadFor, loggerFor } from '../context.js';
import { progressPrinter, runSummary } from '../progress.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function workersOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new MwError(
      'MW_ERR_BAD_ARGUMENT',
      `--workers must be a whole number of processes, 1 or more, not "${value}"`,
    );
  return Number(value);
}

/**
 * Worker processes of a crawl by default: one per two cores, each with its extract thread
 * (worker.extractThreads auto). On 2 cores one process and its thread crawl as fast as two
 * processes, in less memory (docs/benchmarks.md).
 */
function defaultWorkers(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

export function crawlCommand(): Command {
  return new Command('crawl')
    .description(
      'enqueue one crawl of the configured outlets and (unless --no-work) run the workers here until it is done',
    )
    .option('--outlet <id>', 'crawl only this outlet (repeatable)', collect, [])
    .option('--event <id>', 'match only this event (repeatable)', collect, [])
    .addOption(
      new Option(
        '--workers <n>',
        `worker processes in all, this one included: n-1 \`mediawatch worker\` processes start with the crawl and stop after it; 1: this process alone; refused with --no-work (default: one per two cores, ${defaultWorkers()}: each extracts pages on a thread of its own, worker.extractThreads auto)`,
      ).argParser(workersOption),
    )
    .option('--no-work', 'only enqueue; workers elsewhere (`mediawatch worker`) do the work')
    .action(
      async (
        opts: { outlet: string[]; event: string[]; work: boolean; workers?: number },
        cmd: Command,
      ) => {
        if (!opts.work && opts.workers !== undefined)
          throw new MwError(
            'MW_ERR_BAD_ARGUMENT',
            '--workers starts workers for the crawl: it cannot go with --no-work',
          );
        const { enqueueCrawl, waitForCrawl } = await import('../../../jobs/crawl.js');
        const loaded = loadFor(cmd);
        const outletIds =
          opts.outlet.length > 0
            ? opts.outlet.map((id) => findOutlet(loaded, id).id)
            : loaded.outlets.map((o) => o.id);
        const log = loggerFor(loaded, true);
        const browser =
          opts.work && loaded.outlets.some((o) => outletIds.includes(o.id) && o.fetch !== 'http');
        const processes = opts.work ? (opts.workers ?? defaultWorkers()) : 0;
        await withRuntime(loaded, log, { work: opts.work, browser }, async (rt) => {
          // rt.config holds the web app's events too (jobs/events-sync.ts).
          const eventIds = opts.event.map((id) => findEvent(rt.config, id).id);
          // The other worker processes, on the Redis this runtime resolved; running before the
          // crawl is enqueued, so that every process takes its share from the start.
          const helpers =
            processes > 1
              ? await (
                  await import('../../services/worker-processes.js')
                ).startWorkerProcesses(rt, {
                  count: processes - 1,
                  configDir: globalConfigDir(cmd),
                  minLevel: log.levelVal,
                })
              : null;
          try {
            if (helpers)
              process.stderr.write(
                `crawling with ${processes} worker processes (pids ${[process.pid, ...helpers.pids].join(', ')})\n`,
              );
            const runId = await enqueueCrawl(rt, { outletIds, eventIds });
            if (!opts.work) {
              process.stdout.write(
                `enqueued crawl ${runId} for ${outletIds.join(', ')}; run \`mediawatch worker\` to process it\n`,
              );
              return;
            }
            const started = Date.now();
            const progress = progressPrinter();
            const counts = await waitForCrawl(rt, runId, (c) => progress.update(c));
            progress.done();
            process.stdout.write(`${runSummary(runId, counts, (Date.now() - started) / 1000)}\n`);
            // Work the run could not do (listed above, with the reason): a non-zero exit.
            if (counts.unfinished.length > 0) process.exitCode = 1;
            process.stdout.write(
              `Report: mediawatch report ${rt.config.events[0]?.id ?? 'EVENT'}\n`,
            );
          } finally {
            await helpers?.stop();
          }
        });
      },
    );
}
