// Europe/Brussels UTC offsets, read from the time-zone database through Intl (Node ships ICU
// with its data): +01:00 in winter, +02:00 in summer (EU rule: last Sunday of March to last
// Sunday of October, switching at 01:00 UTC), and whatever Belgium kept before.

const BRUSSELS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Since 1914 every Brussels offset change falls on a whole UTC hour, so offsets are remembered per
// hour (Intl takes microseconds a call; dates are read on the extraction path).
const CACHE_FROM = Date.UTC(1900, 0, 1);
const byHour = new Map<number, number>();

/** Offset in minutes in Brussels at a UTC instant (milliseconds since the epoch). */
export function brusselsOffsetForUtc(epochMs: number): number {
  if (!(epochMs >= CACHE_FROM)) return Number.isFinite(epochMs) ? offsetFromIntl(epochMs) : 60;
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    if (byHour.size >= 50_000) byHour.clear();
    offset = offsetFromIntl(hour * HOUR_MS);
    byHour.set(hour, offset);
  }
  return offset;
}

function offsetFromIntl(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const p of BRUSSELS.formatToParts(whole))
    if (p.type !== 'literal') f[p.type] = Number(p.value);
  const local = Date.UTC(
    f['year'] ?? 0,
    (f['month'] ?? 1) - 1,
    f['day'] ?? 1,
    f['hour'] ?? 0,
    f['minute'] ?? 0,
    f['second'] ?? 0,
  );
  return Math.round((local - whole) / 60_000);
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
  const local = Date.UTC(year, month - 1, day, hour, minute);
  const before = brusselsOffsetForUtc(local - DAY_MS);
  const after = brusselsOffsetForUtc(local + DAY_MS);
  // The reading with the offset in force a day before, if that offset still holds at that instant
  // (in a repeated hour both readings hold: the earlier instant wins).
  if (brusselsOffsetForUtc(local - before * 60_000) === before) return before;
  if (before === after) return before;
  // After the switch, or in the skipped hour (which has no reading): the new offset.
  return after;
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
