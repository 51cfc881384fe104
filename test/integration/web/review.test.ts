// The review queue (app/web/routes/review.ts, assets/review.js) on real components: the
// simulator crawled by the workers, the web app, Redis, SQLite and Chromium. An analyst reviews
// by keyboard only and in bulk; a viewer looks but cannot act (a forged POST is refused); a POST
// without a CSRF token is refused; decisions survive a recrawl.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithChromium } from '../../helpers/chromium.js';
import { csrfOf, expectNoAxeViolations, signIn, useWebEnv } from '../../helpers/web.js';

const EVENT = 'vilvoorde-2024';
const QUEUE = `/events/${EVENT}/review`;

async function rowIds(page: Page): Promise<number[]> {
  const ids = await page
    .locator('table.review tbody tr[data-article]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-article'))));
  return ids;
}

describeWithChromium('review queue', () => {
  const web = useWebEnv({ crawl: true });

  const overrides = async () =>
    new Map((await web.rt.store.mentionOverrides(EVENT)).map((o) => [o.articleId, o]));

  it('an analyst reviews by keyboard: j, r, n, a tag with t and Enter; stored and audited', async () => {
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}${QUEUE}`);
    await expectNoAxeViolations(page);
    const counter = page.locator('#unreviewed-count');
    const total = (await web.rt.store.mentions(EVENT)).length;
    expect(total).toBeGreaterThanOrEqual(5);
    await expect.poll(() => counter.textContent()).toContain(`${total} not reviewed`);
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = ids as [number, number, number];
    const row = (id: number) => page.locator(`#m-${id}`);

    await page.keyboard.press('j');
    expect(await row(a).getAttribute('aria-selected')).toBe('true');
    expect(await row(a).evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('r');
    await expect.poll(() => row(b).getAttribute('aria-selected')).toBe('true');
    await row(a)
      .locator('.review-state', { hasText: /^Relevant$/ })
      .waitFor();

    await page.keyboard.press('n');
    await expect.poll(() => row(c).getAttribute('aria-selected')).toBe('true');
    await row(b).locator('.review-state', { hasText: 'Not relevant' }).waitFor();

    await page.keyboard.press('t');
    const tagBox = row(c).getByLabel('Add a tag');
    expect(await tagBox.evaluate((el) => el === document.activeElement)).toBe(true);
    // "budget" holds u, g, e and t: shortcuts while typing, which must do nothing.
    await page.keyboard.type('budget');
    await page.keyboard.press('Enter');
    await row(c).locator('.tag-list', { hasText: 'budget' }).waitFor();
    await expect.poll(() => counter.textContent()).toContain(`${total - 3} not reviewed`);

    const stored = await overrides();
    expect([...stored.keys()].sort((x, y) => x - y)).toEqual([a, b, c].sort((x, y) => x - y));
    const analyst = web.emails.analyst;
    expect(stored.get(a)).toMatchObject({
      relevant: true,
      tags: [],
      tone: null,
      reviewedBy: analyst,
    });
    expect(stored.get(b)).toMatchObject({
      relevant: false,
      tags: [],
      tone: null,
      reviewedBy: analyst,
    });
    expect(stored.get(c)).toMatchObject({
      relevant: true,
      tags: ['budget'],
      tone: null,
      reviewedBy: analyst,
    });

    const audit = await web.rt.store.auditLog({ limit: 100 });
    const reviews = audit.filter((e) => e.action === 'mention.review');
    expect(reviews.map((e) => e.target).sort()).toEqual(
      [a, b, c].map((id) => `mention:${EVENT}/${id}`).sort(),
    );
    expect(reviews.every((e) => e.actor === analyst)).toBe(true);
    expect(reviews.find((e) => e.target.endsWith(`/${b}`))?.detail).toMatchObject({
      relevant: false,
      reviewedBy: analyst,
    });
    expect(reviews.find((e) => e.target.endsWith(`/${c}`))?.detail).toMatchObject({
      addTags: ['budget'],
    });

    // The queue has moved on: reloaded, the reviewed mentions are no longer in it.
    await page.reload();
    const left = await rowIds(page);
    expect(left).not.toContain(a);
    expect(left).not.toContain(b);
    expect(left).not.toContain(c);
    // The shortcuts' help opens with ? (and is accessible).
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('a bulk action on two selected rows marks both', async () => {
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}${QUEUE}`);
    const [a, b, c] = (await rowIds(page)) as [number, number, number];
    expect(c).toBeDefined();
    await page.getByLabel(`Select mention ${a}`).check();
    // x toggles the selected row's checkbox.
    await page.locator(`#m-${b}`).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('x');
    expect(await page.getByLabel(`Select mention ${b}`).isChecked()).toBe(true);
    const before = await overrides();
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('saved') === '2'),
      page
        .getByRole('form', { name: 'Bulk actions' })
        .getByRole('button', { name: 'Mark selected not relevant' })
        .click(),
    ]);
    await page.getByText('Saved 2 decisions.').waitFor();
    const after = await overrides();
    expect(after.size).toBe(before.size + 2);
    for (const id of [a, b])
      expect(after.get(id)).toMatchObject({ relevant: false, reviewedBy: web.emails.analyst });
    expect(after.has(c)).toBe(false);
    const audit = await web.rt.store.auditLog({ target: `mention:${EVENT}/${a}` });
    expect(audit.map((e) => e.action)).toEqual(['mention.review']);
  });

  it('a viewer sees the queue without actions; a forged POST is refused with 403', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}${QUEUE}`);
    const [id] = (await rowIds(page)) as [number];
    expect(id).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Relevant', exact: true }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Bulk actions' }).count()).toBe(0);
    expect(await page.locator('input[type=checkbox]').count()).toBe(0);
    await expectNoAxeViolations(page);

    const before = await overrides();
    const token = await csrfOf(page);
    expect(token).not.toBe('');
    const res = await page.request.post(`${web.url}${QUEUE}`, {
      form: { _csrf: token, op: 'not-relevant', articleId: String(id) },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(await overrides()).toEqual(before);
  });

  it('works without JavaScript (the form posts and redirects back to the same view); a POST without a CSRF token is refused with 403; bad input is a 400 naming it', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, web.url, web.emails.analyst);
      await page.goto(`${web.url}${QUEUE}?state=all&page=1`);
      const all = await rowIds(page);
      const unreviewed = await web.rt.store.mentionPage({
        eventId: EVENT,
        filter: { state: 'unreviewed' },
        offset: 0,
        limit: 1,
      });
      const id = unreviewed.rows[0]?.articleId ?? 0;
      expect(all).toContain(id);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('saved') === '1'),
        page.locator(`#m-${id}`).getByRole('button', { name: 'Positive' }).click(),
      ]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(QUEUE);
      expect(url.searchParams.get('state')).toBe('all');
      expect(url.searchParams.get('page')).toBe('1');
      await page.locator(`#m-${id}`).getByText('Tone: positive').waitFor();
      expect((await overrides()).get(id)).toMatchObject({
        tone: 'positive',
        relevant: true,
        reviewedBy: web.emails.analyst,
      });
      await checkRefusals(page, id);
    } finally {
      await context.close();
    }
  });

  async function checkRefusals(page: Page, id: number): Promise<void> {
    const before = await overrides();
    const noToken = await page.request.post(`${web.url}${QUEUE}`, {
      form: { op: 'not-relevant', articleId: String(id) },
      maxRedirects: 0,
    });
    expect(noToken.status()).toBe(403);
    expect(await overrides()).toEqual(before);

    const token = await csrfOf(page);
    const badOp = await page.request.post(`${web.url}${QUEUE}`, {
      form: { _csrf: token, op: 'delete', articleId: String(id) },
      maxRedirects: 0,
    });
    expect(badOp.status()).toBe(400);
    expect(await badOp.text()).toContain('op:');
    const badId = await page.request.post(`${web.url}${QUEUE}`, {
      form: { _csrf: token, op: 'relevant', articleId: '1 OR 1=1' },
      maxRedirects: 0,
    });
    expect(badId.status()).toBe(400);
    expect(await badId.text()).toContain('articleId');
    const badState = await page.request.get(`${web.url}${QUEUE}?state=bogus`);
    expect(badState.status()).toBe(400);
    expect(await badState.text()).toContain('state=bogus');
    expect(await overrides()).toEqual(before);
  }

  it('decisions survive a recrawl', async () => {
    const before = await overrides();
    expect(before.size).toBeGreaterThanOrEqual(6);
    const mentionsBefore = (await web.rt.store.mentions(EVENT)).length;
    await web.crawl();
    expect((await web.rt.store.mentions(EVENT)).length).toBe(mentionsBefore);
    expect(await overrides()).toEqual(before);

    // And the queue still shows them as reviewed.
    const page = await web.signedIn('analyst');
    await page.goto(`${web.url}${QUEUE}?state=reviewed`);
    expect((await rowIds(page)).sort((x, y) => x - y)).toEqual(
      [...before.keys()].sort((x, y) => x - y),
    );
    const tagged = [...before.values()].find((o) => o.tags.includes('budget'));
    expect(tagged).toBeDefined();
    await page
      .locator(`#m-${tagged?.articleId}`)
      .locator('.tag-list', { hasText: 'budget' })
      .waitFor();
  });
});
