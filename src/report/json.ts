// JSON export: the event, the coverage summary, what the report adds, and the articles.
import { jsonText } from './escape.js';
import type { CoverageReport } from './model.js';
import type { CoverageSummary } from '../summarize/coverage.js';

export function toJson(report: CoverageReport, summary: CoverageSummary): string {
  const doc = {
    event: report.event,
    // Only when filtered: an unfiltered export stays as it was.
    ...(report.filter ? { filter: report.filter } : {}),
    summary,
    totals: report.totals,
    byLanguage: report.byLanguage,
    outlets: report.outlets,
    timeline: report.timeline,
    firstToReport: report.firstToReport && {
      articleId: report.firstToReport.articleId,
      outlet: report.firstToReport.outletId,
      published: report.firstToReport.published,
      url: report.firstToReport.url,
    },
    shareOfVoice: report.shareOfVoice,
    articles: report.articles.map((r) => ({
      articleId: r.articleId,
      outlet: r.outletId,
      language: r.language,
      published: r.published,
      title: r.title,
      url: r.url,
      authors: r.authors,
      access: r.access,
      wireCredit: r.wireCredit,
      score: r.score,
      summary: r.summary,
      hitSentences: r.hitSentences.map((s) => s.text),
      story: { originalId: r.groupId, relation: r.relation, size: r.groupSize },
      tags: r.tags,
      tone: r.tone,
      audience: r.audience,
    })),
  };
  return `${JSON.stringify(doc, jsonText, 2)}\n`;
}
