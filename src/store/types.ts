// The store's contract and its own records. Domain records (Article, Mention, overrides) are
// defined by the stages (src/summarize/types.ts); the store maps its rows to them.
import type { ExtractedArticle } from '../extract/types.js';
import type { HitSentence, TermHit } from '../match/types.js';
import type { CoverageSummary } from '../summarize/coverage.js';
import type { Article, Mention, MentionOverride, MentionStub, Tone } from '../summarize/types.js';

export type LedgerStatus = 'pending' | 'stored' | 'skipped' | 'failed';

export interface DiscoveredUrl {
  url: string;
  outletId: string;
  source: string;
}

/** An article as the crawl saves it: the domain Article before the store gives it an id. */
export interface ArticleInput extends Omit<ExtractedArticle, 'url' | 'canonicalUrl'> {
  /** Canonical URL: the key of the article. */
  url: string;
  outletId: string;
  fetchedUrl: string;
  fetchMode: 'http' | 'browser';
  /** HTTP validators for the next conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
  /** Publication date of the stored version (for the revisit schedule). */
  published: string | null;
}

/** The store's record of an article: the domain Article plus the store's own bookkeeping. */
export interface StoredArticle extends Article {
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  /** Content hash of the version this one replaced (null for a first version). */
  previousHash: string | null;
  version: number;
}

/** A mention as the crawl drafts it: the store adds the event's article id and the time. */
export interface MentionDraft {
  eventId: string;
  score: number;
  hits: TermHit[];
  sentences: HitSentence[];
  summary: string;
}

/** A change to an override; fields left out keep their value. */
export interface OverridePatch {
  relevant?: boolean;
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** null clears the tone. */
  tone?: Tone | null;
  /** An analyst's note; null clears it. */
  note?: string | null;
  /** Who decided (an e-mail, or "cli"): every change marks the mention reviewed. */
  reviewedBy?: string;
}

export type AlertChannel = 'webhook' | 'email';

