// The dashboard's filters (outlets, languages, a date range, review state, tag, title text)
// applied to an event's mentions, for the report and its exports. Pure. The SQL store's
// mention list (MentionPageStore.mentionPage) implements the same rules in SQL:
//   outletIds / languages  the article's outlet id / language is one of them (an empty list
//                          filters nothing);
//   from / to              on the article's published date, else the mention's matchedAt,
//                          compared as ISO text; a plain date (YYYY-MM-DD) is compared with the
//                          first 10 characters, so `to` takes in that whole day (the day as the
//                          date is written: stored dates carry the Brussels offset);
//   state                  'unreviewed': no override, or one without reviewedBy; 'reviewed': an
//                          override with reviewedBy; 'relevant': no override, or relevant;
//                          'not-relevant': an override with relevant false;
//   tag                    the override's tags include it (exactly);
//   text                   every word of it is in the title, case-insensitive.
import { MwError } from '../errors.js';
import type { MentionFilter, ReviewState } from '../store/types.js';
import { overrideMap } from '../summarize/relevance.js';
import type { Mention, MentionOverride } from '../summarize/types.js';
import { brusselsOffsetForUtc } from '../time/brussels.js';

export type { MentionFilter, ReviewState } from '../store/types.js';

export const REVIEW_STATES: readonly ReviewState[] = [
  'unreviewed',
  'reviewed',
  'relevant',
  'not-relevant',
];

/** The most `days` accepts: ten years. */
export const MAX_DAYS = 3650;

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** `date` against a bound: a plain-date bound compares the date's day only. */
function compare(date: string, bound: string): number {
  const d = PLAIN_DATE.test(bound) ? date.slice(0, 10) : date;
  return d < bound ? -1 : d > bound ? 1 : 0;
}

function stateHolds(state: ReviewState, o: MentionOverride | undefined): boolean {
  switch (state) {
    case 'unreviewed':
      return !o?.reviewedBy;
    case 'reviewed':
      return Boolean(o?.reviewedBy);
    case 'relevant':
      return o?.relevant !== false;
    case 'not-relevant':
      return o?.relevant === false;
  }
}

/** The mentions the filter keeps, in their order. */
export function filterMentions(
  mentions: readonly Mention[],
  overrides: readonly MentionOverride[],
  filter: MentionFilter,
): Mention[] {
  const map = overrideMap(overrides);
  const outlets = filter.outletIds?.length ? new Set(filter.outletIds) : null;
  const languages = filter.languages?.length ? new Set(filter.languages) : null;
  const words = (filter.text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return mentions.filter((m) => {
    const a = m.article;
    if (outlets && !outlets.has(a.outletId)) return false;
    if (languages && (a.language === null || !languages.has(a.language))) return false;
    const date = a.published ?? m.matchedAt;
    if (filter.from && compare(date, filter.from) < 0) return false;
    if (filter.to && compare(date, filter.to) > 0) return false;
    const o = map.get(m.articleId);
    if (filter.state && !stateHolds(filter.state, o)) return false;
    if (filter.tag && !(o?.tags ?? []).includes(filter.tag)) return false;
    if (words.length > 0) {
      const title = (a.title ?? '').toLowerCase();
      if (!words.every((w) => title.includes(w))) return false;
    }
    return true;
  });
}

/** True when the filter keeps every mention. */
export function isEmptyFilter(filter: MentionFilter | undefined): boolean {
  return describeFilter(filter ?? {}) === '';
}

const STATE_LABEL: Record<ReviewState, string> = {
  unreviewed: 'unreviewed',
  reviewed: 'reviewed',
  relevant: 'relevant',
  'not-relevant': 'not relevant',
};

/**
 * One line for people, e.g. "outlets: belga, rtl · languages: fr · 2024-03-01 to 2024-03-07 ·
 * reviewed · tag: budget"; '' for a filter that keeps everything.
 */
export function describeFilter(filter: MentionFilter): string {
  const parts: string[] = [];
  const list = (one: string, many: string, values: readonly string[] | undefined): void => {
    if (values?.length) parts.push(`${values.length > 1 ? many : one}: ${values.join(', ')}`);
  };
  list('outlet', 'outlets', filter.outletIds);
  list('language', 'languages', filter.languages);
  if (filter.from && filter.to) parts.push(`${filter.from} to ${filter.to}`);
  else if (filter.from) parts.push(`from ${filter.from}`);
  else if (filter.to) parts.push(`until ${filter.to}`);
  if (filter.state) parts.push(STATE_LABEL[filter.state]);
  if (filter.tag) parts.push(`tag: ${filter.tag}`);
  if (filter.text) parts.push(`title has "${filter.text}"`);
  return parts.join(' · ');
}

function bad(message: string): MwError {
  return new MwError('MW_ERR_BAD_FILTER', message);
}

/** Every non-empty value of a parameter, given once or repeated, without surrounding blanks. */
function values(query: Record<string, unknown>, name: string): string[] {
  return [query[name]]
    .flat()
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v !== '');
}

