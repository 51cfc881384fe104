import { describe, expect, it } from 'vitest';
import { BudgetLog } from '../../../src/discover/budget.js';
import { selectCandidates, type SelectOptions } from '../../../src/discover/select.js';

const options = (o: Partial<SelectOptions> = {}): SelectOptions => ({
  host: 'ex.be',
  base: 'https://ex.be/',
  allows: (p) => !p.startsWith('/private/'),
  outsideWindow: (c) => (c.published && c.published < '2024' ? 'too old' : null),
  maxUrls: 3,
  maxUrlLength: 200,
  maxSegmentRepeats: 2,
  budget: new BudgetLog(),
  ...o,
});

describe('selectCandidates', () => {
  it('keeps the first spelling of each page and the metadata of the source that had it', () => {
    const { candidates, skipped } = selectCandidates(
      [
        {
          url: 'https://ex.be/a/',
          source: 'sitemap:/news.xml',
          title: 'A',
          language: 'fr',
          published: '2024-01-05T10:00:00.000Z',
        },
        { url: 'https://ex.be/a', source: 'page:/' },
        { url: 'https://ex.be/a/amp', source: 'page:/' },
        { url: '/b?utm_source=rss', source: 'feed:/rss' },
      ],
      options(),
    );
    expect(skipped).toEqual([]);
    expect(candidates).toEqual([
      {
        url: 'https://ex.be/a/',
        key: 'https://ex.be/a',
        source: 'sitemap:/news.xml',
        title: 'A',
        language: 'fr',
        published: '2024-01-05T10:00:00.000Z',
      },
      { url: 'https://ex.be/b', key: 'https://ex.be/b', source: 'feed:/rss' },
    ]);
  });

  it('gives every URL it does not keep a reason, and counts budget and trap hits', () => {
    const budget = new BudgetLog();
    const { candidates, skipped } = selectCandidates(
      [
        { url: 'https://other.be/x', source: 's' },
        { url: 'https://ex.be/private/x', source: 's' },
        { url: 'https://ex.be/old', source: 's', published: '2013-06-20T10:00:00Z' },
        { url: `https://ex.be/${'y'.repeat(200)}`, source: 's' },
        { url: 'https://ex.be/t/t/t', source: 's' },
        ...['1', '2', '3', '4', '5'].map((n) => ({ url: `https://ex.be/n/${n}`, source: 's' })),
      ],
      options({ budget }),
    );
    expect(candidates.map((c) => c.url)).toEqual([
      'https://ex.be/n/1',
      'https://ex.be/n/2',
      'https://ex.be/n/3',
    ]);
    expect(skipped.map((s) => s.reason.split(':')[0])).toEqual([
      'MW_SKIP_OFF_SITE',
      'MW_ERR_ROBOTS_DISALLOWED',
      'MW_SKIP_OUTSIDE_WINDOW',
      'MW_SKIP_TRAP',
      'MW_SKIP_TRAP',
      'MW_SKIP_BUDGET',
      'MW_SKIP_BUDGET',
    ]);
    expect(budget.list().map((h) => [h.limit, h.dropped])).toEqual([
      ['url-length', 1],
      ['repeated-segments', 1],
      ['candidates', 2],
    ]);
  });
});
