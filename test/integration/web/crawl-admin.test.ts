// The crawl seen from the app (app/web/routes/crawl.ts), bull-board at /admin/queues and the
// admin screens (app/web/routes/admin.ts) on real components: the simulator crawled by the
// workers, the web app, Redis, SQLite and Chromium. The per-outlet counts match the ledger; an
// admin starts a crawl of one outlet (a new crawl run, audited) while an analyst's forged request
// is refused; bull-board is for admins only; an admin adds a user who signs in, removes them and
// their session ends; the audit log lists it all.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { upsertSchedules } from '../../../jobs/schedule.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { csrfOf, expectNoAxeViolations, signIn, useWebEnv } from '../../helpers/web.js';

describeWithChromium('the crawl, bull-board and the admin screens', () => {
  const web = useWebEnv({ crawl: true });

  const outletRow = (page: Page, name: string) =>
    page
      .locator('table.crawl tbody tr')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  it('shows every outlet with the counts of the ledger, and the queues', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/crawl`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Crawl');
    const ledger = await web.rt.store.ledger();
    let stored = 0;
    for (const o of web.config.outlets) {
      const count = (status: string) =>
        String(ledger.filter((l) => l.outletId === o.id && l.status === status).length);
      const cells = outletRow(page, o.name).getByRole('cell');
      // fetch, last, next, stored, skipped, failed, pending, reasons, health
      await expect(cells.nth(0).textContent()).resolves.toBe(o.fetch);
      await expect(cells.nth(3).textContent()).resolves.toBe(count('stored'));
      await expect(cells.nth(4).textContent()).resolves.toBe(count('skipped'));
      await expect(cells.nth(5).textContent()).resolves.toBe(count('failed'));
      // A crawled outlet has a last discovery time.
      expect(await cells.nth(1).locator('time').count()).toBe(1);
      stored += Number(count('stored'));
    }
    expect(stored).toBeGreaterThan(0);
    const queues = page.getByRole('table', { name: 'Queue depths' });
    for (const q of ['discover', 'article', 'summarize'])
      expect(await queues.getByRole('rowheader', { name: q, exact: true }).count()).toBe(1);
    // A viewer is not offered bull-board.
    expect(await page.getByRole('link', { name: 'Browse the queues' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // An outlet's page: its counts, reasons and runs; no button to crawl for a viewer.
    const o = web.config.outlets[0]!;
    await page.getByRole('link', { name: o.name, exact: true }).click();
    await page.waitForURL(`${web.url}/crawl/${o.id}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(o.name);
    expect(await page.getByRole('button', { name: /Start a crawl/ }).count()).toBe(0);
    const runs = page.getByRole('table', { name: /crawl runs that included/ });
    expect(await runs.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page);

    // Bad and unknown outlets.
    expect((await page.goto(`${web.url}/crawl/no-such-outlet`))?.status()).toBe(404);
    const bad = await page.goto(`${web.url}/crawl/Bad%20Id`);
    expect(bad?.status()).toBe(400);
    expect(await page.getByText('outlet:').count()).toBeGreaterThan(0);
  });

  it('lets an admin start a crawl of one outlet, and refuses an analyst', async () => {
    const o = web.config.outlets[0]!;
    const runsBefore = (await web.rt.store.recentRuns({ limit: 500 })).length;

    // An analyst has no button; a forged POST with a valid CSRF token is refused.
    const analyst = await web.signedIn('analyst');
    await analyst.goto(`${web.url}/crawl/${o.id}`);
    expect(await analyst.getByRole('button', { name: /Start a crawl/ }).count()).toBe(0);
    const forged = await analyst.request.post(`${web.url}/crawl/${o.id}`, {
      form: { _csrf: await csrfOf(analyst) },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect((await web.rt.store.recentRuns({ limit: 500 })).length).toBe(runsBefore);

    const admin = await web.signedIn('admin');
    await admin.goto(`${web.url}/crawl/${o.id}`);
    await admin.getByRole('button', { name: `Start a crawl of ${o.name}` }).click();
    const flash = admin.getByRole('status');
    await flash.waitFor();
    const text = (await flash.textContent()) ?? '';
    const runId = /crawl (run-\S+) started/.exec(text)?.[1];
    expect(runId).toBeDefined();
    expect(new URL(admin.url()).pathname).toBe(`/crawl/${o.id}`);
    const runs = await web.rt.store.recentRuns({ limit: 500 });
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs[0]).toMatchObject({ id: runId, outletIds: [o.id] });
    // The page shows that run's counts.
    expect(await admin.getByRole('table', { name: `Counts of run ${runId}` }).count()).toBe(1);
    const log = await web.rt.store.auditLog({ target: `outlet:${o.id}` });
    expect(log[0]).toMatchObject({
      action: 'crawl.start',
      actor: web.emails.admin,
      detail: { runId },
    });
    // An outlet that is not configured.
    const unknown = await admin.request.post(`${web.url}/crawl/nowhere`, {
      form: { _csrf: await csrfOf(admin) },
      maxRedirects: 0,
    });
    expect(unknown.status()).toBe(404);
  });

  it("lets an admin pause an outlet's schedule, kept by the next start, and resume it", async () => {
    const o = web.config.outlets[0]!;
    const other = web.config.outlets[1]!;
    const deps = { queues: web.rt.queues, redis: web.rt.redis, settings: web.config.settings };
    const ids = web.config.outlets.map((x) => x.id);
    const scheduled = async () =>
      (await web.rt.queues.discover.getJobSchedulers(0, -1)).map((s) => s.key).sort();
    await upsertSchedules(deps, ids); // as `mediawatch start` does
    expect(await scheduled()).toContain(`discover-${o.id}`);

    // An analyst cannot, even with a valid token.
    const analyst = await web.signedIn('analyst');
    await analyst.goto(`${web.url}/crawl/${o.id}`);
    expect(await analyst.getByRole('button', { name: /the schedule of/ }).count()).toBe(0);
    const forged = await analyst.request.post(`${web.url}/crawl/${o.id}/schedule`, {
      form: { _csrf: await csrfOf(analyst), action: 'pause' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await scheduled()).toContain(`discover-${o.id}`);

    const admin = await web.signedIn('admin');
    await admin.goto(`${web.url}/crawl/${o.id}`);
    await admin.getByRole('button', { name: `Pause the schedule of ${o.name}` }).click();
    await admin.getByRole('button', { name: `Resume the schedule of ${o.name}` }).waitFor();
    expect(await admin.getByText('paused', { exact: true }).count()).toBeGreaterThan(0);
    expect(await scheduled()).not.toContain(`discover-${o.id}`);
    // The next start leaves it out, and schedules the others.
    await upsertSchedules(deps, ids);
    expect(await scheduled()).not.toContain(`discover-${o.id}`);
    expect(await scheduled()).toContain(`discover-${other.id}`);
    await admin.goto(`${web.url}/crawl`);
    expect(await outletRow(admin, o.name).getByText('paused').count()).toBe(1);
    expect(await outletRow(admin, other.name).getByText('paused').count()).toBe(0);

    await admin.goto(`${web.url}/crawl/${o.id}`);
    await admin.getByRole('button', { name: `Resume the schedule of ${o.name}` }).click();
    await admin.getByRole('button', { name: `Pause the schedule of ${o.name}` }).waitFor();
    const back = await web.rt.queues.discover.getJobScheduler(`discover-${o.id}`);
    expect(Number(back?.every)).toBe(web.config.settings.schedule.everyMinutes * 60_000);
    expect(Number(back?.next)).toBeGreaterThan(Date.now());
    const log = await web.rt.store.auditLog({ target: `outlet:${o.id}` });
    expect(log.slice(0, 2).map((e) => [e.action, e.actor])).toEqual([
      ['schedule.resume', web.emails.admin],
      ['schedule.pause', web.emails.admin],
    ]);
    const bad = await admin.request.post(`${web.url}/crawl/${o.id}/schedule`, {
      form: { _csrf: await csrfOf(admin), action: 'explode' },
      maxRedirects: 0,
    });
    expect(bad.status()).toBe(400);
  });

  it('serves bull-board to admins only, read-only, with its own CSP', async () => {
    const admin = await web.signedIn('admin');
    const res = await admin.goto(`${web.url}/admin/queues`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self';");
    expect(await admin.title()).toBe('mediawatch queues');
    await admin.getByText('discover', { exact: true }).first().waitFor();
    // Its API answers admins and is read-only.
    const api = await admin.request.get(`${web.url}/admin/queues/api/queues`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((q) => q.readOnlyMode)).toEqual(body.queues.map(() => true));
    // A change without the app's CSRF token is refused before bull-board sees it.
    const pause = await admin.request.put(`${web.url}/admin/queues/api/queues/discover/pause`);
    expect(pause.status()).toBe(403);
    expect(await web.rt.queues.discover.isPaused()).toBe(false);
    // Everywhere else the app's strict policy holds.
    const crawl = await admin.goto(`${web.url}/crawl`);
    expect(crawl?.headers()['content-security-policy']).toContain("style-src 'self';");

    const analyst = await web.signedIn('analyst');
    expect((await analyst.goto(`${web.url}/admin/queues`))?.status()).toBe(403);
    expect((await analyst.request.get(`${web.url}/admin/queues/api/queues`)).status()).toBe(403);

    const anonymous = await web.anonymous();
    await anonymous.goto(`${web.url}/admin/queues`);
    expect(new URL(anonymous.url()).pathname).toBe('/login');
  });

  it('lets an admin add a user who signs in, then remove them, ending their session', async () => {
    const email = 'new.analyst@example.test';
    const password = 'a long enough password';
    const admin = await web.signedIn('admin');
    await admin.goto(`${web.url}/admin/users`);
    // The admin's own account cannot be removed from here.
    expect(await admin.getByRole('button', { name: `Remove ${web.emails.admin}` }).count()).toBe(0);
    await admin.getByLabel('E-mail').fill(email);
    await admin.getByLabel('Role', { exact: true }).selectOption('analyst');
    await admin.getByLabel('Password', { exact: true }).fill(password);
    await admin.getByRole('button', { name: 'Add user' }).click();
    await admin.getByRole('status').waitFor();
    expect(await admin.getByRole('status').textContent()).toBe(`${email} added as analyst.`);
    await expectNoAxeViolations(admin);

    // A short password is refused, naming the parameter.
    await admin.getByLabel('E-mail').fill('short@example.test');
    await admin.getByLabel('Password', { exact: true }).fill('short');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await admin.getByRole('alert').waitFor();
    expect(await admin.getByRole('alert').textContent()).toContain('password:');
    expect(await web.rt.store.userForLogin('short@example.test')).toBeNull();

    const user = await web.anonymous();
    await signIn(user, web.url, email, password);
    expect(new URL(user.url()).pathname).toBe('/');

    // A role change, audited with what it was.
    await admin.goto(`${web.url}/admin/users`);
    await admin.getByLabel(`Role of ${email}`, { exact: true }).selectOption('viewer');
    await admin.getByRole('button', { name: `Change the role of ${email}` }).click();
    await admin.getByRole('status').waitFor();
    expect(await admin.getByRole('status').textContent()).toBe(`${email} is now viewer.`);
    expect((await web.rt.store.userForLogin(email))?.user.role).toBe('viewer');
    expect((await web.rt.store.auditLog({ target: `user:${email}`, limit: 1 }))[0]).toMatchObject({
      action: 'user.role',
      detail: { from: 'analyst', to: 'viewer' },
    });

    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: `Remove ${email}` }).click();
    await admin.getByRole('status').waitFor();
    expect(await admin.getByRole('status').textContent()).toBe(`${email} removed.`);
    expect(await web.rt.store.userForLogin(email)).toBeNull();

    await user.goto(`${web.url}/crawl`);
    expect(new URL(user.url()).pathname).toBe('/login');
  });

  it('shows a generated password once, and lists every change in the audit log', async () => {
    const admin = await web.signedIn('admin');
    await admin.goto(`${web.url}/admin/users`);
    await admin.getByLabel('E-mail').fill('gen@example.test');
    await admin.getByLabel('Role', { exact: true }).selectOption('viewer');
    await admin.getByLabel('Generate a password').check();
    await admin.getByRole('button', { name: 'Add user' }).click();
    const secret = admin.locator('code.secret');
    await secret.waitFor();
    const generated = (await secret.textContent()) ?? '';
    expect(generated).toMatch(/^[A-Za-z0-9]{20}$/);
    const viewer = await web.anonymous();
    await signIn(viewer, web.url, 'gen@example.test', generated);
    expect(new URL(viewer.url()).pathname).toBe('/');
    await admin.goto(`${web.url}/admin/users`);
    expect(await admin.locator('code.secret').count()).toBe(0);

    await admin.goto(`${web.url}/admin/audit`);
    const table = admin.getByRole('table');
    for (const action of ['crawl.start', 'user.add', 'user.remove'])
      expect(await table.getByRole('cell', { name: action, exact: true }).count()).toBeGreaterThan(
        0,
      );
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Target starts with').fill('user:new.analyst');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL((u) => u.searchParams.get('target') === 'user:new.analyst');
    const actions = await admin
      .getByRole('table')
      .locator('tbody tr td:nth-child(3)')
      .allTextContents();
    expect(actions).toEqual(['user.remove', 'user.role', 'user.signin', 'user.add']);
  });
});
