// The `mediawatch` command line. Each command lives in ./commands/<name>.ts; this file wires
// them and turns errors into one clear line and an exit code.
import { Command, CommanderError } from 'commander';
import { MwError } from '../../src/errors.js';
import { redactText } from '../../src/url/redact.js';
import { crawlCommand } from './commands/crawl.js';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { extractCommand } from './commands/extract.js';
import { queryCheckCommand } from './commands/query-check.js';
import { queryTestCommand } from './commands/query-test.js';
import { reconcileCommand } from './commands/reconcile.js';
import { reportCommand } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { simCommand } from './commands/sim.js';
import { userCommand } from './commands/user.js';
import { startCommand, workerCommand } from './commands/worker.js';
import { configCheckCommand } from './commands/config-check.js';
import { mentionCommand } from './commands/mention.js';
import { outletsCheckCommand } from './commands/outlets-check.js';

export function program(): Command {
  const p = new Command('mediawatch')
    .description('Find and summarise how news outlets cover an event.')
    .option(
      '--config <dir>',
      "config folder (default: $MEDIAWATCH_CONFIG or the package's config/)",
    )
    .showHelpAfterError()
    .exitOverride();
  p.addCommand(crawlCommand());
  p.addCommand(workerCommand());
  p.addCommand(startCommand());
  p.addCommand(reconcileCommand());
  p.addCommand(serveCommand());
  p.addCommand(userCommand());
  p.addCommand(reportCommand());
  p.addCommand(mentionCommand());
  p.addCommand(demoCommand());
  p.addCommand(simCommand());
  p.addCommand(extractCommand());
  p.addCommand(dbCommand());
  p.addCommand(
    new Command('query')
      .description('check event queries and preview what they match')
      .addCommand(queryCheckCommand())
      .addCommand(queryTestCommand()),
  );
  p.addCommand(
    new Command('outlets')
      .description('check the configured outlets against their sites')
      .addCommand(outletsCheckCommand()),
  );
  p.addCommand(
    new Command('config').description('inspect the config folder').addCommand(configCheckCommand()),
  );
  for (const c of p.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  return p;
}

/** Runs the CLI; returns the process exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof MwError) {
      process.stderr.write(`mediawatch: ${err.code}: ${redactText(err.message)}\n`);
      return 1;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`mediawatch: unexpected error: ${redactText(detail)}\n`);
    return 1;
  }
}
