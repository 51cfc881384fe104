// Sign-in and sign-out. Attempts are limited per client address (@fastify/rate-limit, on
// Redis so every app process counts together) and per account (the users table: after
// `lockAfterFailures` failures in a row the account refuses sign-in for `lockMinutes`).
// The answer to a failed attempt never says whether the account exists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import { page, sendPage } from '../layout.js';
import { verifyPassword } from '../passwords.js';
import { openSession, sessionId, SESSION_COOKIE } from '../sessions.js';

/** A scrypt hash of nothing anyone types: unknown accounts cost the same time as known ones. */
const DUMMY_HASH =
  'scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const WHY: Record<string, string> = {
  signin: 'Sign in to continue.',
  'expired-idle': 'Your session ended after a while without activity. Sign in again.',
  'expired-absolute': 'Your session reached its maximum length. Sign in again.',
  'signed-out': 'You are signed out.',
};

const SITE = 'http://site.invalid';

/**
 * Only a path on this site (never //host or a scheme) may follow sign-in. Browsers drop tabs
 * and newlines from a URL and read \ as /, so "/\t/evil.example" is "//evil.example": a path
 * with a control character or a backslash is refused, and what is left must resolve here.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length >= 2000) return '/';
  // eslint-disable-next-line no-control-regex
  if (!next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  try {
    return new URL(next, SITE).origin === SITE ? next : '/';
  } catch {
    return '/';
  }
}

/**
 * A sign-in posted from another site (a forged form signing the browser in to someone else's
 * account: "login CSRF") is refused. The sign-in form has no session to tie a CSRF token to,
 * so the browser's own word is used: Sec-Fetch-Site, else the Origin header.
 */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin !== `${req.protocol}://${req.host}`;
}

function loginPage(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  v: { email?: string; next: string; message?: string | null; error?: string | null },
) {
  return sendPage(
    reply,
    status,
    page(req, {
      title: 'Sign in',
      body: html`<section class="signin">
        <h1>Sign in</h1>
        ${v.message ? html`<p class="note">${v.message}</p>` : ''}
        ${v.error ? html`<p class="error" role="alert" id="signin-error">${v.error}</p>` : ''}
        <form method="post" action="/login">
          <input type="hidden" name="next" value="${v.next}" />
          <label for="email">E-mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value="${v.email ?? ''}"
            ${v.error ? html` aria-describedby="signin-error"` : ''}
          />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit">Sign in</button>
        </form>
      </section>`,
    }),
  );
}

export function registerAuth(app: FastifyInstance, ctx: WebContext): void {
  const { rt } = ctx;
  const web = rt.config.settings.web;

  app.get<{ Querystring: { next?: string; why?: string } }>(
    '/login',
    { config: { access: 'public' } },
    async (req, reply) =>
      loginPage(req, reply, 200, {
        next: safeNext(req.query.next),
        message: WHY[req.query.why ?? ''] ?? null,
      }),
  );

  app.post<{ Body: { email?: string; password?: string; next?: string } }>(
    '/login',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: web.loginPerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: (_req, c) => ({
            statusCode: 429,
            message: `Too many sign-in attempts from this address: wait ${Math.ceil(c.ttl / 1000)} seconds.`,
          }),
        },
      },
    },
    async (req, reply) => {
      if (crossSite(req))
        return reply
          .code(403)
          .type('text/plain; charset=utf-8')
          .send('Refused: sign in from the sign-in page of this site.');
      const email = String(req.body?.email ?? '')
        .trim()
        .toLowerCase()
        .slice(0, 320);
      const password = String(req.body?.password ?? '').slice(0, 1024);
      const next = safeNext(req.body?.next);
      const now = rt.now();
      const found = email ? await rt.store.userForLogin(email) : null;
      const locked = found?.user.lockedUntil && Date.parse(found.user.lockedUntil) > now.getTime();
      const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || locked || !ok) {
        if (found && !locked) {
          const failures = found.user.failedLogins + 1;
          const lockedUntil =
            failures >= web.lockAfterFailures
              ? new Date(now.getTime() + web.lockMinutes * 60_000).toISOString()
              : null;
          await rt.store.loginFailed({ userId: found.user.id, lockedUntil });
          if (lockedUntil)
            rt.log.warn(
              { user: found.user.email, lockedUntil },
              'account locked after failed sign-ins',
            );
        }
        return loginPage(req, reply, 401, {
          email,
          next,
          error: `Wrong e-mail or password, or this account is locked after ${web.lockAfterFailures} failed attempts (wait ${web.lockMinutes} minutes).`,
        });
      }
      await rt.store.loginSucceeded({ userId: found.user.id, at: now.toISOString() });
      // A session the browser had before ends: no session outlives a sign-in over it.
      const before = req.cookies[SESSION_COOKIE];
      if (before && before.length <= 200) await rt.store.deleteSession(sessionId(before));
      const token = await openSession(rt.store, found.user, now);
      await rt.store.audit({
        at: now.toISOString(),
        userId: found.user.id,
        actor: found.user.email,
        action: 'user.signin',
        target: `user:${found.user.email}`,
        detail: { ip: req.ip },
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: web.sessionMaxHours * 3600,
      });
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', { config: { access: 'viewer' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await rt.store.deleteSession(sessionId(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?why=signed-out', 303);
  });
}