/** A list parameter: repeated or comma-separated (outlet=belga,rtl&outlet=lesoir), deduplicated. */
function list(query: Record<string, unknown>, name: string): string[] {
  const all = values(query, name).flatMap((v) => v.split(','));
  return [...new Set(all.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** A single parameter (a tag may hold a comma); repeated, the last value counts. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  return values(query, name).at(-1);
}

function isCalendarDate(s: string): boolean {
  if (!PLAIN_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function date(query: Record<string, unknown>, name: 'from' | 'to'): string | undefined {
  const v = single(query, name);
  if (v !== undefined && !isCalendarDate(v))
    throw bad(`${name}=${v} is not a date: give YYYY-MM-DD (e.g. ${name}=2024-03-01)`);
  return v;
}

/** The Brussels calendar day `days - 1` days before the one holding `now`, as YYYY-MM-DD. */
export function brusselsDaysBack(now: Date, days: number): string {
  const ms = now.getTime();
  const local = new Date(ms + brusselsOffsetForUtc(ms) * 60_000);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A filter from URL query parameters or command-line options: outlet, language (repeated or
 * comma-separated), from, to (YYYY-MM-DD), days (the last N days in Brussels time, today
 * included, as of `now`), state, tag, text. Empty values and other keys are ignored; a value
 * of the wrong form throws MW_ERR_BAD_FILTER naming the parameter and the value.
 */
export function parseFilter(query: Record<string, unknown>, now: Date): MentionFilter {
  const filter: MentionFilter = {};
  const outletIds = list(query, 'outlet');
  if (outletIds.length) filter.outletIds = outletIds;
  const languages = list(query, 'language');
  if (languages.length) filter.languages = languages;

  const from = date(query, 'from');
  const to = date(query, 'to');
  const days = single(query, 'days');
  if (days !== undefined) {
    const n = /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN;
    if (!(n >= 1 && n <= MAX_DAYS))
      throw bad(`days=${days} is not a number of days from 1 to ${MAX_DAYS}`);
    if (from !== undefined)
      throw bad(`days=${days} and from=${from} both set the start: give one of them`);
    filter.from = brusselsDaysBack(now, n);
  } else if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (filter.from !== undefined && to !== undefined && filter.from > to)
    throw bad(`from=${filter.from} is after to=${to}: nothing can match`);

  const state = single(query, 'state');
  if (state !== undefined) {
    if (!(REVIEW_STATES as readonly string[]).includes(state))
      throw bad(`state=${state} is not a review state: give one of ${REVIEW_STATES.join(', ')}`);
    filter.state = state as ReviewState;
  }
  const tag = single(query, 'tag');
  if (tag !== undefined) filter.tag = tag;
  const text = single(query, 'text');
  if (text !== undefined) filter.text = text;
  return filter;
}
