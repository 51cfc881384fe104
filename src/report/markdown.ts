// Markdown report for people: totals and reach, outlets, articles per day, share of voice,
// shared stories, then every article by outlet and language. Scraped text is escaped.
import type { HitSentence } from '../match/types.js';
import { mdInline, mdText, mdUrl, sentencePieces } from './escape.js';
import { count, percent, windowLabel } from './format.js';
import type { ArticleRow, CoverageReport } from './model.js';
import type { TimelineSeries } from './timeline.js';

/** A hit sentence with the matched words in bold (escaped first, then marked). */
function markedSentence(s: HitSentence): string {
  return sentencePieces(s)
    .map((p) => (p.hit ? `**${mdInline(p.text)}**` : mdInline(p.text)))
    .join('')
    .trim();
}

function table(head: string[], rows: string[][], numeric: (i: number) => boolean): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (numeric(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

function overview(r: CoverageReport): string[] {
  const t = r.totals;
  const out = [`**${t.articles} article(s)** from ${t.outlets} outlet(s).`];
  const langs = r.byLanguage.map((l) => `${l.language} ${l.articles}`).join(', ');
  if (langs) out.push(`Languages: ${langs}.`);
  const f = r.firstToReport;
  if (f?.published) out.push(`First to report: ${mdText(f.outletName)}, ${f.published}.`);
  if (t.articles > 0 && t.audienceUnknown.length === t.outlets) {
    out.push('Reach: unknown (no outlet has an `audience` figure in its outlet file).');
  } else if (t.articles > 0) {
    out.push(
      `Reach: ${count(t.reach)} (outlet audience summed per article); outlets' audience: ${count(t.outletAudience)}.`,
    );
    if (t.audienceUnknown.length)
      out.push(`No audience figure for ${t.audienceUnknown.map(mdText).join(', ')} (counted 0).`);
  }
  if (t.bodyUnavailable > 0) out.push(`Body unavailable (paywall or gate): ${t.bodyUnavailable}.`);
  if (t.notRelevant > 0) out.push(`Left out as not relevant by an analyst: ${t.notRelevant}.`);
  return [...out, ''];
}

function outletsSection(r: CoverageReport): string[] {
  if (r.outlets.length === 0) return [];
  return [
    '## Outlets',
    '',
    ...table(
      ['outlet', 'articles', 'languages', 'audience', 'reach'],
      r.outlets.map((o) => [
        mdText(o.name),
        String(o.articles),
        o.languages.join(', '),
        count(o.audience),
        count(o.reach),
      ]),
      (i) => i === 1 || i > 2,
    ),
  ];
}

function dayTable(r: CoverageReport, series: TimelineSeries[], label: (k: string) => string) {
  const { days, total, undated } = r.timeline;
  const rows: string[][] = [];
  days.forEach((d, i) => {
    if ((total[i] ?? 0) > 0)
      rows.push([d, String(total[i]), ...series.map((s) => String(s.counts[i] ?? 0))]);
  });
  if (undated > 0) rows.push(['undated', String(undated), ...series.map((s) => String(s.undated))]);
  return table(['day', 'total', ...series.map((s) => mdText(label(s.key)))], rows, (i) => i > 0);
}

function timelineSection(r: CoverageReport): string[] {
  if (r.totals.articles === 0) return [];
  const names = new Map(r.outlets.map((o) => [o.id, o.name]));
  return [
    '## Articles per day',
    '',
    `Days with coverage (the timeline runs ${r.timeline.days[0] ?? '?'} to ${r.timeline.days.at(-1) ?? '?'}), by outlet:`,
    '',
    ...dayTable(r, r.timeline.byOutlet, (k) => names.get(k) ?? k),
    'By language:',
    '',
    ...dayTable(r, r.timeline.byLanguage, (k) => k),
  ];
}

function shareSection(r: CoverageReport): string[] {
  if (!r.shareOfVoice || r.shareOfVoice.length < 2) return [];
  return [
    '## Share of voice',
    '',
    `Mentions of every event published within this event's window (${windowLabel(r.event.window)}).`,
    '',
    ...table(
      ['event', 'articles', 'share'],
      r.shareOfVoice.map((s) => [
        s.current ? `**${mdText(s.name)}**` : mdText(s.name),
        String(s.articles),
        percent(s.share),
      ]),
      (i) => i > 0,
    ),
  ];
}

function storySection(r: CoverageReport): string[] {
  if (r.groups.length === 0) return [];
  const out = ['## Wire pickups and shared stories', ''];
  for (const g of r.groups) {
    for (const { row: a, relation } of g.members) {
      const who = `${mdText(a.outletName)} (${a.language ?? '?'}, ${a.published ?? 'undated'})`;
      if (relation === 'original')
        out.push(`- **${mdText(a.title ?? '(untitled)')}**: original by ${who}`);
      else out.push(`  - ${relation}: ${who} · ${mdText(a.title ?? '(untitled)')}`);
    }
  }
  return [...out, ''];
}

function articleEntry(a: ArticleRow): string[] {
  const out = [`- **${mdText(a.title ?? '(untitled)')}**  `];
  out.push(
    `  ${a.published ?? 'undated'} · ${mdUrl(a.url)}${a.access !== 'free' ? ` · body unavailable (${a.access})` : ''}${a.wireCredit ? ` · wire: ${mdText(a.wireCredit)}` : ''}  `,
  );
  const notes: string[] = [];
  if (a.groupSize > 1)
    notes.push(
      a.relation === 'original'
        ? `original of a story in ${a.groupSize} articles`
        : `${a.relation} of #${a.groupId}`,
    );
  if (a.tags.length) notes.push(`tags: ${a.tags.map(mdText).join(', ')}`);
  if (a.tone) notes.push(`tone: ${a.tone}`);
  if (notes.length) out.push(`  #${a.articleId} · ${notes.join(' · ')}  `);
  out.push(`  ${mdText(a.summary)}`);
  for (const s of a.hitSentences.slice(0, 3)) out.push(`  > ${markedSentence(s)}`);
  return [...out, ''];
}

export function toMarkdown(r: CoverageReport): string {
  const out: string[] = [`# Coverage: ${mdText(r.event.name)}`, ''];
  out.push(`Event \`${r.event.id}\`, window ${windowLabel(r.event.window)}.`, '');
  if (r.filter) out.push(`Filter: ${mdText(r.filter)}.`, '');
  out.push(...overview(r), ...outletsSection(r), ...timelineSection(r), ...shareSection(r));
  out.push(...storySection(r));
  const byOutlet = new Map<string, ArticleRow[]>();
  for (const a of r.articles) byOutlet.set(a.outletId, [...(byOutlet.get(a.outletId) ?? []), a]);
  for (const [, list] of [...byOutlet].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`## ${mdText(list[0]?.outletName ?? '')} (${list.length})`, '');
    for (const lang of [...new Set(list.map((a) => a.language ?? 'unknown'))].sort()) {
      out.push(`### ${lang}`, '');
      for (const a of list.filter((x) => (x.language ?? 'unknown') === lang))
        out.push(...articleEntry(a));
    }
  }
  if (r.articles.length === 0 && r.filter) out.push('_No mention matches the filter._', '');
  else if (r.articles.length === 0)
    out.push('_No coverage stored yet: run `mediawatch crawl`._', '');
  return out.join('\n');
}
