// One connection layer over both databases: SQLite (better-sqlite3 12, embedded, the default)
// and PostgreSQL (pg, a bounded pool). Everything above it is written once with Kysely; the few
// places where the dialects differ are here: how a write transaction starts, how writers on one
// key are serialised, how a JSON array grows and whether it holds a value.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type RawBuilder,
  type SqlBool,
  type SqliteDatabase,
} from 'kysely';
import { MwError } from '../errors.js';
import type { Tables } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Tables>;

export interface Connection {
  db: Db;
  dialect: Dialect;
  /** Where it points, without credentials: for messages and `db status`. */
  label: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL: at most this many connections per process. */
  poolSize?: number;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** A PostgreSQL URL without its password, for messages. */
export function redactDatabaseUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/i;

function sqlite(url: string): Connection {
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(file);
  } catch (err) {
    throw new MwError(
      'MW_ERR_DATABASE_UNREACHABLE',
      `cannot open the SQLite file ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  // WAL so several worker processes share one file; busy_timeout so they wait for each
  // other's short write transactions.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: preparedOnce(database) }),
  });
  return { db, dialect: 'sqlite', label: file, close: () => db.destroy() };
}

/** Statements kept prepared, by SQL text; the oldest goes first beyond this many. */
const STATEMENT_CACHE = 256;

/**
 * The database as Kysely's SQLite driver sees it, with each SQL text prepared once: the driver
 * prepares every query anew (each article job runs the same dozen statements). Kysely runs one
 * query at a time on the connection, and all()/run() reset a statement when done, so a cached
 * statement is never busy; SQLite prepares it again itself if the schema changed.
 */
function preparedOnce(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (text) => {
      let stmt = cache.get(text);
      if (stmt === undefined) {
        stmt = database.prepare(text);
        if (cache.size >= STATEMENT_CACHE) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

async function postgres(url: string, opts: ConnectOptions): Promise<Connection> {
  // `?schema=NAME` (ours, not libpq's) puts every table in that schema: tests give each file
  // its own, and one server can hold several deployments.
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new MwError('MW_ERR_DATABASE_URL', `schema "${schema}" is not a plain SQL name`);
  }
  const label = redactDatabaseUrl(url);
  // The PostgreSQL client loads only when a postgres:// URL is used.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new MwError(
      'MW_ERR_DATABASE_UNREACHABLE',
      `PostgreSQL at ${label} does not answer: ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (schema) {
    // Several processes may create the schema at once: the loser's "already exists" is fine.
    // A schema that exists is not created again (a read-only role may not even try).
    const exists = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0)
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(async (err: unknown) => {
        if (['23505', '42P06'].includes((err as { code?: string }).code ?? '')) return;
        await pool.end().catch(() => undefined);
        throw err;
      });
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', label, close: () => db.destroy() };
}

/** Opens the database at a file path (SQLite) or a postgres:// URL. */
export async function connect(url: string, opts: ConnectOptions = {}): Promise<Connection> {
  return isPostgresUrl(url) ? postgres(url, opts) : sqlite(url);
}

/**
 * Runs `fn` in one write transaction: all or nothing. SQLite takes the write lock first
 * (BEGIN IMMEDIATE), so two processes never collide on a stale read; PostgreSQL runs at READ
 * COMMITTED, and code that reads before it writes serialises with `lockKey` or FOR UPDATE.
 */
export async function inTransaction<T>(c: Connection, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (c.dialect === 'postgres') return c.db.transaction().execute(fn);
  return c.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Serialises writers on one key until the transaction ends (SQLite: the write lock does). */
export async function lockKey(trx: Db, dialect: Dialect, key: string): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** `column` (a JSON array as text) with `value` appended. */
export function jsonAppend(dialect: Dialect, column: string, value: string): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`(${sql.ref(column)}::jsonb || to_jsonb(${value}::text))::text`
    : sql<string>`json_insert(${sql.ref(column)}, '$[#]', ${value})`;
}

/** COUNT(*) arrives as a string from PostgreSQL (int8). */
export const toCount = (n: unknown): number => Number(n ?? 0);

/** Whether `column` (a JSON array of strings as text, or NULL) holds `value` exactly. */
export function jsonArrayHas(dialect: Dialect, column: string, value: string): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`(${sql.ref(column)})::jsonb @> jsonb_build_array(${value}::text)`
    : sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where value = ${value})`;
}
