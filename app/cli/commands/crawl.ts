import { Command } from 'commander';
import { findEvent, findOutlet } from '../../../src/config/load.js';
import { withRuntime } from '../../runtime.js';
import { loadFor, loggerFor } from '../context.js';
import { progressPrinter, runSummary } from '../progress.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function crawlCommand(): Command {
  return new Command('crawl')
    .description(
      'enqueue one crawl of the configured outlets and (unless --no-work) run the workers here until it is done',
    )
    .option('--outlet <id>', 'crawl only this outlet (repeatable)', collect, [])
    .option('--event <id>', 'match only this event (repeatable)', collect, [])
    .option('--no-work', 'only enqueue; workers elsewhere (`mediawatch worker`) do the work')
    .action(async (opts: { outlet: string[]; event: string[]; work: boolean }, cmd: Command) => {
      const { enqueueCrawl, waitForCrawl } = await import('../../../jobs/crawl.js');
      const loaded = loadFor(cmd);
      const outletIds =
        opts.outlet.length > 0
          ? opts.outlet.map((id) => findOutlet(loaded, id).id)
          : loaded.outlets.map((o) => o.id);
      const log = loggerFor(loaded, true);
      const browser =
        opts.work && loaded.outlets.some((o) => outletIds.includes(o.id) && o.fetch !== 'http');
      await withRuntime(loaded, log, { work: opts.work, browser }, async (rt) => {
        // rt.config holds the web app's events too (jobs/events-sync.ts).
        const eventIds = opts.event.map((id) => findEvent(rt.config, id).id);
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
        process.stdout.write(`Report: mediawatch report ${rt.config.events[0]?.id ?? 'EVENT'}\n`);
      });
    });
}
