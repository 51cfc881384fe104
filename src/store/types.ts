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
}

export interface MentionStore {
  mentions(eventId: string): Promise<Mention[]>;
  /** Every mention of every event, reduced to its date and relevance. */
  mentionStubs(): Promise<MentionStub[]>;
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
    AlertStore {
  /** A trivial query: resolves when the database answers (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
