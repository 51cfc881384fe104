// robots.txt Crawl-delay slows an outlet below its configured rate, for every request after
// robots.txt itself. Real Redis, BullMQ, SQLite, HTTP on loopback.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueCrawl, waitForCrawl } from '../../jobs/crawl.js';
import { obliterateAll } from '../../jobs/queues.js';
import { startRuntime, stopRuntime, type Runtime } from '../../jobs/worker.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { writeConfigDir } from '../helpers/config-dir.js';
import { serve } from '../helpers/server.js';
import { tmpDir } from '../helpers/tmp.js';

const arrivals: Array<{ path: string; at: number }> = [];
let server: Awaited<ReturnType<typeof serve>>;
let rt: Runtime;
const tmp = tmpDir();

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
  const dir = writeConfigDir(join(tmp.dir, 'config'), {
    settings: {
      redis: { prefix: `mw-test-${randomUUID().slice(0, 8)}` },
      database: { url: join(tmp.dir, 'mw.db') },
    },
    outlets: [
      {
        id: 'harbour',
        name: 'Harbour',
        baseUrl: server.url,
        languages: ['en'],
        fetch: 'http',
        rateLimit: { requestsPerSecond: 50, maxConcurrent: 4 },
        discovery: { pages: ['/'], articlePattern: '^/n/' },
      },
    ],
  });
  rt = await startRuntime(
    loadConfig(dir, { REDIS_URL: process.env.REDIS_URL }),
    createLogger({ level: 'silent', pretty: false }),
    { work: true },
  );
  await waitForCrawl(rt, await enqueueCrawl(rt, { outletIds: ['harbour'], eventIds: [] }));
}, 60_000);

afterAll(async () => {
  if (rt) {
    await obliterateAll(rt.redis, rt.config.settings.redis.prefix);
    await stopRuntime(rt);
  }
  await server?.close();
  tmp.cleanup();
});

describe('Crawl-delay', () => {
  it('spaces every request after robots.txt by the delay, not by the faster configured rate', () => {
    const after = arrivals.filter((a) => a.path !== '/robots.txt');
    expect(after.map((a) => a.path).sort()).toEqual(['/', '/n/1', '/n/2', '/n/3']);
    const gaps = after.slice(1).map((a, i) => a.at - after[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(580);
  });
});
