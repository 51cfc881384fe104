// Small builders shared by the matcher tests.
import { compileQuery, matchDocument, type QueryOptions } from '../../../src/match/index.js';
import type { MatchDocument, MatchResult } from '../../../src/match/types.js';

export function doc(fields: Partial<MatchDocument>): MatchDocument {
  return {
    title: '',
    lead: '',
    body: '',
    url: 'https://news.example/a',
    outlet: 'example',
    lang: 'en',
    authors: [],
    ...fields,
  };
}

/** The result of `query` on a document whose body is `body` (or on the given fields). */
export function run(
  query: string,
  body: string | Partial<MatchDocument>,
  opts?: QueryOptions,
): MatchResult | null {
  return matchDocument(compileQuery(query, opts), doc(typeof body === 'string' ? { body } : body));
}

export function matches(query: string, body: string | Partial<MatchDocument>): boolean {
  return run(query, body) !== null;
}

/** The matched text of every hit, in order, as `field:text`. */
export function hitTexts(query: string, body: string | Partial<MatchDocument>): string[] {
  const d = doc(typeof body === 'string' ? { body } : body);
  const r = matchDocument(compileQuery(query), d);
  if (!r) return [];
  return r.hits.map((h) => {
    const text = h.field === 'author' ? d.authors.join('\n\n') : d[h.field];
    return `${h.field}:${text.slice(h.start, h.end)}`;
  });
}
