// `mediawatch reconcile`: the ledger against the queues, once. Every URL the ledger calls
// pending whose article job is gone (FLUSHALL, lost keys, a Redis or database that refused a
// write) is enqueued again; `worker`/`start` processes then fetch it. `start` does the same every
// minute, and every `crawl` before it starts.
import { Command } from 'commander';
import { redactUrl } from '../../../src/url/redact.js';
import { withRuntime } from '../../runtime.js';
import { loadFor, loggerFor } from '../context.js';

export function reconcileCommand(): Command {
  return new Command('reconcile')
    .description(
      're-enqueue every pending ledger URL that has no live job (after FLUSHALL, a full Redis or a full disk)',
    )
    .option('--run <id>', "only this crawl run's URLs")
    .option(
      '--grace <seconds>',
      'leave URLs pending for less than this (a discovery in flight)',
      '0',
    )
    .action(async (opts: { run?: string; grace: string }, cmd: Command) => {
      const { reconcilePending } = await import('../../../jobs/reconcile.js');
      const config = loadFor(cmd);
      const log = loggerFor(config, true);
      await withRuntime(config, log, { work: false }, async (rt) => {
        const r = await reconcilePending(rt, {
          ...(opts.run ? { runId: opts.run } : {}),
          graceMs: Math.max(0, Number(opts.grace) || 0) * 1000,
        });
        const lines = [
          `pending URLs checked  ${r.checked}`,
          `  with a live job     ${r.live}`,
          `  enqueued again      ${r.requeued.length}`,
        ];
        for (const url of r.requeued.slice(0, 10)) lines.push(`    - ${redactUrl(url)}`);
        if (r.refused.length > 0) {
          lines.push(`  refused by Redis    ${r.refused.length}: ${r.refused[0]?.reason ?? ''}`);
          process.exitCode = 1;
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
