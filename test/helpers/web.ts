// The web app on real components for end-to-end tests: a crawl environment (simulator, Redis,
// SQLite or PostgreSQL, workers; ./crawl-env.ts) with `serve` on a free loopback port, users
// made through the store, and a real Chromium (Playwright) signed in as one of them.
//
//   const web = await webEnv();                      // add { crawl: true } to crawl the simulator first
//   const page = await web.signedIn('analyst');      // a Playwright Page, signed in
//   await page.goto(web.url + '/');
//   ...
//   await web.close();
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { startWebServer, type WebServer } from '../../app/web/server.js';
import { hashPassword } from '../../app/web/passwords.js';
import type { Settings } from '../../src/config/schema.js';
import type { Role } from '../../src/store/index.js';
import { chromiumPath } from './chromium.js';
import { crawlEnv, type CrawlEnv } from './crawl-env.js';
import type { DialectName } from './databases.js';

export const PASSWORD = 'correct horse battery';

export interface WebEnv extends CrawlEnv {
  url: string;
  server: WebServer;
  browser: Browser;
  /** One user per role, made at start: admin@example.test, analyst@…, viewer@… */
  emails: Record<Role, string>;
  /** A fresh browser context signed in as the role's user; closed with the env. */
  signedIn(role: Role): Promise<Page>;
  /** A fresh, signed-out browser context's page. */
  anonymous(): Promise<Page>;
  /** Crawls every simulator outlet with the workers and waits for the run to end. */
  crawl(): Promise<string>;
}

/** The page's CSRF token (the layout puts it in <body hx-headers>), for forged requests. */
export async function csrfOf(page: Page): Promise<string> {
  const headers = await page.locator('body').getAttribute('hx-headers');
  return (JSON.parse(headers ?? '{}') as Record<string, string>)['x-csrf-token'] ?? '';
}

/** axe-core finds no violation on the page (WCAG 2.1 A/AA and best practices). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

export async function signIn(page: Page, url: string, email: string, password = PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

export async function webEnv(
  opts: {
    crawl?: boolean;
    database?: DialectName;
    requestsPerSecond?: number;
    /** Settings changes (after the test defaults below). */
    settings?: (s: Settings) => void;
  } = {},
): Promise<WebEnv> {
  const env = await crawlEnv({
    ...(opts.database ? { database: opts.database } : {}),
    requestsPerSecond: opts.requestsPerSecond ?? 200,
    settings: (s) => {
      // Every test signs in from 127.0.0.1: the per-address limit has its own test.
      s.web.loginPerMinute = 1000;
      opts.settings?.(s);
    },
  });
  const contexts: BrowserContext[] = [];
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  try {
    const emails = {
      admin: 'admin@example.test',
      analyst: 'analyst@example.test',
      viewer: 'viewer@example.test',
    } satisfies Record<Role, string>;
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ['admin', 'analyst', 'viewer'] as const)
      await env.rt.store.addUser({ email: emails[role], role, passwordHash });
    const crawl = async (): Promise<string> => {
      const runId = await enqueueCrawl(env.rt, {
        outletIds: env.config.outlets.map((o) => o.id),
        eventIds: [],
      });
      await waitForCrawl(env.rt, runId);
      return runId;
    };
    if (opts.crawl) await crawl();
    server = await startWebServer(env.rt, { host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath });
    const b = browser;
    const s = server;
    const newPage = async (): Promise<Page> => {
      const context = await b.newContext({ acceptDownloads: true });
      contexts.push(context);
      return context.newPage();
    };
    return {
      ...env,
      url: s.url,
      server: s,
      browser: b,
      emails,
      crawl,
      anonymous: newPage,
      async signedIn(role: Role): Promise<Page> {
        const page = await newPage();
        await signIn(page, s.url, emails[role]);
        return page;
      },
      async close(): Promise<void> {
        for (const c of contexts) await c.close().catch(() => undefined);
        await b.close();
        await s.close();
        await env.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await server?.close();
    await env.close();
    throw err;
  }
}

/**
 * The web environment of a test file: started before its first test (webEnv(opts)) and closed
 * after its last. The object returned is filled in when it has started.
 */
export function useWebEnv(opts: Parameters<typeof webEnv>[0] = {}): WebEnv {
  const web = {} as WebEnv;
  let started: WebEnv | undefined;
  beforeAll(async () => {
    started = await webEnv(opts);
    Object.assign(web, started);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  return web;
}
