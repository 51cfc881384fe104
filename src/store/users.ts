// The web app's accounts and sessions. E-mails are stored lower-cased, so they compare
// case-insensitively; a session is keyed by the SHA-256 of its cookie's token and ends with its
// user (removed, or given a new password).
import { MwError } from '../errors.js';
import type { Connection, Db } from './db.js';
import { inTransaction } from './db.js';
import { toSession, toUser } from './rows.js';
import type { Role, Session, User } from './types.js';

const normal = (email: string): string => email.trim().toLowerCase();

/** Adds a user; MW_ERR_USER_EXISTS when the e-mail is taken (race-free: the UNIQUE decides). */
export async function addUser(
  db: Db,
  ts: string,
  user: { email: string; role: Role; passwordHash: string },
): Promise<User> {
  const email = normal(user.email);
  const row = await db
    .insertInto('users')
    .values({
      email,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: ts,
      updated_at: ts,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new MwError('MW_ERR_USER_EXISTS', `a user with the e-mail ${email} exists`);
  return toUser(row);
}

export async function users(db: Db): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
}

export async function userById(db: Db, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function userForLogin(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normal(email))
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

/** Removes the user with their sessions and visits (the audit log keeps their entries). */
export function removeUser(c: Connection, email: string): Promise<boolean> {
  return inTransaction(c, async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', normal(email))
      .executeTakeFirst();
    if (!row) return false;
    // The foreign keys cascade too; deleting explicitly does not depend on them.
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await trx.deleteFrom('event_visits').where('user_id', '=', row.id).execute();
    await trx.deleteFrom('users').where('id', '=', row.id).execute();
    return true;
  });
}

/**
 * A new password ends every session of the user, and lifts a lock (an administrator resetting
 * a locked-out user's password means them to sign in again).
 */
export function setPassword(
  c: Connection,
  ts: string,
  change: { email: string; passwordHash: string },
): Promise<boolean> {
  return inTransaction(c, async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({
        password_hash: change.passwordHash,
        failed_logins: 0,
        locked_until: null,
        updated_at: ts,
      })
      .where('email', '=', normal(change.email))
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    return true;
  });
}

export async function setRole(
  db: Db,
  ts: string,
  change: { email: string; role: Role },
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ role: change.role, updated_at: ts })
    .where('email', '=', normal(change.email))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function loginSucceeded(db: Db, login: { userId: number; at: string }): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: login.at })
    .where('id', '=', login.userId)
    .execute();
}

/** Counts a failed sign-in; a null `lockedUntil` keeps the lock there is. Returns the count. */
export async function loginFailed(
  db: Db,
  login: { userId: number; lockedUntil: string | null },
): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: login.lockedUntil ?? eb.ref('locked_until'),
    }))
    .where('id', '=', login.userId)
    .returning('failed_logins')
    .executeTakeFirst();
  return row ? Number(row.failed_logins) : 0;
}

export async function createSession(db: Db, s: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_secret: s.csrfSecret,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
    })
    .execute();
}

export async function session(
  db: Db,
  id: string,
): Promise<{ session: Session; user: User } | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.id as session_id',
      's.user_id',
      's.csrf_secret',
      's.created_at as session_created_at',
      's.last_seen_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: toSession({
      id: row.session_id,
      user_id: row.user_id,
      csrf_secret: row.csrf_secret,
      created_at: row.session_created_at,
      last_seen_at: row.last_seen_at,
    }),
    user: toUser(row),
  };
}

export async function touchSession(db: Db, t: { id: string; lastSeenAt: string }): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: t.lastSeenAt })
    .where('id', '=', t.id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function pruneSessions(
  db: Db,
  cut: { idleBefore: string; createdBefore: string },
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('last_seen_at', '<', cut.idleBefore), eb('created_at', '<', cut.createdBefore)]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
