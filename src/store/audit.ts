// The audit log: who did what to what, newest first. Entries are never changed; a removed
// user's entries stay (user_id has no foreign key).
import type { Db } from './db.js';
import { toAuditEntry } from './rows.js';
import type { AuditEntry } from './types.js';

export async function audit(db: Db, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.userId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      detail: JSON.stringify(entry.detail ?? null),
    })
    .execute();
}

/** Newest first (by id: the order they were written); `target` narrows to one target. */
export async function auditLog(
  db: Db,
  filter: { target?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
  if (filter.target !== undefined) q = q.where('target', '=', filter.target);
  if (filter.limit !== undefined) q = q.limit(Math.max(0, Math.floor(filter.limit)));
  return (await q.execute()).map(toAuditEntry);
}
