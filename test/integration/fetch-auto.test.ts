// `fetch: auto` in a real Chromium over loopback: a page whose static HTML holds no article is
// rendered only when it has a script that could change it; a page without scripts is judged on
// its static HTML and never opened in the browser (issue 11: the browser only where needed).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outletSchema } from '../../src/config/schema.js';
import { fetchArticle, type FetchDeps } from '../../src/crawl/fetch-page.js';
import { RobotsCache } from '../../src/crawl/robots-cache.js';
import { StageTimings } from '../../src/crawl/timings.js';
import { BrowserPool } from '../../src/fetch/browser.js';
import { HttpClient } from '../../src/fetch/http.js';
import { createLogger } from '../../src/log.js';
import { HostSlots } from '../../src/politeness/host-slots.js';
import { RateLimiter } from '../../src/politeness/rate-limiter.js';
import { obliterateAll } from '../../jobs/queues.js';
import { chromiumPath, describeWithChromium } from '../helpers/chromium.js';
import { serve } from '../helpers/server.js';

const UA = 'mediawatch/0.1 (+https://example.invalid; tests)';
const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `Paragraph ${i + 1} of a story about the town council, the weather and a new bridge over the canal that residents have waited for since many years.`,
);
const shell = (body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>Bridge opens</title>${head}</head><body>${body}</body></html>`;
const PAGES: Record<string, string> = {
  // No article, no script: what Chromium would show is what the static HTML says.
  '/plain': shell('<h1>Bridge opens</h1><p>Short note.</p>'),
  // No article, only a data block: JSON-LD never runs.
  '/data': shell(
    '<h1>Bridge opens</h1><p>Short note.</p>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  ),
  // No article in the static HTML; its script writes it.
  '/scripted': shell(
    `<h1>Bridge opens</h1><div id="app"></div><script>
document.getElementById('app').innerHTML = ${JSON.stringify(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''))};
</script>`,
  ),
};

let server: Awaited<ReturnType<typeof serve>>;
let redis: Redis;
let browser: BrowserPool;
let http: HttpClient;
const prefix = `mw-test-auto-${randomUUID()}`;
const paths: string[] = [];

beforeAll(async () => {
  server = await serve((req, res) => {
    paths.push(req.url ?? '/');
    if (req.url === '/robots.txt') return void res.end('User-agent: *\nAllow: /\n');
    const page = PAGES[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const network = { allowPrivateHosts: ['127.0.0.1'] };
  http = new HttpClient(
    { userAgent: UA, timeoutMs: 5_000, maxRedirects: 5, maxBytes: 1 << 20 },
    network,
  );
  browser = new BrowserPool({
    executablePath: chromiumPath,
    pages: 1,
    navigationTimeoutMs: 15_000,
    userAgent: UA,
    network,
  });
});

afterAll(async () => {
  await browser.close();
  await http.close();
  await obliterateAll(redis, prefix);
  redis.disconnect();
  await server.close();
});

function deps(): FetchDeps {
  return {
    http,
    browser,
    robots: new RobotsCache(http, UA),
    limiter: new RateLimiter(redis, prefix, () => 10),
    slots: new HostSlots(redis, prefix, () => 2),
    timings: new StageTimings(),
    log: createLogger({ level: 'silent', pretty: false }),
  };
}

const outlet = () =>
  outletSchema.parse({
    id: 'auto',
    name: 'Auto Gazette',
    baseUrl: server.url,
    languages: ['en'],
    fetch: 'auto',
  });

describeWithChromium('fetch: auto', () => {
  it.each(['/plain', '/data'])(
    'does not render %s: no article and no script to change that',
    async (path) => {
      const d = deps();
      const r = await fetchArticle(d, outlet(), `${server.url}${path}`);
      if ('notModified' in r) throw new Error('unexpected 304');
      expect(r.mode).toBe('http');
      expect(r.article.body).toBeNull();
      expect(r.article.runsScripts).toBe(false);
      expect(d.timings.toJSON()['render']).toBeUndefined();
      expect(browser.pageCounts().open).toBe(0);
    },
  );

  it('renders a page whose script writes the article, and keeps what it wrote', async () => {
    const d = deps();
    const r = await fetchArticle(d, outlet(), `${server.url}/scripted`);
    if ('notModified' in r) throw new Error('unexpected 304');
    expect(r.mode).toBe('browser');
    expect(r.article.body).toContain('Paragraph 6 of a story about the town council');
    expect(d.timings.toJSON()['render']?.count).toBe(1);
    // Fetched once over HTTP, then once by Chromium.
    expect(paths.filter((p) => p === '/scripted')).toHaveLength(2);
  });
});
