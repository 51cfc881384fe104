// The records of an event's coverage: the articles that matched it, the mentions, and the
// analysts' decisions on them. The crawl produces articles and mentions (src/crawl), the store
// maps its rows to these types (src/store), and summarize, report and alerts read them. The
// store's own bookkeeping (content hashes, versions, HTTP validators) never appears here.
import type { ExtractedArticle } from '../extract/types.js';
import type { HitSentence, TermHit } from '../match/types.js';

/** An article as coverage reads it: what the extractor found, under its canonical URL. */
export interface Article extends Omit<ExtractedArticle, 'url' | 'canonicalUrl'> {
  id: number;
  /** Canonical URL: the key of the article. */
  url: string;
  outletId: string;
  /** The URL the page was fetched from (after redirects). */
  fetchedUrl: string;
  fetchMode: 'http' | 'browser';
  fetchedAt: string;
}

/** One article matching one event: why it matched, and its summary. */
export interface Mention {
  eventId: string;
  articleId: number;
  score: number;
  hits: TermHit[];
  sentences: HitSentence[];
  summary: string;
  matchedAt: string;
  article: Article;
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
  /** The analyst's note (web app review), if any. */
  note?: string | null;
  /** Who reviewed it last (an e-mail, or "cli"). */
  reviewedBy?: string | null;
}

/** A mention reduced to what share of voice needs. */
export interface MentionStub {
  eventId: string;
  articleId: number;
  published: string | null;
  relevant: boolean;
}
