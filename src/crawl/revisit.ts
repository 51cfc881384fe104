// When a stored article is due again: recent articles (published within recrawl.recentHours)
// are revisited every recrawl.everyMinutes with a conditional GET; older or undated ones never.
// Pure: `now` is passed in.
import type { Settings } from '../config/schema.js';

export function nextRevisit(
  published: string | null,
  now: Date,
  recrawl: Settings['recrawl'],
): string | null {
  if (!published || recrawl.recentHours <= 0) return null;
  const age = now.getTime() - Date.parse(published);
  if (Number.isNaN(age) || age > recrawl.recentHours * 3600_000) return null;
  return new Date(now.getTime() + recrawl.everyMinutes * 60_000).toISOString();
}
