import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { MwError } from '../../../src/errors.js';
import { EXPORT_FORMATS, exportReport, type ExportFormat } from '../../../src/report/render.js';
import { withStore } from '../../runtime.js';
import { loadFor } from '../context.js';

/** Formats that are bytes, not text: never written to a terminal. */
const BINARY: ReadonlySet<ExportFormat> = new Set(['xlsx', 'pdf']);

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
    .addHelpText(
      'after',
      '\nExamples:\n  mediawatch report vilvoorde-2024 --format csv --out coverage.csv\n' +
        '  mediawatch report vilvoorde-2024 --format xlsx --out coverage.xlsx\n' +
        '  mediawatch report vilvoorde-2024 --format pdf --out coverage.pdf',
    )
    .action(async (eventId: string, opts: { format: ExportFormat; out?: string }, cmd: Command) => {
      const { gatherReport } = await import('../../../src/report/gather.js');
      if (BINARY.has(opts.format) && !opts.out) {
        throw new MwError(
          'MW_ERR_REPORT_NEEDS_OUT',
          `--format ${opts.format} writes a binary file: add --out FILE (e.g. --out coverage.${opts.format})`,
        );
      }
      const config = loadFor(cmd);
      const input = await withStore(config, (store) => gatherReport(store, config, eventId));
      const output = await exportReport(input, opts.format, {
        executablePath: config.settings.browser.executablePath,
      });
      if (opts.out) writeFileSync(opts.out, output);
      else process.stdout.write(output);
    });
}
