import { describe, expect, it } from 'vitest';
import { summarizeMention } from '../../../src/summarize/article-summary.js';
import { summarizeCoverage } from '../../../src/summarize/coverage.js';
import type { Mention } from '../../../src/summarize/types.js';
import type { StoredArticle } from '../../../src/store/index.js';
import type { HitSentence } from '../../../src/match/types.js';
import { storedArticle } from '../../helpers/articles.js';

const hit = (text: string, field: HitSentence['field'] = 'body'): HitSentence => ({
  field,
  text,
  start: 0,
  end: text.length,
  marks: [],
});

describe('summarizeMention', () => {
  it('puts the lead first, then hit sentences the lead does not carry', () => {
    const s = summarizeMention({ title: 'T', lead: 'The lead sentence.', body: 'x' }, [
      hit('The lead sentence.'),
      hit('A second fact.'),
      hit('Headline', 'title'),
    ]);
    expect(s).toBe('The lead sentence. A second fact.');
  });
  it('falls back to the first paragraph and stays within the limit', () => {
    const long = 'word '.repeat(200);
    const s = summarizeMention(
      { title: 'T', lead: null, body: `${long}\n\nSecond paragraph.` },
      [],
      100,
    );
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('summarizeCoverage', () => {
  const article = (over: Partial<StoredArticle>): StoredArticle =>
    storedArticle({ url: 'u', outletId: 'a', title: 't', body: 'b', ...over });
  const mention = (a: StoredArticle): Mention => ({
    eventId: 'e',
    articleId: a.id,
    score: 1,
    hits: [],
    sentences: [],
    summary: '',
    matchedAt: 'x',
    article: a,
  });

  it('counts by outlet, language and day and finds the first to report', () => {
    const s = summarizeCoverage('e', [
      mention(
        article({
          id: 1,
          outletId: 'belga',
          language: 'nl',
          published: '2024-01-05T16:00:00+01:00',
          wireCredit: 'Belga',
        }),
      ),
      mention(
        article({
          id: 2,
          outletId: 'rtl',
          language: 'fr',
          published: '2024-01-05T14:30:00+01:00',
          url: 'first',
        }),
      ),
      mention(
        article({
          id: 3,
          outletId: 'rtl',
          language: 'fr',
          published: '2024-01-06T09:00:00+01:00',
          access: 'paywalled',
        }),
      ),
    ]);
    expect(s.total).toBe(3);
    expect(s.byOutlet).toEqual({ belga: 1, rtl: 2 });
    expect(s.byLanguage).toEqual({ nl: 1, fr: 2 });
    expect(s.byDay).toEqual({ '2024-01-05': 2, '2024-01-06': 1 });
    expect(s.firstToReport).toEqual({
      outletId: 'rtl',
      url: 'first',
      published: '2024-01-05T14:30:00+01:00',
    });
    expect(s.wireCredits).toEqual({ Belga: 1 });
    expect(s.bodyUnavailable).toBe(1);
  });
});
