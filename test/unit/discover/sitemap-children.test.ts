import { describe, expect, it } from 'vitest';
import { planChildSitemaps } from '../../../src/discover/sitemap-children.js';

describe('planChildSitemaps', () => {
  const children = [
    { url: 'https://ex.be/s-2019-03.xml', lastmod: '2019-03-31T00:00:00.000Z' },
    { url: 'https://ex.be/s-undated.xml' },
    { url: 'https://ex.be/s-2024-01.xml', lastmod: '2024-01-31T00:00:00.000Z' },
    { url: 'https://ex.be/s-2024-02.xml', lastmod: '2024-02-29T00:00:00.000Z' },
    { url: 'https://ex.be/s-2024-01-02.xml', lastmod: '2024-01-02T12:00:00.000Z' },
  ];

  it('follows the newest first, undated last, and leaves out what predates every window', () => {
    const plan = planChildSitemaps(children, Date.parse('2024-01-03T00:00:00Z'));
    expect(plan.follow.map((c) => c.url)).toEqual([
      'https://ex.be/s-2024-02.xml',
      'https://ex.be/s-2024-01.xml',
      // Half a day before the window: within the one-day slack.
      'https://ex.be/s-2024-01-02.xml',
      'https://ex.be/s-undated.xml',
    ]);
    expect(plan.old.map((c) => c.url)).toEqual(['https://ex.be/s-2019-03.xml']);
  });

  it('keeps everything when there is no window', () => {
    expect(planChildSitemaps(children, -Infinity).old).toEqual([]);
  });
});
