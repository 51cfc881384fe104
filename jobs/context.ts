// What every processor receives: the process's services, the queues it may enqueue on, and
// the compiled events. Built once per worker process by ./worker.ts.
import type { CompiledEvent } from '../src/crawl/events.js';
import type { Services } from '../src/crawl/services.js';
import type { Logger } from '../src/log.js';
import type { Queues } from './queues.js';

export interface JobContext {
  services: Services;
  queues: Queues;
  events: readonly CompiledEvent[];
  log: Logger;
}

export function eventsFor(ctx: JobContext, ids: readonly string[]): readonly CompiledEvent[] {
  return ids.length === 0 ? ctx.events : ctx.events.filter((e) => ids.includes(e.event.id));
}

/** Debounced: many matches in a burst refresh the summary once. */
export async function requestSummary(ctx: JobContext, eventId: string): Promise<void> {
  await ctx.queues.summarize.add(
    'summarize',
    { eventId },
    { delay: 500, deduplication: { id: `sum-${eventId}`, ttl: 500 } },
  );
}
