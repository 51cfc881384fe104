// Event queries compiled once per process, with their date windows.
import type { Config } from '../config/load.js';
import type { EventConfig } from '../config/schema.js';
import { compileQuery, type CompiledQuery } from '../match/index.js';
import { eventWindow, type Window } from '../config/windows.js';

export interface CompiledEvent {
  event: EventConfig;
  query: CompiledQuery;
  window: Window;
}

export function compileEvents(config: Config, ids?: readonly string[]): CompiledEvent[] {
  return config.events
    .filter((e) => !ids || ids.length === 0 || ids.includes(e.id))
    .map((event) => ({
      event,
      query: compileQuery(event.query, { aliases: { ...config.aliases, ...event.aliases } }),
      window: eventWindow(event),
    }));
}
