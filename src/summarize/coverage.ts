// The coverage summary of one event, computed from its stored mentions. Pure.
// (Issue 6 adds pickup groups, timelines by outlet and language, reach and share of voice.)
import type { Mention } from '../store/types.js';

export interface CoverageSummary {
  eventId: string;
  total: number;
  byOutlet: Record<string, number>;
  byLanguage: Record<string, number>;
  byDay: Record<string, number>;
  firstToReport: { outletId: string; url: string; published: string } | null;
  wireCredits: Record<string, number>;
  bodyUnavailable: number;
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function summarizeCoverage(eventId: string, mentions: readonly Mention[]): CoverageSummary {
  const s: CoverageSummary = {
    eventId,
    total: mentions.length,
    byOutlet: {},
    byLanguage: {},
    byDay: {},
    firstToReport: null,
    wireCredits: {},
    bodyUnavailable: 0,
  };
  let first: Mention | null = null;
  for (const m of mentions) {
    const a = m.article;
    bump(s.byOutlet, a.outletId);
    bump(s.byLanguage, a.language ?? 'unknown');
    bump(s.byDay, a.published ? a.published.slice(0, 10) : 'undated');
    if (a.wireCredit) bump(s.wireCredits, a.wireCredit);
    if (a.access !== 'free') s.bodyUnavailable++;
    if (
      a.published &&
      (!first?.article.published || Date.parse(a.published) < Date.parse(first.article.published))
    ) {
      first = m;
    }
  }
  if (first?.article.published) {
    s.firstToReport = {
      outletId: first.article.outletId,
      url: first.article.url,
      published: first.article.published,
    };
  }
  return s;
}
