// Articles per day, in total and per outlet and language. Pure. A day is the calendar date
// the outlet printed (the date part of `published`, in the outlet's own offset: Brussels).
// The days run over the event window and every article day, with empty days kept, so a
// chart shows the silence as well as the peaks.
import type { EventConfig } from '../config/schema.js';
import type { Mention } from '../summarize/types.js';

export interface TimelineSeries {
  key: string;
  counts: number[];
  undated: number;
  total: number;
}

export interface Timeline {
  /** YYYY-MM-DD, consecutive. */
  days: string[];
  total: number[];
  undated: number;
  byOutlet: TimelineSeries[];
  byLanguage: TimelineSeries[];
}

const DAY_MS = 86_400_000;
/** Longest run of days shown; a longer window is cut to the days that carry articles. */
export const MAX_TIMELINE_DAYS = 400;

function dayOf(published: string | null): string | null {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
}

function dayRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`) && out.length <= MAX_TIMELINE_DAYS;
    t += DAY_MS
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function span(window: EventConfig['window'], articleDays: readonly string[]): string[] {
  const sorted = [...articleDays].sort();
  const candidates = [window.from.slice(0, 10), ...sorted];
  if (window.to) candidates.push(window.to.slice(0, 10));
  candidates.sort();
  const full = dayRange(candidates[0] ?? '', candidates[candidates.length - 1] ?? '');
  if (full.length <= MAX_TIMELINE_DAYS || sorted.length === 0) return full;
  return dayRange(sorted[0] ?? '', sorted[sorted.length - 1] ?? '');
}

function series(
  mentions: readonly Mention[],
  days: readonly string[],
  keyOf: (m: Mention) => string,
): TimelineSeries[] {
  const index = new Map(days.map((d, i) => [d, i]));
  const byKey = new Map<string, TimelineSeries>();
  for (const m of mentions) {
    const key = keyOf(m);
    let s = byKey.get(key);
    if (!s) {
      s = { key, counts: days.map(() => 0), undated: 0, total: 0 };
      byKey.set(key, s);
    }
    s.total++;
    const i = index.get(dayOf(m.article.published) ?? '');
    if (i === undefined) s.undated++;
    else s.counts[i] = (s.counts[i] ?? 0) + 1;
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
}

export function coverageTimeline(
  mentions: readonly Mention[],
  window: EventConfig['window'],
): Timeline {
  const articleDays = mentions
    .map((m) => dayOf(m.article.published))
    .filter((d): d is string => d !== null);
  const days = span(window, articleDays);
  const byOutlet = series(mentions, days, (m) => m.article.outletId);
  const byLanguage = series(mentions, days, (m) => m.article.language ?? 'unknown');
  const total = days.map((_, i) => byOutlet.reduce((n, s) => n + (s.counts[i] ?? 0), 0));
  const undated = byOutlet.reduce((n, s) => n + s.undated, 0);
  return { days, total, undated, byOutlet, byLanguage };
}
