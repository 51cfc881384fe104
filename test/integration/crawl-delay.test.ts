// robots.txt Crawl-delay slows an outlet below its configured rate, for every request after
// robots.txt itself. Real Redis, BullMQ, SQLite, HTTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import type { Runtime } from '../../jobs/worker.js';
import { outletRuntime } from '../helpers/outlet-runtime.js';
import { serve } from '../helpers/server.js';

const arrivals: Array<{ path: string; at: number }> = [];
let server: Awaited<ReturnType<typeof serve>>;
let rt: Runtime;
let env: Awaited<ReturnType<typeof outletRuntime>>;

beforeAll(async () => {
  server = await serve((req, res) => {
    arrivals.push({ path: req.url ?? '/', at: Date.now() });
    if (req.url === '/robots.txt') return void res.end('User-agent: *\nCrawl-delay: 0.6\n');
    res.writeHead(200, { 'content-type': 'text/html' });
    if (req.url === '/')
      return void res.end([1, 2, 3].map((n) => `<a href="/n/${n}">${n}</a>`).join(''));
    res.end(
      `<html><body><article><h1>Story ${req.url}</h1>${'<p>A paragraph of a story about the harbour and its cranes, written for this test only.</p>'.repeat(6)}</article></body></html>`,
    );
  });
  env = await outletRuntime({
    settings: {},
    outlet: {
      id: 'harbour',
      name: 'Harbour',
      baseUrl: server.url,
      languages: ['en'],
      fetch: 'http',
      rateLimit: { requestsPerSecond: 50, maxConcurrent: 4 },
      discovery: { pages: ['/'], articlePattern: '^/n/' },
    },
  });
  rt = env.rt;
  await waitForCrawl(rt, await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] }));
}, 60_000);

afterAll(async () => {
  await env?.close();
  await server?.close();
});

describe('Crawl-delay', () => {
  it('spaces every request after robots.txt by the delay, not by the faster configured rate', () => {
    const after = arrivals.filter((a) => a.path !== '/robots.txt');
    expect(after.map((a) => a.path).sort()).toEqual(['/', '/n/1', '/n/2', '/n/3']);
    // Grants are 600 ms apart on Redis's clock; arrivals may jitter by a few tens of ms. Without
    // the Crawl-delay they would be 20 ms apart (50 requests/s).
    const gaps = after.slice(1).map((a, i) => a.at - after[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(540);
  });
});
