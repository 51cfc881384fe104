// The events list and the event editor (app/web/routes/events.ts, assets/events.js) on real
// components: the simulator crawled by the workers, the web app, Redis, SQLite and Chromium.
// An event saved in the app is matched by the running workers (no restart); the editor checks
// the query as the analyst types and previews it over the stored articles; a viewer cannot
// edit; an app event saved by another process reaches this one's workers (jobs/events-sync.ts).
// The tests run in order: the first crawl stores the articles the preview reads.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { articleInput, seedArticle } from '../../helpers/articles.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { csrfOf, expectNoAxeViolations, useWebEnv } from '../../helpers/web.js';

/** A simulator story (src/sim/content/unrelated.ts, lalibre, French) no config event matches. */
const STANDARD_TITLE = 'Pro League : le Standard arrache le nul à Sclessin';

async function fillEvent(
  page: Page,
  url: string,
  e: { id: string; name: string; query: string; languages?: string[] },
): Promise<void> {
  await page.goto(`${url}/events/new`);
  await page.getByLabel('Id', { exact: true }).fill(e.id);
  await page.getByLabel('Name').fill(e.name);
  await page.getByLabel('From').fill('2024-01-01');
  await page.getByLabel(/^To/).fill('2024-01-31');
  for (const l of e.languages ?? []) await page.getByLabel(new RegExp(`\\(${l}\\)`)).check();
  await page.getByLabel('Query', { exact: true }).fill(e.query);
}

async function save(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.getByRole('button', { name: 'Save event' }).click(),
  ]);
}

