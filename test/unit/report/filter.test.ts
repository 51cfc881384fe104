// The dashboard's filters on an event's mentions (src/report/filter.ts), and the report built
// from the filtered set (gatherReport → renderReport).
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load.js';
import type { EventConfig } from '../../../src/config/schema.js';
import { MwError } from '../../../src/errors.js';
import {
  brusselsDaysBack,
  describeFilter,
  filterMentions,
  parseFilter,
  type MentionFilter,
} from '../../../src/report/filter.js';
import { gatherReport } from '../../../src/report/gather.js';
import { renderReport, type ReportFormat } from '../../../src/report/render.js';
import type { Mention, MentionOverride, MentionStub } from '../../../src/summarize/types.js';
import { mention } from './fixtures.js';

const mentions: Mention[] = [
  mention(1, {
    outletId: 'belga',
    language: 'fr',
    title: 'Le budget de Vilvorde',
    published: '2024-03-01T10:00:00+01:00',
  }),
  // Late on the last day: after "2024-03-07" as text, yet on that day.
  mention(2, {
    outletId: 'rtl',
    language: 'fr',
    title: 'Vote sur le BUDGET',
    published: '2024-03-07T23:30:00+01:00',
  }),
  // Undated: its matchedAt counts.
  {
    ...mention(3, { outletId: 'rtl', language: 'nl', published: null }),
    matchedAt: '2024-03-05T08:00:00.000Z',
  },
  mention(4, { outletId: 'bt', language: 'en', published: '2024-03-08T00:10:00+01:00' }),
  mention(5, { outletId: 'belga', language: 'nl', published: '2024-02-29T23:59:00+01:00' }),
  mention(6, { outletId: 'bt', language: null, published: '2024-03-02T12:00:00+01:00' }),
];

const override = (articleId: number, o: Partial<MentionOverride>): MentionOverride => ({
  eventId: 'ev',
  articleId,
  relevant: true,
  tags: [],
  tone: null,
  updatedAt: '2024-03-09T10:00:00.000Z',
  ...o,
});
const overrides: MentionOverride[] = [
  override(1, { reviewedBy: 'ana@example.org', tags: ['budget'] }),
  override(2, { relevant: false, reviewedBy: 'cli', tags: ['opinion'] }),
  // Tagged by an older mediawatch, never reviewed.
  override(3, { tags: ['budget', 'nl'], reviewedBy: null }),
];

function ids(filter: MentionFilter): number[] {
  return filterMentions(mentions, overrides, filter).map((m) => m.articleId);
}

describe('filterMentions', () => {
  it('keeps everything without a filter', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids({ outletIds: [], languages: [] })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the outlets and languages listed', () => {
    expect(ids({ outletIds: ['rtl'] })).toEqual([2, 3]);
    expect(ids({ outletIds: ['rtl', 'bt'] })).toEqual([2, 3, 4, 6]);
    expect(ids({ languages: ['fr'] })).toEqual([1, 2]);
    expect(ids({ languages: ['nl', 'en'] })).toEqual([3, 4, 5]);
    expect(ids({ outletIds: ['nope'] })).toEqual([]);
  });

  it('takes the published date, else the matched date, and a plain-date `to` whole', () => {
    expect(ids({ from: '2024-03-01' })).toEqual([1, 2, 3, 4, 6]);
    expect(ids({ to: '2024-03-07' })).toEqual([1, 2, 3, 5, 6]);
    expect(ids({ from: '2024-03-01', to: '2024-03-07' })).toEqual([1, 2, 3, 6]);
    expect(ids({ from: '2024-03-05', to: '2024-03-05' })).toEqual([3]);
    expect(ids({ from: '2024-03-08', to: '2024-03-08' })).toEqual([4]);
    // A full ISO bound compares as text.
    expect(ids({ to: '2024-03-07T12:00:00+01:00' })).toEqual([1, 3, 5, 6]);
    expect(ids({ from: '2024-03-01T10:00:00+01:00' })).toEqual([1, 2, 3, 4, 6]);
    expect(ids({ from: '2024-03-01T10:00:01+01:00' })).toEqual([2, 3, 4, 6]);
  });

  it('reads the review state from the overrides', () => {
    expect(ids({ state: 'unreviewed' })).toEqual([3, 4, 5, 6]);
    expect(ids({ state: 'reviewed' })).toEqual([1, 2]);
    expect(ids({ state: 'relevant' })).toEqual([1, 3, 4, 5, 6]);
    expect(ids({ state: 'not-relevant' })).toEqual([2]);
  });

  it("keeps a tag's mentions and matches title text without case", () => {
    expect(ids({ tag: 'budget' })).toEqual([1, 3]);
    expect(ids({ tag: 'Budget' })).toEqual([]);
    expect(ids({ tag: 'opinion' })).toEqual([2]);
    expect(ids({ text: 'budget' })).toEqual([1, 2]);
    expect(ids({ text: 'VILVORDE' })).toEqual([1]);
    // Every word, anywhere in the title (as the store's list filters).
    expect(ids({ text: 'vilvorde  BUDGET' })).toEqual([1]);
    expect(ids({ text: 'budget nowhere' })).toEqual([]);
  });

  it('combines every condition', () => {
    expect(ids({ outletIds: ['belga', 'rtl'], languages: ['nl'] })).toEqual([3, 5]);
    expect(ids({ outletIds: ['rtl'], state: 'relevant', from: '2024-03-02' })).toEqual([3]);
    expect(ids({ tag: 'budget', state: 'reviewed' })).toEqual([1]);
    expect(ids({ languages: ['fr'], to: '2024-03-06', text: 'budget' })).toEqual([1]);
    expect(ids({ state: 'not-relevant', outletIds: ['belga'] })).toEqual([]);
  });
});

