// Every main page of the web app, in Chromium, after a crawl of the simulator: each loads for
// the role that may see it, passes axe-core's WCAG 2.1 A/AA rules, shows an article whose
// title and body are markup (`<script>`, an `onerror` image) as text without running it, and
// leaves the browser console free of CSP violations. With MW_SCREENSHOTS=DIR it also saves a
// screenshot of each page there (README and docs/web.md use docs/screenshots/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedArticle, articleInput } from '../../helpers/articles.js';
import { describeWithChromium } from '../../helpers/chromium.js';
import { webEnv, type WebEnv } from '../../helpers/web.js';

const HOSTILE_TITLE = '<script>window.__x=1</script>"><img src=x onerror="window.__y=1">';
const HOSTILE_BODY =
  'Vilvoorde declaration <img src=x onerror="window.__z=1"> and <b>bold</b> text about Vilvoorde.';

const shots = process.env.MW_SCREENSHOTS;

describeWithChromium('web app: every page is accessible and shows hostile text as text', () => {
  let web: WebEnv;
  let eventId: string;
  let articleId: number;
  let outletId: string;

  beforeAll(async () => {
    web = await webEnv({ crawl: true });
    const event = web.config.events[0]!;
    eventId = event.id;
    outletId = web.config.outlets[0]!.id;
    const stored = await seedArticle(
      web.rt.store,
      articleInput({
        url: `${web.config.outlets[0]!.baseUrl.replace(/\/$/, '')}/hostile-title`,
        outletId,
        title: HOSTILE_TITLE,
        body: HOSTILE_BODY,
        // The window's last day: newest in the list, not the first to report.
        published: `${event.window.to ?? event.window.from}T12:00:00Z`,
        language: 'en',
      }),
      [
        {
          eventId,
          score: 1,
          hits: [{ field: 'body', term: 'vilvoorde', start: 0, end: 10 }],
          sentences: [
            {
              field: 'body',
              text: HOSTILE_BODY,
              start: 0,
              end: HOSTILE_BODY.length,
              marks: [[0, 10]],
            },
          ],
          summary: HOSTILE_TITLE,
        },
      ],
    );
    articleId = stored.id;
    if (shots) mkdirSync(shots, { recursive: true });
  }, 180_000);
  afterAll(async () => web?.close());

  /** `name`: the screenshot's file (null: a page checked but not pictured in the docs). */
  async function check(page: Page, path: string, name: string | null): Promise<void> {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto(`${web.url}${path}`);
    expect(res?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').count(), `${path}: one h1`).toBe(1);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = axe.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')}`,
    );
    expect(found, `${path}: axe-core violations`).toEqual([]);
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [w.__x, w.__y, w.__z];
    });
    expect(ran, `${path}: hostile markup ran`).toEqual([undefined, undefined, undefined]);
    expect(violations, `${path}: CSP violations in the console`).toEqual([]);
    if (shots && name) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  }

  it('the sign-in page', async () => {
    const page = await web.anonymous();
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(page, '/login', 'signin');
  });

  it('the analyst pages: events, dashboard, review, article, editor, alerts, crawl', async () => {
    const page = await web.signedIn('analyst');
    await page.setViewportSize({ width: 1280, height: 900 });
    await check(page, '/', 'events');
    await check(page, `/events/${eventId}`, 'dashboard');
    // The hostile title is on the dashboard as text, and no <img> came from it.
    expect(await page.getByText(HOSTILE_TITLE).first().isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await check(page, `/events/${eventId}/review`, 'review');
    await check(page, `/articles/${articleId}?event=${eventId}`, null);
    expect(await page.getByText(HOSTILE_TITLE).first().isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The docs picture an article the crawl stored, not the hostile one.
    const crawled = (await web.rt.store.mentions(eventId)).find((m) => m.articleId !== articleId)!;
    await check(page, `/articles/${crawled.articleId}?event=${eventId}`, 'article');
    await check(page, '/events/new', 'event-editor');
    await check(page, `/events/${eventId}/alerts`, 'alerts');
    await check(page, '/crawl', 'crawl');
    await check(page, `/crawl/${outletId}`, 'crawl-outlet');
  });

  it('the admin pages: users and the audit log', async () => {
    const page = await web.signedIn('admin');
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(page, '/admin/users', 'users');
    // An admin's outlet page has the crawl and schedule buttons.
    await check(page, `/crawl/${outletId}`, 'crawl-outlet-admin');
    await check(page, '/admin/audit', 'audit');
  });

  it('the viewer pages', async () => {
    const page = await web.signedIn('viewer');
    await check(page, '/', 'events-viewer');
    await check(page, `/events/${eventId}/review`, 'review-viewer');
  });
});
