import { describe, expect, it } from 'vitest';
import { runSummary } from '../../../app/cli/progress.js';

describe('runSummary', () => {
  it('fits a crawl on one screen and tells budgets hit from sources that failed', () => {
    const text = runSummary(
      'run-1',
      {
        discovered: 30,
        known: 4,
        pending: 0,
        stored: 20,
        skipped: 5,
        failed: 1,
        matched: 7,
        discoveryErrors: [
          'bt: feed http://x/feed: MW_ERR_NOT_XML: HTML',
          'bt: MW_BUDGET_HIT: pages 20 (7 left out)',
        ],
      },
      12.34,
    );
    expect(text).toContain('Crawl run-1 finished in 12.3 s');
    expect(text).toMatch(/stored\s+20/);
    expect(text).toMatch(/matched an event\s+7/);
    expect(text).toContain('budgets hit');
    expect(text).toContain('- bt: MW_BUDGET_HIT: pages 20 (7 left out)');
    expect(text).toContain('discovery sources that failed (1)');
    expect(text.split('\n').length).toBeLessThan(24);
  });
});
