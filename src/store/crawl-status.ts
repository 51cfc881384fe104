// The crawl seen per outlet (the web app's /crawl screens): ledger counts by status, when the
// outlet was last discovered, the reasons its URLs were skipped or failed grouped by their
// catalogue code, its latest failures, and the crawl runs that included it with the discovery
// errors they recorded for it. Reads only; grouping by code is done here, not in SQL, so both
// dialects run the same queries.
import type { Db } from './db.js';
import { toCount } from './db.js';
import type {
  LedgerFailure,
  LedgerStatus,
  OutletCrawlStatus,
  OutletRun,
  ReasonCount,
} from './types.js';

/** The catalogue code of a reason line (`MW_ERR_HTTP_STATUS: …`), or 'other'. */
export function reasonCode(reason: string | null): string {
  const m = /^(MW_[A-Z0-9_]+)\b/.exec(reason ?? '');
  return m ? m[1]! : 'other';
}

const emptyCounts = (): Record<LedgerStatus, number> => ({
  pending: 0,
  stored: 0,
  skipped: 0,
  failed: 0,
});

/** One entry per outlet that has ledger entries or crawl runs, ordered by outlet id. */
export async function outletStatus(db: Db): Promise<OutletCrawlStatus[]> {
  const byOutlet = new Map<string, OutletCrawlStatus>();
  const entry = (outletId: string): OutletCrawlStatus => {
    let e = byOutlet.get(outletId);
    if (!e) {
      e = {
        outletId,
        counts: emptyCounts(),
        lastDiscoveredAt: null,
        lastRun: null,
        reasons: [],
      };
      byOutlet.set(outletId, e);
    }
    return e;
  };
  const counts = await db
    .selectFrom('ledger')
    .select((eb) => [
      'outlet_id',
      'status',
      eb.fn.countAll().as('n'),
      eb.fn.max('discovered_at').as('last'),
    ])
    .groupBy(['outlet_id', 'status'])
    .execute();
  for (const r of counts) {
    const e = entry(r.outlet_id);
    e.counts[r.status] = toCount(r.n);
    const last = r.last === null ? null : String(r.last);
    if (last && (!e.lastDiscoveredAt || last > e.lastDiscoveredAt)) e.lastDiscoveredAt = last;
  }
  // Distinct reasons, then grouped by code: one row per reason text, not per URL.
  const reasons = await db
    .selectFrom('ledger')
    .select((eb) => ['outlet_id', 'status', 'reason', eb.fn.countAll().as('n')])
    .where('status', 'in', ['skipped', 'failed'])
    .groupBy(['outlet_id', 'status', 'reason'])
    .execute();
  const grouped = new Map<string, Map<string, ReasonCount>>();
  for (const r of reasons) {
    const status = r.status as ReasonCount['status'];
    const code = reasonCode(r.reason);
    let codes = grouped.get(r.outlet_id);
    if (!codes) grouped.set(r.outlet_id, (codes = new Map()));
    const key = `${status} ${code}`;
    const c = codes.get(key) ?? { status, code, count: 0, example: r.reason };
    c.count += toCount(r.n);
    codes.set(key, c);
  }
  for (const [outletId, codes] of grouped)
    entry(outletId).reasons = [...codes.values()].sort(
      (a, b) => b.count - a.count || a.code.localeCompare(b.code),
    );
  for (const run of await recentRuns(db, { limit: RUNS_SCANNED })) {
    for (const outletId of run.outletIds) {
      const e = entry(outletId);
      if (!e.lastRun)
        e.lastRun = { ...run, discoveryErrors: errorsOf(run.discoveryErrors, outletId) };
    }
  }
  return [...byOutlet.values()].sort((a, b) => a.outletId.localeCompare(b.outletId));
}

/** The outlet's latest ledger entries with a status (default failed), newest first. */
export async function recentFailures(
  db: Db,
  filter: { outletId: string; status?: 'failed' | 'skipped'; limit?: number },
): Promise<LedgerFailure[]> {
  const rows = await db
    .selectFrom('ledger')
    .select(['url', 'status', 'reason', 'source', 'run_id', 'updated_at'])
    .where('outlet_id', '=', filter.outletId)
    .where('status', '=', filter.status ?? 'failed')
    .orderBy('updated_at', 'desc')
    .orderBy('url')
    .limit(Math.max(0, Math.min(1000, Math.floor(filter.limit ?? 50))))
    .execute();
  return rows.map((r) => ({
    url: r.url,
    status: r.status as LedgerFailure['status'],
    reason: r.reason,
    code: reasonCode(r.reason),
    source: r.source,
    runId: r.run_id,
    at: r.updated_at,
  }));
}

/** A run's discovery errors that are the outlet's (`OUTLET: message`), without the prefix. */
function errorsOf(errors: readonly string[], outletId: string): string[] {
  const prefix = `${outletId}: `;
  return errors.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
}

/** Crawl runs are few; the latest this many are read to find an outlet's. */
const RUNS_SCANNED = 500;

/**
 * The latest crawl runs, newest first; with `outletId` only those that included it, and their
 * discovery errors narrowed to that outlet's (each is recorded as `OUTLET: message`).
 */
export async function recentRuns(
  db: Db,
  filter: { outletId?: string; limit?: number } = {},
): Promise<OutletRun[]> {
  const limit = Math.max(0, Math.min(RUNS_SCANNED, Math.floor(filter.limit ?? 20)));
  const rows = await db
    .selectFrom('crawl_runs')
    .select(['id', 'started_at', 'finished_at', 'outlets', 'discovery_errors'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.outletId === undefined ? limit : RUNS_SCANNED)
    .execute();
  const runs: OutletRun[] = [];
  for (const r of rows) {
    const outletIds = JSON.parse(r.outlets) as string[];
    let errors = JSON.parse(r.discovery_errors) as string[];
    if (filter.outletId !== undefined) {
      if (!outletIds.includes(filter.outletId)) continue;
      errors = errorsOf(errors, filter.outletId);
    }
    runs.push({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      outletIds,
      discoveryErrors: errors,
    });
    if (runs.length >= limit) break;
  }
  return runs;
}
