// Server-side sessions: the cookie carries a random token, the store keeps only its SHA-256
// (a stolen database yields no usable session). A session ends after `sessionIdleMinutes`
// without a request and `sessionMaxHours` after sign-in, on sign-out, and when its user is
// removed or their password changes. Each session has its own CSRF secret (./csrf.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Settings } from '../../src/config/schema.js';
import type { Session, SessionStore, User } from '../../src/store/index.js';

export const SESSION_COOKIE = 'mw_session';

/** lastSeenAt is written at most this often (a busy page does not write on every request). */
const TOUCH_EVERY_MS = 60_000;

export const sessionId = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export async function openSession(
  store: Pick<SessionStore, 'createSession'>,
  user: User,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await store.createSession({
    id: sessionId(token),
    userId: user.id,
    csrfSecret: randomBytes(18).toString('base64url'),
    createdAt: at,
    lastSeenAt: at,
  });
  return token;
}

export type SessionLimits = Pick<Settings['web'], 'sessionIdleMinutes' | 'sessionMaxHours'>;

/** Why a session is over at `now`, or null while it lasts. */
export function sessionExpiry(s: Session, limits: SessionLimits, now: Date): string | null {
  const t = now.getTime();
  if (t - Date.parse(s.lastSeenAt) > limits.sessionIdleMinutes * 60_000) return 'idle';
  if (t - Date.parse(s.createdAt) > limits.sessionMaxHours * 3_600_000) return 'absolute';
  return null;
}

/** The live session of a cookie token and its user; an expired one is deleted. */
export async function resumeSession(
  store: Pick<SessionStore, 'session' | 'touchSession' | 'deleteSession'>,
  token: string | undefined,
  limits: SessionLimits,
  now: Date,
): Promise<{ session: Session; user: User } | { expired: string } | null> {
  if (!token || token.length > 200) return null;
  const found = await store.session(sessionId(token));
  if (!found) return null;
  const expired = sessionExpiry(found.session, limits, now);
  if (expired) {
    await store.deleteSession(found.session.id);
    return { expired };
  }
  if (now.getTime() - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS) {
    const lastSeenAt = now.toISOString();
    await store.touchSession({ id: found.session.id, lastSeenAt });
    found.session.lastSeenAt = lastSeenAt;
  }
  return found;
}
