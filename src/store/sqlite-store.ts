// SQLite store (better-sqlite3 12: v13 needs Node 22). WAL mode so several worker processes
// can share one file; busy_timeout so they wait for each other's short write transactions.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';
import { alertDeliveries, claimAlerts, settleAlerts } from './sqlite-alerts.js';
import {
  discoverUrls,
  finishRun,
  ledgerRows,
  pendingRows,
  recordDiscoveryError,
  runCounts,
  settleUrl,
  startRun,
} from './sqlite-ledger.js';
import { mentionOverrides, mentionStubs, overrideMention } from './sqlite-overrides.js';
import type { CoverageSummary } from '../summarize/coverage.js';
import type { Mention, MentionOverride, MentionStub } from '../summarize/types.js';
import type {
  AlertClaim,
  AlertDelivery,
  AlertOutcome,
  ArticleInput,
  ArticleRecord,
  DiscoveredUrl,
  LedgerRow,
  LedgerSettlement,
  MentionDraft,
  OutletRow,
  OverridePatch,
  RecordedArticle,
  RunCounts,
  Store,
  StoredArticle,
  Validators,
} from './types.js';

type Row = Record<string, unknown>;

export function contentHash(a: Pick<ArticleInput, 'title' | 'body' | 'lead'>): string {
  return createHash('sha256')
    .update(`${a.title ?? ''}\n${a.lead ?? ''}\n${a.body ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

function toArticle(r: Row): StoredArticle {
  return {
    id: r.id as number,
    url: r.url as string,
    outletId: r.outlet_id as string,
    fetchedUrl: r.fetched_url as string,
    fetchMode: r.fetch_mode as 'http' | 'browser',
    title: r.title as string | null,
    lead: r.lead as string | null,
    body: r.body as string | null,
    published: r.published as string | null,
    modified: r.modified as string | null,
    authors: JSON.parse(r.authors as string) as string[],
    section: r.section as string | null,
    language: r.language as StoredArticle['language'],
    image: r.image as string | null,
    siteName: r.site_name as string | null,
    access: r.access as StoredArticle['access'],
    wireCredit: r.wire_credit as string | null,
    contentHash: r.content_hash as string,
    previousHash: r.previous_hash as string | null,
    version: r.version as number,
    etag: r.etag as string | null,
    lastModified: r.last_modified as string | null,
    fetchedAt: r.fetched_at as string,
  };
}

function toMention(r: Row): Mention {
  return {
    eventId: r.event_id as string,
    articleId: r.id as number,
    score: r.score as number,
    hits: JSON.parse(r.hits as string) as Mention['hits'],
    sentences: JSON.parse(r.sentences as string) as Mention['sentences'],
    summary: r.summary as string,
    matchedAt: r.matched_at as string,
    article: toArticle(r),
  };
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(file: string, opts: { now?: () => Date } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.now = opts.now ?? (() => new Date());
    migrate(this.db);
  }

  private ts(): string {
    return this.now().toISOString();
  }

  async upsertOutlets(outlets: readonly OutletRow[]): Promise<void> {
    const stmt = this.db.prepare(
      `INSERT INTO outlets (id, name, base_url, languages, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, base_url = excluded.base_url,
         languages = excluded.languages, updated_at = excluded.updated_at`,
    );
    const ts = this.ts();
    this.db.transaction(() => {
      for (const o of outlets) stmt.run(o.id, o.name, o.baseUrl, JSON.stringify(o.languages), ts);
    })();
  }

  async startRun(run: { id: string; outletIds: string[]; eventIds: string[] }): Promise<void> {
    startRun(this.db, this.ts(), run.id, run.outletIds, run.eventIds);
  }

  async finishRun(id: string): Promise<void> {
    finishRun(this.db, this.ts(), id);
  }

  async discover(batch: {
    runId: string | null;
    urls: readonly DiscoveredUrl[];
  }): Promise<string[]> {
    return discoverUrls(this.db, this.now(), batch.runId, batch.urls);
  }

  async recordDiscoveryError(error: { runId: string | null; message: string }): Promise<void> {
    recordDiscoveryError(this.db, error.runId, error.message);
  }

  async settle(entry: LedgerSettlement): Promise<void> {
    settleUrl(this.db, this.ts(), entry);
  }

  async runCounts(runId: string): Promise<RunCounts> {
    return runCounts(this.db, runId);
  }

  async ledger(filter: { runId?: string } = {}): Promise<LedgerRow[]> {
    return ledgerRows(this.db, filter.runId);
  }

  async pending(filter: { runId?: string; before?: string; limit?: number }): Promise<LedgerRow[]> {
    return pendingRows(this.db, filter);
  }

  async validators(url: string): Promise<Validators | null> {
    const r = this.db
      .prepare(
        `SELECT a.etag, a.last_modified, a.published FROM ledger l JOIN articles a ON a.id = l.article_id
         WHERE l.url = ?`,
      )
      .get(url) as
      { etag: string | null; last_modified: string | null; published: string | null } | undefined;
    return r && (r.etag || r.last_modified)
      ? { etag: r.etag, lastModified: r.last_modified, published: r.published }
      : null;
  }

  /** Upserts an article by canonical URL; inside recordArticle's transaction. */
  private upsertArticle(
    a: ArticleInput,
    ts: string,
  ): { id: number; created: boolean; changed: boolean } {
    const hash = contentHash(a);
    const existing = this.db
      .prepare('SELECT id, content_hash FROM articles WHERE url = ?')
      .get(a.url) as { id: number; content_hash: string } | undefined;
    const values = [
      a.outletId,
      a.fetchedUrl,
      a.fetchMode,
      a.title,
      a.lead,
      a.body,
      a.published,
      a.modified,
      JSON.stringify(a.authors),
      a.section,
      a.language,
      a.image,
      a.siteName,
      a.access,
      a.wireCredit,
      hash,
      a.etag ?? null,
      a.lastModified ?? null,
    ];
    if (!existing) {
      const info = this.db
        .prepare(
          `INSERT INTO articles (outlet_id, fetched_url, fetch_mode, title, lead, body, published, modified,
         authors, section, language, image, site_name, access, wire_credit, content_hash, etag, last_modified,
         url, fetched_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, a.url, ts, ts);
      return { id: Number(info.lastInsertRowid), created: true, changed: true };
    }
    const changed = existing.content_hash !== hash;
    // A changed body keeps the previous version's hash and counts a new version.
    this.db
      .prepare(
        `UPDATE articles SET outlet_id = ?, fetched_url = ?, fetch_mode = ?, title = ?, lead = ?, body = ?,
       published = ?, modified = ?, authors = ?, section = ?, language = ?, image = ?, site_name = ?,
       access = ?, wire_credit = ?, content_hash = ?, etag = ?, last_modified = ?, fetched_at = ?,
       previous_hash = CASE WHEN ? THEN content_hash ELSE previous_hash END,
       version = version + ?, updated_at = ? WHERE id = ?`,
      )
      .run(...values, ts, changed ? 1 : 0, changed ? 1 : 0, ts, existing.id);
    return { id: existing.id, created: false, changed };
  }

  private upsertMention(articleId: number, m: MentionDraft, ts: string): void {
    this.db
      .prepare(
        `INSERT INTO mentions (event_id, article_id, score, hits, sentences, summary, matched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(event_id, article_id) DO UPDATE SET score = excluded.score, hits = excluded.hits,
           sentences = excluded.sentences, summary = excluded.summary, matched_at = excluded.matched_at`,
      )
      .run(
        m.eventId,
        articleId,
        m.score,
        JSON.stringify(m.hits),
        JSON.stringify(m.sentences),
        m.summary,
        ts,
      );
  }

  async recordArticle(r: ArticleRecord): Promise<RecordedArticle> {
    const ts = this.ts();
    const drop = this.db.prepare('DELETE FROM mentions WHERE event_id = ? AND article_id = ?');
    return (
      this.db
        .transaction((): RecordedArticle => {
          const saved = this.upsertArticle(r.article, ts);
          for (const m of r.mentions) this.upsertMention(saved.id, m, ts);
          // A new version that no longer matches loses its mention (analyst overrides are kept).
          const droppedEventIds = saved.created
            ? []
            : r.unmatchedEventIds.filter((e) => drop.run(e, saved.id).changes > 0);
          settleUrl(this.db, ts, {
            url: r.ledger.url,
            outletId: r.ledger.outletId,
            status: 'stored',
            reason: r.ledger.note,
            articleId: saved.id,
            revisitAt: r.ledger.revisitAt,
          });
          return { ...saved, droppedEventIds };
        })
        // IMMEDIATE: take the write lock first, so two processes saving one URL never collide on
        // a stale read (SQLITE_BUSY_SNAPSHOT).
        .immediate()
    );
  }

  async mentions(eventId: string): Promise<Mention[]> {
    const rows = this.db
      .prepare(
        `SELECT m.event_id, m.score, m.hits, m.sentences, m.summary, m.matched_at, a.*
         FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.event_id = ? ORDER BY a.published, a.id`,
      )
      .all(eventId) as Row[];
    return rows.map(toMention);
  }

  async articles(filter: { since?: string } = {}): Promise<StoredArticle[]> {
    const rows = (
      filter.since
        ? this.db
            .prepare('SELECT * FROM articles WHERE published >= ? ORDER BY published, id')
            .all(filter.since)
        : this.db.prepare('SELECT * FROM articles ORDER BY published, id').all()
    ) as Row[];
    return rows.map(toArticle);
  }

  async saveCoverage({
    eventId,
    summary,
  }: {
    eventId: string;
    summary: CoverageSummary;
  }): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO coverage (event_id, summary, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(event_id) DO UPDATE SET summary = excluded.summary, updated_at = excluded.updated_at`,
      )
      .run(eventId, JSON.stringify(summary), this.ts());
  }

  async coverage(eventId: string): Promise<{ summary: CoverageSummary; updatedAt: string } | null> {
    const r = this.db
      .prepare('SELECT summary, updated_at FROM coverage WHERE event_id = ?')
      .get(eventId) as { summary: string; updated_at: string } | undefined;
    return r
      ? { summary: JSON.parse(r.summary) as CoverageSummary, updatedAt: r.updated_at }
      : null;
  }

  async overrideMention(change: {
    eventId: string;
    articleId: number;
    patch: OverridePatch;
  }): Promise<MentionOverride | null> {
    return overrideMention(this.db, change.eventId, change.articleId, change.patch, this.ts());
  }

  async mentionOverrides(eventId: string): Promise<MentionOverride[]> {
    return mentionOverrides(this.db, eventId);
  }

  async mentionStubs(): Promise<MentionStub[]> {
    return mentionStubs(this.db);
  }

  async claimAlerts(claim: AlertClaim): Promise<Mention[]> {
    const ids = claimAlerts(this.db, claim);
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT m.event_id, m.score, m.hits, m.sentences, m.summary, m.matched_at, a.*
         FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.event_id = ? AND m.article_id IN (SELECT value FROM json_each(?))
         ORDER BY a.published, a.id`,
      )
      .all(claim.eventId, JSON.stringify(ids)) as Row[];
    return rows.map(toMention);
  }

  async settleAlerts(s: {
    claim: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>;
    articleIds: readonly number[];
    outcome: AlertOutcome;
  }): Promise<number> {
    return settleAlerts(this.db, s.claim, s.articleIds, s.outcome);
  }

  async alertDeliveries(eventId: string): Promise<AlertDelivery[]> {
    return alertDeliveries(this.db, eventId);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
