// Event date windows. A window's dates are calendar days in Belgium; the bounds get two hours
// of slack so that no Brussels offset (+01:00 or +02:00) drops an article at the edge.
import type { EventConfig } from '../config/schema.js';

export interface Window {
  from: number;
  to: number;
}

const DAY = 24 * 3600_000;
const SLACK = 2 * 3600_000;

function startOf(date: string): number {
  return date.length === 10 ? Date.parse(`${date}T00:00:00Z`) - SLACK : Date.parse(date);
}

function endOf(date: string): number {
  return date.length === 10 ? Date.parse(`${date}T00:00:00Z`) + DAY + SLACK : Date.parse(date);
}

export function eventWindow(event: Pick<EventConfig, 'window'>): Window {
  return {
    from: startOf(event.window.from),
    to: event.window.to ? endOf(event.window.to) : Infinity,
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
