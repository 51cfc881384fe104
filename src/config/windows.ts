// Event date windows. A window's dates are calendar days in Belgium: `from` starts at 00:00 and
// `to` ends at 24:00 Brussels time, with the offset of that day (+01:00 or +02:00). A bound
// written as a full time carries its own offset (the config schema requires one).
import type { EventConfig } from './schema.js';
import { brusselsOffsetForLocal } from '../time/brussels.js';

export interface Window {
  from: number;
  to: number;
}

/** Epoch ms of 00:00 in Brussels on a YYYY-MM-DD day. */
function brusselsMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - brusselsOffsetForLocal(y, m, d, 0, 0) * 60_000;
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export function eventWindow(event: Pick<EventConfig, 'window'>): Window {
  const { from, to } = event.window;
  return {
    from: from.length === 10 ? brusselsMidnight(from) : Date.parse(from),
    to: !to ? Infinity : to.length === 10 ? brusselsMidnight(nextDay(to)) - 1 : Date.parse(to),
  };
}

/** True when the date is inside the window, or unknown (an undated article is matched anyway). */
export function inWindow(published: string | null | undefined, w: Window): boolean {
  if (!published) return true;
  const t = Date.parse(published);
  return Number.isNaN(t) || (t >= w.from && t <= w.to);
}

export function inAnyWindow(published: string | null | undefined, windows: Window[]): boolean {
  return windows.length === 0 || windows.some((w) => inWindow(published, w));
}
