// Places the hand-written stories on their outlets: canonical paths in each outlet's URL
// scheme, absolute URLs, images, related links; and lists them as the manifest.
import { localDate, slugify } from '../text.js';
import type { OutletId, SimArticle, Story, StoryDef } from '../types.js';
import { COVERAGE } from './coverage.js';
import { NEGATIVES } from './negatives.js';
import { UNRELATED } from './unrelated.js';

export const ALL_STORIES: StoryDef[] = [...COVERAGE, ...NEGATIVES, ...UNRELATED];

/** Canonical path of a story in its outlet's URL scheme. */
export function storyPath(d: StoryDef, slug: string): string {
  const [y, m, day] = localDate(d.published).split('-');
  switch (d.outlet) {
    case 'brusselstimes':
      return `/${d.id}/${slug}`;
    case 'rtl':
      return `${d.sectionPath}/${slug}/${localDate(d.published)}/article/${d.id}`;
    case 'lalibre':
      return `${d.sectionPath}/${y}/${m}/${day}/${slug}-${d.id}/`;
    case 'belga':
      return `${d.sectionPath}/${d.id}/${slug}`;
  }
}

const MAX_RELATED = 3;

/**
 * Related links stay on the outlet, same language first. Coverage may link anything; other
 * stories never link the event coverage, so negatives and unrelated pages carry none of the
 * event's anchors even in their boilerplate.
 */
function pickRelated(s: Story, all: Story[]): Story[] {
  const t = Date.parse(s.published);
  const rank = (o: Story): number =>
    (o.lang === s.lang ? 0 : 1e13) + Math.abs(Date.parse(o.published) - t);
  return all
    .filter(
      (o) =>
        o.outlet === s.outlet &&
        o.key !== s.key &&
        (s.kind === 'coverage' || o.kind !== 'coverage'),
    )
    .sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key))
    .slice(0, MAX_RELATED);
}

export interface Catalog {
  stories: Story[];
  byOutlet(outlet: OutletId): Story[];
}

export function buildCatalog(origins: Record<OutletId, string>): Catalog {
  const stories: Story[] = ALL_STORIES.map((d) => {
    const slug = slugify(d.title);
    const path = storyPath(d, slug);
    const [y, m] = localDate(d.published).split('-');
    return {
      ...d,
      slug,
      path,
      url: origins[d.outlet] + path,
      image: {
        path: `/images/${y}/${m}/${slugify(d.key, 60)}.jpg`,
        alt: d.imageAlt,
        caption: d.caption,
        credit: d.credit,
      },
      related: [],
    };
  });
  for (const s of stories) s.related = pickRelated(s, stories);
  const newestFirst = (a: Story, b: Story): number =>
    Date.parse(b.published) - Date.parse(a.published) || a.key.localeCompare(b.key);
  return {
    stories,
    byOutlet: (outlet) => stories.filter((s) => s.outlet === outlet).sort(newestFirst),
  };
}

export function manifestEntry(s: Story): SimArticle {
  const entry: SimArticle = {
    outlet: s.outlet,
    url: s.url,
    lang: s.lang,
    kind: s.kind,
    title: s.title,
    published: s.published,
    note: s.note,
  };
  if (s.dispatchId !== undefined) entry.dispatchId = s.dispatchId;
  return entry;
}