describe('describeFilter', () => {
  it('says what the filter keeps, in one line', () => {
    expect(describeFilter({})).toBe('');
    expect(
      describeFilter({
        outletIds: ['belga', 'rtl'],
        languages: ['fr'],
        from: '2024-03-01',
        to: '2024-03-07',
        state: 'reviewed',
        tag: 'budget',
      }),
    ).toBe(
      'outlets: belga, rtl · language: fr · 2024-03-01 to 2024-03-07 · reviewed · tag: budget',
    );
    expect(describeFilter({ from: '2024-03-01', state: 'not-relevant' })).toBe(
      'from 2024-03-01 · not relevant',
    );
    expect(describeFilter({ to: '2024-03-07', text: 'vote' })).toBe(
      'until 2024-03-07 · title has "vote"',
    );
  });
});

describe('parseFilter', () => {
  const now = new Date('2024-03-10T12:00:00Z');
  const error = (query: Record<string, unknown>): MwError => {
    try {
      parseFilter(query, now);
    } catch (err) {
      if (err instanceof MwError) return err;
      throw err;
    }
    throw new Error(`parseFilter accepted ${JSON.stringify(query)}`);
  };

  it('reads repeated and comma-separated lists, and ignores empty values and other keys', () => {
    expect(
      parseFilter(
        {
          outlet: ['belga,rtl', ' lesoir ', 'rtl', ''],
          language: 'fr, nl',
          from: '2024-03-01',
          to: '2024-03-07',
          state: 'reviewed',
          tag: 'budget, 2024',
          text: ' vote ',
          format: 'csv',
          page: '2',
        },
        now,
      ),
    ).toEqual({
      outletIds: ['belga', 'rtl', 'lesoir'],
      languages: ['fr', 'nl'],
      from: '2024-03-01',
      to: '2024-03-07',
      state: 'reviewed',
      tag: 'budget, 2024',
      text: 'vote',
    });
    expect(
      parseFilter({ outlet: '', language: [], from: '', to: ' ', state: '', days: '' }, now),
    ).toEqual({});
    expect(parseFilter({}, now)).toEqual({});
  });

  it('refuses a value of the wrong form, naming the parameter and the value', () => {
    for (const [query, pattern] of [
      [{ from: '01/03/2024' }, /from=01\/03\/2024/],
      [{ from: '2024-3-1' }, /from=2024-3-1/],
      [{ to: '2024-02-30' }, /to=2024-02-30/],
      [{ to: '2024-03-07T10:00' }, /to=2024-03-07T10:00/],
      [{ state: 'done' }, /state=done.*unreviewed, reviewed, relevant, not-relevant/],
      [{ days: '0' }, /days=0/],
      [{ days: '3651' }, /days=3651/],
      [{ days: 'week' }, /days=week/],
      [{ days: '1.5' }, /days=1\.5/],
      [{ days: '7', from: '2024-03-01' }, /days=7.*from=2024-03-01/],
      [{ from: '2024-03-08', to: '2024-03-01' }, /from=2024-03-08.*to=2024-03-01/],
    ] as const) {
      const err = error(query);
      expect(err.code).toBe('MW_ERR_BAD_FILTER');
      expect(err.message).toMatch(pattern);
    }
  });

  it('turns days=N into the last N Brussels days, today included', () => {
    expect(parseFilter({ days: '1' }, now)).toEqual({ from: '2024-03-10' });
    expect(parseFilter({ days: 7, to: '2024-03-10' }, now)).toEqual({
      from: '2024-03-04',
      to: '2024-03-10',
    });
    expect(parseFilter({ days: '3650' }, now).from).toBe('2014-03-14');
  });

  it('counts days in Brussels time around midnight UTC, winter and summer', () => {
    // Winter (+01:00): 23:30 UTC is already tomorrow in Brussels.
    expect(brusselsDaysBack(new Date('2024-03-04T22:59:00Z'), 1)).toBe('2024-03-04');
    expect(brusselsDaysBack(new Date('2024-03-04T23:00:00Z'), 1)).toBe('2024-03-05');
    expect(brusselsDaysBack(new Date('2024-03-04T23:30:00Z'), 7)).toBe('2024-02-28');
    // Summer (+02:00): from 22:00 UTC.
    expect(brusselsDaysBack(new Date('2024-07-01T21:59:00Z'), 1)).toBe('2024-07-01');
    expect(brusselsDaysBack(new Date('2024-07-01T22:00:00Z'), 1)).toBe('2024-07-02');
    expect(brusselsDaysBack(new Date('2024-07-01T23:30:00Z'), 2)).toBe('2024-07-01');
    // Over the spring switch (31 March 2024).
    expect(brusselsDaysBack(new Date('2024-04-01T22:30:00Z'), 3)).toBe('2024-03-31');
    expect(parseFilter({ days: '1' }, new Date('2024-12-31T23:15:00Z'))).toEqual({
      from: '2025-01-01',
    });
  });
});

