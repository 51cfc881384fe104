// Which child sitemaps of an index to read: newest lastmod first (so a cap keeps the recent
// ones), those without a lastmod after them, and none that last changed more than a day
// before every event window began (an archive month cannot list an article published later).
// Pure.
import type { ChildSitemap } from './xml-sources.js';

const SLACK_MS = 24 * 3600_000;

export function planChildSitemaps(
  children: readonly ChildSitemap[],
  /** Start of the earliest event window, epoch ms (-Infinity: no window, read them all). */
  earliest: number,
): { follow: ChildSitemap[]; old: ChildSitemap[] } {
  const time = (m: ChildSitemap): number => (m.lastmod ? Date.parse(m.lastmod) : NaN);
  const old = children.filter((m) => time(m) < earliest - SLACK_MS);
  const follow = children
    .filter((m) => !old.includes(m))
    .sort((a, b) => {
      const [x, y] = [time(a), time(b)];
      if (Number.isNaN(x) || Number.isNaN(y))
        return (Number.isNaN(x) ? 1 : 0) - (Number.isNaN(y) ? 1 : 0);
      return y - x;
    });
  return { follow, old };
}
