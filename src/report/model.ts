// The coverage report as data: what every format shows, computed once from the report input.
// Pure. The coverage summary gives the groups, the first to report and the quotations; this
// adds what it lacks: overrides, audience and reach, the timeline, share of voice, and one
// row per mention with its story group.
import type { EventConfig } from '../config/schema.js';
import type { Mention, MentionOverride, Tone } from '../summarize/types.js';
import type { CoverageQuote } from '../summarize/coverage-quotes.js';
import type { CoverageSummary } from '../summarize/coverage.js';
import type { StoryRelation } from '../summarize/story-groups.js';
import type { Access } from '../extract/types.js';
import type { HitSentence } from '../match/types.js';
import { overrideMap, relevantMentions } from '../summarize/relevance.js';
import type { ShareOfVoiceRow } from './share-of-voice.js';
import { coverageTimeline, type Timeline } from './timeline.js';

export interface ReportInput {
  event: Pick<EventConfig, 'id' | 'name' | 'window' | 'query'>;
  /** Summary of the relevant mentions (the caller leaves not-relevant ones out). */
  summary: CoverageSummary;
  mentions: readonly Mention[];
  outletNames: Readonly<Record<string, string>>;
  /** Audience figure per outlet id (outlet file `audience`); an outlet without one has none. */
  audience?: Readonly<Record<string, number>>;
  /** Analyst overrides: tags and tone are shown; a not-relevant mention is left out. */
  overrides?: readonly MentionOverride[];
  /** Not-relevant mentions the caller already left out of `mentions`. */
  excluded?: number;
  shareOfVoice?: readonly ShareOfVoiceRow[];
  /**
   * The filter the mentions were chosen with, for people (describeFilter in ./filter.ts):
   * shown near the title of every format but CSV; absent or '' when unfiltered.
   */
  filterNote?: string;
  /**
   * The mentions are the not-relevant ones, asked for on purpose (a 'not-relevant' state
   * filter): kept instead of left out.
   */
  notRelevantShown?: boolean;
}

export interface ArticleRow {
  articleId: number;
  published: string | null;
  outletId: string;
  outletName: string;
  language: string | null;
  title: string | null;
  url: string;
  authors: string[];
  summary: string;
  hitSentences: HitSentence[];
  access: Access;
  wireCredit: string | null;
  score: number;
  /** The story group: its original's article id, and this article's place in it. */
  groupId: number;
  relation: StoryRelation;
  groupSize: number;
  tags: string[];
  tone: Tone | null;
  audience: number | null;
}

export interface OutletRow {
  id: string;
  name: string;
  articles: number;
  languages: string[];
  audience: number | null;
  /** articles × audience; null without an audience figure. */
  reach: number | null;
}

export interface GroupView {
  originalId: number;
  members: Array<{ row: ArticleRow; relation: StoryRelation }>;
}

export interface CoverageReport {
  event: { id: string; name: string; window: { from: string; to: string | null } };
  /** The filter's description ('' when the report covers every mention). */
  filter: string;
  totals: {
    articles: number;
    outlets: number;
    languages: number;
    bodyUnavailable: number;
    undated: number;
    /** Mentions an analyst marked not relevant (kept in the store, left out here). */
    notRelevant: number;
    /** Sum over articles of their outlet's audience (outlets without a figure count 0). */
    reach: number;
    /** Sum of the audience of the outlets that carried the event, each once. */
    outletAudience: number;
    /** Outlets with articles and no audience figure. */
    audienceUnknown: string[];
  };
  byLanguage: Array<{ language: string; articles: number }>;
  outlets: OutletRow[];
  timeline: Timeline;
  firstToReport: ArticleRow | null;
  /** Stories carried by more than one article: wire pickups, translations, duplicates. */
  groups: GroupView[];
  shareOfVoice: readonly ShareOfVoiceRow[] | null;
  quotes: CoverageQuote[];
  /** One per mention, earliest first (undated last). */
  articles: ArticleRow[];
}

function time(published: string | null): number {
  const t = published ? Date.parse(published) : Number.NaN;
  return Number.isFinite(t) ? t : Infinity;
}

