import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { MwError } from '../../../src/errors.js';
import { EXPORT_FORMATS, exportReport, type ExportFormat } from '../../../src/report/render.js';
import { withStore } from '../../runtime.js';
import { loadFor } from '../context.js';

/** Formats that are bytes, not text: never written to a terminal. */
const BINARY: ReadonlySet<ExportFormat> = new Set(['xlsx', 'pdf']);

/**
 * The dashboard's filters as options. Their values are checked by parseFilter
 * (src/report/filter.ts), not by commander, so that the CLI and the web app refuse the same
 * values with the same MW_ERR_BAD_FILTER message.
 */
interface ReportOptions {
  format: ExportFormat;
  out?: string;
  outlet?: string[];
  language?: string[];
  from?: string;
  to?: string;
  days?: string;
  state?: string;
  tag?: string;
}

export function reportCommand(): Command {
  return new Command('report')
    .description(
      "an event's coverage: totals and reach, articles per day by outlet and language, first to report, " +
        'wire pickups, share of voice, and every article with date, title, URL, summary and hit sentences ' +
        '(mentions marked not relevant are left out)',
    )
    .argument('<event>', 'event id (see config/events/)')
    .addOption(
      new Option(
        '--format <format>',
        'md (Markdown), json, csv or xlsx (one row per mention), html (one self-contained file), pdf',
      )
        .choices([...EXPORT_FORMATS])
        .default('md'),
    )
    .option(
      '--out <file>',
      'write to a file instead of standard output (required for xlsx and pdf)',
    )
    .option('--outlet <id...>', 'only these outlets (repeat, or separate with commas)')
    .option('--language <code...>', 'only these languages, e.g. fr nl (repeat, or commas)')
    .option('--from <date>', 'published (or matched, when undated) on or after YYYY-MM-DD')
    .option('--to <date>', 'published (or matched, when undated) on or before YYYY-MM-DD')
    .option('--days <n>', 'the last n days in Brussels time, today included (instead of --from)')
    .option('--state <state>', 'review state: unreviewed, reviewed, relevant or not-relevant')
    .option('--tag <tag>', 'only mentions an analyst tagged so')
    .addHelpText(
      'after',
      '\nExamples:\n  mediawatch report vilvoorde-2024 --format csv --out coverage.csv\n' +
        '  mediawatch report vilvoorde-2024 --format xlsx --out coverage.xlsx\n' +
        '  mediawatch report vilvoorde-2024 --format pdf --out coverage.pdf\n' +
        '  mediawatch report vilvoorde-2024 --outlet belga,rtl --language fr --from 2024-03-01 --to 2024-03-07\n' +
        '  mediawatch report vilvoorde-2024 --days 7 --state reviewed --tag budget --format xlsx --out week.xlsx\n' +
        '\nWith a filter, totals, charts, first to report and pickups describe the mentions it keeps,\n' +
        'and every format but CSV names the filter under the title. --state not-relevant lists the\n' +
        'mentions an analyst marked not relevant. Share of voice stays over all mentions.',
    )
    .action(async (eventId: string, opts: ReportOptions, cmd: Command) => {
      // Loaded when run: the filter reads Brussels time through Intl, which --help need not pay for.
      const [{ gatherReport }, { parseFilter }] = await Promise.all([
        import('../../../src/report/gather.js'),
        import('../../../src/report/filter.js'),
      ]);
      const { format, out, ...query } = opts;
      const filter = parseFilter(query, new Date());
      if (BINARY.has(format) && !out) {
        throw new MwError(
          'MW_ERR_REPORT_NEEDS_OUT',
          `--format ${format} writes a binary file: add --out FILE (e.g. --out coverage.${format})`,
        );
      }
      const config = loadFor(cmd);
      const input = await withStore(config, async (store) => {
        // The web app's events beside config/events (src/events/catalog.ts).
        const { loadCatalog } = await import('../../../src/events/catalog.js');
        return gatherReport(store, (await loadCatalog(store, config)).config, eventId, filter);
      });
      const output = await exportReport(input, format, {
        executablePath: config.settings.browser.executablePath,
      });
      if (out) writeFileSync(out, output);
      else process.stdout.write(output);
    });
}
