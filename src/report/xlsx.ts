// Excel export (exceljs): a Mentions sheet with one row per mention (the CSV columns), then
// Summary, Outlets, Timeline, Stories and Share of voice. Scraped strings are neutralised as in
// CSV (a leading = + - @ gets an apostrophe), so nothing turns into a formula when edited.
import ExcelJS from 'exceljs';
import { MENTION_COLUMNS } from './columns.js';
import { cellText, safeUrl } from './escape.js';
import { windowLabel } from './format.js';
import type { CoverageReport } from './model.js';

type Cell = string | number | null;

function safe(v: Cell): Cell {
  return typeof v === 'string' ? cellText(v) : v;
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  head: Array<{ header: string; width: number }>,
  rows: Cell[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = head.map((h) => ({ header: h.header, width: h.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(safe));
  return ws;
}

export async function toXlsx(r: CoverageReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mediawatch';

  const mentions = sheet(
    wb,
    'Mentions',
    [...MENTION_COLUMNS],
    r.articles.map((a) => MENTION_COLUMNS.map((c) => c.value(a))),
  );
  const urlCol = MENTION_COLUMNS.findIndex((c) => c.header === 'url') + 1;
  r.articles.forEach((a, i) => {
    const href = safeUrl(a.url);
    if (href) mentions.getRow(i + 2).getCell(urlCol).value = { text: href, hyperlink: href };
  });
  mentions.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: MENTION_COLUMNS.length },
  };

  const t = r.totals;
  const f = r.firstToReport;
  sheet(
    wb,
    'Summary',
    [
      { header: 'field', width: 28 },
      { header: 'value', width: 80 },
    ],
    [
      ['event', r.event.id],
      ['name', r.event.name],
      ['window', windowLabel(r.event.window)],
      ...(r.filter ? [['filter', r.filter]] : []),
      ['articles', t.articles],
      ['outlets', t.outlets],
      ['languages', r.byLanguage.map((l) => `${l.language} ${l.articles}`).join(', ')],
      ['reach (audience per article)', t.reach],
      ["outlets' audience", t.outletAudience],
      ['outlets without audience', t.audienceUnknown.join(', ')],
      ['body unavailable', t.bodyUnavailable],
      ['undated', t.undated],
      ['not relevant (left out)', t.notRelevant],
      ['first to report', f ? `${f.outletName}, ${f.published ?? 'undated'}` : ''],
      ['first to report: article', f ? f.url : ''],
    ],
  );
  sheet(
    wb,
    'Outlets',
    [
      { header: 'outlet', width: 14 },
      { header: 'name', width: 24 },
      { header: 'articles', width: 10 },
      { header: 'languages', width: 12 },
      { header: 'audience', width: 14 },
      { header: 'reach', width: 14 },
    ],
    r.outlets.map((o) => [o.id, o.name, o.articles, o.languages.join(', '), o.audience, o.reach]),
  );
  const { days, total, undated, byOutlet, byLanguage } = r.timeline;
  const series = [
    ...byOutlet.map((s) => ({ ...s, head: `outlet:${s.key}` })),
    ...byLanguage.map((s) => ({ ...s, head: `lang:${s.key}` })),
  ];
  const dayRows: Cell[][] = days.map((d, i) => [
    d,
    total[i] ?? 0,
    ...series.map((s) => s.counts[i] ?? 0),
  ]);
  if (undated > 0) dayRows.push(['undated', undated, ...series.map((s) => s.undated)]);
  sheet(
    wb,
    'Timeline',
    [
      { header: 'day', width: 12 },
      { header: 'total', width: 8 },
      ...series.map((s) => ({ header: s.head, width: 14 })),
    ],
    dayRows,
  );
  sheet(
    wb,
    'Stories',
    [
      { header: 'story_original_id', width: 10 },
      { header: 'relation', width: 12 },
      { header: 'article_id', width: 10 },
      { header: 'outlet', width: 14 },
      { header: 'language', width: 8 },
      { header: 'published', width: 26 },
      { header: 'title', width: 60 },
    ],
    r.groups.flatMap((g) =>
      g.members.map(({ row: a, relation }) => [
        g.originalId,
        relation,
        a.articleId,
        a.outletId,
        a.language,
        a.published,
        a.title,
      ]),
    ),
  );
  if (r.shareOfVoice) {
    sheet(
      wb,
      'Share of voice',
      [
        { header: 'event', width: 20 },
        { header: 'name', width: 50 },
        { header: 'articles', width: 10 },
        { header: 'share', width: 10 },
      ],
      r.shareOfVoice.map((s) => [s.eventId, s.name, s.articles, Number(s.share.toFixed(4))]),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
