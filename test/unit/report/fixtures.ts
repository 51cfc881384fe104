// Mentions for report tests: plain values, built by hand.
import type { Mention } from '../../../src/summarize/types.js';
import type { HitSentence } from '../../../src/match/types.js';
import { storedArticle } from '../../helpers/articles.js';

export function mention(
  id: number,
  over: Partial<Mention['article']> = {},
  extra: { summary?: string; sentences?: HitSentence[]; eventId?: string } = {},
): Mention {
  const url = over.url ?? `https://${over.outletId ?? 'rtl'}.example/a/${id}`;
  return {
    eventId: extra.eventId ?? 'ev',
    articleId: id,
    score: 0.5,
    hits: [],
    sentences: extra.sentences ?? [],
    summary: extra.summary ?? `Summary of article ${id}.`,
    matchedAt: '2024-01-05T15:00:00.000Z',
    article: storedArticle({
      id,
      url,
      title: `Title ${id}`,
      body: `Body of article ${id}.`,
      published: '2024-01-05T15:00:00+01:00',
      ...over,
    }),
  };
}
