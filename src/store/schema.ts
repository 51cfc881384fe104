// The tables as Kysely sees them: one description for both dialects. Timestamps are ISO 8601
// strings and lists are JSON text in both SQLite and PostgreSQL, so the two behave alike
// (ordering by text, the same JSON on both sides); booleans are 0/1 integers.
import type { Generated } from 'kysely';

export interface OutletsTable {
  id: string;
  name: string;
  base_url: string;
  /** JSON array of language codes. */
  languages: string;
  updated_at: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  /** Canonical URL: the key of the article. */
  url: string;
  outlet_id: string;
  fetched_url: string;
  fetch_mode: 'http' | 'browser';
  title: string | null;
  lead: string | null;
  body: string | null;
  published: string | null;
  modified: string | null;
  /** JSON array. */
  authors: string;
  section: string | null;
  language: string | null;
  image: string | null;
  site_name: string | null;
  access: 'free' | 'paywalled' | 'gated';
  wire_credit: string | null;
  content_hash: string;
  fetched_at: string;
  updated_at: string;
  etag: string | null;
  last_modified: string | null;
  /** Content hash of the version this one replaced. */
  previous_hash: string | null;
  version: Generated<number>;
  /** JSON array of TextWarning (src/extract/types.ts). */
  text_warnings: Generated<string>;
}

export interface MentionsTable {
  event_id: string;
  article_id: number;
  score: number;
  /** JSON TermHit[]. */
  hits: string;
  /** JSON HitSentence[]. */
  sentences: string;
  summary: string;
  matched_at: string;
}

export interface LedgerTable {
  /** Canonical form of the discovered URL. */
  url: string;
  outlet_id: string;
  status: 'pending' | 'stored' | 'skipped' | 'failed';
  reason: string | null;
  /** Where it was discovered: sitemap:/…, feed:/…, page:/…, direct. */
  source: string;
  run_id: string | null;
  article_id: number | null;
  attempts: Generated<number>;
  discovered_at: string;
  updated_at: string;
  /** When a stored URL is due for a revisit. */
  revisit_at: string | null;
}

export interface CrawlRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  /** JSON array of outlet ids. */
  outlets: string;
  /** JSON array of event ids. */
  events: string;
  discovered: Generated<number>;
  known: Generated<number>;
  /** JSON array of messages. */
  discovery_errors: Generated<string>;
}

export interface CoverageTable {
  event_id: string;
  /** JSON CoverageSummary. */
  summary: string;
  updated_at: string;
}

export interface MentionOverridesTable {
  event_id: string;
  article_id: number;
  relevant: number;
  /** JSON array, sorted. */
  tags: string;
  tone: 'positive' | 'neutral' | 'negative' | null;
  updated_at: string;
  /** The analyst's note. */
  note: string | null;
  /** Who reviewed it last (an e-mail, or "cli"). */
  reviewed_by: string | null;
  /** When it was last reviewed; null: never. */
  reviewed_at: string | null;
}

export interface AlertDeliveriesTable {
  event_id: string;
  article_id: number;
  channel: 'webhook' | 'email';
  status: 'sending' | 'sent' | 'failed';
  claim: string | null;
  attempts: number;
  last_error: string | null;
  retry_at: string | null;
  sent_at: string | null;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  role: 'admin' | 'analyst' | 'viewer';
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: number;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** No foreign key: the log outlives removed users. */
  user_id: number | null;
  actor: string;
  action: string;
  target: string;
  /** JSON. */
  detail: string;
}

export interface AppEventsTable {
  id: string;
  /** JSON EventConfig. */
  definition: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** One row (id = 1): bumped with every save and delete of an app event. */
export interface AppEventsRevisionTable {
  id: number;
  revision: number;
}

export interface EventVisitsTable {
  user_id: number;
  event_id: string;
  visited_at: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Tables {
  outlets: OutletsTable;
  articles: ArticlesTable;
  mentions: MentionsTable;
  ledger: LedgerTable;
  crawl_runs: CrawlRunsTable;
  coverage: CoverageTable;
  mention_overrides: MentionOverridesTable;
  alert_deliveries: AlertDeliveriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  app_events: AppEventsTable;
  app_events_revision: AppEventsRevisionTable;
  event_visits: EventVisitsTable;
  schema_migrations: SchemaMigrationsTable;
}