export interface AlertDelivery {
  eventId: string;
  articleId: number;
  channel: AlertChannel;
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  retryAt: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export interface AlertClaim {
  eventId: string;
  channel: AlertChannel;
  /** Unique per send: only the holder settles the rows. */
  claim: string;
  /** ISO time; failed rows whose retry time has come are claimed again. */
  now: string;
  /** 'sending' rows last touched before this were left by a crashed sender: claimed again. */
  staleBefore: string;
  /** Digests: only mentions matched before this (the start of the current period). */
  matchedBefore?: string | null;
}

export type AlertOutcome = { sent: true } | { sent: false; error: string; retryAt: string };

export interface RunCounts {
  discovered: number;
  known: number;
  pending: number;
  stored: number;
  skipped: number;
  failed: number;
  matched: number;
  discoveryErrors: string[];
}

export interface LedgerRow {
  url: string;
  outletId: string;
  status: LedgerStatus;
  reason: string | null;
  source: string;
  runId: string | null;
  articleId: number | null;
}

/** How a ledger entry ends, when no article is saved with it (skipped, failed, or unchanged). */
export interface LedgerSettlement {
  url: string;
  outletId: string;
  status: Exclude<LedgerStatus, 'pending'>;
  reason: string | null;
  /** The article the URL led to, when there is one (a 304 keeps the one it had). */
  articleId?: number | null;
  /** When the URL is due for a revisit, or null. */
  revisitAt?: string | null;
}

/** One fetched article with everything that is written for it, in one transaction. */
export interface ArticleRecord {
  article: ArticleInput;
  /** The mentions it has now. */
  mentions: readonly MentionDraft[];
  /** Events in whose window it falls that it no longer matches: their mentions are removed. */
  unmatchedEventIds: readonly string[];
  /** Its ledger entry (the URL discovery found, which may differ from the canonical URL). */
  ledger: { url: string; outletId: string; note: string | null; revisitAt: string | null };
}

export interface RecordedArticle {
  id: number;
  created: boolean;
  /** The stored body changed (a new article, or a new version of one). */
  changed: boolean;
  /** Events whose mention of this article was removed: a new version no longer matches. */
  droppedEventIds: string[];
}

export interface OutletRow {
  id: string;
  name: string;
  baseUrl: string;
  languages: readonly string[];
}

// The store's contract, split by concern: each stage asks for the parts it uses
// (`Pick<Store, …>` or one of these). SQLite implements all of it (./sqlite-store.ts); a
// PostgreSQL store implements the same interface, which is why every method is async.

export interface OutletStore {
  upsertOutlets(outlets: readonly OutletRow[]): Promise<void>;
}

/** Crawl runs: what one `crawl` asked for and the counts it reports. */
export interface RunStore {
  startRun(run: { id: string; outletIds: string[]; eventIds: string[] }): Promise<void>;
  finishRun(id: string): Promise<void>;
  runCounts(runId: string): Promise<RunCounts>;
  recordDiscoveryError(error: { runId: string | null; message: string }): Promise<void>;
}

/** The ledger: every discovered URL ends stored, skipped or failed, with a reason. */
export interface LedgerStore {
  /** Records discovered URLs; returns those to fetch (new, or failed/pending/due before). */
  discover(batch: { runId: string | null; urls: readonly DiscoveredUrl[] }): Promise<string[]>;
  /** Ends a ledger entry that has no new article (creating it if discovery did not). */
  settle(entry: LedgerSettlement): Promise<void>;
  ledger(filter?: { runId?: string }): Promise<LedgerRow[]>;
  /**
   * Entries still pending (of one run, or of every run), oldest first: the reconciler checks
   * each has a live job. `before` (ISO time): only entries last touched before it.
   */
  pending(filter: { runId?: string; before?: string; limit?: number }): Promise<LedgerRow[]>;
  /** Validators of the article a ledger URL led to, for a conditional GET. */
  validators(url: string): Promise<Validators | null>;
}

export interface ArticleStore {
  /**
   * Saves an article (upsert by canonical URL, a new version when its text changed), its
   * mentions, the removal of mentions it lost, and its ledger entry ("stored"): all or nothing.
   */
  recordArticle(record: ArticleRecord): Promise<RecordedArticle>;
  articles(filter?: { since?: string }): Promise<StoredArticle[]>;
  /**
   * At most `limit` articles published on or after `from` and before `to` (YYYY-MM-DD or ISO
   * text, compared as text; `to` null: no end) and the undated ones, the most recently published
   * first, undated last (the web app's preview of an event's query).
   */
  recentArticles(range: {
    from: string;
    to: string | null;
    limit: number;
  }): Promise<StoredArticle[]>;
}

export interface MentionStore {
  /**
   * An event's mentions with their articles, oldest first. `bodies: false` leaves the article
   * bodies out (null): views that keep a stored summary need no body and read far less; with
   * it, `filter` narrows them in the database (as mentionPage does) and `matches: false` leaves
   * out the hits, hit sentences and summary too (empty), for views that only count and group.
   */
  mentions(
    eventId: string,
    opts?: { bodies?: boolean; matches?: boolean; filter?: MentionFilter },
  ): Promise<Mention[]>;
  /**
   * Every mention of every event, reduced to its date and relevance. With `published`, only
   * mentions of undated articles and of articles published on or after `from` and before `to`
   * (plain dates, compared with the stored text): share of voice asks for its window.
   */
  mentionStubs(published?: {
    from?: string;
    to?: string;
    /** Mentions of undated articles too (default true). */
    undated?: boolean;
  }): Promise<MentionStub[]>;
  /**
   * Per event, its relevant mentions of articles published on or after `from` and before `to`
   * (plain dates compared with the stored text): share of voice counts the heart of a window
   * in SQL and only its edges mention by mention.
   */
  relevantMentionCounts(published: { from: string; to?: string }): Promise<Record<string, number>>;
}

/** Analysts' decisions on mentions, kept apart from the crawler's data. */
export interface OverrideStore {
  /** Applies an analyst's change to a mention; null when the event has no such mention. */
  overrideMention(change: {
    eventId: string;
    articleId: number;
    patch: OverridePatch;
  }): Promise<MentionOverride | null>;
  mentionOverrides(eventId: string): Promise<MentionOverride[]>;
}

/** The last coverage summary computed for each event (src/coverage refreshes it). */
export interface CoverageStore {
  saveCoverage(coverage: { eventId: string; summary: CoverageSummary }): Promise<void>;
  coverage(eventId: string): Promise<{ summary: CoverageSummary; updatedAt: string } | null>;
}

export interface AlertStore {
  /**
   * Atomically takes the relevant mentions of an event not yet alerted on a channel (never
   * sent, failed and due again, or left 'sending' by a crashed sender); returns them.
   */
  claimAlerts(claim: AlertClaim): Promise<Mention[]>;
  /** Records how a claimed send went; returns the rows settled. */
  settleAlerts(settlement: {
    claim: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>;
    articleIds: readonly number[];
    outcome: AlertOutcome;
  }): Promise<number>;
  alertDeliveries(eventId: string): Promise<AlertDelivery[]>;
}

export interface Store
  extends
    OutletStore,
    RunStore,
    LedgerStore,
    ArticleStore,
    MentionStore,
    OverrideStore,
    CoverageStore,
    AlertStore,
    UserStore,
    SessionStore,
    AuditStore,
    AppEventStore,
    VisitStore,
    MentionPageStore,
    OutletStatusStore {
  /** A trivial query: resolves when the database answers (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// ---- The web app's records (migration 5): accounts, sessions, the audit log, events made in
// the app, analysts' visits, and the paged views of an event's mentions. ----

export type Role = 'admin' | 'analyst' | 'viewer';

export interface User {
  id: number;
  /** Lower-cased; the sign-in name. */
  email: string;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
  /** Failed sign-ins since the last good one (per-account limit, app/web/auth.ts). */
  failedLogins: number;
  /** ISO time until which sign-in is refused, or null. */
  lockedUntil: string | null;
}

export interface UserStore {
  /** Adds a user; MW_ERR_USER_EXISTS when the e-mail is taken (case-insensitive). */
  addUser(user: { email: string; role: Role; passwordHash: string }): Promise<User>;
  users(): Promise<User[]>;
  userById(id: number): Promise<User | null>;
  /** The user and the stored hash, for sign-in. */
  userForLogin(email: string): Promise<{ user: User; passwordHash: string } | null>;
  /** Removes a user and their sessions; false when there was none. */
  removeUser(email: string): Promise<boolean>;
  /** Sets a new password and ends every session of the user; false when there is no such user. */
  setPassword(change: { email: string; passwordHash: string }): Promise<boolean>;
  setRole(change: { email: string; role: Role }): Promise<boolean>;
  /** A good sign-in: resets the failure count and stamps lastLoginAt. */
  loginSucceeded(login: { userId: number; at: string }): Promise<void>;
  /** A failed sign-in: counts it; `lockedUntil` (when given) refuses sign-in until then. */
  loginFailed(login: { userId: number; lockedUntil: string | null }): Promise<number>;
}

export interface Session {
  /** The SHA-256 of the cookie's token (the token itself is never stored). */
  id: string;
  userId: number;
  /** Per-session secret for CSRF tokens. */
  csrfSecret: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface SessionStore {
  createSession(session: Session): Promise<void>;
  /** The session and its user; null when either is gone. */
  session(id: string): Promise<{ session: Session; user: User } | null>;
  touchSession(touch: { id: string; lastSeenAt: string }): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends sessions last seen before `idleBefore` or created before `createdBefore`. */
  pruneSessions(cut: { idleBefore: string; createdBefore: string }): Promise<number>;
}

export interface AuditEntry {
  id: number;
  at: string;
  /** null for the CLI or the system. */
  userId: number | null;
  /** The user's e-mail at the time ("cli" for the command line). */
  actor: string;
  /** e.g. "mention.review", "event.save", "user.add", "crawl.start". */
  action: string;
  /** What it acted on, e.g. "event:vilvoorde-2024", "mention:vilvoorde-2024/12". */
  target: string;
  /** JSON-able detail (the change). */
  detail: unknown;
}

export interface AuditStore {
  audit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  auditLog(filter?: { target?: string; limit?: number }): Promise<AuditEntry[]>;
}

/** An event defined in the app (config/events/*.yaml events are the other source). */
export interface AppEvent {
  /** The EventConfig as validated by eventSchema (src/config/schema.ts). */
  definition: unknown;
  id: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface AppEventStore {
  appEvents(): Promise<AppEvent[]>;
  /** Creates or replaces an app event. */
  saveAppEvent(save: { id: string; definition: unknown; actor: string; at: string }): Promise<void>;
  deleteAppEvent(id: string): Promise<boolean>;
  /** Changes on every save and delete: workers compare it to reload events. */
  appEventsRevision(): Promise<string>;
}

export interface VisitStore {
  /** When the user last opened the event's page, per event id. */
  lastVisits(userId: number): Promise<Record<string, string>>;
  recordVisit(visit: { userId: number; eventId: string; at: string }): Promise<void>;
}

export type ReviewState = 'unreviewed' | 'reviewed' | 'relevant' | 'not-relevant';

/** Filters shared by the dashboard, the review queue and the exports. */
export interface MentionFilter {
  outletIds?: readonly string[];
  languages?: readonly string[];
  /** Published (or matched, when undated) on or after / before these ISO dates. */
  from?: string;
  to?: string;
  state?: ReviewState;
  tag?: string;
  /** Words that must appear in the title (case-insensitive), for the list's search box. */
  text?: string;
}

/** One row of a paged mention list: the mention without the article's body. */
export interface MentionListRow {
  eventId: string;
  articleId: number;
  outletId: string;
  url: string;
  title: string | null;
  published: string | null;
  language: string | null;
  summary: string;
  sentences: HitSentence[];
  score: number;
  matchedAt: string;
  relevant: boolean;
  reviewed: boolean;
  tags: string[];
  tone: Tone | null;
  note: string | null;
}

export interface MentionPageStore {
  /** Newest first (published, else matched), then by article id; total counts every match. */
  mentionPage(query: {
    eventId: string;
    filter: MentionFilter;
    offset: number;
    limit: number;
  }): Promise<{ rows: MentionListRow[]; total: number }>;
  /** Per event: all mentions, not reviewed yet, matched after `since[eventId]`. */
  mentionCounts(
    since: Record<string, string>,
  ): Promise<Record<string, { total: number; unreviewed: number; new: number }>>;
  /** Tags in use on an event's mentions (for the filter and the tag box). */
  eventTags(eventId: string): Promise<string[]>;
  article(id: number): Promise<StoredArticle | null>;
  /** The mention of one article for one event, with its override; null when none. */
  mention(key: { eventId: string; articleId: number }): Promise<Mention | null>;
}

// ---- The crawl per outlet (the web app's /crawl screens; ./crawl-status.ts). ----

/** Skipped or failed URLs of an outlet with one catalogue code (`MW_ERR_…`, or 'other'). */
export interface ReasonCount {
  status: 'skipped' | 'failed';
  code: string;
  count: number;
  /** One reason line with that code, as the ledger has it. */
  example: string | null;
}

/** A crawl run; `discoveryErrors` narrowed to one outlet's when asked for an outlet. */
export interface OutletRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  outletIds: string[];
  discoveryErrors: string[];
}

export interface OutletCrawlStatus {
  outletId: string;
  counts: Record<LedgerStatus, number>;
  /** The newest discovered_at of the outlet's ledger entries. */
  lastDiscoveredAt: string | null;
  /** The newest crawl run that included the outlet (scheduled runs have none). */
  lastRun: OutletRun | null;
  /** Most frequent first. */
  reasons: ReasonCount[];
}

export interface LedgerFailure {
  url: string;
  status: 'skipped' | 'failed';
  reason: string | null;
  code: string;
  source: string;
  runId: string | null;
  /** When the entry last changed. */
  at: string;
}

export interface OutletStatusStore {
  /** Every outlet with ledger entries or crawl runs. */
  outletStatus(): Promise<OutletCrawlStatus[]>;
  /** An outlet's latest failed (or skipped) URLs, newest first. */
  recentFailures(filter: {
    outletId: string;
    status?: 'failed' | 'skipped';
    limit?: number;
  }): Promise<LedgerFailure[]>;
  /** The latest crawl runs, newest first; with outletId only those that included it. */
  recentRuns(filter?: { outletId?: string; limit?: number }): Promise<OutletRun[]>;
}
