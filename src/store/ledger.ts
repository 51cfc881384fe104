// The crawl ledger and crawl runs: every discovered URL with its status (pending, stored,
// skipped, failed) and reason, which URLs a new run fetches again, and the counts a run
// reports. Functions over a connection (or a transaction); the store delegates to them.
import type { Connection, Db, Dialect } from './db.js';
import { inTransaction, jsonAppend, toCount } from './db.js';
import type {
  DiscoveredUrl,
  LedgerRow,
  LedgerSettlement,
  LedgerStatus,
  RunCounts,
} from './types.js';

/** A ledger URL pending for longer than this was left by a crashed run and is fetched again. */
const PENDING_STALE_MS = 10 * 60_000;
/** A URL that failed this many runs is not fetched again by discovery. */
const MAX_FAILED_RUNS = 5;
/** Skips that a later run may see differently. */
const RECONSIDERED_SKIPS = /^MW_SKIP_(BUDGET|OUTSIDE_WINDOW)\b/;
/** URLs per IN (…) list: well below both databases' parameter limits. */
const CHUNK = 500;

export async function startRun(
  db: Db,
  ts: string,
  run: { id: string; outletIds: string[]; eventIds: string[] },
): Promise<void> {
  await db
    .insertInto('crawl_runs')
    .values({
      id: run.id,
      started_at: ts,
      outlets: JSON.stringify(run.outletIds),
      events: JSON.stringify(run.eventIds),
    })
    .execute();
}

export async function finishRun(db: Db, ts: string, id: string): Promise<void> {
  await db.updateTable('crawl_runs').set({ finished_at: ts }).where('id', '=', id).execute();
}

export async function recordDiscoveryError(
  db: Db,
  dialect: Dialect,
  e: { runId: string | null; message: string },
): Promise<void> {
  if (!e.runId) return;
  await db
    .updateTable('crawl_runs')
    .set({ discovery_errors: jsonAppend(dialect, 'discovery_errors', e.message) })
    .where('id', '=', e.runId)
    .execute();
}

/** Records discovered URLs in one transaction; returns those to fetch (new, or due again). */
export async function discoverUrls(
  c: Connection,
  now: Date,
  batch: { runId: string | null; urls: readonly DiscoveredUrl[] },
): Promise<string[]> {
  const ts = now.toISOString();
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS).toISOString();
  const { runId, urls } = batch;
  const first = new Map<string, DiscoveredUrl>();
  for (const u of urls) if (!first.has(u.url)) first.set(u.url, u);
  const unique = [...first.values()];
  return inTransaction(c, async (trx) => {
    const fetch = new Set<string>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const part = unique.slice(i, i + CHUNK);
      const keys = part.map((u) => u.url);
      let known = trx
        .selectFrom('ledger')
        .select(['url', 'status', 'reason', 'attempts', 'revisit_at', 'updated_at'])
        .where('url', 'in', keys);
      if (c.dialect === 'postgres') known = known.forUpdate();
      const rows = new Map((await known.execute()).map((r) => [r.url, r]));
      const fresh = part.filter((u) => !rows.has(u.url));
      if (fresh.length > 0) {
        // Another process may insert the same URL meanwhile: then it is that one's to fetch.
        const inserted = await trx
          .insertInto('ledger')
          .values(
            fresh.map((u) => ({
              url: u.url,
              outlet_id: u.outletId,
              status: 'pending' as const,
              source: u.source,
              run_id: runId,
              discovered_at: ts,
              updated_at: ts,
            })),
          )
          .onConflict((oc) => oc.column('url').doNothing())
          .returning('url')
          .execute();
        for (const r of inserted) fetch.add(r.url);
      }
      // A failure may heal (a few times), a URL pending for long was left by a crashed or
      // cut-off run (one pending for less is still in flight), a recent article is due for its
      // revisit (a conditional GET), and a URL left out by a budget or the event windows may be
      // wanted now (a new event, a bigger budget).
      const again = [...rows.values()]
        .filter(
          (r) =>
            (r.status === 'failed' && r.attempts < MAX_FAILED_RUNS) ||
            (r.status === 'pending' && r.updated_at < staleBefore) ||
            (r.status === 'stored' && r.revisit_at !== null && r.revisit_at <= ts) ||
            (r.status === 'skipped' && RECONSIDERED_SKIPS.test(r.reason ?? '')),
        )
        .map((r) => r.url);
      if (again.length > 0) {
        await trx
          .updateTable('ledger')
          .set({ status: 'pending', reason: null, run_id: runId, updated_at: ts })
          .where('url', 'in', again)
          .execute();
        for (const u of again) fetch.add(u);
      }
    }
    if (runId) {
      await trx
        .updateTable('crawl_runs')
        .set((eb) => ({
          discovered: eb('discovered', '+', urls.length),
          known: eb('known', '+', urls.length - fetch.size),
        }))
        .where('id', '=', runId)
        .execute();
    }
    return unique.map((u) => u.url).filter((u) => fetch.has(u));
  });
}

