// Values that cross stage boundaries. Every stage module imports its contract from here so
// that stages never import each other's internals.

/** Languages mediawatch reads. */
export type Lang = 'fr' | 'nl' | 'en' | 'de';

/** Whether the article body could be read as published. Never worked around. */
export type Access = 'free' | 'paywalled' | 'gated';

/** What the extractor returns for one HTML page (src/extract). Pure data. */
export interface ExtractedArticle {
  /** URL the page was fetched from. */
  url: string;
  /** `<link rel=canonical>` / og:url / JSON-LD url, absolute; null when the page declares none. */
  canonicalUrl: string | null;
  /** Headline without the site-name suffix. */
  title: string | null;
  /** First paragraph or standfirst / description. */
  lead: string | null;
  /** Body text, paragraphs separated by a blank line ("\n\n"); null when the page holds no article. */
  body: string | null;
  /** ISO 8601 with offset, e.g. 2024-01-05T14:03:00+01:00. */
  published: string | null;
  modified: string | null;
  authors: string[];
  section: string | null;
  language: Lang | null;
  image: string | null;
  siteName: string | null;
  access: Access;
  /** Wire agency credit carried by the body, e.g. "Belga"; null when none. */
  wireCredit: string | null;
}

/** Fields a query can address (src/match). */
export interface MatchDocument {
  title: string;
  lead: string;
  body: string;
  url: string;
  outlet: string;
  lang: string;
  authors: string[];
}

export type MatchField = 'title' | 'lead' | 'body' | 'url' | 'outlet' | 'lang' | 'author';

/** One matched term occurrence; offsets are UTF-16 indexes into the original field text. */
export interface TermHit {
  field: MatchField;
  term: string;
  start: number;
  end: number;
}

/** A sentence of title/lead/body that carries at least one hit. */
export interface HitSentence {
  field: MatchField;
  text: string;
  /** Offsets of the sentence in the field text. */
  start: number;
  end: number;
  /** Hit ranges relative to `text`. */
  marks: Array<[number, number]>;
}

export interface MatchResult {
  score: number;
  hits: TermHit[];
  sentences: HitSentence[];
}
