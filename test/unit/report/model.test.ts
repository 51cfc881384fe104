import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../../src/report/model.js';
import { relevantMentions } from '../../../src/summarize/relevance.js';
import { shareOfVoice } from '../../../src/report/share-of-voice.js';
import { coverageTimeline } from '../../../src/report/timeline.js';
import type { MentionOverride } from '../../../src/summarize/types.js';
import { summarizeCoverage } from '../../../src/summarize/coverage.js';
import { mention } from './fixtures.js';

const window = { from: '2024-01-03', to: '2024-01-06' };
const mentions = [
  mention(1, { outletId: 'belga', language: 'fr', published: '2024-01-05T14:12:00+01:00' }),
  mention(2, { outletId: 'rtl', language: 'fr', published: '2024-01-05T14:47:00+01:00' }),
  mention(3, {
    outletId: 'rtl',
    language: 'nl',
    published: '2024-01-06T09:00:00+01:00',
    access: 'paywalled',
  }),
  mention(4, { outletId: 'bt', language: 'en', published: null }),
];
const override = (articleId: number, o: Partial<MentionOverride>): MentionOverride => ({
  eventId: 'ev',
  articleId,
  relevant: true,
  tags: [],
  tone: null,
  updatedAt: 'x',
  ...o,
});

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    event: { id: 'ev', name: 'Event', window, query: 'x' },
    summary: summarizeCoverage('ev', mentions, { wireOutlets: ['belga'] }),
    mentions,
    outletNames: { belga: 'Belga', rtl: 'RTL info', bt: 'The Brussels Times' },
    ...over,
  };
}

describe('coverageTimeline', () => {
  it('runs over the window with empty days kept, per outlet and language, undated apart', () => {
    const t = coverageTimeline(mentions, window);
    expect(t.days).toEqual(['2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06']);
    expect(t.total).toEqual([0, 0, 2, 1]);
    expect(t.undated).toBe(1);
    expect(t.byOutlet.map((s) => [s.key, s.counts, s.undated])).toEqual([
      ['rtl', [0, 0, 1, 1], 0],
      ['belga', [0, 0, 1, 0], 0],
      ['bt', [0, 0, 0, 0], 1],
    ]);
    expect(t.byLanguage.find((s) => s.key === 'fr')?.counts).toEqual([0, 0, 2, 0]);
  });

  it('stretches to articles outside the window and to an open window', () => {
    const late = [mention(9, { published: '2024-01-08T10:00:00+01:00' })];
    expect(coverageTimeline(late, { from: '2024-01-07' }).days).toEqual([
      '2024-01-07',
      '2024-01-08',
    ]);
    expect(coverageTimeline(late, window).days.at(-1)).toBe('2024-01-08');
  });

  it('cuts a very long window to the days that carry articles', () => {
    const t = coverageTimeline([mention(1)], { from: '2020-01-01', to: '2024-12-31' });
    expect(t.days).toEqual(['2024-01-05']);
  });
});

describe('buildReport', () => {
  it('sums reach from outlet audience and names the outlets without one', () => {
    const r = buildReport(input({ audience: { rtl: 1000, belga: 10 } }));
    expect(r.outlets.map((o) => [o.id, o.articles, o.audience, o.reach])).toEqual([
      ['rtl', 2, 1000, 2000],
      ['belga', 1, 10, 10],
      ['bt', 1, null, null],
    ]);
    expect(r.totals).toMatchObject({
      articles: 4,
      outlets: 3,
      languages: 3,
      reach: 2010,
      outletAudience: 1010,
      audienceUnknown: ['bt'],
      bodyUnavailable: 1,
      undated: 1,
    });
  });

  it('lists articles earliest first, undated last, with the first to report', () => {
    const r = buildReport(input());
    expect(r.articles.map((a) => a.articleId)).toEqual([1, 2, 3, 4]);
    expect(r.firstToReport?.articleId).toBe(1);
  });

  it('leaves not-relevant mentions out and shows tags and tone', () => {
    const overrides = [
      override(2, { relevant: false }),
      override(3, { tags: ['key'], tone: 'negative' }),
    ];
    const { kept, excluded } = relevantMentions(mentions, overrides);
    expect(kept.map((m) => m.articleId)).toEqual([1, 3, 4]);
    expect(excluded).toBe(1);
    // Given every mention, the report still leaves the not-relevant one out.
    const r = buildReport(input({ overrides }));
    expect(r.articles.map((a) => a.articleId)).toEqual([1, 3, 4]);
    expect(r.totals.notRelevant).toBe(1);
    expect(r.articles.find((a) => a.articleId === 3)).toMatchObject({
      tags: ['key'],
      tone: 'negative',
    });
  });

  it('keeps story groups of more than one article', () => {
    const r = buildReport(
      input({
        summary: {
          ...summarizeCoverage('ev', mentions),
          groups: [
            {
              originalId: 1,
              members: [
                { id: 1, relation: 'original', similarity: 1, via: null },
                { id: 2, relation: 'pickup', similarity: 0.9, via: 1 },
              ],
            },
            { originalId: 3, members: [{ id: 3, relation: 'original', similarity: 1, via: null }] },
          ],
        },
      }),
    );
    expect(r.groups.map((g) => g.members.map((m) => [m.row.articleId, m.relation]))).toEqual([
      [
        [1, 'original'],
        [2, 'pickup'],
      ],
    ]);
    expect(r.articles.find((a) => a.articleId === 2)).toMatchObject({
      groupId: 1,
      relation: 'pickup',
      groupSize: 2,
    });
  });
});

describe('shareOfVoice', () => {
  it("counts every event's relevant mentions inside this event's window", () => {
    const events = [
      { id: 'ev', name: 'Event', window },
      { id: 'other', name: 'Other', window: { from: '2023-01-01' } },
    ];
    const stubs = [
      { eventId: 'ev', articleId: 1, published: '2024-01-05T10:00:00+01:00', relevant: true },
      { eventId: 'ev', articleId: 2, published: '2024-01-05T10:00:00+01:00', relevant: false },
      { eventId: 'other', articleId: 3, published: '2024-01-04T10:00:00+01:00', relevant: true },
      { eventId: 'other', articleId: 4, published: '2024-01-04T11:00:00+01:00', relevant: true },
      { eventId: 'other', articleId: 5, published: '2024-02-01T10:00:00+01:00', relevant: true },
      { eventId: 'gone', articleId: 6, published: '2024-01-05T10:00:00+01:00', relevant: true },
    ];
    expect(shareOfVoice(events[0] as (typeof events)[0], events, stubs)).toEqual([
      { eventId: 'other', name: 'Other', articles: 2, share: 2 / 3, current: false },
      { eventId: 'ev', name: 'Event', articles: 1, share: 1 / 3, current: true },
    ]);
  });
});
