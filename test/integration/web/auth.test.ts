// Signing in and out of the web app in a real Chromium against a real `serve` (Redis, SQLite),
// and the guards every request passes: sessions that end (idle, absolute, sign-out, password
// change), CSRF tokens, roles, sign-in limits per account and per address, cookie flags and
// the Content-Security-Policy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium } from '../../helpers/chromium.js';
import { PASSWORD, signIn, webEnv, type WebEnv } from '../../helpers/web.js';
import { sessionId, SESSION_COOKIE } from '../../../app/web/sessions.js';
import { hashPassword } from '../../../app/web/passwords.js';
import { startWebServer, type WebServer } from '../../../app/web/server.js';
import { withSettings } from '../../../src/config/load.js';
import type { Settings } from '../../../src/config/schema.js';

describeWithChromium('web app: sign-in, sessions and request guards', () => {
  let web: WebEnv;
  beforeAll(async () => {
    web = await webEnv();
  }, 60_000);
  afterAll(async () => web?.close());

  const cookieOf = async (page: Page): Promise<string> => {
    const c = (await page.context().cookies()).find((x) => x.name === SESSION_COOKIE);
    if (!c) throw new Error('no session cookie');
    return c.value;
  };

  it('sends an anonymous visitor to sign in, then back to the page asked for', async () => {
    const page = await web.anonymous();
    await page.goto(`${web.url}/crawl?x=1`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByText('Sign in to continue.').isVisible()).toBe(true);
    await page.getByLabel('E-mail').fill(web.emails.viewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/crawl');
    expect(new URL(page.url()).search).toBe('?x=1');
    expect(await page.getByText(web.emails.viewer).isVisible()).toBe(true);
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBe(false); // plain HTTP on loopback
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const page = await web.anonymous();
    for (const email of [web.emails.analyst, 'nobody@example.test']) {
      await page.goto(`${web.url}/login`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill('wrong password here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Wrong e-mail or password');
      expect(new URL(page.url()).pathname).toBe('/login');
    }
    const user = (await web.rt.store.userForLogin(web.emails.analyst))!.user;
    expect(user.failedLogins).toBe(1);
    // A good sign-in resets the count.
    await signIn(page, web.url, web.emails.analyst);
    expect((await web.rt.store.userForLogin(web.emails.analyst))!.user.failedLogins).toBe(0);
  });

  it('signs out: the session is gone from the store and the old cookie no longer works', async () => {
    const page = await web.signedIn('analyst');
    const token = await cookieOf(page);
    expect(await web.rt.store.session(sessionId(token))).not.toBeNull();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await web.rt.store.session(sessionId(token))).toBeNull();
    const res = await fetch(`${web.url}/`, {
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { sessionIdleMinutes, sessionMaxHours } = web.config.settings.web;
    for (const [why, change] of [
      ['idle', { lastSeenAt: new Date(Date.now() - (sessionIdleMinutes + 1) * 60_000) }],
      ['absolute', { createdAt: new Date(Date.now() - (sessionMaxHours + 1) * 3_600_000) }],
    ] as const) {
      const page = await web.signedIn('viewer');
      const id = sessionId(await cookieOf(page));
      const found = (await web.rt.store.session(id))!.session;
      // Rewrite the session's times in the store, as if that much time had passed.
      await web.rt.store.deleteSession(id);
      await web.rt.store.createSession({
        ...found,
        ...('lastSeenAt' in change ? { lastSeenAt: change.lastSeenAt.toISOString() } : {}),
        ...('createdAt' in change ? { createdAt: change.createdAt.toISOString() } : {}),
      });
      await page.goto(`${web.url}/`);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(new URL(page.url()).searchParams.get('why')).toBe(`expired-${why}`);
      expect(await web.rt.store.session(id)).toBeNull();
    }
  });

  it('ends every session of a user whose password changes', async () => {
    const page = await web.signedIn('viewer');
    const id = sessionId(await cookieOf(page));
    await web.rt.store.setPassword({
      email: web.emails.viewer,
      passwordHash: await hashPassword(PASSWORD),
    });
    expect(await web.rt.store.session(id)).toBeNull();
    await page.goto(`${web.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('refuses a state-changing request without a valid CSRF token, even with a session', async () => {
    const page = await web.signedIn('analyst');
    const cookie = `${SESSION_COOKIE}=${await cookieOf(page)}`;
    for (const headers of [
      { cookie, 'content-type': 'application/x-www-form-urlencoded' } as Record<string, string>,
      { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'forged' },
    ]) {
      const res = await fetch(`${web.url}/logout`, {
        method: 'POST',
        headers,
        body: '',
        redirect: 'manual',
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('CSRF');
    }
    // The session survived the refused sign-out.
    expect(await web.rt.store.session(sessionId(await cookieOf(page)))).not.toBeNull();
    // A token from another session does not work either.
    const other = await web.signedIn('analyst');
    const foreign = JSON.parse((await other.locator('body').getAttribute('hx-headers'))!) as Record<
      string,
      string
    >;
    const res = await fetch(`${web.url}/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': foreign['x-csrf-token']! },
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
  });

  it('sends a strict Content-Security-Policy and no inline script on its pages', async () => {
    const page = await web.signedIn('viewer');
    const res = await page.goto(`${web.url}/`);
    const csp = res!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('[style]').count()).toBe(0);
  });

  /** A second app on the same runtime with other settings (and its own rate-limit keys). */
  async function serverWith(change: (s: Settings) => void): Promise<WebServer> {
    const config = withSettings(web.rt.config, (s) => {
      s.redis.prefix = `${s.redis.prefix}-b${Math.random().toString(36).slice(2, 8)}`;
      change(s);
    });
    const server = await startWebServer({ ...web.rt, config }, { host: '127.0.0.1', port: 0 });
    servers.push(server);
    return server;
  }
  const servers: WebServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  const postLogin = (url: string, email: string, password: string, headers = {}) =>
    fetch(`${url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ email, password }).toString(),
      redirect: 'manual',
    });

  it('marks the cookie Secure only when a trusted proxy says the request came over HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    // trustProxy is off by default: a forged X-Forwarded-Proto changes nothing.
    const plain = await postLogin(web.url, web.emails.viewer, PASSWORD, https);
    expect(plain.status).toBe(303);
    expect(plain.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const proxied = await serverWith((s) => (s.web.trustProxy = true));
    const secure = await postLogin(proxied.url, web.emails.viewer, PASSWORD, https);
    expect(secure.status).toBe(303);
    expect(secure.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const direct = await postLogin(proxied.url, web.emails.viewer, PASSWORD);
    expect(direct.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const email = 'locked@example.test';
    await web.rt.store.addUser({
      email,
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
    });
    const { lockAfterFailures } = web.config.settings.web;
    for (let i = 0; i < lockAfterFailures; i++)
      expect((await postLogin(web.url, email, 'nope nope nope')).status).toBe(401);
    const user = (await web.rt.store.userForLogin(email))!.user;
    expect(user.lockedUntil).not.toBeNull();
    expect(Date.parse(user.lockedUntil!)).toBeGreaterThan(Date.now());
    expect((await postLogin(web.url, email, PASSWORD)).status).toBe(401);
    // Another account is not affected.
    expect((await postLogin(web.url, web.emails.viewer, PASSWORD)).status).toBe(303);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await serverWith((s) => (s.web.loginPerMinute = 3));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await postLogin(limited.url, web.emails.viewer, PASSWORD)).status);
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    const res = await postLogin(limited.url, web.emails.viewer, PASSWORD);
    expect(await res.text()).toContain('Too many sign-in attempts');
  });
});
