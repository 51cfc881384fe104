// The coverage dashboard and the article page (app/web/routes/dashboard.ts, article.ts) on real
// components: the simulator crawled by the workers, the web app, Redis, SQLite and Chromium.
// Totals and charts, filtering by outlet, paging, the article page's marked body and original
// link, and hostile titles shown as text on both pages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedArticle, articleInput } from '../../helpers/articles.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { expectNoAxeViolations, type WebEnv, webEnv } from '../../helpers/web.js';

const EVENT = 'vilvoorde-2024';
const HOSTILE = `<script>window.__x=1</script>"><img src=x onerror=window.__y=1>`;
const PAGE_SIZE = 10;

/** Stores an article that mentions EVENT, with one body hit on "Vilvoorde". */
async function seedMention(web: WebEnv, n: number, title: string, outletId = 'rtl') {
  const body = `Les bourgmestres se sont réunis à Vilvoorde ce vendredi ${n}.`;
  const start = body.indexOf('Vilvoorde');
  const end = start + 'Vilvoorde'.length;
  const url = `${web.sim.origins[outletId] ?? 'https://rtl.example'}/seeded/${n}`;
  const recorded = await seedArticle(
    web.rt.store,
    articleInput({
      url,
      fetchedUrl: url,
      outletId,
      title,
      body,
      language: 'fr',
      published: `2024-01-0${4 + (n % 5)}T09:${String(10 + n).padStart(2, '0')}:00+01:00`,
    }),
    [
      {
        eventId: EVENT,
        score: 1,
        hits: [{ field: 'body', term: 'vilvoorde', start, end }],
        sentences: [
          { field: 'body', text: body, start: 0, end: body.length, marks: [[start, end]] },
        ],
        summary: body,
      },
    ],
  );
  return recorded.id;
}

const rowsOf = (page: Page) => page.locator('table.mentions tbody tr');

