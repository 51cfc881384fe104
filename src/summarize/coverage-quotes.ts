// The quotations of an event's coverage: each quotation once, with every article that carries
// it (a dispatch quoted by five pickups is one quotation in five articles), the speaker where
// any copy names one, most widely carried first. Pure.
import { extractQuotes } from './quotes.js';
import { foldedWords } from './text-fold.js';

export interface CoverageQuote {
  text: string;
  speaker: string | null;
  language: string | null;
  /** Articles carrying the quotation, earliest first. */
  articleIds: number[];
}

export interface QuoteSource {
  id: number;
  language: string | null;
  body: string | null;
  published: string | null;
}

export const DEFAULT_MAX_QUOTES = 20;

function time(published: string | null): number {
  const t = published ? Date.parse(published) : Number.NaN;
  return Number.isFinite(t) ? t : Infinity;
}

export function coverageQuotes(
  articles: readonly QuoteSource[],
  maxQuotes = DEFAULT_MAX_QUOTES,
): CoverageQuote[] {
  const ordered = [...articles].sort(
    (a, b) => time(a.published) - time(b.published) || a.id - b.id,
  );
  const byKey = new Map<string, CoverageQuote & { first: number }>();
  ordered.forEach((a, rank) => {
    if (!a.body) return;
    for (const q of extractQuotes(a.body, a.language)) {
      const key = foldedWords(q.text).join(' ');
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, {
          text: q.text,
          speaker: q.speaker,
          language: a.language,
          articleIds: [a.id],
          first: rank,
        });
        continue;
      }
      if (!known.articleIds.includes(a.id)) known.articleIds.push(a.id);
      known.speaker ??= q.speaker;
    }
  });
  return [...byKey.values()]
    .sort((x, y) => y.articleIds.length - x.articleIds.length || x.first - y.first)
    .slice(0, Math.max(0, maxQuotes))
    .map(({ text, speaker, language, articleIds }) => ({ text, speaker, language, articleIds }));
}
