// Events saved in the web app reach a running process without a restart. When a runtime
// starts, the events catalogue (config/events/*.yaml + the store's app events,
// src/events/catalog.ts) becomes rt.config and rt.events; then the store's app-events revision
// is read every few seconds and, when it changed, both are rebuilt in place. Processors read
// ctx.config / ctx.events when a job runs, so the next job sees the new list. The web app
// reloads at once after a save in its own process (reload()).
import type { Config } from '../src/config/load.js';
import { compileEvents, type CompiledEvent } from '../src/crawl/events.js';
import { errorReason } from '../src/errors.js';
import { loadCatalog } from '../src/events/catalog.js';
import type { Logger } from '../src/log.js';
import type { AppEventStore } from '../src/store/index.js';

/** How often the app-events revision is compared (ms). */
export const EVENTS_SYNC_MS = 2_000;

/** What the sync keeps up to date: the runtime (its config and its compiled events). */
export interface EventsHolder {
  config: Config;
  events: readonly CompiledEvent[];
  store: Pick<AppEventStore, 'appEvents' | 'appEventsRevision'>;
  log: Logger;
}

export interface EventsSync {
  /** Reads the revision and rebuilds when it changed; true when it did. */
  reload(): Promise<boolean>;
  /** Stops the timer (the runtime's stop). */
  stop(): void;
}

/** Sets the catalogue's config and events on `rt` now (a failure here fails the start). */
async function apply(rt: EventsHolder): Promise<string> {
  const catalog = await loadCatalog(rt.store, rt.config);
  for (const bad of catalog.invalid)
    rt.log.warn(
      { event: bad.id, problem: bad.problem },
      'app event left out: its definition is invalid',
    );
  // Compiled before either is set: a query that does not compile leaves both as they were.
  const events = compileEvents(catalog.config);
  rt.config = catalog.config;
  rt.events = events;
  return catalog.revision;
}

export async function startEventsSync(
  rt: EventsHolder,
  everyMs = EVENTS_SYNC_MS,
): Promise<EventsSync> {
  let revision = await apply(rt);
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const check = async (): Promise<boolean> => {
    const now = await rt.store.appEventsRevision();
    if (now === revision) return false;
    const before = new Set(rt.events.map((e) => e.event.id));
    revision = await apply(rt);
    const after = rt.events.map((e) => e.event.id);
    rt.log.info(
      {
        events: after.length,
        added: after.filter((id) => !before.has(id)),
        removed: [...before].filter((id) => !after.includes(id)),
      },
      'events reloaded (app events changed)',
    );
    return true;
  };
  // One check at a time: the timer and a reload() asked for by the web app share it.
  const reload = (): Promise<boolean> => {
    running ??= check().finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => {
    if (stopped) return;
    reload().catch((err: unknown) =>
      rt.log.warn({ reason: errorReason(err) }, 'could not check the app events; retried soon'),
    );
  }, everyMs);
  timer.unref();
  return {
    async reload() {
      // A check under way may have read the revision before the caller's save: check again.
      if (running) await running.catch(() => false);
      return reload();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
