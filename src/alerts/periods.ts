// When alerts are due. Pure; `now` is always passed in. An immediate alert is due at once. A
// digest holds the mentions matched in periods that have ended: hourly digests close on the
// hour, daily digests at midnight in Brussels (a day of 23 or 25 hours when the clocks change);
// a mention matched during the current period waits for the next digest.
import type { AlertsConfig } from '../config/schema.js';
import { brusselsDayStart } from '../time/brussels.js';

export type AlertMode = AlertsConfig['mode'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Start of the current digest period; null for immediate alerts (no period). */
export function periodStart(mode: AlertMode, now: Date): Date | null {
  if (mode === 'immediate') return null;
  if (mode === 'daily') return new Date(brusselsDayStart(now.getTime()));
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}

/** When the current period ends (the next digest can go out); null for immediate alerts. */
export function nextDigestAt(mode: AlertMode, now: Date): Date | null {
  const start = periodStart(mode, now);
  if (!start) return null;
  if (mode === 'hourly') return new Date(start.getTime() + HOUR);
  // Two hours into the next day whatever the day's length, then back to its midnight.
  return new Date(brusselsDayStart(start.getTime() + DAY + 2 * HOUR));
}

/** Longest wait between two attempts of a failed delivery. */
export const MAX_RETRY_MS = HOUR;

/**
 * When a failed delivery is tried again: `baseMs` doubled per attempt made, at most an hour,
 * and never before the receiver's own Retry-After.
 */
export function retryAt(now: Date, attempts: number, baseMs: number, retryAfterMs = 0): Date {
  const backoff = Math.min(baseMs * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS);
  return new Date(now.getTime() + Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_MS)));
}
