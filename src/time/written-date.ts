// Dates written in words or digits in French, Dutch, English (and German): "5 janvier 2024 à
// 14h03", "vrijdag 5 januari 2024, 14:03", "January 5, 2024 2:03 pm", "05/01/2024 14u03".
// Numeric dates are read day first (Belgian usage) unless that is impossible. A word just before
// a date ("Mis à jour le", "Bijgewerkt op", "Updated") says whether it is the modification date.
import { foldAligned } from '../text/fold.js';
import { brusselsIso, brusselsIsoFromUtc, isValidWallTime } from './brussels.js';
import type { WallTime } from './brussels.js';
import { zoneOffsetMinutes } from './offset.js';

export interface WrittenDate {
  iso: string;
  time: WallTime;
  hasTime: boolean;
  kind: 'published' | 'modified' | null;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['janvier', 'janv', 'januari', 'january', 'januar', 'jan']],
  [2, ['fevrier', 'fevr', 'fev', 'februari', 'february', 'februar', 'feb']],
  [3, ['mars', 'maart', 'march', 'marz', 'maerz', 'mrt', 'mar']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'mei', 'may']],
  [6, ['juin', 'juni', 'june', 'jun']],
  [7, ['juillet', 'juil', 'juli', 'july', 'jul']],
  [8, ['aout', 'augustus', 'august', 'aug']],
  [9, ['septembre', 'september', 'sept', 'sep']],
  [10, ['octobre', 'oktober', 'october', 'okt', 'oct']],
  [11, ['novembre', 'november', 'nov']],
  [12, ['decembre', 'december', 'dezember', 'dec', 'dez']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
/** Every month name and abbreviation (FR, NL, EN, DE), folded, longest first: a regex part. */
export const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const DAY_SUFFIX = '(?:er|re|e|ste|de|st|nd|rd|th)?\\.?';
const DMY = new RegExp(
  `\\b(\\d{1,2})${DAY_SUFFIX}\\s+(?:of\\s+|de\\s+)?(${MONTH_ALT})\\.?,?\\s+(\\d{4})\\b`,
  'g',
);
const MDY = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+(\\d{4})\\b`, 'g');
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;
// What may sit between a date and its time: punctuation and "à / om / at / um / vers / rond".
const TIME_AFTER =
  /^(?:[\s,\-–—|/·•]|a\b|om\b|at\b|um\b|vers\b|rond\b|kl\.?)*(\d{1,2})(?:([:.])(\d{2})|[hu](\d{2})?(?![a-z]))(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(cest|cet|utc|gmt|[+-]\d{2}:?\d{2}))?/;
const MODIFIED_WORDS =
  /(?:mis|mise)\s+a\s+jour|modifie|actualise|updated?|bijgewerkt|aangepast|gewijzigd|geactualiseerd|laatste\s+update|aktualisiert|geandert/g;
const PUBLISHED_WORDS =
  /publie|publication|published|posted|gepubliceerd|geplaatst|verschenen|veroffentlicht/g;
const LOOKBEHIND = 40;

/** Every date found in `text`, in order of appearance. */
export function findWrittenDates(text: string): WrittenDate[] {
  const s = foldAligned(text);
  const found: Array<{ index: number; end: number; y: number; m: number; d: number }> = [];
  for (const m of s.matchAll(DMY)) {
    found.push(at(m, Number(m[3]), MONTHS[m[2] ?? ''] ?? 0, Number(m[1])));
  }
  for (const m of s.matchAll(MDY)) {
    found.push(at(m, Number(m[3]), MONTHS[m[1] ?? ''] ?? 0, Number(m[2])));
  }
  for (const m of s.matchAll(NUMERIC)) {
    if (m[4] !== undefined) {
      found.push(at(m, Number(m[4]), Number(m[5]), Number(m[6])));
      continue;
    }
    let d = Number(m[1]);
    let mo = Number(m[2]);
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    found.push(at(m, Number(m[3]), mo, d));
  }
  found.sort((a, b) => a.index - b.index);

  const out: WrittenDate[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.index < lastEnd) continue; // overlapping reading of the same text
    const time = readTime(s.slice(f.end, f.end + 40));
    const t: WallTime = { year: f.y, month: f.m, day: f.d, hour: 0, minute: 0, second: 0 };
    if (time !== null) Object.assign(t, { hour: time.hour, minute: time.minute });
    if (!isValidWallTime(t)) continue;
    lastEnd = f.end;
    const iso =
      time?.offset === undefined
        ? brusselsIso(t)
        : brusselsIsoFromUtc(
            Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) - time.offset * 60_000,
          );
    out.push({ iso, time: t, hasTime: time !== null, kind: kindBefore(s, f.index) });
  }
  return out;
}

function at(m: RegExpMatchArray, y: number, mo: number, d: number) {
  const index = m.index ?? 0;
  return { index, end: index + m[0].length, y, m: mo, d };
}

function readTime(after: string): { hour: number; minute: number; offset?: number } | null {
  const m = TIME_AFTER.exec(after);
  if (m === null) return null;
  let hour = Number(m[1]);
  const minutes = m[3] ?? m[4];
  const minute = minutes === undefined ? 0 : Number(minutes);
  const ampm = m[5];
  if (ampm !== undefined) {
    if (hour > 12) return null;
    if (ampm.startsWith('p') && hour < 12) hour += 12;
    if (ampm.startsWith('a') && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return null;
  const zone = m[6];
  if (zone === undefined) return { hour, minute };
  return { hour, minute, offset: zoneOffsetMinutes(zone) };
}

/** Whether the words just before a date mark it as published or modified. */
function kindBefore(s: string, index: number): WrittenDate['kind'] {
  const before = s.slice(Math.max(0, index - LOOKBEHIND), index);
  const mod = lastIndex(before, MODIFIED_WORDS);
  const pub = lastIndex(before, PUBLISHED_WORDS);
  if (mod < 0 && pub < 0) return null;
  return mod > pub ? 'modified' : 'published';
}

function lastIndex(s: string, re: RegExp): number {
  let last = -1;
  for (const m of s.matchAll(re)) last = m.index ?? last;
  return last;
}
