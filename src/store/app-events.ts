// Events defined in the web app, and when each user last opened an event. Every save and delete
// bumps the one-row app_events_revision in the same transaction, so a worker that compares the
// revision never misses a change.
import type { Connection, Db } from './db.js';
import { inTransaction } from './db.js';
import { toAppEvent } from './rows.js';
import type { AppEvent } from './types.js';

async function bumpRevision(trx: Db): Promise<void> {
  await trx
    .insertInto('app_events_revision')
    .values({ id: 1, revision: 1 })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        revision: eb('app_events_revision.revision', '+', 1),
      })),
    )
    .execute();
}

export async function appEvents(db: Db): Promise<AppEvent[]> {
  return (await db.selectFrom('app_events').selectAll().orderBy('id').execute()).map(toAppEvent);
}

/** Creates or replaces an app event (its creator and creation time stay). */
export function saveAppEvent(
  c: Connection,
  save: { id: string; definition: unknown; actor: string; at: string },
): Promise<void> {
  return inTransaction(c, async (trx) => {
    await trx
      .insertInto('app_events')
      .values({
        id: save.id,
        definition: JSON.stringify(save.definition),
        created_by: save.actor,
        created_at: save.at,
        updated_by: save.actor,
        updated_at: save.at,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          definition: eb.ref('excluded.definition'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await bumpRevision(trx);
  });
}

export function deleteAppEvent(c: Connection, id: string): Promise<boolean> {
  return inTransaction(c, async (trx) => {
    const r = await trx.deleteFrom('app_events').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    await bumpRevision(trx);
    return true;
  });
}

/** "0" before the first save. */
export async function appEventsRevision(db: Db): Promise<string> {
  const row = await db
    .selectFrom('app_events_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return String(row?.revision ?? 0);
}

export async function lastVisits(db: Db, userId: number): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('event_visits')
    .select(['event_id', 'visited_at'])
    .where('user_id', '=', userId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.event_id, r.visited_at]));
}

export async function recordVisit(
  db: Db,
  visit: { userId: number; eventId: string; at: string },
): Promise<void> {
  await db
    .insertInto('event_visits')
    .values({ user_id: visit.userId, event_id: visit.eventId, visited_at: visit.at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'event_id']).doUpdateSet((eb) => ({
        visited_at: eb.ref('excluded.visited_at'),
      })),
    )
    .execute();
}
