// `mediawatch db migrate | status | copy`: the database behind the store (SQLite file or
// PostgreSQL URL, settings.database.url / DATABASE_URL). Every other command migrates at start;
// these look at it, or move a store from one database to another.
import type { Connection, SchemaStatus } from '../../../src/store/index.js';
import { Command } from 'commander';

/** The database drivers load only when a db command runs (the CLI starts faster). */
const store = () => import('../../../src/store/index.js');
import { loadFor } from '../context.js';

function formatStatus(s: SchemaStatus, counts: Record<string, number> | null): string {
  const lines = [
    `database  ${s.dialect} ${s.database}`,
    `schema    version ${s.version} of ${s.latest}${s.pending.length ? `, ${s.pending.length} pending` : ', up to date'}`,
    ...s.applied.map((m) => `  applied ${m.version} ${m.name} (${m.appliedAt})`),
    ...s.pending.map((m) => `  pending ${m.version} ${m.name}`),
  ];
  if (counts)
    lines.push(
      `rows      ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

async function withConnection<T>(
  url: string,
  opts: { migrate: boolean },
  fn: (c: Connection) => Promise<T>,
): Promise<T> {
  const c = await (await store()).openConnection(url, opts);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply the pending schema migrations (every command also does this at start)')
    .action(async (_opts: unknown, cmd: Command) => {
      const { url } = loadFor(cmd).settings.database;
      await withConnection(url, { migrate: false }, async (c) => {
        const { migrate, schemaStatus } = await store();
        const applied = await migrate(c);
        process.stdout.write(
          applied.length ? `applied migrations ${applied.join(', ')}\n` : 'nothing to apply\n',
        );
        process.stdout.write(formatStatus(await schemaStatus(c), null));
      });
    });
}

function statusCommand(): Command {
  return new Command('status')
    .description("show the database, its schema version, pending migrations and each table's rows")
    .action(async (_opts: unknown, cmd: Command) => {
      const { url } = loadFor(cmd).settings.database;
      await withConnection(url, { migrate: false }, async (c) => {
        const { schemaStatus, tableCounts } = await store();
        const s = await schemaStatus(c);
        const counts = s.version === s.latest ? await tableCounts(c) : null;
        process.stdout.write(formatStatus(s, counts));
        if (s.pending.length > 0) process.stdout.write('run: mediawatch db migrate\n');
      });
    });
}

function copyCommand(): Command {
  return new Command('copy')
    .description(
      'copy a whole store (articles, mentions, decisions, ledger, runs, alerts, coverage) into another database, e.g. SQLite to PostgreSQL; running it again adds nothing',
    )
    .requiredOption('--from <url>', 'the source: a SQLite file or a postgres:// URL')
    .requiredOption('--to <url>', 'the target: a postgres:// URL (or a SQLite file)')
    .addHelpText(
      'after',
      '\nBoth databases are migrated first. Each table is copied in batches; rows the target\n' +
        'already holds (same key) are left as they are. At the end every source row must be in\n' +
        'the target, else MW_ERR_COPY_MISMATCH with the counts.\n' +
        '\nExample:\n  mediawatch db copy --from data/mediawatch.db --to postgres://mw@db.internal/mediawatch',
    )
    .action(async (opts: { from: string; to: string }) => {
      await withConnection(opts.from, { migrate: true }, (from) =>
        withConnection(opts.to, { migrate: true }, async (to) => {
          process.stdout.write(`copying ${from.label} → ${to.label}\n`);
          await (
            await store()
          ).copyStore(from, to, (t) =>
            process.stdout.write(
              `  ${t.table.padEnd(18)} ${String(t.source).padStart(7)} in source, ${String(t.added).padStart(7)} added, ${String(t.present).padStart(7)} present\n`,
            ),
          );
          process.stdout.write('every source row is in the target\n');
        }),
      );
    });
}

export function dbCommand(): Command {
  return new Command('db')
    .description('the database behind the store: migrate, status, copy')
    .addCommand(migrateCommand())
    .addCommand(statusCommand())
    .addCommand(copyCommand());
}
