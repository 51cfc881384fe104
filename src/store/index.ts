// Opens the configured store: a file path is SQLite, a postgres:// URL is PostgreSQL; the same
// SqlStore (Kysely) serves both. Opening migrates the schema first (serialised across
// processes) and refuses a database newer than this code.
import { connect, type Connection, type ConnectOptions } from './db.js';
import { migrate } from './migrations.js';
import { databaseError, withDatabaseErrors } from './errors.js';
import { SqlStore } from './sql-store.js';

export type * from './types.js';
export { SqlStore } from './sql-store.js';
export { isPostgresUrl, redactDatabaseUrl, type Connection } from './db.js';
export { copyStore, tableCounts, type TableCopy } from './copy.js';
export { LATEST_VERSION, migrate, schemaStatus, type SchemaStatus } from './migrations.js';

export interface OpenStoreOptions extends ConnectOptions {
  now?: () => Date;
  /** Apply pending migrations (default true; `db status` looks without changing anything). */
  migrate?: boolean;
}

export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<SqlStore> {
  const c = await connect(url, opts);
  try {
    if (opts.migrate !== false) await migrate(c);
  } catch (err) {
    await c.close();
    throw databaseError(err, 'migrate');
  }
  return withDatabaseErrors(new SqlStore(c, opts.now));
}

/** A bare connection, for the `db` commands (status, copy): migrated only when asked. */
export async function openConnection(
  url: string,
  opts: ConnectOptions & { migrate?: boolean } = {},
): Promise<Connection> {
  const c = await connect(url, opts);
  try {
    if (opts.migrate) await migrate(c);
  } catch (err) {
    await c.close();
    throw err;
  }
  return c;
}
