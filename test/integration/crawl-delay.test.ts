// robots.txt Crawl-delay slows an outlet below its configured rate, for every request after
// robots.txt itself. Real Redis, BullMQ, SQLite, HTTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import type { Runtime } from '../../jobs/worker.js';
import { arrivalBreach, CLOCK_MS, recordGrants, type GrantLog } from '../helpers/grants.js';
import { outletRuntime } from '../helpers/outlet-runtime.js';
import { serve } from '../helpers/server.js';

const DELAY_MS = 600;
const arrivals: Array<{ path: string; at: number }> = [];
let grants: GrantLog;
let server: Awaited<ReturnType<typeof serve>>;
let rt: Runtime;
let env: Awaited<ReturnType<typeof outletRuntime>>;

beforeAll(async () => {
  server = await serve((req, res) => {
    arrivals.push({ path: req.url ?? '/', at: Date.now() });
    if (req.url === '/robots.txt')
      return void res.end(`User-agent: *\nCrawl-delay: ${DELAY_MS / 1000}\n`);
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
  grants = await recordGrants(rt.config.settings.redis.url, rt.config.settings.redis.prefix);
  await waitForCrawl(rt, await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] }));
}, 180_000);

afterAll(async () => {
  await grants?.close();
  await env?.close();
  await server?.close();
});

describe('Crawl-delay', () => {
  it('spaces every request after robots.txt by the delay, not by the faster configured rate', () => {
    const after = arrivals.filter((a) => a.path !== '/robots.txt');
    expect(after.map((a) => a.path).sort()).toEqual(['/', '/n/1', '/n/2', '/n/3']);
    // Grants, on Redis's clock: robots.txt first, then one per request, each a full Crawl-delay
    // after the one before (less 1 ms: the script reads the clock in whole ms). Without the
    // Crawl-delay they would be 20 ms apart (50 requests/s).
    const granted = grants.of(new URL(server.url).host);
    expect(granted.length).toBe(arrivals.length);
    const gaps = granted.slice(2).map((g, i) => g.at - granted[i + 1]!.at);
    expect(Math.min(...gaps), gaps.map(Math.round).join(' ')).toBeGreaterThanOrEqual(
      DELAY_MS - CLOCK_MS,
    );
    // As the server sees them: arrivals trail their grants by a delay that varies on a loaded
    // machine (this replaces a 540 ms floor per gap, i.e. 60 ms of jitter): k requests take k
    // delays less that jitter, once per span.
    expect(
      arrivalBreach(
        after.map((a) => a.at),
        DELAY_MS,
      ),
    ).toBeNull();
  });
});
