// UTC offsets written after a date or time, the one reader for all of them: ISO 8601 and RFC 822
// numeric offsets ("+01:00", "+0100", "+01", "-05:00"), "Z", and the zone names that dates on
// Belgian pages and in feeds use: UT/UTC/GMT, CET/CEST, and the North American zones of RFC 822
// §5.1 (EST, EDT, CST, CDT, MST, MDT, PST, PDT).

const NAMED: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  CET: 60,
  CEST: 120,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** Zone names zoneOffsetMinutes knows, for a regex alternation (longest first). */
export const ZONE_NAMES = Object.keys(NAMED)
  .filter((z) => z.length > 1)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Minutes east of UTC for an offset or zone name (any case): "+01:00", "+0100", "+01" -> 60,
 * "-05:00" -> -300, "Z", "UTC", "GMT" -> 0, "CET" -> 60, "CEST" -> 120. Anything else -> 0.
 */
export function zoneOffsetMinutes(zone: string): number {
  const z = zone.toUpperCase();
  const named = NAMED[z];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (m === null) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}
