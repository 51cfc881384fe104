import { describe, expect, it } from 'vitest';
import { BudgetLog, describeBudgetHits } from '../../../src/discover/budget.js';
import { PageFrontier, type FrontierLimits } from '../../../src/discover/frontier.js';

const limits: FrontierLimits = {
  maxPages: 10,
  maxDepth: 2,
  maxQueryVariants: 3,
  maxUrlLength: 100,
  maxSegmentRepeats: 2,
};

function drain(f: PageFrontier): string[] {
  const out: string[] = [];
  for (let p = f.next(); p; p = f.next()) out.push(p.url);
  return out;
}

describe('PageFrontier', () => {
  it('hands out each page once, breadth first, spellings of one page merged', () => {
    const f = new PageFrontier(limits, new BudgetLog());
    f.add('https://ex.be/', 0);
    f.add('https://ex.be/belgique', 1);
    f.add('https://ex.be/belgique/', 1);
    f.add('https://ex.be/belgique?utm_source=x', 1);
    f.add('https://ex.be/monde', 1);
    expect(drain(f)).toEqual(['https://ex.be/', 'https://ex.be/belgique', 'https://ex.be/monde']);
  });

  it('counts what each limit leaves out', () => {
    const budget = new BudgetLog();
    const f = new PageFrontier(limits, budget);
    f.add('https://ex.be/deep', 3);
    f.add(`https://ex.be/${'x'.repeat(100)}`, 1);
    f.add('https://ex.be/archive/archive/archive/', 1);
    for (let m = 1; m <= 6; m++) f.add(`https://ex.be/calendar?month=2024-0${m}`, 1);
    expect(drain(f)).toHaveLength(3);
    expect(budget.list()).toEqual([
      { limit: 'depth', max: 2, dropped: 1, example: 'https://ex.be/deep' },
      { limit: 'url-length', max: 100, dropped: 1, example: `https://ex.be/${'x'.repeat(100)}` },
      {
        limit: 'repeated-segments',
        max: 2,
        dropped: 1,
        example: 'https://ex.be/archive/archive/archive/',
      },
      {
        limit: 'query-variants',
        max: 3,
        dropped: 3,
        example: 'https://ex.be/calendar?month=2024-04',
      },
    ]);
  });

  it('stops at the page budget and says how many pages were left', () => {
    const budget = new BudgetLog();
    const f = new PageFrontier({ ...limits, maxPages: 2 }, budget);
    for (const p of ['a', 'b', 'c', 'd']) f.add(`https://ex.be/${p}`, 0);
    expect(drain(f)).toEqual(['https://ex.be/a', 'https://ex.be/b']);
    expect(budget.list()).toEqual([
      { limit: 'pages', max: 2, dropped: 2, example: 'https://ex.be/c' },
    ]);
    expect(describeBudgetHits(budget.list())).toBe('pages 2 (2 left out, e.g. https://ex.be/c)');
  });
});
