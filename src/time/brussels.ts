// Europe/Brussels UTC offsets computed from the rules, so that no time-zone database, clock or
// environment is read. Summer time (+02:00) runs from the last Sunday of March to the last Sunday
// of October, switching at 01:00 UTC (EU rule since 1996). From 1977 to 1995 summer time ended
// on the last Sunday of September; before 1977 Belgium kept +01:00 all year.

const CET = 60;
const CEST = 120;

/** Day of the month of the last Sunday of `month` (1-12) in `year`. */
function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

function summerEndMonth(year: number): number {
  return year >= 1996 ? 10 : 9;
}

/**
 * Offset in minutes for a wall-clock time in Brussels. In the repeated hour of the autumn switch
 * the earlier (summer) reading is taken; a time in the skipped spring hour counts as summer.
 */
export function brusselsOffsetForLocal(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  if (year < 1977) return CET;
  const endMonth = summerEndMonth(year);
  const local = Date.UTC(year, month - 1, day, hour, minute);
  // Switches in local time: 02:00 CET becomes 03:00 CEST; 03:00 CEST becomes 02:00 CET.
  const start = Date.UTC(year, 2, lastSunday(year, 3), 2, 0);
  const end = Date.UTC(year, endMonth - 1, lastSunday(year, endMonth), 3, 0);
  return local >= start && local < end ? CEST : CET;
}

/** Offset in minutes in Brussels at a UTC instant (milliseconds since the epoch). */
export function brusselsOffsetForUtc(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < 1977) return CET;
  const endMonth = summerEndMonth(year);
  const start = Date.UTC(year, 2, lastSunday(year, 3), 1, 0);
  const end = Date.UTC(year, endMonth - 1, lastSunday(year, endMonth), 1, 0);
  return epochMs >= start && epochMs < end ? CEST : CET;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** ISO 8601 with offset: 2024-01-05T14:03:00+01:00. `offsetMinutes` east of UTC. */
export function formatIso(t: WallTime, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:` +
    `${pad(t.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A Brussels wall-clock time as ISO 8601, with the offset that applied then. */
export function brusselsIso(t: WallTime): string {
  return formatIso(t, brusselsOffsetForLocal(t.year, t.month, t.day, t.hour, t.minute));
}

/** A UTC instant as ISO 8601 in Brussels local time. */
export function brusselsIsoFromUtc(epochMs: number): string {
  const offset = brusselsOffsetForUtc(epochMs);
  const d = new Date(epochMs + offset * 60_000);
  return formatIso(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    offset,
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when the fields name a real calendar date and time. */
export function isValidWallTime(t: WallTime): boolean {
  if (t.year < 1990 || t.year > 2100 || t.month < 1 || t.month > 12 || t.day < 1) return false;
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return false;
  return t.day <= new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
}

/** The instant a Brussels calendar day starts (00:00 local), for the day holding `epochMs`. */
export function brusselsDayStart(epochMs: number): number {
  const d = new Date(epochMs + brusselsOffsetForUtc(epochMs) * 60_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return Date.UTC(y, m - 1, day) - brusselsOffsetForLocal(y, m, day, 0, 0) * 60_000;
}