describe('gatherReport with a filter', () => {
  const event: EventConfig = {
    id: 'ev',
    name: 'Vilvorde',
    window: { from: '2024-03-01', to: '2024-03-08' },
    query: 'vilvorde',
  } as EventConfig;
  const config = {
    events: [event],
    outlets: [
      { id: 'belga', name: 'Belga', wire: true },
      { id: 'rtl', name: 'RTL info', audience: 1000 },
      { id: 'bt', name: 'The Brussels Times' },
    ],
  } as unknown as Config;
  const stubs: MentionStub[] = mentions.map((m) => ({
    eventId: 'ev',
    articleId: m.articleId,
    published: m.article.published,
    relevant: m.articleId !== 2,
  }));
  const store = {
    mentions: async (eventId: string) => mentions.filter((m) => m.eventId === eventId),
    mentionOverrides: async (eventId: string) => overrides.filter((o) => o.eventId === eventId),
    // As the store reads them: by the text of the publication date, undated ones on request.
    mentionStubs: async (p: { from?: string; to?: string; undated?: boolean } = {}) =>
      stubs.filter((s) =>
        s.published === null
          ? p.undated !== false
          : (!p.from || s.published >= p.from) && (!p.to || s.published < p.to),
      ),
    relevantMentionCounts: async (p: { from: string; to?: string }) => {
      const n: Record<string, number> = {};
      for (const s of stubs)
        if (s.relevant && s.published && s.published >= p.from && (!p.to || s.published < p.to))
          n[s.eventId] = (n[s.eventId] ?? 0) + 1;
      return n;
    },
  };
  const json = (input: Parameters<typeof renderReport>[0]) =>
    JSON.parse(renderReport(input, 'json')) as {
      filter?: string;
      summary: { total: number; byOutlet: Record<string, number> };
      totals: { articles: number; notRelevant: number };
      articles: Array<{ articleId: number }>;
    };

  it('leaves every export as it was without a filter, or with an empty one', async () => {
    const plain = await gatherReport(store, config, 'ev');
    expect(plain).not.toHaveProperty('filterNote');
    const empty = await gatherReport(store, config, 'ev', { outletIds: [] });
    for (const format of ['md', 'json', 'csv', 'html'] as ReportFormat[])
      expect(renderReport(empty, format)).toBe(renderReport(plain, format));
    expect(json(plain).filter).toBeUndefined();
    expect(renderReport(plain, 'md')).not.toContain('Filter:');
    expect(renderReport(plain, 'html')).not.toContain('Filter:');
  });

  it('describes the filtered mentions only, and names the filter in every format but CSV', async () => {
    const input = await gatherReport(store, config, 'ev', { outletIds: ['rtl'] });
    expect(input.filterNote).toBe('outlet: rtl');
    expect(input.mentions.map((m) => m.articleId)).toEqual([3]);
    expect(input.summary.total).toBe(1);
    expect(input.summary.byOutlet).toEqual({ rtl: 1 });
    const doc = json(input);
    expect(doc.filter).toBe('outlet: rtl');
    expect(doc.articles.map((a) => a.articleId)).toEqual([3]);
    // RTL's not-relevant mention is counted as left out, as in an unfiltered report.
    expect(doc.totals).toMatchObject({ articles: 1, notRelevant: 1 });
    expect(renderReport(input, 'md')).toContain('\nFilter: outlet: rtl.\n');
    expect(renderReport(input, 'html')).toContain('>Filter: outlet: rtl.</p>');
    const csv = renderReport(input, 'csv');
    expect(csv).not.toContain('Filter');
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });

  it('shows the not-relevant mentions when asked for them', async () => {
    const input = await gatherReport(store, config, 'ev', { state: 'not-relevant' });
    expect(input.mentions.map((m) => m.articleId)).toEqual([2]);
    expect(input.summary.total).toBe(1);
    const doc = json(input);
    expect(doc.articles.map((a) => a.articleId)).toEqual([2]);
    expect(doc.totals).toMatchObject({ articles: 1, notRelevant: 0 });
    expect(doc.filter).toBe('not relevant');
  });

  it('leaves the not-relevant ones out of the other states and says when nothing matches', async () => {
    const reviewed = await gatherReport(store, config, 'ev', { state: 'reviewed' });
    expect(json(reviewed).articles.map((a) => a.articleId)).toEqual([1]);
    expect(json(reviewed).totals.notRelevant).toBe(1);
    const none = await gatherReport(store, config, 'ev', { tag: 'nothing' });
    expect(json(none).totals.articles).toBe(0);
    expect(renderReport(none, 'md')).toContain('_No mention matches the filter._');
  });
});