describeWithChromium('events: list and editor', () => {
  const web = useWebEnv();

  it('an event saved in the app is matched by the running workers, in its languages only', async () => {
    const page = await web.signedIn('analyst');
    await fillEvent(page, web.url, {
      id: 'standard-sclessin',
      name: 'Standard at Sclessin',
      query: 'Sclessin AND Standard',
      languages: ['fr'],
    });
    await save(page);
    // The same query limited to Dutch: the French story must not match it.
    await fillEvent(page, web.url, {
      id: 'standard-dutch',
      name: 'Standard, Dutch only',
      query: 'Sclessin AND Standard',
      languages: ['nl'],
    });
    await save(page);
    expect((await web.rt.store.appEvents()).map((a) => a.id).sort()).toEqual([
      'standard-dutch',
      'standard-sclessin',
    ]);
    const audit = await web.rt.store.auditLog({ target: 'event:standard-sclessin' });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['event.create', web.emails.analyst]]);
    expect(audit[0]?.detail).toMatchObject({ query: 'Sclessin AND Standard', languages: ['fr'] });

    // The runtime serving the app (and running the workers) was not restarted.
    await web.crawl();
    const mentions = await web.rt.store.mentions('standard-sclessin');
    expect(mentions.map((m) => m.article.title)).toEqual([STANDARD_TITLE]);
    expect(await web.rt.store.mentions('standard-dutch')).toEqual([]);
    const configMentions = await web.rt.store.mentions('vilvoorde-2024');
    expect(configMentions.length).toBeGreaterThan(0);
    expect(configMentions.map((m) => m.article.title)).not.toContain(STANDARD_TITLE);
    // The summary job knew the app event (it fails for an unknown one).
    await expect.poll(() => web.rt.store.coverage('standard-sclessin')).not.toBeNull();
  }, 60_000);

  it('the editor checks the query as it is typed and previews matches before saving', async () => {
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}/`);
    await page.getByRole('link', { name: 'New event' }).click();
    await page.waitForURL(`${web.url}/events/new`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Id', { exact: true }).fill('standard-preview');
    await page.getByLabel('Name').fill('Standard (previewed)');
    await page.getByLabel('From').fill('2024-01-01');
    await page.getByLabel(/^To/).fill('2024-01-31');
    const query = page.getByLabel('Query', { exact: true });
    const check = page.locator('#query-check');

    await query.click();
    await page.keyboard.type('Standard AND (Sclessin');
    // A check of a shorter prefix may answer first when typing pauses: wait for the last one.
    await check.locator('.query-where', { hasText: 'Column 23' }).waitFor();
    expect(await check.getByText('MW_ERR_QUERY_SYNTAX').count()).toBe(1);
    // The caret line sits under column 23 of the query as typed.
    const caret = (await check.locator('pre').textContent()) ?? '';
    expect(caret.split('\n').slice(0, 2)).toEqual([
      '  Standard AND (Sclessin',
      `  ${' '.repeat(22)}^`,
    ]);

    await page.keyboard.type(')');
    await check.getByText('Query OK.').waitFor();
    expect(await check.locator('code').allTextContents()).toEqual(
      expect.arrayContaining(['Standard', 'Sclessin']),
    );

    await page.getByRole('button', { name: 'Preview matches' }).click();
    const preview = page.locator('#preview');
    const link = preview.getByRole('link', { name: STANDARD_TITLE });
    await link.waitFor();
    const [stored] = await web.rt.store.mentions('standard-sclessin');
    expect(await link.getAttribute('href')).toBe(`/articles/${stored?.articleId}`);
    const marks = await preview.locator('.sentences mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['Standard', 'Sclessin']));
    expect(await preview.locator('.sentences li').first().textContent()).toContain('Sclessin');
    expect(await preview.innerText()).toContain('would match');
    expect((await web.rt.store.appEvents()).map((a) => a.id)).not.toContain('standard-preview');

    await save(page);
    const row = page.getByRole('row', { name: /Standard \(previewed\)/ });
    await row.waitFor();
    expect(await row.locator('.badge.app').textContent()).toBe('app');
    expect(await row.getByRole('link', { name: 'Edit' }).count()).toBe(1);
    const configRow = page.getByRole('row', { name: /vilvoorde-2024/ });
    expect(await configRow.locator('.badge.config').textContent()).toBe('config');
    expect(await configRow.innerText()).toContain('Edited in config/events/');
    expect(await configRow.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  }, 60_000);

  it('refuses an id a config event uses, with the message next to the field', async () => {
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}/`);
    await fillEvent(page, web.url, { id: 'vilvoorde-2024', name: 'Again', query: 'Vilvoorde' });
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.url() === `${web.url}/events` && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Save event' }).click(),
    ]);
    expect(res.status()).toBe(400);
    const err = page.locator('#id-error');
    await err.waitFor();
    expect(await err.innerText()).toContain('already the id of an event in config/events/');
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('aria-describedby')).toContain(
      'id-error',
    );
    // What was typed is kept.
    expect(await page.getByLabel('Name').inputValue()).toBe('Again');
    expect((await web.rt.store.appEvents()).map((a) => a.id)).not.toContain('vilvoorde-2024');
  });

  it('a viewer sees the events without edit buttons; a forged POST /events is refused', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/`);
    await page.getByRole('row', { name: /Standard at Sclessin/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New event' }).count()).toBe(0);
    const form = await page.request.get(`${web.url}/events/new`);
    expect(form.status()).toBe(403);
    const before = await web.rt.store.appEvents();
    const res = await page.request.post(`${web.url}/events`, {
      form: {
        _csrf: await csrfOf(page),
        id: 'forged',
        name: 'Forged',
        from: '2024-01-01',
        query: 'anything',
      },
    });
    expect(res.status()).toBe(403);
    expect(await web.rt.store.appEvents()).toEqual(before);
    const del = await page.request.post(`${web.url}/events/standard-sclessin/delete`, {
      form: { _csrf: await csrfOf(page) },
    });
    expect(del.status()).toBe(403);
    expect((await web.rt.store.appEvents()).map((a) => a.id)).toContain('standard-sclessin');
  });

  it('an app event saved by another process reaches the workers; an invalid one is listed', async () => {
    // As another app process would: straight into the store, no call into this runtime.
    const saveElsewhere = (id: string, name: string, query: string) =>
      web.rt.store.saveAppEvent({
        id,
        definition: { id, name, window: { from: '2024-01-01' }, query },
        actor: 'other@example.test',
        at: new Date().toISOString(),
      });
    await saveElsewhere('from-elsewhere', 'Saved elsewhere', 'Eurostar');
    await saveElsewhere('broken', 'Broken', 'a AND (');
    await expect
      .poll(() => web.rt.events.map((e) => e.event.id), { timeout: 15_000 })
      .toContain('from-elsewhere');
    expect(web.rt.events.map((e) => e.event.id)).not.toContain('broken');
    expect(web.rt.config.events.map((e) => e.id)).toContain('from-elsewhere');

    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}/`);
    const invalid = page.locator('.invalid-events li', { hasText: 'broken' });
    await invalid.waitFor();
    expect(await invalid.innerText()).toContain('query:');

    // Deleting through the app takes it out of the workers' list too.
    await page.goto(`${web.url}/events/from-elsewhere/edit`);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/'),
      page.getByRole('button', { name: 'Delete event' }).click(),
    ]);
    expect((await web.rt.store.appEvents()).map((a) => a.id)).not.toContain('from-elsewhere');
    expect(web.rt.events.map((e) => e.event.id)).not.toContain('from-elsewhere');
    const audit = await web.rt.store.auditLog({ target: 'event:from-elsewhere' });
    expect(audit.map((a) => a.action)).toEqual(['event.delete']);
  }, 30_000);

  it('an analyst edits an app event; a hostile stored title previews as text', async () => {
    const hostile =
      '<script>window.__x=1</script> Standard à Sclessin <img src=x onerror="window.__y=1">';
    await seedArticle(
      web.rt.store,
      articleInput({
        url: 'https://rtl.example/hostile',
        outletId: 'rtl',
        title: hostile,
        body: 'Le <b>Standard</b> joue à Sclessin ce soir.',
        published: '2024-01-20T10:00:00+01:00',
        language: 'fr',
      }),
    );
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}/`);
    await page
      .getByRole('row', { name: /Standard at Sclessin/ })
      .getByRole('link', { name: 'Edit' })
      .click();
    await page.waitForURL(`${web.url}/events/standard-sclessin/edit`);
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Name').inputValue()).toBe('Standard at Sclessin');
    expect(await page.getByLabel(/\(fr\)/).isChecked()).toBe(true);
    // The stored query is checked when the page opens.
    await page.locator('#query-check').getByText('Query OK.').waitFor();

    await page.getByRole('button', { name: 'Preview matches' }).click();
    const link = page.locator('#preview').getByRole('link', { name: hostile });
    await link.waitFor();
    expect(await page.locator('#preview').getByText('Le <b>Standard</b> joue').count()).toBe(1);
    expect(await page.locator('#preview script, #preview img, #preview b').count()).toBe(0);
    expect(
      await page.evaluate(() => [
        typeof (window as { __x?: unknown }).__x,
        typeof (window as { __y?: unknown }).__y,
      ]),
    ).toEqual(['undefined', 'undefined']);

    await page.getByLabel('Name').fill('Standard at Sclessin (edited)');
    await save(page);
    await page.getByRole('row', { name: /Standard at Sclessin \(edited\)/ }).waitFor();
    const stored = (await web.rt.store.appEvents()).find((a) => a.id === 'standard-sclessin');
    expect(stored?.definition).toMatchObject({
      name: 'Standard at Sclessin (edited)',
      languages: ['fr'],
    });
    const audit = await web.rt.store.auditLog({ target: 'event:standard-sclessin' });
    expect(audit.map((a) => a.action).sort()).toEqual(['event.create', 'event.update']);
    expect(web.rt.config.events.find((e) => e.id === 'standard-sclessin')?.name).toBe(
      'Standard at Sclessin (edited)',
    );

    // Bad input is a 400 naming the parameter; a config event is not editable here.
    const csrf = await csrfOf(page);
    const badId = await page.request.post(`${web.url}/events/NOT_AN_ID`, { form: { _csrf: csrf } });
    expect(badId.status()).toBe(400);
    expect(await badId.text()).toContain('id:');
    const configEdit = await page.request.post(`${web.url}/events/vilvoorde-2024`, {
      form: { _csrf: csrf, name: 'x', from: '2024-01-01', query: 'x' },
    });
    expect(configEdit.status()).toBe(400);
    expect(await configEdit.text()).toContain('config/events/');
    const badPreview = await page.request.post(`${web.url}/events/preview`, {
      form: { _csrf: csrf, from: 'yesterday', query: 'Standard' },
    });
    expect(badPreview.status()).toBe(400);
    expect(await badPreview.text()).toContain('from:');
  }, 30_000);
});
