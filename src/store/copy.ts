// `mediawatch db copy`: copies a whole store (SQLite to PostgreSQL, or any to any) table by
// table in batches, and checks that every source row is in the target. Idempotent: a row whose
// key the target already holds is left as it is, so running it twice adds nothing. Articles keep
// their ids where the target has them free (analysts quote article ids); otherwise the target
// gives a new id and every row that points at the article follows it. Users are copied the same
// way (by e-mail; their visits and audit entries follow their ids). Sessions are not copied:
// they are short-lived sign-ins, and the copied users sign in again on the target.
import { sql } from 'kysely';
import { MwError } from '../errors.js';
import type { Connection, Db } from './db.js';
import { toCount } from './db.js';
import type { Tables } from './schema.js';

const BATCH = 200;

export interface TableCopy {
  table: keyof Tables;
  /** Rows in the source. */
  source: number;
  /** Rows this run added to the target. */
  added: number;
  /** Source rows the target holds now (must equal `source`). */
  present: number;
}

type Row = Record<string, unknown>;

/** Tables in the order their references need, with the columns that identify a row. */
const TABLES: ReadonlyArray<{ table: keyof Tables; key: readonly string[] }> = [
  { table: 'outlets', key: ['id'] },
  { table: 'articles', key: ['url'] },
  { table: 'mentions', key: ['event_id', 'article_id'] },
  { table: 'mention_overrides', key: ['event_id', 'article_id'] },
  { table: 'alert_deliveries', key: ['event_id', 'article_id', 'channel'] },
  { table: 'ledger', key: ['url'] },
  { table: 'crawl_runs', key: ['id'] },
  { table: 'coverage', key: ['event_id'] },
  { table: 'users', key: ['email'] },
  // sessions: not copied (see above).
  { table: 'audit_log', key: ['id'] },
  { table: 'app_events', key: ['id'] },
  { table: 'app_events_revision', key: ['id'] },
  { table: 'event_visits', key: ['user_id', 'event_id'] },
];

/** Tables whose id the target may give anew, by the column that names a row instead. */
const RENUMBERED = { articles: 'url', users: 'email' } as const;
type Renumbered = keyof typeof RENUMBERED;

/** Identity columns filled with copied ids: PostgreSQL's sequence must continue after them. */
const IDENTITIES: ReadonlyArray<keyof Tables> = ['articles', 'users', 'audit_log'];

async function* pages(db: Db, table: keyof Tables, key: readonly string[]): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += BATCH) {
    let q = db.selectFrom(table).selectAll();
    for (const k of key) q = q.orderBy(sql.ref(k));
    const rows = (await q.limit(BATCH).offset(offset).execute()) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
  }
}

/** How many of these rows the target holds, by key. */
async function countPresent(db: Db, table: keyof Tables, key: readonly string[], rows: Row[]) {
  let n = 0;
  for (const r of rows) {
    let q = db.selectFrom(table).select(sql<number>`1`.as('one'));
    for (const k of key) q = q.where(sql.ref(k), '=', r[k]);
    if (await q.executeTakeFirst()) n++;
  }
  return n;
}

async function insertIgnoring(db: Db, table: keyof Tables, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Copies articles or users; returns source id → target id. */
async function copyRenumbered(
  from: Db,
  to: Db,
  table: Renumbered,
  report: TableCopy,
): Promise<Map<number, number>> {
  const name = RENUMBERED[table];
  const ids = new Map<number, number>();
  for await (const rows of pages(from, table, ['id'])) {
    report.source += rows.length;
    report.added += await insertIgnoring(to, table, rows);
    const names = rows.map((r) => r[name] as string);
    const found = (await to
      .selectFrom(table)
      .select(['id', sql.ref(name).as('name')] as never)
      .where(sql.ref(name), 'in', names)
      .execute()) as unknown as Array<{ id: number; name: string }>;
    const have = new Map(found.map((r) => [r.name, r.id]));
    // A row whose id the target gave to another one comes in with a new id.
    const missing = rows.filter((r) => !have.has(r[name] as string));
    for (const r of missing) {
      const { id: _old, ...rest } = r;
      void _old;
      const row = (await to
        .insertInto(table)
        .values(rest as never)
        .onConflict((oc) => oc.doNothing())
        .returning(['id', sql.ref(name).as('name')] as never)
        .executeTakeFirst()) as { id: number; name: string } | undefined;
      if (row) {
        have.set(row.name, row.id);
        report.added++;
      }
    }
    for (const r of rows) {
      const target = have.get(r[name] as string);
      if (target !== undefined) ids.set(r.id as number, target);
    }
    report.present += rows.filter((r) => have.has(r[name] as string)).length;
  }
  return ids;
}

/** The row with its article and user ids as the target numbers them. */
function renumber(r: Row, articleIds: Map<number, number>, userIds: Map<number, number>): Row {
  const out = { ...r };
  if (typeof out.article_id === 'number')
    out.article_id = articleIds.get(out.article_id) ?? out.article_id;
  if (typeof out.user_id === 'number') out.user_id = userIds.get(out.user_id) ?? out.user_id;
  return out;
}

export async function copyStore(
  from: Connection,
  to: Connection,
  onTable: (t: TableCopy) => void = () => undefined,
): Promise<TableCopy[]> {
  const reports: TableCopy[] = [];
  const ids: Record<Renumbered, Map<number, number>> = { articles: new Map(), users: new Map() };
  for (const { table, key } of TABLES) {
    const report: TableCopy = { table, source: 0, added: 0, present: 0 };
    if (table === 'articles' || table === 'users') {
      ids[table] = await copyRenumbered(from.db, to.db, table, report);
    } else {
      for await (const page of pages(from.db, table, key)) {
        report.source += page.length;
        const rows = page.map((r) => renumber(r, ids.articles, ids.users));
        report.added += await insertIgnoring(to.db, table, rows);
        report.present += await countPresent(to.db, table, key, rows);
      }
    }
    if (to.dialect === 'postgres' && IDENTITIES.includes(table)) {
      // Ids copied as they were: the identity must continue after the highest.
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
        to.db,
      );
    }
    reports.push(report);
    onTable(report);
  }
  const short = reports.filter((r) => r.present !== r.source);
  if (short.length > 0) {
    throw new MwError(
      'MW_ERR_COPY_MISMATCH',
      `the target lacks rows of ${short.map((r) => `${r.table} (${r.present} of ${r.source})`).join(', ')}`,
    );
  }
  return reports;
}

/** Rows per table, for `db status`. */
export async function tableCounts(c: Connection): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { table } of TABLES) {
    const r = await c.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    out[table] = toCount(r?.n);
  }
  return out;
}
