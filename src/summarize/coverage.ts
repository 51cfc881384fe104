// The coverage summary of one event, computed from its stored mentions. Pure.
// Counts by outlet, language and day, the first to report and the wire credits; when the
// mentions allow it, the story groups (a dispatch with its pickups and translations, see
// ./story-groups.ts), the quotations and, when a list is given, the people and organisations.
import type { Mention } from './types.js';
import { coverageQuotes, DEFAULT_MAX_QUOTES, type CoverageQuote } from './coverage-quotes.js';
import { namedEntities } from './entities.js';
import {
  groupCoverage,
  type CoverageItem,
  type GroupingOptions,
  type StoryGroup,
} from './story-groups.js';

export interface CoverageSummary {
  eventId: string;
  total: number;
  byOutlet: Record<string, number>;
  byLanguage: Record<string, number>;
  byDay: Record<string, number>;
  firstToReport: { outletId: string; url: string; published: string } | null;
  wireCredits: Record<string, number>;
  bodyUnavailable: number;
  /** Every article in exactly one group; absent when there are no mentions. */
  groups?: StoryGroup[];
  /** Absent when no article quotes anyone. */
  quotes?: CoverageQuote[];
  /** Only when `entities` is given and one of them appears. */
  entities?: Array<{ name: string; articles: number; mentions: number }>;
}

export interface CoverageOptions {
  /** Outlets that are wire agencies: their articles are dispatches. */
  wireOutlets?: readonly string[];
  grouping?: Partial<GroupingOptions>;
  /** Most quotations kept (most widely carried first). */
  maxQuotes?: number;
  /** People and organisations to count: name -> alias spellings. */
  entities?: Readonly<Record<string, readonly string[]>>;
}

/** Outlet ids taken for wire agencies when the caller names none. */
export const DEFAULT_WIRE_OUTLETS: readonly string[] = ['belga', 'afp', 'reuters', 'anp', 'dpa'];

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** The counts of a summary (by outlet, language, day; first to report; wire credits). */
function countCoverage(eventId: string, mentions: readonly Mention[]): CoverageSummary {
  const s: CoverageSummary = {
    eventId,
    total: mentions.length,
    byOutlet: {},
    byLanguage: {},
    byDay: {},
    firstToReport: null,
    wireCredits: {},
    bodyUnavailable: 0,
  };
  let first: Mention | null = null;
  for (const m of mentions) {
    const a = m.article;
    bump(s.byOutlet, a.outletId);
    bump(s.byLanguage, a.language ?? 'unknown');
    bump(s.byDay, a.published ? a.published.slice(0, 10) : 'undated');
    if (a.wireCredit) bump(s.wireCredits, a.wireCredit);
    if (a.access !== 'free') s.bodyUnavailable++;
    if (
      a.published &&
      (!first?.article.published || Date.parse(a.published) < Date.parse(first.article.published))
    ) {
      first = m;
    }
  }
  if (first?.article.published) {
    s.firstToReport = {
      outletId: first.article.outletId,
      url: first.article.url,
      published: first.article.published,
    };
  }
  return s;
}

export function summarizeCoverage(
  eventId: string,
  mentions: readonly Mention[],
  options: CoverageOptions = {},
): CoverageSummary {
  const s = countCoverage(eventId, mentions);
  if (mentions.length === 0) return s;

  const wire = new Set(options.wireOutlets ?? DEFAULT_WIRE_OUTLETS);
  const items: CoverageItem[] = mentions.map(({ article: a }) => ({
    id: a.id,
    outletId: a.outletId,
    url: a.url,
    language: a.language,
    title: a.title,
    body: a.body,
    published: a.published,
    wireCredit: a.wireCredit,
    isWire: wire.has(a.outletId),
  }));
  s.groups = groupCoverage(items, options.grouping);
  const quotes = coverageQuotes(items, options.maxQuotes ?? DEFAULT_MAX_QUOTES);
  if (quotes.length > 0) s.quotes = quotes;
  if (options.entities) {
    const entities = entityCounts(items, options.entities);
    if (entities.length > 0) s.entities = entities;
  }
  return s;
}

/**
 * The summary of some of an event's mentions (a filtered view) from the summary of all of
 * them: the counts anew, and the story groups and quotations of the full summary kept to the
 * given mentions, without grouping again (grouping thousands of articles takes seconds; this
 * takes a pass over them). A group that lost its original is led by its earliest remaining
 * member; a mention the full summary did not group (newer than it) stands alone. Entities are
 * not carried over.
 */
export function restrictSummary(
  full: CoverageSummary,
  mentions: readonly Mention[],
): CoverageSummary {
  const s = countCoverage(full.eventId, mentions);
  if (mentions.length === 0) return s;
  const kept = new Set(mentions.map((m) => m.articleId));
  const groups: StoryGroup[] = [];
  const grouped = new Set<number>();
  for (const g of full.groups ?? []) {
    const members = g.members.filter((m) => kept.has(m.id));
    const lead = members[0];
    if (!lead) continue;
    for (const m of members) grouped.add(m.id);
    groups.push(
      lead.id === g.originalId
        ? { originalId: g.originalId, members }
        : {
            originalId: lead.id,
            members: [{ ...lead, relation: 'original', via: null }, ...members.slice(1)],
          },
    );
  }
  for (const m of mentions)
    if (!grouped.has(m.articleId))
      groups.push({
        originalId: m.articleId,
        members: [{ id: m.articleId, relation: 'original', similarity: 1, via: null }],
      });
  s.groups = groups;
  const quotes = (full.quotes ?? [])
    .map((q) => ({ ...q, articleIds: q.articleIds.filter((id) => kept.has(id)) }))
    .filter((q) => q.articleIds.length > 0);
  if (quotes.length > 0) s.quotes = quotes;
  return s;
}

function entityCounts(
  items: readonly CoverageItem[],
  aliases: Readonly<Record<string, readonly string[]>>,
): Array<{ name: string; articles: number; mentions: number }> {
  const totals = new Map<string, { articles: number; mentions: number }>();
  for (const it of items) {
    const text = [it.title, it.body].filter(Boolean).join('\n\n');
    for (const e of namedEntities(text, aliases)) {
      const t = totals.get(e.name) ?? { articles: 0, mentions: 0 };
      t.articles++;
      t.mentions += e.mentions;
      totals.set(e.name, t);
    }
  }
  return [...totals]
    .map(([name, t]) => ({ name, ...t }))
    .sort(
      (a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.name < b.name ? -1 : 1),
    );
}
