// `mediawatch outlets check [ID] [--json]`: probes each configured outlet (or one) the way the
// crawler reads it and prints a table, or JSON for machines. Needs Redis for the shared rate
// limiter (a private one is started when none answers) and Chromium for outlets whose fetch
// mode may use the browser. Exit 1 when an outlet yields no candidate article.
import type { OutletCheck } from '../../../src/outlets/check.js';
import { Command } from 'commander';
import { findOutlet, type Config } from '../../../src/config/load.js';
import type { OutletConfig } from '../../../src/config/schema.js';
import type { Logger } from '../../../src/log.js';
import { formatCheckTable } from '../../../src/outlets/check-table.js';
import { withNetServices } from '../../runtime.js';
import { loadFor, loggerFor } from '../context.js';

/** Outlets checked at once; each host is paced by the rate limiter anyway. */
const CONCURRENCY = 4;

export interface OutletsCheckOptions {
  /** Only these outlets (default: every configured one). */
  outletIds?: readonly string[];
}

/** Checks the outlets on real services; returns one result per outlet, in config order. */
export async function runOutletsCheck(
  loaded: Config,
  log: Logger,
  opts: OutletsCheckOptions = {},
): Promise<OutletCheck[]> {
  const { checkOutlet } = await import('../../../src/outlets/check.js');
  const outlets: OutletConfig[] =
    opts.outletIds && opts.outletIds.length > 0
      ? opts.outletIds.map((id) => findOutlet(loaded, id))
      : [...loaded.outlets];
  const browser = outlets.some((o) => o.fetch !== 'http');
  return withNetServices(loaded, log, { browser }, async (net) => {
    const results: OutletCheck[] = new Array<OutletCheck>(outlets.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < outlets.length) {
        const i = next++;
        results[i] = await checkOutlet({ ...net, log }, outlets[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, outlets.length) }, worker));
    return results;
  });
}

export function outletsCheckCommand(): Command {
  return new Command('check')
    .description(
      'probe each outlet (or one): robots.txt, sitemaps, feeds, listing pages, candidate ' +
        'articles, and whether the first candidate extracts with a body',
    )
    .argument('[id]', 'check only this outlet')
    .option('--json', 'print the results as JSON (one array) instead of a table')
    .addHelpText(
      'after',
      '\nPer outlet: robots.txt status; each sitemap (configured or declared by robots.txt;\n' +
        'an index is followed to its first 3 children), feed and page, with the URLs it lists\n' +
        'or the error (e.g. "HTML where XML was expected", "HTTP 403"); the candidate articles\n' +
        '(same host, allowed by robots.txt, no event window); and the first candidate fetched\n' +
        "by the outlet's fetch mode (the browser and consent recipe included) and extracted.\n" +
        'Requests are paced by the rate limiter (Redis) like a crawl. Exit code 1 when an\n' +
        'outlet yields no candidate.\n' +
        '\nExamples:\n' +
        '  mediawatch outlets check\n' +
        '  mediawatch outlets check brusselstimes\n' +
        '  mediawatch outlets check --json > outlets.json\n' +
        '\nWhat public material says about each outlet: docs/outlets.md',
    )
    .action(async (id: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const config = loadFor(cmd);
      const outletIds = id === undefined ? [] : [findOutlet(config, id).id];
      const results = await runOutletsCheck(config, loggerFor(config, true), { outletIds });
      process.stdout.write(
        opts.json ? `${JSON.stringify(results, null, 2)}\n` : formatCheckTable(results),
      );
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
}