export function buildReport(input: ReportInput): CoverageReport {
  const { event, summary } = input;
  const { kept, excluded } = input.notRelevantShown
    ? { kept: [...input.mentions], excluded: 0 }
    : relevantMentions(input.mentions, input.overrides);
  const overrides = overrideMap(input.overrides);
  const audienceOf = (id: string): number | null => input.audience?.[id] ?? null;
  const nameOf = (id: string): string => input.outletNames[id] ?? id;

  const story = new Map<number, { groupId: number; relation: StoryRelation; size: number }>();
  for (const g of summary.groups ?? []) {
    for (const m of g.members)
      story.set(m.id, { groupId: g.originalId, relation: m.relation, size: g.members.length });
  }
  const articles: ArticleRow[] = kept
    .map((m) => {
      const a = m.article;
      const o = overrides.get(m.articleId);
      const s = story.get(m.articleId);
      return {
        articleId: m.articleId,
        published: a.published,
        outletId: a.outletId,
        outletName: nameOf(a.outletId),
        language: a.language,
        title: a.title,
        url: a.url,
        authors: a.authors,
        summary: m.summary,
        hitSentences: m.sentences,
        access: a.access,
        wireCredit: a.wireCredit,
        score: m.score,
        groupId: s?.groupId ?? m.articleId,
        relation: s?.relation ?? 'original',
        groupSize: s?.size ?? 1,
        tags: o?.tags ?? [],
        tone: o?.tone ?? null,
        audience: audienceOf(a.outletId),
      };
    })
    .sort((x, y) => time(x.published) - time(y.published) || x.articleId - y.articleId);

  const outlets = new Map<string, OutletRow>();
  const languages = new Map<string, number>();
  for (const r of articles) {
    const o = outlets.get(r.outletId) ?? {
      id: r.outletId,
      name: r.outletName,
      articles: 0,
      languages: [],
      audience: r.audience,
      reach: null,
    };
    o.articles++;
    const lang = r.language ?? 'unknown';
    if (!o.languages.includes(lang)) o.languages.push(lang);
    outlets.set(r.outletId, o);
    languages.set(lang, (languages.get(lang) ?? 0) + 1);
  }
  const outletRows = [...outlets.values()]
    .map((o) => ({
      ...o,
      languages: [...o.languages].sort(),
      reach: o.audience === null ? null : o.audience * o.articles,
    }))
    .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : 1));

  const byId = new Map(articles.map((r) => [r.articleId, r]));
  const groups: GroupView[] = [];
  for (const g of summary.groups ?? []) {
    const members = g.members
      .map((m) => ({ row: byId.get(m.id), relation: m.relation }))
      .filter((m): m is { row: ArticleRow; relation: StoryRelation } => m.row !== undefined);
    if (members.length > 1) groups.push({ originalId: g.originalId, members });
  }
  const first = summary.firstToReport;
  const firstRow = first
    ? (articles.find((r) => r.url === first.url) ?? articles.find((r) => r.published !== null))
    : articles.find((r) => r.published !== null);

  return {
    event: {
      id: event.id,
      name: event.name,
      window: { ...event.window, to: event.window.to ?? null },
    },
    filter: input.filterNote ?? '',
    totals: {
      articles: articles.length,
      outlets: outletRows.length,
      languages: languages.size,
      bodyUnavailable: articles.filter((r) => r.access !== 'free').length,
      undated: articles.filter((r) => r.published === null).length,
      notRelevant: (input.excluded ?? 0) + excluded,
      reach: outletRows.reduce((n, o) => n + (o.reach ?? 0), 0),
      outletAudience: outletRows.reduce((n, o) => n + (o.audience ?? 0), 0),
      audienceUnknown: outletRows.filter((o) => o.audience === null).map((o) => o.id),
    },
    byLanguage: [...languages]
      .map(([language, n]) => ({ language, articles: n }))
      .sort((a, b) => b.articles - a.articles || (a.language < b.language ? -1 : 1)),
    outlets: outletRows,
    timeline: coverageTimeline(kept, event.window),
    firstToReport: firstRow ?? null,
    groups,
    shareOfVoice: input.shareOfVoice ?? null,
    quotes: summary.quotes ?? [],
    articles,
  };
}
