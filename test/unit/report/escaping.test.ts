// Hostile scraped text in every format: markup, formulas, Markdown, javascript: URLs.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportReport, renderReport, type ReportInput } from '../../../src/report/render.js';
import { summarizeCoverage } from '../../../src/summarize/coverage.js';
import { mention } from './fixtures.js';

const TITLE = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) | =CMD()';
const hostile = [
  mention(
    1,
    {
      title: TITLE,
      authors: ['=HYPERLINK("http://evil","x")'],
      url: 'https://rtl.example/a?x=1&y="2"',
    },
    {
      summary: '=CMD("calc") <img src=x onerror=alert(1)>',
      sentences: [
        { field: 'body', text: '<b>Vilvoorde</b> & co', start: 0, end: 20, marks: [[3, 12]] },
      ],
    },
  ),
  mention(
    2,
    { title: '+SUM(A1)', url: 'javascript:alert(1)', outletId: 'evil' },
    { summary: '@SUM(1)' },
  ),
];
const input: ReportInput = {
  event: { id: 'ev', name: 'Event <i>', window: { from: '2024-01-03' }, query: 'x' },
  summary: summarizeCoverage('ev', hostile),
  mentions: hostile,
  outletNames: { rtl: 'RTL <info>', evil: '=evil()' },
};

describe('escaping scraped text', () => {
  it('HTML: entities everywhere, no script, only http(s) article links', () => {
    const html = renderReport(input, 'html');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Vilvoorde');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;<mark>Vilvoorde</mark>&lt;/b&gt; &amp; co');
    expect(html).toContain('RTL &lt;info&gt;');
    expect(html).toContain('href="https://rtl.example/a?x=1&amp;y=%222%22"');
    expect(html).not.toMatch(/href="javascript:/i);
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs).toEqual(refs.map(() => 'https://rtl.example/a?x=1&amp;y=%222%22'));
  });

  it('Markdown: markup, emphasis, links and table pipes escaped; javascript: URLs not linked', () => {
    const md = renderReport(input, 'md');
    expect(md).toContain(
      '\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\| =CMD()',
    );
    expect(md).not.toContain('<javascript:');
    expect(md).toContain('javascript:alert(1)');
    expect(md).toContain('<https://rtl.example/a?x=1&y=%222%22>');
    expect(md).toContain('RTL \\<info\\>');
  });

  it('CSV: formulas neutralised in every scraped cell', () => {
    const csv = renderReport(input, 'csv');
    expect(csv).toContain(`"'=CMD(""calc"") <img src=x onerror=alert(1)>"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(`"'+SUM(A1)"`);
    expect(csv).toContain(`"'@SUM(1)"`);
    expect(csv).toContain(`"'=evil()"`);
    expect(csv).not.toMatch(/(^|,)"[=+@]/m);
  });

  it('Excel: no formula cells, scraped strings neutralised, only http(s) hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs types its Buffer as an ArrayBuffer: hand it one.
    await wb.xlsx.load(new Uint8Array(await exportReport(input, 'xlsx')).buffer);
    const ws = wb.getWorksheet('Mentions');
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void cells.push(c))));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.map((c) => c.text);
    expect(texts.filter((t) => /^[=+@]/.test(t))).toEqual([]);
    expect(texts).toContain(`'=CMD("calc") <img src=x onerror=alert(1)>`);
    const links = cells
      .filter((c) => c.type === ExcelJS.ValueType.Hyperlink)
      .map((c) => c.hyperlink);
    expect(links).toEqual(['https://rtl.example/a?x=1&y=%222%22']);
    expect(ws?.rowCount).toBe(3);
  });

  it('JSON: keeps the text as it is (JSON escaping is the consumer’s parser)', () => {
    const json = JSON.parse(renderReport(input, 'json')) as { articles: Array<{ title: string }> };
    expect(json.articles.map((a) => a.title)).toContain(TITLE);
  });

  it('every format: no bidi override, embedding or isolate, no control character', async () => {
    // U+202E would show "gnp.exe" as "exe.png" and reorder the cells after it.
    const RLO = 'invoice\u202Egnp.exe \u2066isolated\u2069 \u202Aembedded\u202C';
    const bidi = [
      mention(
        1,
        { title: `${RLO}\u0000`, authors: ['Jan\u202E Peeters\u0007'], outletId: 'rtl' },
        {
          summary: `summary \u202B${RLO}\u0001`,
          sentences: [
            { field: 'body', text: `a \u202Ehit\u202C b`, start: 0, end: 9, marks: [[3, 6]] },
          ],
        },
      ),
    ];
    const bidiInput: ReportInput = {
      event: { id: 'ev', name: 'Event \u202Eemaneht', window: { from: '2024-01-03' }, query: 'x' },
      summary: summarizeCoverage('ev', bidi),
      mentions: bidi,
      outletNames: { rtl: 'RTL\u2067 info' },
    };
    const UNSAFE =
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
    for (const format of ['md', 'csv', 'html', 'json'] as const) {
      const out = renderReport(bidiInput, format);
      expect(out, format).not.toMatch(UNSAFE);
      expect(out, format).toContain('invoicegnp.exe isolated embedded');
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await exportReport(bidiInput, 'xlsx')).buffer);
    const texts: string[] = [];
    wb.eachSheet((sh) => sh.eachRow((row) => row.eachCell((c) => void texts.push(c.text))));
    expect(texts.filter((t) => UNSAFE.test(t))).toEqual([]);
    expect(texts).toContain('invoicegnp.exe isolated embedded');
  });
});
