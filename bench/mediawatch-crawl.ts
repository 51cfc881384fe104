// Child process of `npm run bench`: crawls the simulator's generated "bench" outlet end to end
// through the real pipeline (BullMQ on Redis, undici, htmlparser2, extractor, matcher, SQLite),
// then a sample of the same pages on the browser path, and prints one JSON line of results.
// Usage: node dist/bench/mediawatch-crawl.js <http-origin> <browser-origin> <pages> <concurrency>
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../src/config/load.js';
import { packageRoot } from '../src/config/paths.js';
import { createLogger } from '../src/log.js';
import { enqueueCrawl, waitForCrawl } from '../jobs/crawl.js';
import { obliterateAll } from '../jobs/queues.js';
import { openRuntime } from '../app/runtime.js';

const [httpOrigin, browserOrigin, pagesArg, concurrencyArg] = process.argv.slice(2);
if (!httpOrigin || !browserOrigin)
  throw new Error('usage: mediawatch-crawl <http-origin> <browser-origin> [pages] [concurrency]');
const pages = Number(pagesArg ?? 2000);
const concurrency = Number(concurrencyArg ?? 16);

const dir = mkdtempSync(join(tmpdir(), 'mw-bench-'));
mkdirSync(join(dir, 'outlets'));
cpSync(join(packageRoot(), 'config', 'events'), join(dir, 'events'), { recursive: true });
writeFileSync(
  join(dir, 'mediawatch.yaml'),
  stringify({
    redis: { prefix: `mw-bench-${process.pid}` },
    database: { url: join(dir, 'bench.db') },
    worker: { concurrency: { discover: 1, article: concurrency, summarize: 1 } },
    browser: { pages: 4 },
    // The simulator is on loopback: only its own hosts may resolve to a private address.
    network: {
      allowPrivateHosts: [...new Set([httpOrigin, browserOrigin].map((o) => new URL(o).hostname))],
    },
    log: { level: 'warn' },
  }),
);
const outlet = (id: string, baseUrl: string, fetch: string, maxUrls: number): void =>
  writeFileSync(
    join(dir, 'outlets', `${id}.yaml`),
    stringify({
      id,
      name: id,
      baseUrl,
      languages: ['fr', 'nl', 'en'],
      fetch,
      rateLimit: { requestsPerSecond: 1000, maxConcurrent: concurrency },
      discovery: { sitemaps: ['/sitemap.xml'], pages: [], maxUrls },
    }),
  );
outlet('bench', httpOrigin, 'http', pages);
outlet('bench-browser', browserOrigin, 'browser', 1_000_000);

const config = loadConfig(dir);
const log = createLogger({ level: 'warn', pretty: false });
const { rt, close } = await openRuntime(config, log, { work: true });
const results: Record<string, unknown> = { pages, concurrency };
try {
  for (const [label, id] of [
    ['http', 'bench'],
    ['browser', 'bench-browser'],
  ] as const) {
    rt.net.timings.totals.clear();
    const start = performance.now();
    const runId = await enqueueCrawl(rt, { outletIds: [id], eventIds: [] });
    const counts = await waitForCrawl(rt, runId, () => undefined, 100);
    const seconds = (performance.now() - start) / 1000;
    results[label] = {
      stored: counts.stored,
      failed: counts.failed,
      skipped: counts.skipped,
      seconds: Number(seconds.toFixed(2)),
      pagesPerSecond: Number((counts.stored / seconds).toFixed(1)),
      stageMs: rt.net.timings.toJSON(),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  }
} finally {
  await obliterateAll(rt.redis, config.settings.redis.prefix);
  await close();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
