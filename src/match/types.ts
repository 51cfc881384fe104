// What a query reads and what a match returns (src/match defines them; mentions store them).

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
