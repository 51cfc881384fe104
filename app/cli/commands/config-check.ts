import { Command } from 'commander';
import { loadFor } from '../context.js';

export function configCheckCommand(): Command {
  return new Command('check')
    .description(
      'validate the config folder and list its outlets and events (every problem is reported with file, line and path)',
    )
    .action((_opts: unknown, cmd: Command) => {
      const config = loadFor(cmd);
      process.stdout.write(`config ${config.dir} is valid\n`);
      for (const o of config.outlets)
        process.stdout.write(`  outlet ${o.id.padEnd(14)} ${o.fetch.padEnd(8)} ${o.baseUrl}\n`);
      for (const e of config.events)
        process.stdout.write(
          `  event  ${e.id.padEnd(14)} ${e.window.from} .. ${e.window.to ?? 'open'}\n`,
        );
    });
}
