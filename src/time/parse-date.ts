// Date values to ISO 8601 with offset, for articles (JSON-LD, <meta>, <time datetime>) and for
// feeds and sitemaps (pubDate, dc:date, lastmod, Atom dates): ISO 8601, Unix epochs, RFC 822
// ("ven., 05 janv. 2024 10:15:00 +0100" too) and dates written in words, in Brussels time: a value with an offset (Z, +00:00, -05:00) is the same instant shown with the
// Brussels offset of that day, so that every date mediawatch stores reads the same way and days
// are Belgian days; a value without an offset is read as Brussels wall-clock time. Values that
// are not machine-readable fall through to the parser of dates written in words.
import { brusselsIso, brusselsIsoFromUtc, isValidWallTime } from './brussels.js';
import type { WallTime } from './brussels.js';
import { zoneOffsetMinutes, ZONE_NAMES } from './offset.js';
import { findWrittenDates } from './written-date.js';

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const RFC_2822_OFFSET = new RegExp(`\\s([+-]\\d{4}|Z|${ZONE_NAMES})\\s*$`, 'i');

export function parseDateValue(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.trim();
  if (s === '') return null;

  const iso = ISO.exec(s);
  if (iso !== null) return fromIsoMatch(iso);

  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const year = new Date(ms).getUTCFullYear();
    return year >= 1990 && year <= 2100 ? brusselsIsoFromUtc(ms) : null;
  }

  const written = findWrittenDates(s)[0];
  if (written === undefined) return null;
  // "Fri, 05 Jan 2024 14:03:00 +0100": the word parser reads the date and time, the offset is
  // read here.
  const rfc = RFC_2822_OFFSET.exec(s);
  if (rfc !== null && rfc[1] !== undefined && written.hasTime) {
    return inBrussels(written.time, zoneOffsetMinutes(rfc[1]));
  }
  return written.iso;
}

function fromIsoMatch(m: RegExpExecArray): string | null {
  const t: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
  if (!isValidWallTime(t)) return null;
  const zone = m[7];
  if (zone === undefined) return brusselsIso(t);
  return inBrussels(t, zoneOffsetMinutes(zone));
}

/** A wall-clock time at a given offset, as the same instant in Brussels time. */
export function inBrussels(t: WallTime, offset: number): string {
  const utc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - offset * 60_000;
  return brusselsIsoFromUtc(utc);
}