/** Ends a ledger entry (creating it if discovery did not). */
export async function settleUrl(db: Db, ts: string, e: LedgerSettlement): Promise<void> {
  await db
    .insertInto('ledger')
    .values({
      url: e.url,
      outlet_id: e.outletId,
      status: e.status,
      reason: e.reason,
      source: 'direct',
      article_id: e.articleId ?? null,
      attempts: 1,
      revisit_at: e.revisitAt ?? null,
      discovered_at: ts,
      updated_at: ts,
    })
    .onConflict((oc) =>
      oc.column('url').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        reason: eb.ref('excluded.reason'),
        article_id: eb.fn.coalesce('excluded.article_id', 'ledger.article_id'),
        revisit_at: eb.ref('excluded.revisit_at'),
        attempts: eb('ledger.attempts', '+', 1),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function runCounts(db: Db, runId: string): Promise<RunCounts> {
  const run = await db
    .selectFrom('crawl_runs')
    .select(['discovered', 'known', 'discovery_errors'])
    .where('id', '=', runId)
    .executeTakeFirst();
  const counts: RunCounts = {
    discovered: run?.discovered ?? 0,
    known: run?.known ?? 0,
    pending: 0,
    stored: 0,
    skipped: 0,
    failed: 0,
    matched: 0,
    discoveryErrors: run ? (JSON.parse(run.discovery_errors) as string[]) : [],
  };
  const rows = await db
    .selectFrom('ledger')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('run_id', '=', runId)
    .groupBy('status')
    .execute();
  for (const r of rows) counts[r.status as LedgerStatus] = toCount(r.n);
  const matched = await db
    .selectFrom('mentions as m')
    .innerJoin('ledger as l', 'l.article_id', 'm.article_id')
    .select((eb) => eb.fn.count('m.article_id').distinct().as('n'))
    .where('l.run_id', '=', runId)
    .where('l.status', '=', 'stored')
    .executeTakeFirst();
  counts.matched = toCount(matched?.n);
  return counts;
}

export async function ledgerRows(db: Db, runId?: string): Promise<LedgerRow[]> {
  let q = db.selectFrom('ledger').selectAll().orderBy('url');
  if (runId) q = q.where('run_id', '=', runId);
  const rows = await q.execute();
  return rows.map((r) => ({
    url: r.url,
    outletId: r.outlet_id,
    status: r.status,
    reason: r.reason,
    source: r.source,
    runId: r.run_id,
    articleId: r.article_id,
  }));
}

/** Pending entries, oldest first (the reconciler's query). */
export async function pendingRows(
  db: Db,
  filter: { runId?: string; before?: string; limit?: number },
): Promise<LedgerRow[]> {
  let q = db
    .selectFrom('ledger')
    .select(['url', 'outlet_id', 'source', 'run_id'])
    .where('status', '=', 'pending')
    .orderBy('updated_at')
    .orderBy('url');
  if (filter.runId) q = q.where('run_id', '=', filter.runId);
  if (filter.before) q = q.where('updated_at', '<', filter.before);
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    url: r.url,
    outletId: r.outlet_id,
    status: 'pending' as const,
    reason: null,
    source: r.source,
    runId: r.run_id,
    articleId: null,
  }));
}
