// Incremental recrawl on real Redis, BullMQ and SQLite: a recent article is revisited with a
// conditional GET; 304 costs no extraction; a changed body updates the article and its mention
// and keeps the previous version's hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import type { Runtime } from '../../jobs/worker.js';
import { outletRuntime } from '../helpers/outlet-runtime.js';
import { serve } from '../helpers/server.js';

const published = new Date(Date.now() - 3600_000).toISOString();
let version = 1;
const seen: Array<{ ifNoneMatch: string | undefined; status: number }> = [];
const page =
  (): string => `<!doctype html><html lang="en"><head><title>Bridge news - Canal Post</title>
<meta property="article:published_time" content="${published}"></head><body><article><h1>Bridge news</h1>
${Array.from({ length: 5 }, (_, i) => `<p>Version ${version}: paragraph ${i + 1} about the new ${version < 3 ? 'bridge over the canal' : 'tunnel under the river'}, which the town council approved after a long debate among residents and engineers.</p>`).join('\n')}
</article></body></html>`;

let server: Awaited<ReturnType<typeof serve>>;
let rt: Runtime;
let env: Awaited<ReturnType<typeof outletRuntime>>;
const crawl = async (): Promise<void> => {
  await new Promise((r) => setTimeout(r, 120)); // past the revisit interval (60 ms)
  await waitForCrawl(rt, await enqueueCrawl(rt, { outletIds: ['canal'], eventIds: [] }));
};

beforeAll(async () => {
  server = await serve((req, res) => {
    if (req.url === '/robots.txt') return void res.end('User-agent: *\nAllow: /\n');
    if (req.url === '/') return void res.end('<a href="/news/bridge">Bridge</a>');
    const etag = `"v${version}"`;
    const inm = req.headers['if-none-match'];
    const status = inm === etag ? 304 : 200;
    seen.push({ ifNoneMatch: inm, status });
    res.writeHead(status, { etag, 'content-type': 'text/html; charset=utf-8' });
    res.end(status === 304 ? undefined : page());
  });
  env = await outletRuntime({
    settings: {
      recrawl: { recentHours: 48, everyMinutes: 0.001 },
    },
    outlet: {
      id: 'canal',
      name: 'Canal Post',
      baseUrl: server.url,
      languages: ['en'],
      fetch: 'http',
      rateLimit: { requestsPerSecond: 100 },
      discovery: { pages: ['/'], articlePattern: '^/news/' },
    },
    events: [
      {
        id: 'bridge',
        name: 'The bridge',
        window: { from: published.slice(0, 10) },
        query: 'bridge AND canal',
      },
    ],
  });
  rt = env.rt;
  await crawl();
}, 60_000);

afterAll(async () => {
  await env?.close();
  await server?.close();
});

describe('a recent article', () => {
  it('is revisited with a conditional GET, and a 304 costs no extraction', async () => {
    const [before] = await rt.store.articles();
    const extractions = rt.net.timings.totals.get('extract')?.count;
    await crawl();
    expect(seen.at(-1)).toEqual({ ifNoneMatch: '"v1"', status: 304 });
    expect(rt.net.timings.totals.get('extract')?.count).toBe(extractions);
    const [after] = await rt.store.articles();
    expect(after?.version).toBe(1);
    expect(after?.contentHash).toBe(before?.contentHash);
    const [row] = (await rt.store.ledger()).filter((r) => r.url.endsWith('/news/bridge'));
    expect(row?.reason).toMatch(/^MW_NOT_MODIFIED/);
  });

  it('updates the article and its mention when the body changed, keeping the previous hash', async () => {
    const [before] = await rt.store.articles();
    version = 2;
    await crawl();
    const [after] = await rt.store.articles();
    expect(after?.id).toBe(before?.id);
    expect(after?.version).toBe(2);
    expect(after?.previousHash).toBe(before?.contentHash);
    expect(after?.body).toContain('Version 2:');
    const mentions = await rt.store.mentions('bridge');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.sentences.some((x) => x.text.includes('Version 2'))).toBe(true);
    expect(mentions[0]?.sentences.some((x) => x.text.includes('Version 1'))).toBe(false);
  });

  it('loses its mention when a new version no longer matches, and keeps the article', async () => {
    version = 3;
    await crawl();
    const [after] = await rt.store.articles();
    expect(after?.version).toBe(3);
    expect(after?.body).toContain('tunnel under the river');
    expect(await rt.store.mentions('bridge')).toEqual([]);
  });
});
