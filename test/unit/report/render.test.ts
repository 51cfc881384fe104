import { describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../../src/report/render.js';
import { summarizeCoverage } from '../../../src/summarize/coverage.js';
import type { Mention } from '../../../src/summarize/types.js';

const text = 'Plus de 160 bourgmestres soutiennent le plan.';
const mention: Mention = {
  eventId: 'ev',
  articleId: 1,
  score: 0.8,
  hits: [],
  sentences: [
    {
      field: 'body',
      text,
      start: 0,
      end: text.length,
      marks: [
        [8, 11],
        [12, 24],
      ],
    },
  ],
  summary: '=HYPERLINK("http://evil") a *summary*',
  matchedAt: 'x',
  article: {
    id: 1,
    url: 'https://rtl.example/a',
    outletId: 'rtl',
    fetchedUrl: 'https://rtl.example/a',
    fetchMode: 'browser',
    title: 'Des <b>maires</b> | soutiennent',
    lead: null,
    body: 'b',
    published: '2024-01-05T15:00:00+01:00',
    modified: null,
    authors: ['A, B'],
    section: null,
    language: 'fr',
    image: null,
    siteName: null,
    access: 'free',
    wireCredit: 'Belga',
    fetchedAt: 'x',
  },
};
const input: ReportInput = {
  event: { id: 'ev', name: 'Event', window: { from: '2024-01-03', to: '2024-01-12' }, query: 'x' },
  summary: summarizeCoverage('ev', [mention]),
  mentions: [mention],
  outletNames: { rtl: 'RTL info' },
};

describe('renderReport', () => {
  it('groups Markdown by outlet and language, escapes scraped text and marks the hits', () => {
    const md = renderReport(input, 'md');
    expect(md).toContain('## RTL info (1)');
    expect(md).toContain('### fr');
    expect(md).toContain('Des \\<b\\>maires\\</b\\> \\| soutiennent');
    expect(md).toContain('> Plus de **160** **bourgmestres** soutiennent le plan.');
    expect(md).toContain('wire: Belga');
  });

  it('writes CSV one row per mention with formulas neutralised', () => {
    const lines = renderReport(input, 'csv').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(
      lines[0]?.startsWith(
        'story_original_id,story_relation,article_id,outlet,language,published,title,url',
      ),
    ).toBe(true);
    expect(lines[1]?.startsWith('"1","original","1","rtl","fr"')).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"") a *summary*"`);
  });

  it('writes JSON with the summary and the articles', () => {
    const json = JSON.parse(renderReport(input, 'json')) as {
      summary: { total: number };
      articles: Array<{ hitSentences: string[] }>;
    };
    expect(json.summary.total).toBe(1);
    expect(json.articles[0]?.hitSentences).toEqual([text]);
  });
});
