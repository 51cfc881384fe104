// Renders an event's coverage for people (Markdown) and programs (JSON, CSV). Pure.
import type { EventConfig } from '../config/schema.js';
import type { Mention } from '../store/types.js';
import type { CoverageSummary } from '../summarize/coverage.js';
import type { HitSentence } from '../types.js';

export type ReportFormat = 'md' | 'json' | 'csv';

export interface ReportInput {
  event: Pick<EventConfig, 'id' | 'name' | 'window' | 'query'>;
  summary: CoverageSummary;
  mentions: readonly Mention[];
  outletNames: Readonly<Record<string, string>>;
}

export function renderReport(input: ReportInput, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(toJson(input), null, 2)}\n`;
  if (format === 'csv') return toCsv(input);
  return toMarkdown(input);
}

function toJson({ event, summary, mentions }: ReportInput): unknown {
  return {
    event: { id: event.id, name: event.name, window: event.window },
    summary,
    articles: mentions.map((m) => ({
      outlet: m.article.outletId,
      language: m.article.language,
      published: m.article.published,
      title: m.article.title,
      url: m.article.url,
      authors: m.article.authors,
      access: m.article.access,
      wireCredit: m.article.wireCredit,
      score: m.score,
      summary: m.summary,
      hitSentences: m.sentences.map((s) => s.text),
    })),
  };
}

const CSV_COLUMNS = [
  'story_original_id',
  'story_relation',
  'article_id',
  'outlet',
  'language',
  'published',
  'title',
  'url',
  'authors',
  'access',
  'wire_credit',
  'score',
  'summary',
  'hit_sentences',
];

function csvCell(v: string): string {
  // Quote every cell; a leading = + - @ is neutralised so spreadsheets never run scraped text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

function toCsv({ mentions, summary }: ReportInput): string {
  const story = new Map<number, { originalId: number; relation: string }>();
  for (const g of summary.groups ?? []) {
    for (const m of g.members) story.set(m.id, { originalId: g.originalId, relation: m.relation });
  }
  const rows = mentions.map((m) =>
    [
      String(story.get(m.articleId)?.originalId ?? m.articleId),
      story.get(m.articleId)?.relation ?? 'original',
      String(m.articleId),
      m.article.outletId,
      m.article.language ?? '',
      m.article.published ?? '',
      m.article.title ?? '',
      m.article.url,
      m.article.authors.join('; '),
      m.article.access,
      m.article.wireCredit ?? '',
      m.score.toFixed(3),
      m.summary,
      m.sentences.map((s) => s.text).join(' | '),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Escapes Markdown and folds white space, keeping edge spaces (for joining pieces). */
function mdInline(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\s+/g, ' ');
}

function mdText(s: string): string {
  return mdInline(s).trim();
}

/** Stories carried by more than one article: the original, then who picked it up and how. */
function storySection(
  summary: CoverageSummary,
  mentions: readonly Mention[],
  outletNames: Readonly<Record<string, string>>,
): string[] {
  const byId = new Map(mentions.map((m) => [m.articleId, m.article]));
  const shared = (summary.groups ?? []).filter((g) => g.members.length > 1);
  if (shared.length === 0) return [];
  const out = ['## Wire pickups and shared stories', ''];
  for (const g of shared) {
    for (const member of g.members) {
      const a = byId.get(member.id);
      if (!a) continue;
      const who = `${mdText(outletNames[a.outletId] ?? a.outletId)} (${a.language ?? '?'}, ${a.published ?? 'undated'})`;
      if (member.relation === 'original')
        out.push(`- **${mdText(a.title ?? '(untitled)')}**: original by ${who}`);
      else out.push(`  - ${member.relation}: ${who} · ${mdText(a.title ?? '(untitled)')}`);
    }
  }
  out.push('');
  return out;
}

/** A hit sentence in Markdown with the matched words in bold (escaped first, then marked). */
function markedSentence(s: HitSentence): string {
  let out = '';
  let at = 0;
  for (const [from, to] of s.marks) {
    if (from < at) continue;
    out += `${mdInline(s.text.slice(at, from))}**${mdInline(s.text.slice(from, to))}**`;
    at = to;
  }
  return `${out}${mdInline(s.text.slice(at))}`.trim();
}

function toMarkdown({ event, summary, mentions, outletNames }: ReportInput): string {
  const out: string[] = [];
  out.push(`# Coverage: ${mdText(event.name)}`, '');
  out.push(
    `Event \`${event.id}\`, window ${event.window.from} to ${event.window.to ?? 'open'}.`,
    '',
  );
  out.push(
    `**${summary.total} article(s)** from ${Object.keys(summary.byOutlet).length} outlet(s).`,
  );
  const langs = Object.entries(summary.byLanguage)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  if (langs) out.push(`Languages: ${langs}.`);
  if (summary.firstToReport) {
    const f = summary.firstToReport;
    out.push(`First to report: ${mdText(outletNames[f.outletId] ?? f.outletId)}, ${f.published}.`);
  }
  out.push('');
  out.push(...storySection(summary, mentions, outletNames));
  const byOutlet = new Map<string, Mention[]>();
  for (const m of mentions)
    byOutlet.set(m.article.outletId, [...(byOutlet.get(m.article.outletId) ?? []), m]);
  for (const [outletId, list] of [...byOutlet].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`## ${mdText(outletNames[outletId] ?? outletId)} (${list.length})`, '');
    for (const lang of [...new Set(list.map((m) => m.article.language ?? 'unknown'))].sort()) {
      out.push(`### ${lang}`, '');
      for (const m of list.filter((x) => (x.article.language ?? 'unknown') === lang)) {
        const a = m.article;
        out.push(`- **${mdText(a.title ?? '(untitled)')}**  `);
        out.push(
          `  ${a.published ?? 'undated'} · <${a.url}>${a.access !== 'free' ? ` · body unavailable (${a.access})` : ''}${a.wireCredit ? ` · wire: ${mdText(a.wireCredit)}` : ''}  `,
        );
        out.push(`  ${mdText(m.summary)}`);
        for (const s of m.sentences.slice(0, 3)) out.push(`  > ${markedSentence(s)}`);
        out.push('');
      }
    }
  }
  if (mentions.length === 0) out.push('_No coverage stored yet: run `mediawatch crawl`._', '');
  return `${out.join('\n')}`;
}
