// The store's contract. SQLite implements it today (./sqlite-store.ts); a PostgreSQL store
// implements the same interface later, which is why every method is async.
import type { Access, ExtractedArticle, HitSentence, TermHit } from '../types.js';

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
  runCounts(runId: string): Promise<RunCounts>;
  ledger(runId?: string): Promise<LedgerRow[]>;
  mentions(eventId: string): Promise<Mention[]>;
  articles(opts?: { since?: string }): Promise<StoredArticle[]>;
  saveCoverage(eventId: string, summary: unknown): Promise<void>;
  coverage(eventId: string): Promise<{ summary: unknown; updatedAt: string } | null>;
  close(): Promise<void>;
}

export type { Access };
