// The events mediawatch matches: those of config/events/*.yaml and those analysts made in the
// web app (kept in the store, table app_events). One list, each event saying where it comes
// from; an app event may not reuse a config event's id. Workers, reports and the app all read
// events through here, so an event saved in the app reaches a running worker without a
// restart (jobs/events-sync.ts reloads when the store's revision changes).
import { deepFreezeConfig, type Config } from '../config/load.js';
import { eventSchema, type EventConfig } from '../config/schema.js';
import { compileQuery } from '../match/index.js';
import type { AppEvent, AppEventStore } from '../store/types.js';

export type EventSource = 'config' | 'app';

export interface CatalogEntry {
  event: EventConfig;
  source: EventSource;
  /** App events: who saved it last and when. */
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface EventCatalog {
  entries: readonly CatalogEntry[];
  /** The config with `events` = config events + valid app events. */
  config: Config;
  /** The store's app-events revision this catalogue was built from. */
  revision: string;
  /** App events whose stored definition no longer validates (left out, with why). */
  invalid: ReadonlyArray<{ id: string; problem: string }>;
}

/** Validates an app event's stored definition as a config event would be; returns why not. */
export function checkAppEvent(
  definition: unknown,
  aliases: Readonly<Record<string, string>>,
): { event: EventConfig } | { problem: string } {
  const parsed = eventSchema.safeParse(definition);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { problem: `${i?.path.join('.') || 'event'}: ${i?.message ?? 'invalid'}` };
  }
  try {
    compileQuery(parsed.data.query, { aliases: { ...aliases, ...parsed.data.aliases } });
  } catch (err) {
    return { problem: `query: ${(err as Error).message}` };
  }
  return { event: parsed.data };
}

export function buildCatalog(
  config: Config,
  appEvents: readonly AppEvent[],
  revision: string,
): EventCatalog {
  // A config that already holds app events (an earlier catalogue's) starts from its own.
  const fromApp = new Set(config.appEventIds ?? []);
  const configEvents = config.events.filter((e) => !fromApp.has(e.id));
  const configIds = new Set(configEvents.map((e) => e.id));
  const entries: CatalogEntry[] = configEvents.map((event) => ({
    event,
    source: 'config',
    updatedBy: null,
    updatedAt: null,
  }));
  const invalid: Array<{ id: string; problem: string }> = [];
  for (const a of appEvents) {
    if (configIds.has(a.id)) {
      invalid.push({ id: a.id, problem: 'a config/events file defines the same id' });
      continue;
    }
    const checked = checkAppEvent(a.definition, config.aliases);
    if ('problem' in checked) invalid.push({ id: a.id, problem: checked.problem });
    else
      entries.push({
        event: checked.event,
        source: 'app',
        updatedBy: a.updatedBy,
        updatedAt: a.updatedAt,
      });
  }
  const events = entries.map((e) => e.event);
  const appEventIds = entries.filter((e) => e.source === 'app').map((e) => e.event.id);
  return {
    entries,
    config: deepFreezeConfig({ ...config, events, appEventIds }),
    revision,
    invalid,
  };
}

/** Reads the app events and builds the catalogue. */
export async function loadCatalog(
  store: Pick<AppEventStore, 'appEvents' | 'appEventsRevision'>,
  config: Config,
): Promise<EventCatalog> {
  // The revision first: a save between the two reads shows up as a newer revision next time.
  const revision = await store.appEventsRevision();
  return buildCatalog(config, await store.appEvents(), revision);
}
