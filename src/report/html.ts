// HTML report: one self-contained file (inline CSS, inline SVG charts, no script, no external
// resource; a Content-Security-Policy forbids any). The only links are the articles' own
// http(s) URLs. Every scraped string goes through html(); the PDF is printed from this page.
import type { HitSentence } from '../match/types.js';
import { html, safeUrl, sentencePieces } from './escape.js';
import { accessLabel, count, percent, reachText, shortTime, windowLabel } from './format.js';
import type { ArticleRow, CoverageReport } from './model.js';
import { timelineChart } from './svg-chart.js';

const CSS = `
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555;margin:0 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:110px}
.card b{display:block;font-size:18px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.articles td{font-size:12px}.articles td:first-child{white-space:nowrap}
.sent{margin:2px 0;color:#333}
mark{background:#fff1a8;padding:0 1px}
.flag{color:#a33;font-weight:600}
.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 4px;margin:0 2px 2px 0}
.chart-title{font-size:13px;font-weight:600}
.axis{font-size:10px;fill:#555}
.grid{stroke:#e5e5e5}
svg{max-width:100%;height:auto}
.current{font-weight:600}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

function marked(s: HitSentence): string {
  return sentencePieces(s)
    .map((p) => (p.hit ? `<mark>${html(p.text)}</mark>` : html(p.text)))
    .join('');
}

function link(url: string, text: string): string {
  const href = safeUrl(url);
  return href ? `<a href="${html(href)}" rel="noopener noreferrer">${html(text)}</a>` : html(text);
}

function table(
  head: string[],
  rows: string[][],
  numeric: (i: number) => boolean,
  cls = '',
): string {
  const th = head.map((h, i) => `<th${numeric(i) ? ' class="n"' : ''}>${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function cards(r: CoverageReport): string {
  const t = r.totals;
  const items: Array<[string, string]> = [
    ['articles', count(t.articles)],
    ['outlets', count(t.outlets)],
    ['languages', count(t.languages)],
    ['reach', reachText(t)],
    ['body unavailable', count(t.bodyUnavailable)],
  ];
  if (t.notRelevant > 0) items.push(['not relevant (left out)', count(t.notRelevant)]);
  return `<div class="cards">${items.map(([k, v]) => `<div class="card"><b>${v}</b>${html(k)}</div>`).join('')}</div>`;
}

function firstToReport(r: CoverageReport): string {
  const f = r.firstToReport;
  if (!f) return '';
  return `<p>First to report: <b>${html(f.outletName)}</b>, ${html(shortTime(f.published))} · ${link(f.url, f.title ?? f.url)}</p>`;
}

function outlets(r: CoverageReport): string {
  if (r.outlets.length === 0) return '';
  const rows = r.outlets.map((o) => [
    html(o.name),
    count(o.articles),
    html(o.languages.join(', ')),
    count(o.audience),
    count(o.reach),
  ]);
  const t = r.totals;
  rows.push([
    '<b>total</b>',
    `<b>${count(t.articles)}</b>`,
    '',
    count(t.outletAudience),
    `<b>${count(t.reach)}</b>`,
  ]);
  const note = t.audienceUnknown.length
    ? `<p class="meta">No audience figure for ${html(t.audienceUnknown.join(', '))}: their reach counts 0. Set <code>audience</code> in the outlet file.</p>`
    : '';
  return `<h2>Outlets and reach</h2>${table(['outlet', 'articles', 'languages', 'audience', 'reach'], rows, (i) => i === 1 || i > 2)}${note}`;
}

function timeline(r: CoverageReport): string {
  if (r.totals.articles === 0) return '';
  const names = new Map(r.outlets.map((o) => [o.id, o.name]));
  const { days, total, undated, byOutlet, byLanguage } = r.timeline;
  const charts = [
    timelineChart({
      title: 'Articles per day by outlet',
      days,
      series: byOutlet,
      label: (k) => names.get(k) ?? k,
    }),
    timelineChart({
      title: 'Articles per day by language',
      days,
      series: byLanguage,
      label: (k) => k,
    }),
  ];
  const head = [
    'day',
    'total',
    ...byOutlet.map((s) => html(names.get(s.key) ?? s.key)),
    ...byLanguage.map((s) => html(s.key)),
  ];
  const rows: string[][] = [];
  days.forEach((d, i) => {
    if ((total[i] ?? 0) === 0) return;
    rows.push([
      d,
      String(total[i]),
      ...byOutlet.map((s) => String(s.counts[i] ?? 0)),
      ...byLanguage.map((s) => String(s.counts[i] ?? 0)),
    ]);
  });
  if (undated > 0)
    rows.push([
      'undated',
      String(undated),
      ...byOutlet.map((s) => String(s.undated)),
      ...byLanguage.map((s) => String(s.undated)),
    ]);
  return `<h2>Articles per day</h2>${charts.join('\n')}${table(head, rows, (i) => i > 0)}`;
}

function share(r: CoverageReport): string {
  if (!r.shareOfVoice || r.shareOfVoice.length === 0) return '';
  const rows = r.shareOfVoice.map((s) => [
    s.current ? `<span class="current">${html(s.name)}</span>` : html(s.name),
    count(s.articles),
    percent(s.share),
  ]);
  return `<h2>Share of voice</h2><p class="meta">Mentions of every event published within this event's window (${html(windowLabel(r.event.window))}).</p>${table(['event', 'articles', 'share'], rows, (i) => i > 0)}`;
}

function groups(r: CoverageReport): string {
  if (r.groups.length === 0) return '';
  const rows: string[][] = [];
  for (const g of r.groups) {
    for (const { row: a, relation } of g.members) {
      rows.push([
        relation === 'original' ? '<b>original</b>' : html(relation),
        html(a.outletName),
        html(a.language ?? '?'),
        html(shortTime(a.published)),
        link(a.url, a.title ?? '(untitled)'),
      ]);
    }
  }
  return `<h2>Wire pickups and shared stories</h2>${table(['relation', 'outlet', 'lang', 'published', 'title'], rows, () => false)}`;
}

function quotes(r: CoverageReport): string {
  if (r.quotes.length === 0) return '';
  const rows = r.quotes
    .slice(0, 10)
    .map((q) => [html(`“${q.text}”`), html(q.speaker ?? '—'), count(q.articleIds.length)]);
  return `<h2>Quotations</h2>${table(['quotation', 'speaker', 'articles'], rows, (i) => i === 2)}`;
}

function articleRow(a: ArticleRow): string[] {
  const group =
    a.groupSize > 1
      ? a.relation === 'original'
        ? `original (${a.groupSize - 1} more)`
        : `${a.relation} of #${a.groupId}`
      : '—';
  const extras = [
    ...a.tags.map((t) => `<span class="tag">${html(t)}</span>`),
    a.tone ? `tone: ${html(a.tone)}` : '',
  ].filter(Boolean);
  return [
    html(shortTime(a.published)),
    html(a.outletName),
    html(a.language ?? '?'),
    `${link(a.url, a.title ?? '(untitled)')}${extras.length ? `<br>${extras.join(' ')}` : ''}`,
    html(a.summary),
    a.hitSentences
      .slice(0, 3)
      .map((s) => `<div class="sent">${marked(s)}</div>`)
      .join(''),
    a.access === 'free' ? 'free' : `<span class="flag">${html(accessLabel(a.access))}</span>`,
    html(group),
  ];
}

export function toHtml(r: CoverageReport): string {
  const articles = r.articles.length
    ? table(
        ['date', 'outlet', 'lang', 'title', 'summary', 'hit sentences', 'access', 'story'],
        r.articles.map(articleRow),
        () => false,
        'articles',
      )
    : r.filter
      ? '<p>No mention matches the filter.</p>'
      : '<p>No coverage stored yet: run <code>mediawatch crawl</code>.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>Coverage: ${html(r.event.name)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Coverage: ${html(r.event.name)}</h1>
<p class="meta">Event <code>${html(r.event.id)}</code>, window ${html(windowLabel(r.event.window))}.</p>
${r.filter ? `<p class="meta filter">Filter: ${html(r.filter)}.</p>\n` : ''}${cards(r)}
${firstToReport(r)}
${outlets(r)}
${timeline(r)}
${share(r)}
${groups(r)}
${quotes(r)}
<h2>Articles (${r.articles.length})</h2>
${articles}
</body>
</html>
`;
}
