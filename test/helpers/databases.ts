// The databases a store test runs on: SQLite in a fresh temporary file, and PostgreSQL in a
// fresh schema of the machine's server (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test), dropped afterwards. Under CI a PostgreSQL that does
// not answer fails the suite (.ci/run starts one); locally its cases are skipped, visibly.
// Asking the server, naming a fresh schema and dropping it are bench/postgres.ts's, which the
// benchmarks use too.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dropSchema, freshSchema, postgresAnswers } from '../../bench/postgres.js';
import { tmpDir } from './tmp.js';

export const postgresUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const underCi = (process.env.CI ?? '') !== '' && !/^(false|0)$/i.test(process.env.CI ?? '');

export interface TestDatabase {
  /** A URL for openStore / DATABASE_URL. */
  url: string;
  /** Runs one statement straight on the database, around the store (to stage a state). */
  exec(statement: string): Promise<void>;
  drop(): Promise<void>;
}

export type DialectName = 'sqlite' | 'postgres';

/** The dialects to run on: both when PostgreSQL answers (always under CI), else SQLite alone. */
export async function dialects(): Promise<DialectName[]> {
  if (await postgresAnswers(postgresUrl)) return ['sqlite', 'postgres'];
  const why = `PostgreSQL does not answer at ${postgresUrl}: start it, or set TEST_DATABASE_URL`;
  if (underCi) throw new Error(why);
  process.stderr.write(`skipping the PostgreSQL cases: ${why}\n`);
  return ['sqlite'];
}

/** A fresh, empty database of that dialect. */
export function freshDatabase(dialect: DialectName): TestDatabase {
  if (dialect === 'sqlite') {
    const tmp = tmpDir('mw-db-');
    const file = join(tmp.dir, 'mw.db');
    return {
      url: file,
      async exec(statement: string): Promise<void> {
        const db = new Database(file);
        try {
          db.exec(statement);
        } finally {
          db.close();
        }
      },
      drop: async () => tmp.cleanup(),
    };
  }
  const { schema, url } = freshSchema(postgresUrl, 't');
  return {
    url,
    async exec(statement: string): Promise<void> {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`SET search_path = "${schema}"`);
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    drop: () => dropSchema(postgresUrl, schema),
  };
}
