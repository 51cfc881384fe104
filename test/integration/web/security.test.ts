// The web app's defences, on real components (the web app, Redis, SQLite, Chromium): sign-in
// never sends the browser off the site, whatever `next` says; a sign-in form posted from another
// site is refused; signing in ends the session the browser had; a signed-in user's pages are
// never cached and every kind of reply carries the Content-Security-Policy; an error the user
// did not cause shows none of its details; an outlet's javascript: URL is never a link; the
// audit log never holds an alert webhook's URL.
import type { Page, Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { buildWebApp } from '../../../app/web/server.js';
import { MwError } from '../../../src/errors.js';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { csrfOf, PASSWORD, signIn, useWebEnv } from '../../helpers/web.js';

const WEBHOOK = 'https://hooks.example/services/T0/B0/webhook-secret';

describeWithChromium('web app security', () => {
  const web = useWebEnv();

  /** Signs in on the sign-in page with `next` and returns the sign-in POST's answer. */
  async function signInWithNext(page: Page, next: string): Promise<Response> {
    await page.goto(`${web.url}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mail').fill(web.emails.viewer);
    await page.getByLabel('Password').fill(PASSWORD);
    const [answer] = await Promise.all([
      page.waitForResponse(
        (r) => r.url() === `${web.url}/login` && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    return answer;
  }

  it('sign-in goes back to a page of this site only, whatever next says', async () => {
    const page = await web.anonymous();
    for (const next of [
      '/\t/evil.example/',
      '/\n/evil.example/',
      '/\\evil.example/',
      '//evil.example/',
      'https://evil.example/',
      '/\\/evil.example/',
    ]) {
      const answer = await signInWithNext(page, next);
      expect([next, answer.status(), answer.headers()['location']]).toEqual([next, 303, '/']);
      await page.context().clearCookies();
    }
    const answer = await signInWithNext(page, '/crawl?x=1#top');
    expect(answer.headers()['location']).toBe('/crawl?x=1#top');
  });

  it('refuses a sign-in form posted from another site (login CSRF)', async () => {
    const page = await web.anonymous();
    await page.setContent(`<main><form method="post" action="${web.url}/login">
        <input name="email" value="${web.emails.viewer}" />
        <input name="password" value="${PASSWORD}" />
        <button type="submit">Go</button>
      </form></main>`);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${web.url}/login`),
      page.getByRole('button', { name: 'Go' }).click(),
    ]);
    expect(answer.status()).toBe(403);
    const cookies = await page.context().cookies(web.url);
    expect(cookies.map((c) => c.name)).not.toContain('mw_session');
  });

  it('signing in over a session ends that session', async () => {
    const page = await web.signedIn('analyst');
    const first = (await page.context().cookies(web.url)).find((c) => c.name === 'mw_session');
    expect(first).toBeDefined();
    await signIn(page, web.url, web.emails.viewer);
    const second = (await page.context().cookies(web.url)).find((c) => c.name === 'mw_session');
    expect(second?.value).not.toBe(first?.value);
    // The first session's cookie, replayed in another browser, is signed out.
    const other = await web.anonymous();
    await other.context().addCookies([{ ...first!, sameSite: 'Lax' }]);
    await other.goto(`${web.url}/crawl`);
    expect(new URL(other.url()).pathname).toBe('/login');
  });

  it('keeps signed-in pages out of caches; every kind of reply carries the CSP', async () => {
    const page = await web.signedIn('admin');
    const headersOf = async (r: { headers(): Record<string, string> } | null) => r?.headers() ?? {};
    const signedIn: Array<[string, Record<string, string>]> = [
      ['events page', await headersOf(await page.goto(`${web.url}/`))],
      ['users page', await headersOf(await page.goto(`${web.url}/admin/users`))],
      ['not found', await headersOf(await page.goto(`${web.url}/no-such-page`))],
      ['bad request', await headersOf(await page.goto(`${web.url}/articles/x`))],
      ['download', await headersOf(await page.request.get(`${web.url}/events/none/export.csv`))],
      ['CSRF refusal', await headersOf(await page.request.post(`${web.url}/crawl/x`))],
      [
        'htmx fragment',
        await headersOf(
          await page.request.post(`${web.url}/events/check`, {
            form: { _csrf: await csrfOf(page), query: 'a AND b' },
          }),
        ),
      ],
    ];
    for (const [what, h] of signedIn) {
      expect([what, h['cache-control']]).toEqual([what, 'no-store']);
      expect([what, h['content-security-policy']]).toEqual([
        what,
        expect.stringContaining("script-src 'self'"),
      ]);
    }
    const anon = await web.anonymous();
    const anonymous: Array<[string, Record<string, string>]> = [
      ['sign-in page', await headersOf(await anon.goto(`${web.url}/login`))],
      ['asset', await headersOf(await anon.request.get(`${web.url}/assets/app.js`))],
      [
        'redirect to sign in',
        await headersOf(await anon.request.get(`${web.url}/`, { maxRedirects: 0 })),
      ],
      [
        'unauthenticated htmx',
        await headersOf(
          await anon.request.post(`${web.url}/events/check`, { headers: { 'hx-request': 'true' } }),
        ),
      ],
    ];
    for (const [what, h] of anonymous)
      expect([what, h['content-security-policy']]).toEqual([
        what,
        expect.stringContaining("default-src 'self'"),
      ]);
  });

  it('an error the user did not cause answers 500 and shows none of its details', async () => {
    // The app as served, with one more route that fails the way a broken Redis would.
    const app = await buildWebApp(web.rt);
    app.get('/fails', { config: { access: 'public' } }, async () => {
      throw new MwError('MW_ERR_REDIS_UNREACHABLE', 'redis at 10.9.8.7:6380 did not answer');
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const page = await web.anonymous();
      const res = await page.goto(`http://127.0.0.1:${port}/fails`);
      expect(res?.status()).toBe(500);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Something went wrong on the server');
      expect(text).not.toContain('10.9.8.7');
      expect(text).not.toContain('MW_ERR_REDIS');
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    } finally {
      await app.close();
    }
  });

  it("never makes a link of an outlet's javascript: URL", async () => {
    const outletId = web.config.outlets[0]!.id;
    const stored = await seedArticle(
      web.rt.store,
      articleInput({ url: 'javascript:window.__pwned=1//', outletId, title: 'A trap' }),
    );
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/articles/${stored.id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('A trap');
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('javascript:window.__pwned=1//');
  });

  it('the audit log never holds an alert webhook URL, from the editor or a deletion', async () => {
    const definition = {
      id: 'hooked',
      name: 'An event with a webhook',
      window: { from: '2024-01-01', to: '2024-01-31' },
      query: 'Vilvoorde',
      alerts: { mode: 'daily', webhook: WEBHOOK },
    };
    await web.rt.store.saveAppEvent({
      id: definition.id,
      definition,
      actor: 'test',
      at: new Date().toISOString(),
    });
    const analyst = await web.signedIn('analyst');
    await analyst.goto(`${web.url}/events/hooked/edit`);
    await analyst.getByLabel('Name').fill('An event with a webhook, renamed');
    await Promise.all([
      analyst.waitForURL((u) => u.pathname === '/'),
      analyst.getByRole('button', { name: 'Save event' }).click(),
    ]);
    // The webhook is kept in the event (the editor does not edit alerts)…
    const saved = (await web.rt.store.appEvents()).find((a) => a.id === 'hooked');
    expect(JSON.stringify(saved?.definition)).toContain(WEBHOOK);
    await analyst.goto(`${web.url}/events/hooked/edit`);
    analyst.once('dialog', (d) => void d.accept());
    await Promise.all([
      analyst.waitForURL((u) => u.pathname === '/'),
      analyst.getByRole('button', { name: 'Delete event' }).click(),
    ]);
    // …and never in the log, which says only that one was set.
    const log = await web.rt.store.auditLog({ target: 'event:hooked' });
    expect(log.map((e) => e.action).sort()).toEqual(['event.delete', 'event.update']);
    for (const e of log) {
      expect(JSON.stringify(e.detail)).not.toContain('webhook-secret');
      expect((e.detail as { alerts?: { webhook?: string } }).alerts?.webhook).toBe('set');
    }
    const admin = await web.signedIn('admin');
    await admin.goto(`${web.url}/admin/audit?target=event:hooked`);
    expect(await admin.locator('main').textContent()).not.toContain('webhook-secret');
  });
});
