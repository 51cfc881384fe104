// What every route of the web app receives: the runtime it runs on (store, queues, config,
// log, clock; app/runtime.ts builds it) and the events catalogue (config + app events).
import type { Runtime } from '../../jobs/worker.js';
import type { EventCatalog } from '../../src/events/catalog.js';

export interface WebContext {
  rt: Runtime;
  /** The events as the store has them now (cached until the app-events revision changes). */
  catalog(): Promise<EventCatalog>;
  /** After an app event is saved or deleted: rebuild the catalogue and tell the workers. */
  eventsChanged(): Promise<void>;
}
