// The crawl ledger and crawl runs on SQLite: every discovered URL with its status (pending,
// stored, skipped, failed) and reason, which URLs a new run fetches again, and the counts a run
// reports. Functions over the store's connection; SqliteStore delegates to them.
import type Database from 'better-sqlite3';
import type {
  DiscoveredUrl,
  LedgerRow,
  LedgerSettlement,
  LedgerStatus,
  RunCounts,
} from './types.js';

type Row = Record<string, unknown>;

/** A ledger URL pending for longer than this was left by a crashed run and is fetched again. */
const PENDING_STALE_MS = 10 * 60_000;
/** A URL that failed this many runs is not fetched again by discovery. */
const MAX_FAILED_RUNS = 5;
/** Skips that a later run may see differently. */
const RECONSIDERED_SKIPS = /^MW_SKIP_(BUDGET|OUTSIDE_WINDOW)\b/;

export function startRun(
  db: Database.Database,
  ts: string,
  id: string,
  outletIds: string[],
  eventIds: string[],
): void {
  db.prepare('INSERT INTO crawl_runs (id, started_at, outlets, events) VALUES (?, ?, ?, ?)').run(
    id,
    ts,
    JSON.stringify(outletIds),
    JSON.stringify(eventIds),
  );
}

export function finishRun(db: Database.Database, ts: string, id: string): void {
  db.prepare('UPDATE crawl_runs SET finished_at = ? WHERE id = ?').run(ts, id);
}

/** Records discovered URLs; returns those to fetch (new, or due again). */
export function discoverUrls(
  db: Database.Database,
  now: Date,
  runId: string | null,
  urls: readonly DiscoveredUrl[],
): string[] {
  const get = db.prepare(
    'SELECT status, reason, attempts, revisit_at, updated_at FROM ledger WHERE url = ?',
  );
  const insert = db.prepare(
    `INSERT INTO ledger (url, outlet_id, status, source, run_id, discovered_at, updated_at)
       VALUES (?, ?, 'pending', ?, ?, ?, ?)`,
  );
  const retry = db.prepare(
    `UPDATE ledger SET status = 'pending', reason = NULL, run_id = ?, updated_at = ? WHERE url = ?`,
  );
  const ts = now.toISOString();
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS).toISOString();
  const toFetch: string[] = [];
  let known = 0;
  db.transaction(() => {
    for (const u of urls) {
      const row = get.get(u.url) as
        | {
            status: LedgerStatus;
            reason: string | null;
            attempts: number;
            revisit_at: string | null;
            updated_at: string;
          }
        | undefined;

      if (!row) {
        insert.run(u.url, u.outletId, u.source, runId, ts, ts);
        toFetch.push(u.url);
      } else if (
        (row.status === 'failed' && row.attempts < MAX_FAILED_RUNS) ||
        (row.status === 'pending' && row.updated_at < staleBefore) ||
        (row.status === 'stored' && row.revisit_at !== null && row.revisit_at <= ts) ||
        (row.status === 'skipped' && RECONSIDERED_SKIPS.test(row.reason ?? ''))
      ) {
        // A failure may heal (a few times), a URL pending for long was left by a crashed or
        // cut-off run (one pending for less is still in flight), a recent article is due for
        // its revisit (a conditional GET), and a URL left out by a budget or the event windows
        // may be wanted now (a new event, a bigger budget).
        retry.run(runId, ts, u.url);
        toFetch.push(u.url);
      } else known++;
    }
    if (runId) {
      db.prepare(
        'UPDATE crawl_runs SET discovered = discovered + ?, known = known + ? WHERE id = ?',
      ).run(urls.length, known, runId);
    }
  })();
  return toFetch;
}

export function recordDiscoveryError(
  db: Database.Database,
  runId: string | null,
  message: string,
): void {
  if (!runId) return;
  db.prepare(
    `UPDATE crawl_runs SET discovery_errors = json_insert(discovery_errors, '$[#]', ?) WHERE id = ?`,
  ).run(message, runId);
}

/** Ends a ledger entry (creating it if discovery did not). */
export function settleUrl(db: Database.Database, ts: string, e: LedgerSettlement): void {
  db.prepare(
    `INSERT INTO ledger (url, outlet_id, status, reason, source, article_id, attempts, revisit_at, discovered_at, updated_at)
         VALUES (?, ?, ?, ?, 'direct', ?, 1, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET status = excluded.status, reason = excluded.reason,
           article_id = COALESCE(excluded.article_id, ledger.article_id), revisit_at = excluded.revisit_at,
           attempts = ledger.attempts + 1, updated_at = excluded.updated_at`,
  ).run(e.url, e.outletId, e.status, e.reason, e.articleId ?? null, e.revisitAt ?? null, ts, ts);
}

export function runCounts(db: Database.Database, runId: string): RunCounts {
  const run = db
    .prepare('SELECT discovered, known, discovery_errors FROM crawl_runs WHERE id = ?')
    .get(runId) as { discovered: number; known: number; discovery_errors: string } | undefined;
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
  const rows = db
    .prepare('SELECT status, count(*) AS n FROM ledger WHERE run_id = ? GROUP BY status')
    .all(runId) as Array<{ status: LedgerStatus; n: number }>;
  for (const r of rows) counts[r.status] = r.n;
  const matched = db
    .prepare(
      `SELECT count(DISTINCT m.article_id) AS n FROM mentions m JOIN ledger l ON l.article_id = m.article_id
         WHERE l.run_id = ? AND l.status = 'stored'`,
    )
    .get(runId) as { n: number };
  counts.matched = matched.n;
  return counts;
}

export function ledgerRows(db: Database.Database, runId?: string): LedgerRow[] {
  const rows = (
    runId
      ? db.prepare('SELECT * FROM ledger WHERE run_id = ? ORDER BY url').all(runId)
      : db.prepare('SELECT * FROM ledger ORDER BY url').all()
  ) as Row[];
  return rows.map((r) => ({
    url: r.url as string,
    outletId: r.outlet_id as string,
    status: r.status as LedgerStatus,
    reason: r.reason as string | null,
    source: r.source as string,
    runId: r.run_id as string | null,
    articleId: r.article_id as number | null,
  }));
}

/** Pending entries, oldest first (the reconciler's query). */
export function pendingRows(
  db: Database.Database,
  filter: { runId?: string; before?: string; limit?: number },
): LedgerRow[] {
  const rows = db
    .prepare(
      `SELECT url, outlet_id, source, run_id FROM ledger
         WHERE status = 'pending' AND (@runId IS NULL OR run_id = @runId)
           AND (@before IS NULL OR updated_at < @before)
         ORDER BY updated_at, url LIMIT @limit`,
    )
    .all({
      runId: filter.runId ?? null,
      before: filter.before ?? null,
      limit: filter.limit ?? -1,
    }) as Row[];
  return rows.map((r) => ({
    url: r.url as string,
    outletId: r.outlet_id as string,
    status: 'pending',
    reason: null,
    source: r.source as string,
    runId: r.run_id as string | null,
    articleId: null,
  }));
}
