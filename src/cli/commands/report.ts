import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { findEvent, wireOutletIds } from '../../config/load.js';
import { renderReport, type ReportFormat } from '../../report/render.js';
import { openStore } from '../../store/index.js';
import { summarizeCoverage } from '../../summarize/coverage.js';
import { loadFor } from '../context.js';

export function reportCommand(): Command {
  return new Command('report')
    .description(
      "print an event's coverage: articles per outlet and language, with date, title, URL, summary and hit sentences",
    )
    .argument('<event>', 'event id (see config/events/)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (eventId: string, opts: { format: ReportFormat; out?: string }, cmd: Command) => {
      const config = loadFor(cmd);
      const event = findEvent(config, eventId);
      const store = openStore(config.settings.database.url);
      try {
        const mentions = await store.mentions(event.id);
        const text = renderReport(
          {
            event,
            // Computed from the mentions as they are now, so the report never lags the store.
            summary: summarizeCoverage(event.id, mentions, { wireOutlets: wireOutletIds(config) }),
            mentions,
            outletNames: Object.fromEntries(config.outlets.map((o) => [o.id, o.name])),
          },
          opts.format,
        );
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
