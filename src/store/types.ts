// The store's contract. SQLite implements it today (./sqlite-store.ts); a PostgreSQL store
// implements the same interface later, which is why every method is async.
import type { Access, ExtractedArticle } from '../extract/types.js';
import type { HitSentence, TermHit } from '../match/types.js';

export type LedgerStatus = 'pending' | 'stored' | 'skipped' | 'failed';

export interface DiscoveredUrl {
  url: string;
  outletId: string;
  source: string;
}

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

export interface StoredArticle extends ArticleInput {
  id: number;
  contentHash: string;
  /** Content hash of the version this one replaced (null for a first version). */
  previousHash: string | null;
  version: number;
  fetchedAt: string;
}

export interface MentionInput {
  eventId: string;
  articleId: number;
  score: number;
  hits: TermHit[];
  sentences: HitSentence[];
  summary: string;
}

export interface Mention extends MentionInput {
  matchedAt: string;
  article: StoredArticle;
}

/** An analyst's tone for a mention (the crawler sets none). */
export type Tone = 'positive' | 'neutral' | 'negative';

/** What an analyst decided about one mention; kept apart from the crawler's data. */
export interface MentionOverride {
  eventId: string;
  articleId: number;
  /** false: "not relevant", left out of totals, exports and alerts (the mention is kept). */
  relevant: boolean;
  tags: string[];
  tone: Tone | null;
  updatedAt: string;
}

/** A change to an override; fields left out keep their value. */
export interface OverridePatch {
  relevant?: boolean;
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** null clears the tone. */
  tone?: Tone | null;
}

/** A mention reduced to what share of voice needs. */
export interface MentionStub {
  eventId: string;
  articleId: number;
  published: string | null;
  relevant: boolean;
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

export interface Store {
  upsertOutlets(
    outlets: ReadonlyArray<{
      id: string;
      name: string;
      baseUrl: string;
      languages: readonly string[];
    }>,
  ): Promise<void>;
  startRun(id: string, outletIds: string[], eventIds: string[]): Promise<void>;
  finishRun(id: string): Promise<void>;
  /** Records discovered URLs; returns those to fetch (new, or failed/pending before). */
  discover(runId: string | null, urls: DiscoveredUrl[]): Promise<string[]>;
  recordDiscoveryError(runId: string | null, message: string): Promise<void>;
  /** Ends a ledger entry (creating it if discovery did not). */
  settle(
    url: string,
    outletId: string,
    status: Exclude<LedgerStatus, 'pending'>,
    reason: string | null,
    articleId?: number | null,
    revisitAt?: string | null,
  ): Promise<void>;
  /** Validators of the article a ledger URL led to, for a conditional GET. */
  validators(url: string): Promise<Validators | null>;
  saveArticle(article: ArticleInput): Promise<{ id: number; created: boolean; changed: boolean }>;
  saveMention(mention: MentionInput): Promise<void>;
  /** Removes one mention; true when there was one. */
  deleteMention(eventId: string, articleId: number): Promise<boolean>;
  runCounts(runId: string): Promise<RunCounts>;
  ledger(runId?: string): Promise<LedgerRow[]>;
  mentions(eventId: string): Promise<Mention[]>;
  articles(opts?: { since?: string }): Promise<StoredArticle[]>;
  saveCoverage(eventId: string, summary: unknown): Promise<void>;
  /** Applies an analyst's change to a mention; null when the event has no such mention. */
  overrideMention(
    eventId: string,
    articleId: number,
    patch: OverridePatch,
  ): Promise<MentionOverride | null>;
  mentionOverrides(eventId: string): Promise<MentionOverride[]>;
  /** Every mention of every event, reduced to its date and relevance. */
  mentionStubs(): Promise<MentionStub[]>;
  /**
   * Atomically takes the relevant mentions of an event not yet alerted on a channel (never
   * sent, failed and due again, or left 'sending' by a crashed sender); returns them.
   */
  claimAlerts(claim: AlertClaim): Promise<Mention[]>;
  /** Records how a claimed send went; returns the rows settled. */
  settleAlerts(
    claim: Pick<AlertClaim, 'eventId' | 'channel' | 'claim' | 'now'>,
    articleIds: readonly number[],
    outcome: AlertOutcome,
  ): Promise<number>;
  alertDeliveries(eventId: string): Promise<AlertDelivery[]>;
  coverage(eventId: string): Promise<{ summary: unknown; updatedAt: string } | null>;
  close(): Promise<void>;
}

export type { Access };
