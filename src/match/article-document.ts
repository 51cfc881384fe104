// The document the matcher reads from an article as it is stored (or about to be): missing text
// fields are empty, the outlet and language become the `outlet:` and `lang:` fields.
import type { MatchDocument } from './types.js';

/** The article fields a match reads (StoredArticle and the crawl's article both have them). */
export interface MatchableFields {
  title: string | null;
  lead: string | null;
  body: string | null;
  url: string;
  outletId: string;
  language: string | null;
  authors: string[];
}

export function articleDocument(a: MatchableFields): MatchDocument {
  return {
    title: a.title ?? '',
    lead: a.lead ?? '',
    body: a.body ?? '',
    url: a.url,
    outlet: a.outletId,
    lang: a.language ?? '',
    authors: a.authors,
  };
}
