// PostgreSQL for the benchmark parts that run on it (scale, web) and the tests' databases
// (test/helpers/databases.ts): whether the server answers, a fresh schema's store URL, and
// dropping that schema afterwards.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL runs use unless told otherwise. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema name and the store URL that uses it (`?schema=`, src/store/db.ts). */
export function freshSchema(serverUrl: string, tag: string): { schema: string; url: string } {
  const schema = `mw_${tag}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const u = new URL(serverUrl);
  u.searchParams.set('schema', schema);
  return { schema, url: u.toString() };
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
