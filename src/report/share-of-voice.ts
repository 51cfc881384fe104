// Share of voice: an event's mentions against every event's mentions over the same window.
// Pure. Not-relevant mentions count for no event; the window rule is the matcher's
// (src/crawl/windows.ts: Brussels calendar days, undated articles inside).
import type { EventConfig } from '../config/schema.js';
import { eventWindow, inWindow } from '../config/windows.js';
import type { MentionStub } from '../summarize/types.js';

export interface ShareOfVoiceRow {
  eventId: string;
  name: string;
  /** Relevant mentions of that event published inside this event's window. */
  articles: number;
  /** articles / all events' articles in the window, 0..1 (0 when there are none). */
  share: number;
  /** The event the report is about. */
  current: boolean;
}

export function shareOfVoice(
  event: Pick<EventConfig, 'id' | 'window'>,
  events: ReadonlyArray<Pick<EventConfig, 'id' | 'name'>>,
  stubs: readonly MentionStub[],
  /** Relevant mentions per event already known to be inside the window (counted in SQL). */
  inside: Readonly<Record<string, number>> = {},
): ShareOfVoiceRow[] {
  const w = eventWindow(event);
  const counts = new Map(events.map((e) => [e.id, inside[e.id] ?? 0]));
  for (const s of stubs) {
    if (!s.relevant || !counts.has(s.eventId) || !inWindow(s.published, w)) continue;
    counts.set(s.eventId, (counts.get(s.eventId) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return events
    .map((e) => {
      const articles = counts.get(e.id) ?? 0;
      return {
        eventId: e.id,
        name: e.name,
        articles,
        share: total === 0 ? 0 : articles / total,
        current: e.id === event.id,
      };
    })
    .sort((a, b) => b.articles - a.articles || (a.eventId < b.eventId ? -1 : 1));
}