describeWithChromium('coverage dashboard and article page', () => {
  let web: WebEnv;
  let hostileId: number;
  beforeAll(async () => {
    web = await webEnv({
      crawl: true,
      settings: (s) => {
        s.web.pageSize = PAGE_SIZE;
      },
    });
    hostileId = await seedMention(web, 0, HOSTILE);
    // Enough mentions for more than one page.
    for (let n = 1; n <= PAGE_SIZE; n++) await seedMention(web, n, `Seeded Vilvoorde story ${n}`);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
  });

  it('shows totals, one chart per series, first to report and the stored articles', async () => {
    const mentions = await web.rt.store.mentions(EVENT);
    expect(mentions.length).toBeGreaterThan(PAGE_SIZE);
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}`);
    await expectNoAxeViolations(page);
    const totals = page.getByRole('list', { name: 'Totals' });
    expect(await totals.textContent()).toContain(`${mentions.length} articles`);
    expect(await page.locator('figure.chart svg').count()).toBe(2);
    expect(await page.getByRole('img', { name: 'Articles per day by outlet' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Articles per day by language' }).count()).toBe(1);
    expect(await page.locator('#mention-count').textContent()).toContain(
      `${mentions.length} mentions`,
    );
    // The newest crawled article is on the first page, by its stored title.
    const { rows } = await web.rt.store.mentionPage({
      eventId: EVENT,
      filter: {},
      offset: 0,
      limit: PAGE_SIZE,
    });
    const crawled = rows.find((r) => !r.url.includes('/seeded/'));
    if (crawled?.title)
      expect(await page.getByRole('link', { name: crawled.title, exact: true }).count()).toBe(1);
    expect(await rowsOf(page).count()).toBe(PAGE_SIZE);
    // Hit sentences carry their marks.
    expect(await page.locator('table.mentions mark').count()).toBeGreaterThan(0);
    // The visit is recorded for the "new since last visit" counts.
    const viewer = (await web.rt.store.users()).find((u) => u.email === web.emails.viewer);
    expect((await web.rt.store.lastVisits(viewer?.id ?? -1))[EVENT]).toBeTruthy();
  });

  it('filters by outlet: only its rows, a smaller count, the filter kept in the links', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}`);
    const all = await page.locator('#mention-count').textContent();
    const outlet = web.config.outlets.find((o) => o.id === 'rtl');
    expect(outlet).toBeDefined();
    await page.getByRole('checkbox', { name: outlet?.name ?? '', exact: true }).check();
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('outlet') === 'rtl'),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    const expected = (
      await web.rt.store.mentionPage({
        eventId: EVENT,
        filter: { outletIds: ['rtl'] },
        offset: 0,
        limit: 1,
      })
    ).total;
    const count = await page.locator('#mention-count').textContent();
    expect(count).toContain(`${expected} mentions`);
    expect(count).not.toBe(all);
    const outlets = await rowsOf(page).evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent?.trim()),
    );
    expect(outlets.length).toBeGreaterThan(0);
    expect(new Set(outlets)).toEqual(new Set([outlet?.name]));
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      `/events/${EVENT}/export.csv?outlet=rtl`,
    );
    // The totals describe the filtered set too.
    expect(await page.getByRole('list', { name: 'Totals' }).textContent()).toContain(
      `${expected} articles`,
    );
  });

  it('shows at most ten articles of a large story, with how many more there are', async () => {
    // One stored story of every mention (the summarize job's grouping, as the view reads it).
    const mentions = await web.rt.store.mentions(EVENT);
    const stored = (await web.rt.store.coverage(EVENT))!.summary;
    const ids = mentions.map((m) => m.articleId);
    await web.rt.store.saveCoverage({
      eventId: EVENT,
      summary: {
        ...stored,
        groups: [
          {
            originalId: ids[0]!,
            members: ids.map((id, i) => ({
              id,
              relation: i === 0 ? 'original' : 'pickup',
              similarity: 1,
              via: i === 0 ? null : ids[0]!,
            })),
          },
        ],
      },
    });
    const page = await web.signedIn('viewer');
    // A filter no other test asked for: computed now, from the summary just stored.
    await page.goto(`${web.url}/events/${EVENT}?text=e`);
    const kept = await web.rt.store.mentionPage({
      eventId: EVENT,
      filter: { text: 'e' },
      offset: 0,
      limit: 1,
    });
    expect(kept.total).toBeGreaterThan(10);
    const group = page.locator('#h-groups ~ table tbody.group');
    expect(await group.count()).toBe(1);
    expect(await group.locator('tr a, tr strong').count()).toBeGreaterThan(0);
    expect(
      await group.getByText(`and ${kept.total - 10} more articles of this story`).count(),
    ).toBe(1);
  });

  it('pages through the list with previous and next, keeping the filter', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}?language=fr`);
    const firstPage = await rowsOf(page).allTextContents();
    expect(firstPage.length).toBe(PAGE_SIZE);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('page') === '2'),
      page.getByRole('link', { name: 'Next page' }).click(),
    ]);
    expect(new URL(page.url()).searchParams.get('language')).toBe('fr');
    const secondPage = await rowsOf(page).allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((r) => firstPage.includes(r))).toBe(false);
    expect(await page.locator('.pager').textContent()).toContain('Page 2 of');
    await Promise.all([
      page.waitForURL((u) => !u.searchParams.has('page')),
      page.getByRole('link', { name: 'Previous page' }).click(),
    ]);
    expect(await rowsOf(page).allTextContents()).toEqual(firstPage);
  });

  it('answers a bad filter with 400 naming the parameter, and an unknown event with 404', async () => {
    const page = await web.signedIn('viewer');
    const bad = await page.goto(`${web.url}/events/${EVENT}?days=soon`);
    expect(bad?.status()).toBe(400);
    expect(await page.locator('main').textContent()).toContain('days=soon');
    const badPage = await page.goto(`${web.url}/events/${EVENT}?page=0`);
    expect(badPage?.status()).toBe(400);
    expect(await page.locator('main').textContent()).toContain('page');
    const missing = await page.goto(`${web.url}/events/no-such-event`);
    expect(missing?.status()).toBe(404);
    const malformed = await page.goto(`${web.url}/events/${encodeURIComponent('../x')}`);
    expect(malformed?.status()).toBe(404);
  });

  it('shows an article: fields, the body with its hits marked, why it matched, the original link', async () => {
    const mention = (await web.rt.store.mentions(EVENT)).find(
      (m) => !m.article.url.includes('/seeded/') && m.hits.some((h) => h.field === 'body'),
    );
    expect(mention).toBeDefined();
    if (!mention) return;
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}`);
    await page.goto(`${web.url}/articles/${mention.articleId}?event=${EVENT}`);
    await expectNoAxeViolations(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(mention.article.title);
    const marks = await page.locator('.article-body mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    const bodyHits = mention.hits
      .filter((h) => h.field === 'body')
      .map((h) => mention.article.body?.slice(h.start, h.end));
    expect(bodyHits).toContain(marks[0]);
    const original = page.getByRole('link', { name: 'Original article' });
    expect(await original.getAttribute('href')).toBe(mention.article.url);
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    // Why it matched: the query's parts judged on this text, the hit terms with counts.
    expect(await page.locator('.query mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.query-tree li.held').count()).toBeGreaterThan(0);
    const terms = await page.locator('#h-why ~ table tbody tr td:first-child').allTextContents();
    expect(terms).toContain(mention.hits.find((h) => h.field === 'body')?.term);
    // Back to the event's dashboard.
    expect(
      await page
        .getByRole('navigation', { name: 'Events' })
        .getByRole('link', { name: web.config.events[0]?.name ?? EVENT })
        .getAttribute('href'),
    ).toBe(`/events/${EVENT}`);
  });

  it('shows a hostile title as text on the dashboard and the article page', async () => {
    const page = await web.signedIn('viewer');
    await page.goto(`${web.url}/events/${EVENT}?text=${encodeURIComponent('onerror')}`);
    expect(await rowsOf(page).count()).toBe(1);
    const link = page.locator('table.mentions').getByRole('link', { name: HOSTILE, exact: true });
    expect(await link.count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => [typeof (window as never)['__x'], typeof (window as never)['__y']]),
    ).toEqual(['undefined', 'undefined']);

    await Promise.all([page.waitForURL(/\/articles\//), link.click()]);
    expect(new URL(page.url()).pathname).toBe(`/articles/${hostileId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(
      await page.evaluate(() => [typeof (window as never)['__x'], typeof (window as never)['__y']]),
    ).toEqual(['undefined', 'undefined']);
    expect(await page.locator('.article-body mark').allTextContents()).toEqual(['Vilvoorde']);
  });
});
